package org.webrtcprimer.signaling;

import org.webrtcprimer.events.Event;
import org.webrtcprimer.events.EventLog;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * What a {@link SignalingClient} has received and not yet handled: messages waiting for
 * {@code next}, the subscriptions that take them as they come, the other peers of the room, and
 * whether (and why) the connection closed. One monitor, this object, guards it all; waiting
 * readers are woken by every change.
 */
final class Mailbox {
    /** Most messages kept unread; older ones are dropped (and the drop is logged). */
    static final int LIMIT = 1000;

    private record Subscription(Predicate<Message> filter, Consumer<Message> handler) {}

    private final String name;
    private final String room;
    private final Supplier<EventLog> log;
    private final Deque<Message> messages = new ArrayDeque<>();
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private final List<String> peers = new ArrayList<>();
    private volatile String closedBecause;
    private boolean socketClosed;

    Mailbox(String name, String room, Supplier<EventLog> log) {
        this.name = name;
        this.room = room;
        this.log = log;
    }

    private void note(String what, String detail) {
        log.get().add(SignalingServer.SOURCE, Event.Kind.NOTE, what, detail);
    }

    /** A message from the server: the room's peers follow joins and departures; a subscription or the waiting list takes it. */
    synchronized void put(Message m) {
        switch (m.type()) {
            case Protocol.PEER_JOINED -> m.string("name").ifPresent(peers::add);
            case Protocol.PEER_LEFT -> m.string("name").ifPresent(peers::remove);
            default -> { }
        }
        for (Subscription s : subscriptions) {
            if (s.filter().test(m)) {
                deliver(s, m);
                notifyAll();
                return;
            }
        }
        if (messages.size() >= LIMIT) note(name + " dropped an unread message", messages.removeFirst().brief());
        messages.addLast(m);
        notifyAll();
    }

    /** The peers listed in the server's {@code joined}. */
    synchronized void joined(Message joined) {
        for (var e : joined.raw("peers").getAsJsonArray()) peers.add(e.getAsString());
    }

    synchronized List<String> peers() {
        return List.copyOf(peers);
    }

    /** The first error waiting, if any (a connection refused at once says why before it closes). */
    synchronized Optional<Message> firstError() {
        return messages.stream().filter(m -> m.type().equals(Protocol.ERROR)).findFirst();
    }

    synchronized String awaitPeer(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (peers.isEmpty()) {
            long left = deadline - System.nanoTime();
            if (closedBecause != null) throw closed("waiting for another peer");
            if (left <= 0) {
                throw new SignalingTimeoutException("nobody else joined room " + room + " within " + timeout.toMillis()
                        + " ms — start the other peer (the callee) with the same server and room");
            }
            waitOn(left);
        }
        return peers.get(0);
    }

    /** Takes the first message that matches, waiting for it; with {@code dropEarlier}, also drops every message before it. */
    synchronized Message take(Predicate<Message> condition, Duration timeout, String whatDidNotHappen, boolean dropEarlier) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            int before = 0;
            for (Iterator<Message> it = messages.iterator(); it.hasNext(); before++) {
                Message m = it.next();
                if (condition.test(m)) {
                    it.remove();
                    if (dropEarlier && before > 0) {
                        List<String> dropped = new ArrayList<>();
                        for (int i = 0; i < before; i++) dropped.add(messages.removeFirst().type());
                        note(name + " dropped " + before + (before == 1 ? " message" : " messages") + " from before the "
                                + m.type(), String.join(", ", dropped));
                    }
                    return m;
                }
            }
            if (closedBecause != null) throw closed("waiting: " + whatDidNotHappen);
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new SignalingTimeoutException(whatDidNotHappen + " within " + timeout.toMillis() + " ms (" + name
                        + " in room " + room + ", other peers: " + (peers.isEmpty() ? "none" : String.join(", ", peers)) + ")");
            }
            waitOn(left);
        }
    }

    /** {@link SignalingClient#subscribe}: first the matching messages already waiting, in order. */
    synchronized AutoCloseable subscribe(Predicate<Message> filter, Consumer<Message> handler) {
        Subscription s = new Subscription(filter, handler);
        for (Iterator<Message> it = messages.iterator(); it.hasNext(); ) {
            Message m = it.next();
            if (filter.test(m)) {
                it.remove();
                deliver(s, m);
            }
        }
        subscriptions.add(s);
        return () -> subscriptions.remove(s);
    }

    private void deliver(Subscription s, Message m) {
        try {
            s.handler().accept(m);
        } catch (RuntimeException e) {
            note(name + " could not handle " + m.type(), String.valueOf(e.getMessage()));
        }
    }

    String closedBecause() {
        return closedBecause;
    }

    /** The connection is closed (the first reason stays). */
    synchronized void markClosed(String why) {
        if (closedBecause == null) closedBecause = why;
        notifyAll();
    }

    /** A reason for a connection that failed before it opened, unless one is known. */
    void failedEarly(String why) {
        if (closedBecause == null) closedBecause = why;
    }

    /** The socket itself has closed (the closing handshake is over). */
    synchronized void socketClosed() {
        socketClosed = true;
        notifyAll();
    }

    /** Waits until the socket has closed, at most until {@code deadline} ({@link System#nanoTime()}). */
    synchronized void awaitSocketClosed(long deadline) {
        while (!socketClosed && System.nanoTime() < deadline) {
            try {
                TimeUnit.NANOSECONDS.timedWait(this, deadline - System.nanoTime());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    IllegalStateException closed(String doing) {
        return new IllegalStateException("the signaling connection of " + name + " closed (" + closedBecause + ") while "
                + doing + " — connect again with SignalingClient.connect");
    }

    private void waitOn(long nanos) {
        try {
            TimeUnit.NANOSECONDS.timedWait(this, nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for signaling");
        }
    }
}

package org.webrtcprimer.call;

import dev.onvoid.webrtc.RTCDataChannel;
import dev.onvoid.webrtc.RTCDataChannelState;
import org.webrtcprimer.events.Event;
import org.webrtcprimer.events.EventLog;
import org.webrtcprimer.events.KitClock;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * One {@link DataChannel}'s readyState as the engine's callbacks report it ({@code connecting →
 * open → closing → closed}), each change logged as {@code dataChannelState 'label'}; the moments
 * it opened and closed as futures to wait on; and what is left once the peer connection is gone
 * ({@link #release()}: closed, its last id). Reading the state kept here costs no hop to the
 * engine's network thread. Not lesson API.
 */
final class ChannelState {
    private final DataChannel ch;
    private final RTCDataChannel channel;
    private final EventLog log;
    private final Runnable onClosed;
    private final CompletableFuture<DataChannel> opened = new CompletableFuture<>();
    private final CompletableFuture<DataChannel> closed = new CompletableFuture<>();
    private volatile String state = "";
    private volatile long closedNanos = -1;
    private volatile boolean released;
    private volatile int lastId = -1; // what id() says once the engine's object is gone

    /** @param onClosed runs once as the channel closes (the observer lets go, the inbox ends) */
    ChannelState(DataChannel ch, RTCDataChannel channel, EventLog log, Runnable onClosed) {
        this.ch = ch;
        this.channel = channel;
        this.log = log;
        this.onClosed = onClosed;
    }

    /** The state as the callbacks last reported it ("" before the first). */
    String now() {
        return state;
    }

    long closedNanos() {
        return closedNanos;
    }

    boolean released() {
        return released;
    }

    boolean isOpen() {
        return opened.isDone();
    }

    /** The SCTP stream id from the engine, or the last one it had once the channel is released. */
    int id() {
        if (released) return lastId;
        int id = channel.getId();
        if (id >= 0) lastId = id;
        return id;
    }

    /** Reads the engine's state and logs a change; called by the engine and after registering. */
    synchronized void update() {
        if (released) return;
        String now;
        try {
            now = w3c(channel.getState());
        } catch (Throwable t) {
            return;
        }
        if (now.equals(state)) return;
        // The engine can skip over a state between two callbacks; log what it passed through.
        if (state.isEmpty() && !now.equals("connecting") && !ch.isReceived()) logState("connecting");
        logState(now);
        if (now.equals("open")) {
            lastId = channel.getId();
            opened.complete(ch);
        }
        if (now.equals("closed")) markClosed();
    }

    /** The peer connection closed: so did the channel; it stops listening. Harmless twice. */
    synchronized void release() {
        if (released) return;
        if (!"closed".equals(state)) logState("closed");
        released = true;
        markClosed();
    }

    private void logState(String s) {
        state = s;
        log.add(ch.peer(), Event.Kind.STATE, DataChannel.stateName(ch.label()), s);
    }

    private void markClosed() {
        if (closedNanos < 0) closedNanos = KitClock.now();
        onClosed.run();
        closed.complete(ch);
    }

    /** Waits until open, or says it closed first; {@code where} tells where things stood when the wait ran out. */
    void awaitOpen(Duration limit, Supplier<String> where) {
        String who = ch.who();
        if (limit == null) throw new IllegalArgumentException(who + ".awaitOpen needs a wait, e.g. Duration.ofSeconds(5)");
        if (opened.isDone()) return;
        if (closed.isDone()) {
            throw new CallException(who + " closed at " + KitClock.stamp(closedNanos) + " without opening — create a new channel");
        }
        await(CompletableFuture.anyOf(opened, closed), limit, who + " did not open", where);
        if (!opened.isDone()) {
            throw new CallException(who + " closed at " + KitClock.stamp(closedNanos) + " before it opened");
        }
    }

    void awaitClosed(Duration limit) {
        await(closed, limit, ch.who() + " did not close", () -> "readyState " + ch.readyState());
    }

    private static void await(CompletableFuture<?> f, Duration limit, String whatDidNotHappen, Supplier<String> where) {
        try {
            f.get(limit.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new CallTimeoutException(whatDidNotHappen + " within " + limit.toMillis() + " ms: " + where.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CallException("interrupted while waiting: " + whatDidNotHappen + " yet");
        } catch (ExecutionException e) {
            throw new CallException(whatDidNotHappen + ": " + e.getCause().getMessage(), e.getCause());
        }
    }

    /** The W3C value of an engine state: {@code OPEN} → {@code open}. */
    static String w3c(RTCDataChannelState s) {
        return s == null ? "closed" : s.name().toLowerCase(Locale.ROOT);
    }
}

package org.webrtcprimer.call;

import dev.onvoid.webrtc.RTCDataChannel;
import dev.onvoid.webrtc.RTCDataChannelBuffer;
import dev.onvoid.webrtc.RTCDataChannelInit;
import dev.onvoid.webrtc.RTCDataChannelObserver;
import dev.onvoid.webrtc.RTCDataChannelState;
import org.webrtcprimer.events.Event;
import org.webrtcprimer.events.EventLog;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A text data channel of a remote call (RTCDataChannel over SCTP, RFC 8831): what one side
 * sends, the other receives, with every message and state change in the call's log. Lesson 08
 * covers data channels in depth ({@link DataChannel}); a remote call uses this one to show data
 * flowing both ways. Made with {@link #open(Peer, String)} on the side that offers, and
 * {@link #whenOpenedByOther(Peer, String, Consumer)} on the side that answers.
 */
public final class TextChannel {

    private final RTCDataChannel channel;
    private final String peer;
    private final EventLog log;
    private final String label;
    private final List<String> received = new ArrayList<>();
    private final CompletableFuture<Void> open = new CompletableFuture<>();
    /** Most texts {@link #received()} keeps, and most characters in all of them; older ones are dropped. */
    static final int MAX_KEPT = 1000, MAX_KEPT_CHARS = 1 << 20;
    /** Longest text written into the call's log; longer ones are cut there (not in {@link #received()}). */
    static final int MAX_LOGGED_CHARS = 200;
    private long receivedChars; // guarded by received
    private long droppedTexts; // guarded by received
    private volatile boolean closed;
    private final DataChannelObserverRelay relay;

    /**
     * Opens a text data channel from {@code peer} to the other side (before the offer, so that the
     * offer carries an application section); its messages go into the peer's log.
     */
    public static TextChannel open(Peer peer, String label) {
        RTCDataChannel c;
        try {
            c = peer.engine().createDataChannel(label, new RTCDataChannelInit());
        } catch (Throwable t) {
            throw new CallException(peer.name() + " could not open data channel '" + label + "': " + t.getMessage(), t);
        }
        return new TextChannel(c, peer.name(), peer.log(), null);
    }

    /**
     * Hands each data channel the other side opens to {@code peer}, as a text channel, to
     * {@code opened}; once open it sends {@code greeting} (when not null).
     */
    public static void whenOpenedByOther(Peer peer, String greeting, Consumer<TextChannel> opened) {
        peer.onDataChannel(c -> opened.accept(new TextChannel(c, peer.name(), peer.log(), greeting)));
    }

    private TextChannel(RTCDataChannel channel, String peer, EventLog log, String greeting) {
        this.channel = channel;
        this.peer = peer;
        this.log = log;
        this.label = channel.getLabel();
        // A relay, detached at close: the engine never frees a channel's observer (DataChannelObserverRelay).
        relay = DataChannelObserverRelay.register(channel, new RTCDataChannelObserver() {
            @Override
            public void onBufferedAmountChange(long previousAmount) {
            }

            @Override
            public void onStateChange() {
                stateChanged(greeting);
            }

            @Override
            public void onMessage(RTCDataChannelBuffer buffer) {
                // The buffer is valid only inside this callback: copy it out.
                ByteBuffer data = buffer.data;
                byte[] bytes = new byte[data.remaining()];
                data.get(bytes);
                String text = buffer.binary ? "(" + bytes.length + " binary bytes)" : new String(bytes, StandardCharsets.UTF_8);
                log.add(peer, Event.Kind.NOTE, "data channel '" + label + "' received", shortened(text));
                synchronized (received) {
                    received.add(text);
                    receivedChars += text.length();
                    // Keep the latest texts only: the other side decides how much it sends.
                    while (received.size() > MAX_KEPT || receivedChars > MAX_KEPT_CHARS && received.size() > 1) {
                        receivedChars -= received.remove(0).length();
                        droppedTexts++;
                    }
                    received.notifyAll();
                }
            }
        });
        // A channel can be open before its observer is registered (engine-notes.md).
        stateChanged(greeting);
    }

    private synchronized void stateChanged(String greeting) {
        RTCDataChannelState s;
        try {
            s = channel.getState();
        } catch (Throwable t) {
            return;
        }
        if (s == RTCDataChannelState.OPEN && !open.isDone()) {
            log.add(peer, Event.Kind.STATE, "dataChannel '" + label + "' readyState", "open");
            open.complete(null);
            if (greeting != null) send(greeting);
        } else if (s == RTCDataChannelState.CLOSED && !closed) {
            closed = true;
            log.add(peer, Event.Kind.STATE, "dataChannel '" + label + "' readyState", "closed");
        }
    }

    /** The channel's label, e.g. {@code chat}. */
    public String label() {
        return label;
    }

    /** Whether the channel is open for sending. */
    public boolean isOpen() {
        return open.isDone() && !closed;
    }

    /** Waits until the channel opens. */
    public TextChannel awaitOpen(Duration timeout) {
        try {
            open.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return this;
        } catch (Exception e) {
            throw new CallTimeoutException("data channel '" + label + "' of " + peer + " did not open within "
                    + timeout.toMillis() + " ms — is the call connected?");
        }
    }

    /** Sends a text message to the other side. */
    public void send(String text) {
        if (!open.isDone() || closed) {
            throw new IllegalStateException("data channel '" + label + "' of " + peer + " is not open — wait with awaitOpen first");
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        try {
            channel.send(new RTCDataChannelBuffer(ByteBuffer.wrap(bytes), false));
        } catch (Throwable t) {
            throw new IllegalStateException("data channel '" + label + "' of " + peer + " could not send: " + t.getMessage(), t);
        }
        log.add(peer, Event.Kind.NOTE, "data channel '" + label + "' sent", shortened(text));
    }

    static String shortened(String text) {
        return text.length() <= MAX_LOGGED_CHARS ? text
                : text.substring(0, MAX_LOGGED_CHARS) + "… (" + text.length() + " characters)";
    }

    /** Texts received and since dropped from {@link #received()} to keep it within its limits. */
    public long dropped() {
        synchronized (received) {
            return droppedTexts;
        }
    }

    /** The texts received, in order: the latest {@value #MAX_KEPT} (and at most {@value #MAX_KEPT_CHARS} characters). */
    public List<String> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /** Waits for a received text that contains the given fragment and returns it. */
    public String awaitMessage(String containing, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (received) {
            while (true) {
                for (String t : received) if (t.contains(containing)) return t;
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new CallTimeoutException(peer + " received no data channel message containing '" + containing
                            + "' within " + timeout.toMillis() + " ms; received so far: " + received);
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(received, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for a data channel message");
                }
            }
        }
    }

    /** Closes the channel (its call does at hangup); harmless twice. */
    public void close() {
        relay.detach();
        try {
            channel.unregisterObserver();
        } catch (Throwable ignored) {
        }
        try {
            channel.close();
        } catch (Throwable ignored) {
            // Already closed with its peer connection.
        }
    }

    @Override
    public String toString() {
        return "data channel '" + label + "' of " + peer + (isOpen() ? " (open)" : closed ? " (closed)" : " (connecting)")
                + ", received " + received.size() + " message" + (received.size() == 1 ? "" : "s");
    }
}

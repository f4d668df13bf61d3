package org.webrtcprimer.call;

import dev.onvoid.webrtc.RTCDataChannel;
import dev.onvoid.webrtc.RTCDataChannelBuffer;
import org.webrtcprimer.events.KitClock;
import org.webrtcprimer.sdp.MediaSection;
import org.webrtcprimer.sdp.ParsedSdp;
import org.webrtcprimer.sdp.Sdp;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The sending side of one {@link DataChannel}: every check before a message goes (open, not too
 * large for {@code a=max-message-size}, not past the engine's 16 MiB queue), the optional flow
 * control that waits at the high-water mark, and the send itself. webrtc-java 0.14.0 never calls
 * {@code onBufferedAmountChange}, so every wait on bufferedAmount polls; every engine call is a hop
 * to the network thread, so the plain send path reads bufferedAmount once. Not lesson API.
 */
final class ChannelSender {
    /** How often a flow-control wait looks at bufferedAmount (the engine never signals it). */
    private static final long POLL_NANOS = 200_000;

    private final DataChannel ch;
    private final RTCDataChannel channel;
    private final AtomicLong messages = new AtomicLong(), bytes = new AtomicLong();
    private volatile long peakBufferedAmount;
    private volatile long maxMessageSize = -1;

    ChannelSender(DataChannel ch, RTCDataChannel channel) {
        this.ch = ch;
        this.channel = channel;
    }

    long messages() {
        return messages.get();
    }

    long bytes() {
        return bytes.get();
    }

    long peakBufferedAmount() {
        return peakBufferedAmount;
    }

    /**
     * The remote description's {@code a=max-message-size} (64 KiB when absent, no limit when 0),
     * capped by the engine's own 256 KiB; read again until the channel is open, then fixed.
     */
    long maxMessageSize() {
        long m = maxMessageSize;
        if (m > 0) return m;
        long limit = DataChannel.ENGINE_MAX_MESSAGE_SIZE;
        SessionDescription remote = ch.peerClosed() ? null : ch.remoteDescription();
        if (remote == null) return limit; // not negotiated yet: the engine's own limit
        try {
            ParsedSdp sdp = Sdp.parse(remote.sdp());
            for (MediaSection s : sdp.media()) {
                if (!s.type().equals("application")) continue;
                Long v = s.maxMessageSize();
                long remoteMax = v == null ? 64 * 1024 : v == 0 ? Long.MAX_VALUE : v;
                limit = Math.min(limit, remoteMax);
                break;
            }
        } catch (RuntimeException ignored) {
            // An unreadable remote description leaves the engine's limit.
        }
        if ("open".equals(ch.callbackState())) maxMessageSize = limit; // fixed once the channel is open
        return limit;
    }

    /** One message; {@code flow} null for the plain path, which refuses a send past the engine's queue limit. */
    ChannelMessage send(byte[] data, boolean binary, FlowControl flow) {
        checkSendable(data.length);
        long queued = flow == null ? checkQueue(data.length) : awaitRoom(data.length, flow);
        long now = KitClock.now(); // before the send: the other end may have it before send() returns
        transmit(ByteBuffer.wrap(data), binary, queued); // a heap buffer's whole array is sent: data is exactly the message
        return new ChannelMessage(now, ch.peer(), ch.label(), false, binary, data.clone());
    }

    /** The fast path for measurements: an exact-size direct buffer (webrtc-java sends a buffer's whole capacity). */
    void sendDirect(ByteBuffer exact, boolean binary, FlowControl flow) {
        int size = exact.capacity();
        checkSendable(size);
        long queued = flow == null ? checkQueue(size) : awaitRoom(size, flow);
        transmit(exact, binary, queued);
    }

    /**
     * Reads bufferedAmount once and refuses a send that would pass the engine's limit. Every
     * engine call here is a hop to the network thread, so the send path makes as few as it can:
     * one bufferedAmount read and the send itself.
     */
    private long checkQueue(int size) {
        long queued = channel.getBufferedAmount();
        if (queued + size > FlowControl.ENGINE_QUEUE_LIMIT) {
            throw new CallException(ch.who() + ": send queue full — bufferedAmount " + Units.bytes(queued) + " + this "
                    + Units.bytes(size) + " message would pass the engine's 16 MiB limit, where libwebrtc closes the channel. "
                    + "Send with a FlowControl (send(data, FlowControl.defaults())) or wait with awaitBufferedAmountLow()");
        }
        return queued;
    }

    private void transmit(ByteBuffer buffer, boolean binary, long queuedBefore) {
        int size = buffer.capacity();
        try {
            channel.send(new RTCDataChannelBuffer(buffer, binary));
        } catch (Throwable t) {
            throw new CallException(ch.who() + ".send of " + Units.bytes(size) + " failed: " + t.getMessage() + " (readyState "
                    + ch.readyState() + ")", t);
        }
        if (queuedBefore + size > peakBufferedAmount) peakBufferedAmount = queuedBefore + size;
        messages.incrementAndGet();
        bytes.addAndGet(size);
    }

    private void checkSendable(long size) {
        String who = ch.who(), peer = ch.peer();
        if (ch.peerClosed() || ch.isReleased()) {
            throw new CallException(who + ".send: " + peer + " is closed — hangup() ended the call and its channels. "
                    + "Start a new call and create a new channel");
        }
        String s = ch.callbackState(); // kept current by the engine's callbacks: no hop to the network thread per send
        if (s.isEmpty() || s.equals("connecting")) {
            throw new CallException(who + ".send: the channel is still connecting — wait with awaitOpen() "
                    + "(it opens once both peers are connected" + (ch.isReceived() || ch.options().negotiated() ? ")" : " and pc2 has acknowledged it)"));
        }
        if (!s.equals("open")) {
            long closed = ch.closedNanos();
            throw new CallException(who + ".send: the channel is " + s + (closed >= 0 ? " since " + KitClock.stamp(closed) : "")
                    + " — a closed channel never reopens; create a new one with " + peer + ".createDataChannel(...)");
        }
        long max = maxMessageSize();
        if (size > max) {
            throw new IllegalArgumentException(who + ".send: a " + Units.bytes(size) + " message (" + size + " bytes) is larger than "
                    + "this channel's maxMessageSize " + Units.bytes(max) + " (" + max + " bytes; a=max-message-size, RFC 8841 §6) — "
                    + "libwebrtc would close the channel. Split it into chunks of at most " + max + " bytes");
        }
    }

    /**
     * Waits until the next message fits under the high-water mark, resuming at the low-water mark.
     *
     * @return bufferedAmount when the wait ended
     */
    private long awaitRoom(long size, FlowControl flow) {
        long queued = channel.getBufferedAmount();
        if (queued + size <= flow.highWaterMark()) return queued;
        return awaitBufferedAmountAtMost(flow.lowWaterMark(), ch.timeout(), "the low-water mark " + Units.bytes(flow.lowWaterMark()));
    }

    /** Polls until bufferedAmount is at most {@code bytes}; {@code what} names the mark in the messages. */
    long awaitBufferedAmountAtMost(long bytes, Duration limit, String what) {
        long deadline = System.nanoTime() + limit.toNanos();
        long amount;
        while ((amount = channel.getBufferedAmount()) > bytes) {
            String s = ch.callbackState();
            if (ch.isReleased() || "closed".equals(s) || "closing".equals(s)) {
                throw new CallException(ch.who() + " closed while waiting for bufferedAmount to fall to " + what
                        + " (" + Units.bytes(amount) + " still queued)");
            }
            if (System.nanoTime() > deadline) {
                throw new CallTimeoutException(ch.who() + ": bufferedAmount stayed above " + what + " for " + limit.toMillis()
                        + " ms (" + Units.bytes(amount) + " queued) — is the other peer still connected and reading?");
            }
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                throw new CallException("interrupted while waiting for " + ch.who() + " to drain its send queue");
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
        return amount;
    }
}

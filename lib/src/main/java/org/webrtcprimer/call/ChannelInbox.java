package org.webrtcprimer.call;

import dev.onvoid.webrtc.RTCDataChannelBuffer;
import org.webrtcprimer.events.Event;
import org.webrtcprimer.events.EventLog;
import org.webrtcprimer.events.KitClock;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The receiving side of one {@link DataChannel}: what arrived, copied out of the engine's buffer
 * on its network thread and kept in arrival order until {@code receive()} takes it, with the
 * channel's end as a marker after the last message, so that a receive on a closed channel returns
 * what had arrived and then says the channel is closed. Not lesson API.
 */
final class ChannelInbox {
    private static final ChannelMessage END = new ChannelMessage(0, "", "", true, true, new byte[0]);

    private final DataChannel channel;
    private final EventLog log;
    private final LinkedBlockingQueue<ChannelMessage> queue = new LinkedBlockingQueue<>();
    private final AtomicLong messages = new AtomicLong(), bytes = new AtomicLong();
    private volatile DataChannel.Sink sink = this::keep;

    ChannelInbox(DataChannel channel, EventLog log) {
        this.channel = channel;
        this.log = log;
    }

    /** Where arriving messages go: a measurement's sink on the engine's thread, or (null) this inbox. */
    void sink(DataChannel.Sink s) {
        sink = s == null ? this::keep : s;
    }

    /**
     * A message from the engine, on its network thread: counted, then kept or handed to the sink.
     * The buffer is valid only during this call (engine-notes.md): keeping it copies it.
     */
    void arrived(RTCDataChannelBuffer buffer) {
        long now = KitClock.now();
        ByteBuffer data = buffer.data;
        messages.incrementAndGet();
        bytes.addAndGet(data.remaining());
        try {
            sink.accept(data, buffer.binary, now);
        } catch (Throwable t) {
            log.add(channel.peer(), Event.Kind.NOTE, "data channel message dropped", "'" + channel.label() + "': " + t);
        }
    }

    private void keep(ByteBuffer data, boolean binary, long nanos) {
        byte[] copy = new byte[data.remaining()];
        data.get(copy);
        queue.offer(new ChannelMessage(nanos, channel.peer(), channel.label(), true, binary, copy));
    }

    /** The channel closed: receives after the last message say so. */
    void end() {
        queue.offer(END);
    }

    long messages() {
        return messages.get();
    }

    long bytes() {
        return bytes.get();
    }

    /** Messages received and not yet taken. */
    int waiting() {
        return (int) queue.stream().filter(m -> m != END).count();
    }

    ChannelMessage receive(Duration limit) {
        String who = channel.who();
        if (limit == null || limit.isNegative()) throw new IllegalArgumentException(who + ".receive needs a wait of 0 or more, e.g. Duration.ofSeconds(5)");
        ChannelMessage m;
        try {
            m = queue.poll(limit.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CallException("interrupted while " + who + " waited for a message");
        }
        if (m == null) {
            throw new CallTimeoutException(who + " received no message within " + limit.toMillis() + " ms (readyState "
                    + channel.readyState() + ", " + messages() + " received so far, none waiting)");
        }
        if (m == END) {
            queue.offer(END); // later receives see the end too
            throw new CallException(who + " is closed (since " + KitClock.stamp(channel.closedNanos()) + ") and every message it received "
                    + "has been taken (" + messages() + " in all)");
        }
        return m;
    }

    List<ChannelMessage> receive(int count, Duration limit) {
        if (count < 0) throw new IllegalArgumentException("count must be 0 or more, got " + count);
        long deadline = System.nanoTime() + limit.toNanos();
        List<ChannelMessage> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long left = Math.max(0, deadline - System.nanoTime());
            try {
                out.add(receive(Duration.ofNanos(left)));
            } catch (CallTimeoutException e) {
                throw new CallTimeoutException(channel.who() + " received " + i + " of " + count + " messages within " + limit.toMillis()
                        + " ms (readyState " + channel.readyState() + ")");
            }
        }
        return out;
    }

    /** Every message waiting now, without waiting. */
    List<ChannelMessage> drain() {
        List<ChannelMessage> out = new ArrayList<>();
        ChannelMessage m;
        while ((m = queue.peek()) != null && m != END) {
            out.add(queue.poll());
        }
        return out;
    }
}

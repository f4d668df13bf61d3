package org.webrtcprimer.call;


import org.webrtcprimer.events.KitClock;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Round-trip time by ping/pong: one end sends a small message, the other sends the same bytes
 * straight back from the engine's thread, and the first end times the answer. It measures the
 * whole path a message takes — SCTP, DTLS, UDP, twice — not just the network.
 */
public final class RoundTrip {
    private RoundTrip() {}

    /** {@code count} pings of 16 bytes from {@code from} to {@code to}, one at a time. */
    public static RoundTrips measure(DataChannel from, DataChannel to, int count) {
        return measure(from, to, count, 16);
    }

    /** {@code count} pings of {@code size} bytes (at least 8: each carries its number), one at a time. */
    public static RoundTrips measure(DataChannel from, DataChannel to, int count, int size) {
        if (from == null || to == null) throw new IllegalArgumentException("measure needs both ends of a channel");
        if (from.peer().equals(to.peer()) || !from.label().equals(to.label())) {
            throw new IllegalArgumentException("ping and pong must be the two ends of one channel (same label, different peers), got "
                    + from.peer() + " '" + from.label() + "' and " + to.peer() + " '" + to.label() + "'");
        }
        if (count < 1) throw new IllegalArgumentException("count must be at least 1, got " + count);
        if (size < 8) throw new IllegalArgumentException("size must be at least 8 bytes, got " + size);
        if (!from.options().reliableDelivery()) {
            throw new IllegalArgumentException("ping/pong needs a reliable channel: a lost ping would look like a timeout");
        }
        from.awaitOpen();
        to.awaitOpen();
        if (from.waiting() > 0) {
            throw new CallException(from.peer() + "'s channel '" + from.label() + "' has " + from.waiting()
                    + " unread messages — receive() or drain() them first, so that they are not taken for pongs");
        }
        List<Double> ms = new ArrayList<>(count);
        to.echo();
        try {
            for (int i = 0; i < count; i++) {
                byte[] ping = new byte[size];
                ByteBuffer.wrap(ping).putLong(i);
                long t0 = KitClock.now();
                from.send(ping);
                ChannelMessage pong = from.receive();
                long n = ByteBuffer.wrap(pong.data()).getLong();
                if (n != i || pong.size() != size) {
                    throw new CallException("pong " + n + " (" + pong.size() + " bytes) came back for ping " + i + " (" + size + " bytes)");
                }
                ms.add((pong.nanos() - t0) / 1e6);
            }
        } finally {
            to.sink(null);
        }
        return new RoundTrips(from.label(), from.peer(), size, ms);
    }
}

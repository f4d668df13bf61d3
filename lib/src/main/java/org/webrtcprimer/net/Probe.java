package org.webrtcprimer.net;

import org.webrtcprimer.events.KitClock;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.Arrays;
import java.util.concurrent.locks.LockSupport;

/**
 * The relay measured from outside, as a network tester would: two UDP sockets on 127.0.0.1 stand
 * in for pc1 and pc2, their "candidates" are handed over through the relay like a call's, and
 * numbered, time-stamped packets go one way. What arrives says what the relay really did — its
 * delay, loss and rate — independently of what it reports to its sinks.
 */
public final class Probe implements AutoCloseable {

    private final Relay relay;
    private final DatagramChannel pc1;
    private final DatagramChannel pc2;
    private final InetSocketAddress pc2Face;   // where pc1 sends to reach pc2
    private final InetSocketAddress pc1Face;   // where pc2 sends to reach pc1

    /**
     * What arrived of one run.
     *
     * @param sent          packets sent
     * @param received      packets that arrived (duplicates not counted)
     * @param duplicates    extra copies that arrived
     * @param reordered     packets that arrived after a later-numbered one
     * @param delaysNanos   each arrived packet's one-way time, sorted
     * @param bytesReceived payload bytes that arrived, duplicates included
     * @param firstArrival  when the first packet arrived, on the kit's clock
     * @param lastArrival   when the last one did
     * @param size          bytes per packet
     */
    public record Result(int sent, int received, int duplicates, int reordered, long[] delaysNanos, long bytesReceived,
                         long firstArrival, long lastArrival, int size) {

        /** Lost packets in percent of those sent. */
        public double lossPct() {
            return sent == 0 ? 0 : 100.0 * (sent - received) / sent;
        }

        /** The one-way time at quantile q (0–1), in ms. */
        public double delayMs(double q) {
            if (delaysNanos.length == 0) return Double.NaN;
            int i = (int) Math.min(delaysNanos.length - 1, Math.max(0, Math.round(q * (delaysNanos.length - 1))));
            return delaysNanos[i] / 1e6;
        }

        /** The mean one-way time in ms. */
        public double meanDelayMs() {
            return Arrays.stream(delaysNanos).average().orElse(Double.NaN) / 1e6;
        }

        /** The rate at which packets arrived, from the first arrival to the last, in kbit/s. */
        public double arrivalKbps() {
            if (received + duplicates < 2 || lastArrival <= firstArrival) return Double.NaN;
            return (bytesReceived - size) * 8e6 / (lastArrival - firstArrival);
        }
    }

    private Probe(Relay relay) {
        this.relay = relay;
        try {
            pc1 = open();
            pc2 = open();
        } catch (IOException e) {
            throw new UncheckedIOException("the probe could not open its sockets on 127.0.0.1: " + e.getMessage(), e);
        }
        if (relay == null) { // straight from socket to socket, the baseline
            pc2Face = face(candidate(pc2));
            pc1Face = face(candidate(pc1));
        } else {
            pc2Face = face(relay.handOver(candidate(pc2), Way.PC2_TO_PC1));
            pc1Face = face(relay.handOver(candidate(pc1), Way.PC1_TO_PC2));
        }
    }

    /** Two sockets that send to each other directly, without a relay: the baseline of a benchmark. */
    public static Probe direct() {
        return new Probe(null);
    }

    /** Two sockets whose packets go through this relay. */
    public static Probe through(Relay relay) {
        if (relay == null) throw new IllegalArgumentException("through needs a relay — Relay.start(Network.perfect()), or Probe.direct()");
        return new Probe(relay);
    }

    private static DatagramChannel open() throws IOException {
        DatagramChannel c = DatagramChannel.open(StandardProtocolFamily.INET);
        c.setOption(StandardSocketOptions.SO_RCVBUF, 4 << 20);
        c.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        return c;
    }

    private static String candidate(DatagramChannel c) {
        try {
            InetSocketAddress a = (InetSocketAddress) c.getLocalAddress();
            return "candidate:1 1 udp 2122260223 " + a.getAddress().getHostAddress() + " " + a.getPort() + " typ host";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InetSocketAddress face(String line) {
        String[] f = line.split(" ");
        return new InetSocketAddress(f[4], Integer.parseInt(f[5]));
    }

    /** The relay the probe goes through. */
    public Relay relay() {
        return relay;
    }

    /**
     * Sends {@code packets} packets of {@code size} bytes one way, one every {@code intervalNanos}
     * (0: as fast as possible), and collects what arrives until nothing has come for
     * {@code quietMillis} after the last send.
     */
    public Result run(Way way, int packets, int size, long intervalNanos, long quietMillis) {
        if (size < 16 || size > 1400) throw new IllegalArgumentException("probe packets are 16–1400 bytes, not " + size);
        DatagramChannel from = way == Way.PC1_TO_PC2 ? pc1 : pc2;
        DatagramChannel to = way == Way.PC1_TO_PC2 ? pc2 : pc1;
        InetSocketAddress target = way == Way.PC1_TO_PC2 ? pc2Face : pc1Face;
        Arrivals arrivals = new Arrivals(to, packets, size, quietMillis);
        Thread receiver = new Thread(arrivals, "webrtc-primer-probe-receive");
        receiver.setDaemon(true);
        receiver.setPriority(Thread.MAX_PRIORITY);
        receiver.start();
        long[] sentAt;
        try {
            sentAt = send(from, target, packets, size, intervalNanos);
        } finally {
            arrivals.sendingDone = true;
        }
        try {
            receiver.join(60_000 + quietMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return arrivals.result(sentAt);
    }

    /** Sends {@code packets} numbered packets, one every {@code intervalNanos} (0: as fast as it can); returns when each left. */
    private static long[] send(DatagramChannel from, InetSocketAddress target, int packets, int size, long intervalNanos) {
        long[] sentAt = new long[packets];
        ByteBuffer out = ByteBuffer.allocate(size);
        long start = KitClock.now();
        try {
            for (int i = 0; i < packets; i++) {
                if (intervalNanos > 0) {
                    long due = start + i * intervalNanos;
                    long wait;
                    while ((wait = due - KitClock.now()) > 0) LockSupport.parkNanos(Math.min(wait, 200_000));
                }
                out.clear();
                out.putInt(i);
                while (out.hasRemaining()) out.put((byte) 0x55);
                out.flip();
                sentAt[i] = KitClock.now();
                from.send(out, target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the probe could not send: " + e.getMessage(), e);
        }
        return sentAt;
    }

    /** The receiving side of one run: when each numbered packet first arrived, duplicates, reordering, bytes. */
    private static final class Arrivals implements Runnable {
        private final DatagramChannel to;
        private final int packets, size;
        private final long quietMillis;
        private final long[] arrival;
        private int dupes, reordered;
        private long bytes, first = -1, last = -1;
        volatile boolean sendingDone;

        Arrivals(DatagramChannel to, int packets, int size, long quietMillis) {
            this.to = to;
            this.packets = packets;
            this.size = size;
            this.quietMillis = quietMillis;
            this.arrival = new long[packets];
        }

        /** Receives until the sender is done and nothing has come for {@code quietMillis}. */
        @Override
        public void run() {
            ByteBuffer b = ByteBuffer.allocate(2048);
            long highest = -1;
            try {
                to.configureBlocking(false);
                long quietSince = -1;
                while (true) {
                    b.clear();
                    if (to.receive(b) == null) {
                        long now = KitClock.now();
                        if (sendingDone) {
                            if (quietSince < 0) quietSince = now;
                            if (now - quietSince > quietMillis * 1_000_000L) break;
                        }
                        LockSupport.parkNanos(20_000);
                        continue;
                    }
                    long now = KitClock.now();
                    quietSince = -1;
                    b.flip();
                    int seq = b.getInt();
                    if (seq < 0 || seq >= packets) continue;
                    bytes += size;
                    if (first < 0) first = now;
                    last = now;
                    if (arrival[seq] != 0) {
                        dupes++;
                        continue;
                    }
                    arrival[seq] = now;
                    if (seq < highest) reordered++;
                    highest = Math.max(highest, seq);
                }
            } catch (IOException e) {
                // closed
            }
        }

        /** The run's figures, once the receiving thread has ended. */
        Result result(long[] sentAt) {
            int received = 0;
            long[] d = new long[packets];
            for (int i = 0; i < packets; i++) if (arrival[i] != 0) d[received++] = arrival[i] - sentAt[i];
            long[] delays = Arrays.copyOf(d, received);
            Arrays.sort(delays);
            return new Result(packets, received, dupes, reordered, delays, bytes, first, last, size);
        }
    }

    /** Closes the two sockets (not the relay). */
    @Override
    public void close() {
        try {
            pc1.close();
        } catch (IOException ignored) {
        }
        try {
            pc2.close();
        } catch (IOException ignored) {
        }
    }
}

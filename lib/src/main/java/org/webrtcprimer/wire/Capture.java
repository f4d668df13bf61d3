package org.webrtcprimer.wire;

import org.webrtcprimer.call.SessionDescription;
import org.webrtcprimer.events.KitClock;
import org.webrtcprimer.net.PacketSink;
import org.webrtcprimer.net.RelayedPacket;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A packet capture of the kit's relay: a ring buffer that keeps the last {@link #capacity()}
 * datagrams it is given, each cut to {@link #SNAP_LENGTH} bytes, so its memory is bounded
 * (at most capacity × 1,500 bytes, 30 MB by default) however long the call runs; when it is full
 * the oldest go and {@link #wrapped()} says so. Pass it to the network as its sink:
 *
 * <pre>{@code
 * var capture = Capture.create();
 * var call = LocalCall.call(localStream, CallOptions.defaults().withNetwork(Network.perfect().withSink(capture)));
 * }</pre>
 *
 * <p>{@link #packet} runs on the relay's thread: it stores a reference in a slot and returns —
 * no lock, no allocation beyond a small holder, no decoding (decoding happens when the packets
 * are read).
 */
public final class Capture implements PacketSink {

    /** The default number of datagrams kept: about 100 s of an audio+video call (~190 packets/s). */
    public static final int DEFAULT_CAPACITY = 20_000;
    /** Bytes kept of each datagram, like tcpdump's snap length: a whole datagram on a 1500-byte MTU path. */
    public static final int SNAP_LENGTH = 1500;

    private record Slot(long seq, RelayedPacket packet, int originalSize) {}

    private final int capacity;
    private final AtomicReferenceArray<Slot> ring;
    private final AtomicLong count = new AtomicLong();
    /** Wall clock (epoch ns) minus the kit's clock, taken when the capture was made: for pcap timestamps. */
    private final long epochOffsetNanos;

    private Capture(int capacity) {
        if (capacity < 1 || capacity > 1_000_000) {
            throw new IllegalArgumentException("a capture keeps 1 to 1,000,000 packets, not " + capacity);
        }
        this.capacity = capacity;
        this.ring = new AtomicReferenceArray<>(capacity);
        this.epochOffsetNanos = System.currentTimeMillis() * 1_000_000L - KitClock.now();
    }

    /** A capture that keeps the last {@value #DEFAULT_CAPACITY} packets. */
    public static Capture create() {
        return new Capture(DEFAULT_CAPACITY);
    }

    /** A capture that keeps the last {@code packets} packets (1 to 1,000,000). */
    public static Capture ofCapacity(int packets) {
        return new Capture(packets);
    }

    @Override
    public void packet(RelayedPacket p) {
        if (p == null) return;
        RelayedPacket kept = p;
        if (p.data().length > SNAP_LENGTH) {
            kept = new RelayedPacket(p.index(), p.nanos(), p.way(), p.from(), p.to(), Arrays.copyOf(p.data(), SNAP_LENGTH),
                    p.fate(), p.delayNanos(), p.server());
        }
        long seq = count.getAndIncrement();
        ring.set((int) (seq % capacity), new Slot(seq, kept, p.data().length));
    }

    /** How many packets it keeps at most. */
    public int capacity() {
        return capacity;
    }

    /** Packets given to it so far. */
    public long seen() {
        return count.get();
    }

    /** True once more packets came than it keeps: the oldest were let go. */
    public boolean wrapped() {
        return count.get() > capacity;
    }

    /** Packets it let go to make room. */
    public long overwritten() {
        return Math.max(0, count.get() - capacity);
    }

    /** The packets it holds, oldest first, with their original sizes (before the snap length). */
    List<RelayedPacket> raw() {
        long n = count.get();
        List<RelayedPacket> out = new ArrayList<>((int) Math.min(n, capacity));
        for (long s = Math.max(0, n - capacity); s < n; s++) {
            Slot slot = ring.get((int) (s % capacity));
            if (slot != null && slot.seq() == s) out.add(slot.packet()); // a slot being rewritten right now is skipped
        }
        return out;
    }

    /** The packets it holds, oldest first, decoded. */
    public List<WirePacket> packets() {
        return raw().stream().map(p -> new WirePacket(p, Wire.decode(p.data()))).toList();
    }

    /**
     * The capture read against the call's two descriptions: pc1's offer and pc2's answer (as each
     * peer made them — {@code call.pc1().localDescription()}, {@code call.pc2().localDescription()}).
     */
    public Trace trace(SessionDescription offer, SessionDescription answer) {
        return new Trace(this, packets(), CallMap.of(offer == null ? null : offer.sdp(), answer == null ? null : answer.sdp()));
    }

    /** The capture with no descriptions: packets decoded, nothing mapped to the SDP. */
    public Trace trace() {
        return new Trace(this, packets(), CallMap.of(null, null));
    }

    /** Writes what it holds as a pcap file (a name ending in .pcapng gives pcapng, with each packet's fate as a comment). */
    public Path writePcap(Path file) throws IOException {
        return Pcap.write(raw(), epochOffsetNanos, file);
    }

    long epochOffsetNanos() {
        return epochOffsetNanos;
    }

    @Override
    public String toString() {
        long n = seen();
        return "Capture of " + Math.min(n, capacity) + " packets (keeps the last " + capacity + ")"
                + (wrapped() ? ", wrapped: the first " + overwritten() + " of " + n + " were let go" : "");
    }
}

package org.webrtcprimer.net;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLongArray;

/** What became of the relay's packets: counts and bytes per way and {@link Fate}, and each packet to the {@link PacketSink}s. */
final class Tally {
    private final AtomicLongArray packets = new AtomicLongArray(2 * Fate.values().length);
    private final AtomicLongArray bytes = new AtomicLongArray(2 * Fate.values().length);
    private final List<PacketSink> sinks = new CopyOnWriteArrayList<>();

    Tally(List<PacketSink> sinks) {
        this.sinks.addAll(sinks);
    }

    void addSink(PacketSink sink) {
        sinks.add(sink);
    }

    void removeSink(PacketSink sink) {
        sinks.remove(sink);
    }

    /** Counts one packet's fate and hands it to every sink (a sink that throws does not stop the relay). */
    void report(long i, long now, Way way, InetSocketAddress from, InetSocketAddress to, byte[] data, Fate fate, long delay,
                InetSocketAddress server) {
        int slot = slot(way, fate);
        packets.incrementAndGet(slot);
        bytes.addAndGet(slot, data.length);
        if (sinks.isEmpty()) return;
        RelayedPacket p = new RelayedPacket(i, now, way, from, to, data, fate, delay, server);
        for (PacketSink s : sinks) {
            try {
                s.packet(p);
            } catch (RuntimeException e) {
                // a sink must not stop the relay
            }
        }
    }

    private static int slot(Way way, Fate fate) {
        return way.ordinal() * Fate.values().length + fate.ordinal();
    }

    long count(Way way, Fate fate) {
        return packets.get(slot(way, fate));
    }

    long bytes(Way way, Fate fate) {
        return bytes.get(slot(way, fate));
    }

    /** Packets received one way (duplicates not counted). */
    long seen(Way way) {
        long n = 0;
        for (Fate f : Fate.values()) if (f != Fate.DUPLICATED) n += count(way, f);
        return n;
    }

    /** Packets received one way that never reached the other side. */
    long dropped(Way way) {
        long n = 0;
        for (Fate f : Fate.values()) if (f.dropped()) n += count(way, f);
        return n;
    }
}

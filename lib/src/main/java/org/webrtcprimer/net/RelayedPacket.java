package org.webrtcprimer.net;

import java.net.InetSocketAddress;

/**
 * One packet the kit's relay saw, as the capture keeps it.
 *
 * @param index      the relay's running count of packets seen, from 0
 * @param nanos      when the relay received it, on the kit's clock ({@code events.KitClock})
 * @param way        which way it travels
 * @param from       the address it came from (a peer's socket, or a server's)
 * @param to         the address the relay sends it on to
 * @param data       the UDP payload, exactly as received (the relay's own copy)
 * @param fate       what the relay did with it
 * @param delayNanos how long the relay held it before sending (0 when dropped or not delayed)
 * @param server     for a packet between a peer and a STUN/TURN server (through that peer's NAT), the
 *                   server's address; null for a packet between the peers. {@code way} is then the
 *                   peer's outbound way for a packet to the server, its inbound way for one from it
 */
public record RelayedPacket(long index, long nanos, Way way, InetSocketAddress from, InetSocketAddress to,
                            byte[] data, Fate fate, long delayNanos, InetSocketAddress server) {

    /** A packet between the peers. */
    public RelayedPacket(long index, long nanos, Way way, InetSocketAddress from, InetSocketAddress to,
                         byte[] data, Fate fate, long delayNanos) {
        this(index, nanos, way, from, to, data, fate, delayNanos, null);
    }

    public RelayedPacket {
        if (way == null || fate == null || data == null) {
            throw new IllegalArgumentException("a relayed packet needs a way, a fate and its data");
        }
    }

    /** Whether it travelled between a peer and a STUN/TURN server rather than between the peers. */
    public boolean toOrFromServer() {
        return server != null;
    }

    /** The payload's size in bytes. */
    public int size() {
        return data.length;
    }
}

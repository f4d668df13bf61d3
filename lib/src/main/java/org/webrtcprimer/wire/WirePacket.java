package org.webrtcprimer.wire;

import org.webrtcprimer.net.Fate;
import org.webrtcprimer.net.RelayedPacket;
import org.webrtcprimer.net.Way;

/**
 * One captured datagram and what it decodes to.
 *
 * @param packet  what the relay reported (time, way, addresses, bytes, fate, delay)
 * @param decoded its decoding (never null)
 */
public record WirePacket(RelayedPacket packet, Decoded decoded) {

    public long index() {
        return packet.index();
    }

    public long nanos() {
        return packet.nanos();
    }

    public Way way() {
        return packet.way();
    }

    public Fate fate() {
        return packet.fate();
    }

    public int size() {
        return packet.size();
    }

    public Kind kind() {
        return decoded.kind();
    }

    /** True when the relay sent it on (forwarded or an extra copy). */
    public boolean delivered() {
        return !packet.fate().dropped();
    }

    @Override
    public String toString() {
        return "#" + index() + " " + way() + " " + size() + " B " + decoded.summary() + " [" + fate() + "]";
    }
}

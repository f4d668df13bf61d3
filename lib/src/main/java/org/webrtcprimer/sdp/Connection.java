package org.webrtcprimer.sdp;

/**
 * A {@code c=} line (RFC 8866 §5.7): network type, address type and address; multicast
 * addresses may carry a TTL and a count ({@code 224.2.1.1/127/3}).
 */
public record Connection(String netType, String addrType, String address, Integer ttl, Integer count) {
    @Override
    public String toString() {
        return netType + " " + addrType + " " + address + (ttl == null ? "" : "/" + ttl) + (count == null ? "" : "/" + count);
    }
}

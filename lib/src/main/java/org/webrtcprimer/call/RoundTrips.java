package org.webrtcprimer.call;


import java.util.List;

/**
 * Round-trip times measured by ping/pong over a data channel.
 *
 * @param channel the channel's label
 * @param from    the peer that sent the pings and timed the pongs
 * @param size    bytes per ping
 * @param millis  each round trip in ms, in the order the pings were sent
 */
public record RoundTrips(String channel, String from, int size, List<Double> millis) {

    public RoundTrips {
        millis = List.copyOf(millis);
    }

    /** n, min, median, p90, max of the round trips, in ms. */
    public Summary summary() {
        return Summary.of(millis);
    }

    @Override
    public String toString() {
        Summary s = summary();
        return String.format("%s → %s ping/pong over '%s' (%d bytes): n=%d, min %.3f ms, median %.3f ms, p90 %.3f ms, max %.3f ms",
                from, from.equals("pc1") ? "pc2" : "pc1", channel, size, s.n(), s.min(), s.median(), s.p90(), s.max());
    }
}

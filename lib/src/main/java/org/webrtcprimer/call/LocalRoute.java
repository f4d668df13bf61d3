package org.webrtcprimer.call;

import org.webrtcprimer.events.EventLog;
import org.webrtcprimer.net.Relay;
import org.webrtcprimer.net.Way;

/**
 * How the pc1 and pc2 of a {@link LocalCall} reach each other: directly, or — for a call made
 * with {@code CallOptions.withNetwork(...)} — through the kit's relay, which then stands in for
 * each peer's candidates, its STUN/TURN server URLs and the addresses in the descriptions
 * ({@link RelayRouting}). Not lesson API: {@link LocalCall#relay()}.
 */
final class LocalRoute implements AutoCloseable {
    private final Relay relay; // null: direct
    private final EventLog log;
    private final boolean turn; // the call has ICE servers: drain the relay before closing it

    /** At hang-up, the relay waits this long without a packet (at most {@link #DRAIN_MAX}) before it closes. */
    static final java.time.Duration DRAIN_QUIET = java.time.Duration.ofMillis(30), DRAIN_MAX = java.time.Duration.ofMillis(300);

    private LocalRoute(Relay relay, EventLog log, boolean turn) {
        this.relay = relay;
        this.log = log;
        this.turn = turn;
    }

    /** Starts the relay when the options name a network; logged. */
    static LocalRoute of(CallOptions options, EventLog log) {
        Relay relay = options.network() == null ? null : Relay.start(options.network());
        if (relay != null) log.note("Call goes through the kit's relay", options.network().toString());
        return new LocalRoute(relay, log, !options.ice().servers().isEmpty());
    }

    /** The relay, or null for a direct call. */
    Relay relay() {
        return relay;
    }

    /**
     * A peer whose ICE servers are reached along this route: through the relay, each peer reaches
     * them through its own NAT, so it gets its own URLs.
     */
    Peer peer(String name, Way outbound, CallOptions options) {
        return new Peer(name, log, EngineConfig.of(RelayRouting.routeServers(relay, options.ice(), outbound, log)), options.timeout());
    }

    /** The article's {@code onIceCandidate(pc, event)}: each candidate goes to the other peer, through the relay if there is one. */
    void trickle(Peer pc1, Peer pc2) {
        if (relay == null) {
            pc1.onIceCandidate(pc2::addIceCandidate);
            pc2.onIceCandidate(pc1::addIceCandidate);
            return;
        }
        // Through the relay: each candidate names the relay's socket that stands for it.
        pc1.onIceCandidate(c -> deliver(pc2, RelayRouting.handOver(relay, c, Way.PC1_TO_PC2, log)));
        pc2.onIceCandidate(c -> deliver(pc1, RelayRouting.handOver(relay, c, Way.PC2_TO_PC1, log)));
    }

    private static void deliver(Peer to, IceCandidate c) {
        if (c != null) to.addIceCandidate(c);
    }

    /** The description as the other peer gets it: through the relay, its addresses are the relay's. */
    SessionDescription carry(SessionDescription d, Way way) {
        return relay == null ? d : RelayRouting.handOver(relay, d, way, log);
    }

    @Override
    /** Closes the relay; with TURN servers, once the peers' closing Refreshes have passed it (bounded, see Relay.drain). */
    public void close() {
        if (relay == null) return;
        if (turn) relay.drain(DRAIN_QUIET, DRAIN_MAX);
        relay.close();
    }
}

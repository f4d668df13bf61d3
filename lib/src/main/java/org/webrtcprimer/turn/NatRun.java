package org.webrtcprimer.turn;

import org.webrtcprimer.call.CallOptions;
import org.webrtcprimer.call.LocalCall;
import org.webrtcprimer.events.Event;
import org.webrtcprimer.net.Fate;
import org.webrtcprimer.net.Network;
import org.webrtcprimer.net.PeerGate;
import org.webrtcprimer.net.Way;

import java.time.Duration;
import java.util.Optional;

/**
 * One call between pc1 and pc2, each behind its own emulated NAT in the kit's relay, with or
 * without a TURN server: did it connect, over which candidate pair, how fast, and if not, why.
 *
 * @param pc1          pc1's NAT
 * @param pc2          pc2's NAT
 * @param turn         the TURN transport ({@code udp}, {@code tcp}, {@code tls}) or empty for none
 * @param connected    whether both peers reached connectionState {@code connected} in time
 * @param connectMs    from the offer to both connected, in ms (NaN when not connected)
 * @param path         pc1's selected pair, when connected
 * @param natDrops     packets the two NATs' filters dropped
 * @param diagnosis    why it did not connect, one line (empty when it did)
 */
public record NatRun(NatKind pc1, NatKind pc2, String turn, boolean connected, double connectMs, Optional<SelectedPath> path,
                     long natDrops, String diagnosis) {

    /**
     * Runs one data-channel call through the relay with these NATs (and TURN when {@code server}
     * is not null), waiting at most {@code timeout} for both peers to connect, then hangs up.
     */
    public static NatRun run(NatKind pc1, NatKind pc2, TurnServer server, String transport, Duration timeout) {
        CallOptions o = CallOptions.defaults().withNetwork(Network.perfect()).withTimeout(timeout);
        if (server != null) o = o.withIceServers(server.iceServer(transport));
        LocalCall c = LocalCall.withoutMedia(o);
        try {
            c.relay().gate(Way.PC1_TO_PC2, NatGate.of(pc1));
            c.relay().gate(Way.PC2_TO_PC1, NatGate.of(pc2));
            c.pc1().createDataChannel("nat");
            c.negotiate();
            boolean connected;
            try {
                c.awaitConnected();
                connected = true;
            } catch (RuntimeException e) {
                connected = false;
            }
            long drops = c.relay().count(Way.PC1_TO_PC2, Fate.DROPPED_NAT) + c.relay().count(Way.PC2_TO_PC1, Fate.DROPPED_NAT);
            double ms = connected ? c.setupTime().toConnectedMillis().orElse(Double.NaN) : Double.NaN;
            Optional<SelectedPath> path = connected ? SelectedPath.of(c.pc1()) : Optional.empty();
            String why = connected ? "" : diagnose(pc1, pc2, server, drops);
            return new NatRun(pc1, pc2, server == null ? "" : transport, connected, ms, path, drops, why);
        } finally {
            c.hangup();
        }
    }

    /** What the RFCs predict: whether a pair of NATs lets ICE connect without a TURN server. */
    public static boolean connectsWithoutTurn(NatKind a, NatKind b) {
        return !(blocks(a, b) || blocks(b, a));
    }

    /**
     * Whether a's NAT gives b's checks a new port b's NAT never sent to, and b's filter drops them:
     * an address-and-port-dependent mapping facing an address-and-port-dependent filter.
     */
    private static boolean blocks(NatKind a, NatKind b) {
        return a.mapping() == NatKind.Mapping.ADDRESS_AND_PORT_DEPENDENT
                && b.filtering() == NatKind.Filtering.ADDRESS_AND_PORT_DEPENDENT;
    }

    /** The one-line reason a pair failed. */
    static String diagnose(NatKind a, NatKind b, TurnServer server, long drops) {
        String cause;
        if (blocks(a, b) || blocks(b, a)) {
            NatKind sym = blocks(a, b) ? a : b, other = sym == a ? b : a;
            String symPeer = sym == a ? "pc1" : "pc2", otherPeer = sym == a ? "pc2" : "pc1";
            cause = symPeer + "'s " + sym + " NAT gives every destination a new external port, so its checks reach " + otherPeer
                    + " from ports " + otherPeer + "'s " + other + " NAT never sent to, and that NAT filters by address and port "
                    + "(RFC 4787 §4.1, §5): no candidate pair can succeed";
        } else {
            cause = "the NATs should have let a pair through (RFC 4787): see the log";
        }
        return cause + "; " + drops + " packets dropped by the NATs' filters" + (server == null ? " — a TURN relay gets through" : "");
    }

    /** {@code symmetric ↔ symmetric, TURN udp: connected in 210 ms over relay ↔ relay}. */
    @Override
    public String toString() {
        return pc1 + " ↔ " + pc2 + (turn.isEmpty() ? ", no TURN" : ", TURN " + turn) + ": "
                + (connected ? String.format("connected in %.0f ms", connectMs) + path.map(p -> " over " + p.route()).orElse("")
                : "not connected — " + diagnosis);
    }
}

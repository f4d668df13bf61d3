package org.webrtcprimer.turn;

import org.webrtcprimer.call.CallException;
import org.webrtcprimer.call.CallOptions;
import org.webrtcprimer.call.LocalCall;
import org.webrtcprimer.events.Event;
import org.webrtcprimer.net.Fate;
import org.webrtcprimer.net.Network;
import org.webrtcprimer.net.PeerGate;
import org.webrtcprimer.net.Way;

import org.webrtcprimer.call.IceCandidate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One call between pc1 and pc2, each behind its own emulated NAT in the kit's relay, with or
 * without a TURN server: did it connect, over which candidate pair, how fast, and if not, why.
 *
 * @param pc1          pc1's NAT
 * @param pc2          pc2's NAT
 * @param turn         the TURN transport ({@code udp}, {@code tcp}, {@code tls}), {@code stun} for coturn as a
 *                     STUN server only, or empty for no server
 * @param connected    whether both peers reached connectionState {@code connected} in time
 * @param connectMs    from the offer to both connected, in ms (NaN when not connected)
 * @param path         pc1's selected pair, when connected
 * @param natDrops     packets the two NATs' filters dropped
 * @param diagnosis    why it did not connect, one line (empty when it did)
 * @param pc1Candidates the candidates pc1 gathered (host, srflx through its NAT, relay), in order
 * @param pc2Candidates the candidates pc2 gathered
 */
public record NatRun(NatKind pc1, NatKind pc2, String turn, boolean connected, double connectMs, Optional<SelectedPath> path,
                     long natDrops, String diagnosis, List<IceCandidate> pc1Candidates, List<IceCandidate> pc2Candidates) {

    public NatRun {
        pc1Candidates = List.copyOf(pc1Candidates);
        pc2Candidates = List.copyOf(pc2Candidates);
    }

    /**
     * Runs one data-channel call through the relay with these NATs, waiting at most {@code
     * timeout} for both peers to connect, then hangs up. With {@code server}: {@code transport}
     * {@code udp}, {@code tcp} or {@code tls} gives both peers its TURN server over that transport,
     * {@code stun} only its STUN service (server-reflexive candidates through the NATs, no relay).
     * Every UDP packet to the server leaves through the peer's NAT.
     */
    public static NatRun run(NatKind pc1, NatKind pc2, TurnServer server, String transport, Duration timeout) {
        CallOptions o = CallOptions.defaults().withNetwork(Network.perfect()).withTimeout(timeout);
        boolean stunOnly = server != null && (transport == null || transport.isEmpty() || transport.equals("stun"));
        if (server != null) o = o.withIceServers(stunOnly ? server.stun() : server.iceServer(transport));
        LocalCall c = LocalCall.withoutMedia(o);
        try {
            NatGate.behind(c, pc1, pc2);
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
            String why = connected ? "" : diagnose(pc1, pc2, stunOnly ? null : server, drops);
            return new NatRun(pc1, pc2, server == null ? "" : stunOnly ? "stun" : transport, connected, ms, path, drops, why,
                    real(c.pc1().localCandidates()), real(c.pc2().localCandidates()));
        } finally {
            c.hangup();
        }
    }

    /**
     * {@link #run} for every pair of these kinds, pc1 × pc2, without TURN. The pairs RFC 4787 says
     * cannot connect only wait out their timeout, so they are started side by side (each with its
     * whole timeout) while the others run one after another. Every result is still what its own
     * call did: a predicted failure that connects shows as connected.
     */
    static List<NatRun> everyPairWithoutTurn(List<NatKind> kinds, Duration timeout) {
        ExecutorService side = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "nat-pair-waiting-out-its-timeout");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<NatRun>> waiting = new ArrayList<>();
            for (NatKind a : kinds) {
                for (NatKind b : kinds) waiting.add(connectsWithoutTurn(a, b) ? null : side.submit(() -> run(a, b, null, "", timeout)));
            }
            List<NatRun> runs = new ArrayList<>();
            int i = 0;
            for (NatKind a : kinds) {
                for (NatKind b : kinds) {
                    Future<NatRun> f = waiting.get(i++);
                    runs.add(f == null ? run(a, b, null, "", timeout) : resultOf(f));
                }
            }
            return runs;
        } finally {
            side.shutdown();
        }
    }

    private static NatRun resultOf(Future<NatRun> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CallException("interrupted while the NAT pairs ran (their calls end within their timeout)");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        }
    }

    private static List<IceCandidate> real(List<IceCandidate> l) {
        return l.stream().filter(x -> !x.isEndOfCandidates()).toList();
    }

    /**
     * The server-reflexive candidates both peers gathered: each one's address is its NAT's
     * mapping as the STUN server saw it (a socket of the kit's relay on 127.0.0.1), its {@code
     * raddr} the host address behind it.
     */
    public List<IceCandidate> srflx() {
        return java.util.stream.Stream.concat(pc1Candidates.stream(), pc2Candidates.stream())
                .filter(x -> x.type().equals("srflx")).toList();
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
        return pc1 + " ↔ " + pc2 + (turn.isEmpty() ? ", no TURN" : turn.equals("stun") ? ", STUN only" : ", TURN " + turn) + ": "
                + (connected ? String.format("connected in %.0f ms", connectMs) + path.map(p -> " over " + p.route()).orElse("")
                : "not connected — " + diagnosis);
    }
}

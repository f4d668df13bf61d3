package org.webrtcprimer.turn;

import org.webrtcprimer.call.CallOptions;
import org.webrtcprimer.call.LocalCall;
import org.webrtcprimer.net.Fate;
import org.webrtcprimer.net.Way;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code net} command's NAT and TURN flags — {@code --nat-pc1 KIND}, {@code --nat-pc2 KIND},
 * {@code --stun}, {@code --turn udp|tcp|tls}, {@code --relay-only} — and what they add to its
 * JSON: the selected pair's candidate types and protocol, coturn's version, a diagnosis.
 * Starts the kit's coturn when {@code --stun} or {@code --turn} asks for it; {@link #close()} stops it.
 */
public final class NatTurnFlags implements AutoCloseable {

    public static final String USAGE = "[--nat-pc1 KIND] [--nat-pc2 KIND] [--stun] [--turn udp|tcp|tls] [--relay-only]\n"
            + "  KIND: none, full-cone, address-restricted, port-restricted, symmetric (RFC 4787), an emulated NAT in\n"
            + "  front of that peer; --turn starts the kit's coturn and gives both peers its TURN server over that\n"
            + "  transport, --relay-only sets iceTransportPolicy relay; --stun gives them coturn as a STUN server";

    private NatKind pc1 = NatKind.NONE, pc2 = NatKind.NONE;
    private boolean stun, relayOnly;
    private String turn;
    private TurnServer server;

    /**
     * Takes the flag at {@code args[i]} if it is one of these: returns how many arguments it used
     * (0 when it is not one of them).
     *
     * @throws IllegalArgumentException for a flag without its value or with a wrong one
     */
    public int accept(String[] args, int i) {
        String a = args[i];
        switch (a) {
            case "--nat-pc1", "--nat-pc2", "--turn" -> {
                if (i + 1 >= args.length) throw new IllegalArgumentException(a + " needs a value");
                String v = args[i + 1];
                if (a.equals("--turn")) {
                    if (!v.equals("udp") && !v.equals("tcp") && !v.equals("tls")) {
                        throw new IllegalArgumentException("--turn takes udp, tcp or tls, not '" + v + "'");
                    }
                    turn = v;
                } else if (a.equals("--nat-pc1")) {
                    pc1 = NatKind.of(v);
                } else {
                    pc2 = NatKind.of(v);
                }
                return 2;
            }
            case "--stun" -> {
                stun = true;
                return 1;
            }
            case "--relay-only" -> {
                relayOnly = true;
                return 1;
            }
            default -> {
                return 0;
            }
        }
    }

    /** Whether any NAT is set (then the call must go through the kit's relay). */
    public boolean anyNat() {
        return pc1 != NatKind.NONE || pc2 != NatKind.NONE;
    }

    /**
     * The options with the ICE servers these flags ask for (starting coturn if needed).
     *
     * @throws IllegalArgumentException when {@code --relay-only} comes without {@code --turn}
     * @throws TurnServerException when coturn is missing (the message says how to install it)
     */
    public CallOptions apply(CallOptions o) {
        if (relayOnly && turn == null) throw new IllegalArgumentException("--relay-only needs --turn udp|tcp|tls: without a TURN server there is no relay candidate");
        if ((turn != null || stun) && server == null) server = TurnServer.start(TurnConfig.defaults().withVerbose(false));
        java.util.List<org.webrtcprimer.call.IceServer> ice = new java.util.ArrayList<>();
        if (stun) ice.add(server.stun());
        if (turn != null) ice.add(server.iceServer(turn));
        if (!ice.isEmpty()) o = o.withIceServers(ice);
        return relayOnly ? o.withRelayOnly() : o;
    }

    /** Puts the NATs in front of the peers of a call made through the relay, before it negotiates. */
    public void gate(LocalCall c) {
        if (!anyNat()) return;
        c.relay().gate(Way.PC1_TO_PC2, NatGate.of(pc1));
        c.relay().gate(Way.PC2_TO_PC1, NatGate.of(pc2));
    }

    /** The JSON fields these flags add, for a call that connected or not ({@code call} may be null when it could not be made). */
    public Map<String, Object> fields(LocalCall call, boolean connected, String error) {
        Map<String, Object> m = new LinkedHashMap<>();
        Optional<SelectedPath> p = connected && call != null && !call.isHungUp() ? SelectedPath.of(call.pc1()) : Optional.empty();
        m.put("selected_local_type", p.map(SelectedPath::localType).orElse(null));
        m.put("selected_remote_type", p.map(SelectedPath::remoteType).orElse(null));
        m.put("selected_protocol", p.map(SelectedPath::protocol).orElse(null));
        m.put("selected_relay_protocol", p.map(x -> x.relayProtocol().isEmpty() ? null : x.relayProtocol()).orElse(null));
        m.put("turn_server", server == null ? null : server.version());
        // The server-reflexive address each peer gathered: its NAT's mapping as coturn saw it (--stun, or TURN over UDP).
        m.put("srflx_pc1", call == null || call.isHungUp() ? null : srflx(call.pc1()));
        m.put("srflx_pc2", call == null || call.isHungUp() ? null : srflx(call.pc2()));
        m.put("nat_pc1", pc1.label());
        m.put("nat_pc2", pc2.label());
        if (call != null && call.hasRelay()) {
            m.put("nat_dropped_packets", call.relay().count(Way.PC1_TO_PC2, Fate.DROPPED_NAT) + call.relay().count(Way.PC2_TO_PC1, Fate.DROPPED_NAT));
        }
        if (!connected) m.put("diagnosis", diagnosis(call, error));
        return m;
    }

    private static String srflx(org.webrtcprimer.call.Peer p) {
        return p.localCandidates().stream().filter(c -> c.type().equals("srflx")).map(org.webrtcprimer.call.IceCandidate::address)
                .findFirst().orElse(null);
    }

    private String diagnosis(LocalCall call, String error) {
        if (call != null && server != null) {
            Optional<String> d = server.diagnose(call);
            if (d.isPresent()) return d.get();
        }
        if (!NatRun.connectsWithoutTurn(pc1, pc2) && (turn == null)) return NatRun.diagnose(pc1, pc2, null,
                call != null && call.hasRelay() ? call.relay().dropped(Way.PC1_TO_PC2) + call.relay().dropped(Way.PC2_TO_PC1) : 0);
        return error == null ? "the call did not connect" : error.lines().findFirst().orElse(error);
    }

    /** Stops the coturn these flags started. */
    @Override
    public void close() {
        if (server != null) server.stop();
    }
}

package org.webrtcprimer.turn;

import org.webrtcprimer.call.CallOptions;
import org.webrtcprimer.call.IceCandidateError;
import org.webrtcprimer.call.IceServer;
import org.webrtcprimer.call.LocalCall;
import org.webrtcprimer.call.Peer;
import org.webrtcprimer.media.MediaStream;
import org.webrtcprimer.net.Fate;
import org.webrtcprimer.net.Network;
import org.webrtcprimer.net.Way;
import org.webrtcprimer.notebook.Renderable;
import org.webrtcprimer.notebook.Table;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Lesson 13's bench: the kit's coturn (or, where coturn is not installed, the note that says how
 * to install it), calls behind emulated NATs, the NAT matrix ({@link NatMatrix}), what TURN costs
 * ({@link TurnCost}) and the failures reproduced on purpose. Every method that needs coturn returns
 * the install note instead of failing when it is missing, so the lesson runs top to bottom anyway.
 * <pre>{@code
 * var lab = NatLab.start();                                       // coturn on this machine's address
 * var call = lab.call(localStream, NatKind.FULL_CONE, NatKind.SYMMETRIC);
 * NatLab.candidates(call)                                          // host, prflx, relay …
 * lab.matrix(List.of(NatKind.values()), Duration.ofMillis(2500))
 * }</pre>
 */
public final class NatLab implements AutoCloseable, Renderable {

    private final TurnServer turn;
    private final List<TurnServer> extra = new ArrayList<>();

    private NatLab(TurnServer turn) {
        this.turn = turn;
    }

    /** Starts the kit's coturn (UDP, TCP and TLS, long-term user {@code learner}); without coturn, a lab that says so. */
    public static NatLab start() {
        return new NatLab(Coturn.installed() ? TurnServer.start() : null);
    }

    /** Whether coturn runs for this lab. */
    public boolean hasTurn() {
        return turn != null;
    }

    /** The lab's coturn; fails with the install note when coturn is not installed. */
    public TurnServer server() {
        if (turn == null) throw new TurnServerException(Coturn.missingNote());
        return turn;
    }

    /** A one-row table with the install note: what a TURN cell shows where coturn is missing. */
    public static Table missing() {
        return Table.of("coturn is not installed").title("TURN skipped").row(Table.fail(Coturn.missingNote()))
                .note("The TURN parts of this lesson need coturn (Debian's coturn package); everything else runs without it.");
    }

    private TurnServer extra(TurnConfig config) {
        TurnServer s = TurnServer.start(config);
        extra.add(s);
        return s;
    }

    // ---- one call behind two NATs ----

    /**
     * An audio+video call through the relay with pc1 behind {@code a} and pc2 behind {@code b},
     * with the lab's coturn as STUN server and as TURN server (UDP) when it runs, connected. Hang it up yourself.
     */
    public LocalCall call(MediaStream localStream, NatKind a, NatKind b) {
        CallOptions o = CallOptions.defaults().withNetwork(Network.perfect()).withTimeout(Duration.ofSeconds(15));
        if (turn != null) o = o.withIceServers(turn.stun(), turn.iceServer("udp"));
        LocalCall c = LocalCall.create(localStream, o);
        c.relay().gate(Way.PC1_TO_PC2, NatGate.of(a));
        c.relay().gate(Way.PC2_TO_PC1, NatGate.of(b));
        c.addLocalStream();
        c.negotiate();
        try {
            c.awaitConnected();
        } catch (RuntimeException e) {
            c.hangup();
            throw e;
        }
        return c;
    }

    /** What a candidate type is, in one line (RFC 8445 §5.1.1, §7.2.5.3.1; RFC 8656). */
    static String meaning(String type) {
        return switch (type) {
            case "host" -> "an address of the peer's own socket (RFC 8445 §5.1.1.1)";
            case "srflx" -> "the NAT's mapping, as a STUN server saw it (RFC 8445 §5.1.1.1)";
            case "prflx" -> "learned from a check: the source address a STUN request or response really came from (RFC 8445 §7.2.5.3.1)";
            case "relay" -> "an address on the TURN server, allocated for this peer (RFC 8656 §2)";
            default -> "";
        };
    }

    /**
     * Every candidate pc1 and pc2 know in this call, local and remote, from their stats: type,
     * address, how it reaches TURN, and whether the selected pair uses it.
     */
    public static Table candidates(LocalCall call) {
        Table t = Table.of("peer", "side", "type", "address", "protocol", "in the selected pair", "what it is")
                .title("The candidates of your call, by kind");
        java.util.Map<String, Integer> count = new java.util.TreeMap<>();
        for (Peer p : List.of(call.pc1(), call.pc2())) {
            List<Map<String, Object>> stats = p.getStats().w3c();
            String selected = null;
            for (Map<String, Object> s : stats) {
                if ("transport".equals(s.get("type")) && s.get("selectedCandidatePairId") != null) selected = s.get("selectedCandidatePairId").toString();
            }
            String selLocal = "", selRemote = "";
            for (Map<String, Object> s : stats) {
                if (String.valueOf(s.get("id")).equals(selected)) {
                    selLocal = String.valueOf(s.get("localCandidateId"));
                    selRemote = String.valueOf(s.get("remoteCandidateId"));
                }
            }
            for (String side : List.of("local", "remote")) {
                for (Map<String, Object> s : stats) {
                    if (!(side + "-candidate").equals(s.get("type"))) continue;
                    String type = String.valueOf(s.get("candidateType"));
                    String id = String.valueOf(s.get("id"));
                    boolean used = id.equals(side.equals("local") ? selLocal : selRemote);
                    Object relay = s.get("relayProtocol");
                    Object address = s.get("address") != null ? s.get("address") : "(hidden by the engine)";
                    t.row(p.name(), side, used ? Table.ok(type) : type, address + ":" + s.get("port"),
                            s.get("protocol") + (relay != null ? " (TURN over " + relay + ")" : ""), used ? Table.ok("✓ selected") : "",
                            meaning(type));
                    if (side.equals("local")) count.merge(p.name() + " " + type, 1, Integer::sum);
                }
            }
        }
        List<String> parts = new ArrayList<>();
        count.forEach((k, v) -> parts.add(v + " " + k));
        return t.note("Local candidates in this call: " + String.join(", ", parts) + ". Selected rows are green.");
    }

    // ---- TURN calls ----

    /**
     * An audio+video call with {@code iceTransportPolicy: "relay"} through the lab's coturn over
     * {@code transport}: which pair it selected, how long it took, what coturn logged. Hangs up.
     */
    public Table relayOnly(MediaStream localStream, String transport) {
        if (turn == null) return missing();
        return relayCall(localStream, turn, turn.iceServer(transport), "relay only, TURN over " + transport);
    }

    /**
     * The same through a second coturn that takes time-limited credentials only (coturn's
     * {@code use-auth-secret}): the kit issues {@code expiry:user} and its HMAC, as an
     * application's web server would. Hangs up; the second coturn stops at {@link #close()}.
     */
    public Table timeLimited(MediaStream localStream, String user, Duration ttl) {
        if (turn == null) return missing();
        TurnServer s = extra(TurnConfig.defaults().withoutTransport("tls").withTimeLimited());
        TurnCredentials c = s.timeLimitedCredentials(user, ttl);
        Table t = relayCall(localStream, s, s.iceServer("udp", c), "time-limited credentials, TURN over udp");
        t.row("username", c.username() + "  (expiry " + c.expires() + ", then the user)");
        t.row("credential", c.credential() + "  (base64 HMAC-SHA1 of the username, keyed with the server's shared secret)");
        return t;
    }

    private static Table relayCall(MediaStream localStream, TurnServer server, IceServer ice, String title) {
        LocalCall c = LocalCall.call(localStream, CallOptions.defaults().withIceServers(ice).withRelayOnly().withTimeout(Duration.ofSeconds(15)));
        try {
            SelectedPath p = SelectedPath.await(c);
            Table t = Table.of("what", "value").title("A call with " + title);
            t.row("ICE server", ice.toString());
            t.row("connected after", Table.ok(String.format("%.1f ms", c.setupTime().toConnectedMillis().orElse(Double.NaN))));
            t.row("pc1's selected pair", p == null ? "–" : p.route());
            t.row("pc1's relay candidate", p == null ? "–" : p.local() + " — a port of coturn's relay range "
                    + server.relayPorts()[0] + "–" + server.relayPorts()[1]);
            t.row("pc1 → pc2", p == null ? "–" : p.local() + " → " + p.remote() + " (pc2's own relay address)");
            t.row("round trip", p == null || Double.isNaN(p.rttMs()) ? "not measured yet" : String.format("%.0f ms (currentRoundTripTime, 1 ms steps)", p.rttMs()));
            long allocations = server.log().stream().filter(l -> l.contains("ALLOCATE") && l.contains("success")).count();
            t.row("coturn's log", allocations + " successful ALLOCATE so far (turn.log())");
            return t;
        } finally {
            c.hangup();
        }
    }

    /**
     * The TURN exchange of a relay-only data-channel call with pc1 behind {@code a} and pc2 behind
     * {@code b}, read from the relay's capture (each peer's TURN traffic over UDP leaves through its
     * NAT): Allocate, 401, Allocate with credentials, CreatePermission, ChannelBind, ChannelData, as
     * {@link org.webrtcprimer.wire.TurnExchange}; the install note without coturn.
     */
    public Renderable exchange(NatKind a, NatKind b) {
        if (turn == null) return missing();
        org.webrtcprimer.wire.Capture capture = org.webrtcprimer.wire.Capture.create();
        LocalCall c = LocalCall.withoutMedia(CallOptions.defaults().withNetwork(Network.perfect().withSink(capture))
                .withIceServers(turn.iceServer("udp")).withRelayOnly().withTimeout(Duration.ofSeconds(10)));
        try {
            NatGate.behind(c, a, b);
            var channel = c.pc1().createDataChannel("turn");
            c.negotiate();
            c.awaitConnected();
            channel.awaitOpen();
            for (int i = 0; i < 3; i++) channel.send("hello " + i);
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            c.hangup();
        }
        return capture.trace().turn();
    }

    // ---- the matrix, the cost ----

    /**
     * Every pair of these NAT kinds, pc1 × pc2: one data-channel call each without TURN (waiting at
     * most {@code timeout}), then again with the lab's coturn over UDP when it runs.
     */
    public NatMatrix matrix(List<NatKind> kinds, Duration timeout) {
        List<NatRun> without = new ArrayList<>(), with = new ArrayList<>();
        without.addAll(NatRun.everyPairWithoutTurn(kinds, timeout));
        if (turn != null) for (NatKind a : kinds) for (NatKind b : kinds) with.add(NatRun.run(a, b, turn, "udp", Duration.ofSeconds(10)));
        return new NatMatrix(kinds, without, with, turn != null);
    }

    /** Setup time and RTT, {@code calls} data-channel calls each, direct vs behind NATs vs TURN (see {@link TurnCost}). */
    public TurnCost cost(int calls) {
        return TurnCost.measure(turn, calls);
    }

    // ---- failures on purpose ----

    /**
     * The failures of real deployments, each reproduced here: what the engine reported, after how
     * long, and the kit's one-line diagnosis. Needs {@code localStream} for the mid-call one.
     */
    public Table failures(MediaStream localStream) {
        Table t = Table.of("failure", "what the engine reported", "after", "diagnosis").title("Failures on purpose");
        if (turn != null) {
            TurnServer other = extra(TurnConfig.defaults().withoutTransport("udp").withoutTransport("tls").withUserKeyedFor("visitor", "right-password", "other-realm"));
            turnFailure(t, "wrong TURN password", turn, turn.iceServer("udp").withCredential("not-the-password"), Duration.ofSeconds(3));
            turnFailure(t, "wrong realm (key made for another realm)", other, other.iceServer("tcp", "visitor", "right-password"), Duration.ofSeconds(3));
            IceServer udp = new IceServer(List.of(other.url("tcp").replace("?transport=tcp", "?transport=udp")), "learner",
                    other.config().users().get("learner"), false);
            turnFailure(t, "TURN over a blocked transport (UDP)", other, udp, Duration.ofMillis(2500));
        } else {
            t.row("TURN failures", Table.fail("skipped"), "", Coturn.missingNote());
        }
        NatRun sym = NatRun.run(NatKind.SYMMETRIC, NatKind.SYMMETRIC, null, "", Duration.ofMillis(2500));
        t.row("symmetric NAT on both sides, no TURN", sym.connected() ? Table.ok("connected") : Table.fail("no icecandidateerror; ICE never connects"),
                "2.5 s (our timeout)", sym.connected() ? "" : sym.diagnosis());
        t.row(lifetime(localStream));
        return t.note("The engine cannot tell a wrong password from a key made for another realm: both are a 401 Unauthorized. "
                + "The diagnosis reads the server's side too (its users, realm and listeners).");
    }

    private static void turnFailure(Table t, String what, TurnServer server, IceServer ice, Duration wait) {
        LocalCall c = LocalCall.withoutMedia(CallOptions.defaults().withIceServers(ice).withRelayOnly().withTimeout(wait));
        try {
            c.pc1().createDataChannel("fail");
            c.negotiate();
            long start = System.nanoTime();
            String reported;
            try {
                // Event-driven: the wait ends at the first icecandidateerror (a 401 comes back within
                // ~0.2 s, and the engine reports it only once its authenticated retry failed too), or
                // when pc1 connects; only a failure that reports nothing waits the whole time.
                c.await(e -> e.name().equals(IceCandidateError.EVENT)
                                || e.source().equals("pc1") && e.isState(org.webrtcprimer.events.Event.CONNECTION, "connected"),
                        "no icecandidateerror and no connection");
                if (!c.iceCandidateErrors().isEmpty()) throw new IllegalStateException("an icecandidateerror");
                c.awaitConnected();
                reported = "connected";
            } catch (RuntimeException e) {
                List<IceCandidateError> errs = c.iceCandidateErrors();
                reported = errs.isEmpty() ? "nothing within " + wait.toMillis() + " ms (the engine reports 701 after ~40 s of retransmissions)"
                        : "icecandidateerror " + errs.get(0).code() + " " + errs.get(0).text();
            }
            double firstMs = c.log().events().stream().filter(e -> e.name().equals(IceCandidateError.EVENT)).findFirst()
                    .map(e -> (e.nanos() - c.setupTime().startNanos()) / 1e6).orElse(Double.NaN);
            String after = Double.isNaN(firstMs) ? String.format("%.1f s (our timeout)", (System.nanoTime() - start) / 1e9) : String.format("%.0f ms", firstMs);
            t.row(what, reported.equals("connected") ? Table.ok(reported) : Table.fail(reported), after,
                    server.diagnose(c).orElse("no diagnosis"));
        } finally {
            c.hangup();
        }
    }

    /**
     * pc2's port-restricted NAT with a 5 ms mapping lifetime, 2 s of a connected call: pc1's media
     * dropped in between. The NAT goes in once the call is up: ICE through a 5 ms mapping connects
     * only while every check's answer comes back within 5 ms, which a busy machine does not do.
     */
    private static Object[] lifetime(MediaStream s) {
        LocalCall c = LocalCall.create(s, CallOptions.defaults().withNetwork(Network.perfect()).withTimeout(Duration.ofSeconds(10)));
        try {
            c.addLocalStream();
            c.negotiate();
            c.awaitConnected();
            c.relay().gate(Way.PC2_TO_PC1, NatGate.of(NatKind.PORT_RESTRICTED, Duration.ofMillis(5)));
            long before = c.relay().count(Way.PC1_TO_PC2, Fate.DROPPED_NAT), seen = c.relay().count(Way.PC1_TO_PC2, Fate.FORWARDED);
            try {
                Thread.sleep(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            long dropped = c.relay().count(Way.PC1_TO_PC2, Fate.DROPPED_NAT) - before;
            long forwarded = c.relay().count(Way.PC1_TO_PC2, Fate.FORWARDED) - seen;
            return new Object[]{"NAT mapping expires mid-call (5 ms lifetime)",
                    dropped > 0 ? Table.fail("no event: the call stays connected while media is lost") : Table.ok("nothing dropped"), "2 s of the call",
                    String.format("pc2's NAT forgot its mapping between pc2's sparse packets and dropped %d of pc1's %d packets in 2 s "
                            + "(RFC 4787 §4.3, REQ-5: a mapping must last at least 2 minutes; keepalives refresh it)", dropped, dropped + forwarded)};
        } finally {
            c.hangup();
        }
    }

    // ---- the exercises' config ----

    /** A TURN entry as an application might ship it, broken: the password is an old one. Null without coturn. */
    public IceServer brokenIceServer() {
        return turn == null ? null : turn.iceServer("udp").withCredential("password-from-last-year");
    }

    /**
     * Tries {@code ice} in a relay-only data-channel call: empty when it connected through a relay
     * candidate, else the one-line reason (the kit's diagnosis when the server is this lab's).
     */
    public Optional<String> tryIceServer(IceServer ice) {
        if (turn == null) return Optional.of(Coturn.missingNote());
        LocalCall c = LocalCall.withoutMedia(CallOptions.defaults().withIceServers(ice).withRelayOnly().withTimeout(Duration.ofSeconds(5)));
        try {
            c.pc1().createDataChannel("try");
            c.negotiate();
            try {
                c.awaitConnected();
            } catch (RuntimeException e) {
                return Optional.of(turn.diagnose(c).orElse(e.getMessage().lines().findFirst().orElse("it did not connect")));
            }
            SelectedPath p = SelectedPath.of(c.pc1()).orElse(null);
            return p != null && p.localType().equals("relay") ? Optional.empty()
                    : Optional.of("it connected, but not through a relay candidate (" + (p == null ? "no pair" : p.route()) + ")");
        } finally {
            c.hangup();
        }
    }

    // ---- lifetime and views ----

    /** Stops every coturn of this lab. */
    @Override
    public void close() {
        for (TurnServer s : extra) s.stop();
        extra.clear();
        if (turn != null) turn.stop();
    }

    @Override
    public String toHtml() {
        return turn == null ? missing().toHtml() : turn.toHtml();
    }

    @Override
    public String toText() {
        return turn == null ? missing().toText() : turn.toText();
    }

    @Override
    public String toString() {
        return turn == null ? "NatLab without coturn: " + Coturn.missingNote() : "NatLab with " + turn;
    }
}

package org.webrtcprimer.exercises;

import org.webrtcprimer.call.IceServer;
import org.webrtcprimer.turn.NatKind;
import org.webrtcprimer.turn.NatLab;
import org.webrtcprimer.turn.NatMatrix;
import org.webrtcprimer.turn.NatRun;
import org.webrtcprimer.turn.TurnCost;

import java.util.List;
import java.util.Optional;

/** Lesson 13, NAT, STUN and TURN: predict from RFC 4787 and RFC 8445, then read the answer off your own runs. */
final class Lesson13 {
    private Lesson13() {}

    static List<Exercise> exercises() {
        return List.of(
                new Exercise("13.1",
                        "pc1 behind a full-cone NAT, pc2 behind a symmetric one, no TURN: which candidate types does pc1's selected pair have "
                                + "(\"local ↔ remote\", e.g. \"host ↔ srflx\")? Pass it and the matrix.",
                        a -> needMatrix(a, "check(\"13.1\", \"host ↔ srflx\", matrix)").or(() -> {
                            NatRun r = ((NatMatrix) a[1]).run(NatKind.FULL_CONE, NatKind.SYMMETRIC, false).orElse(null);
                            if (r == null) return Optional.of("that matrix has no full-cone ↔ symmetric cell — run it with every kind.");
                            if (!r.connected() || r.path().isEmpty()) return Optional.of("in your run that pair did not connect (" + r.diagnosis() + ").");
                            if (!(a[0] instanceof CharSequence s)) return Optional.of("expected text such as \"host ↔ srflx\", got " + Exercises.describe(a[0]) + ".");
                            String[] parts = s.toString().toLowerCase().split("\\s*(↔|<->|<>|-)\\s*");
                            if (parts.length != 2) return Optional.of("write the two types with ↔ between them, e.g. \"host ↔ srflx\".");
                            var p = r.path().get();
                            if (parts[0].strip().equals(p.localType()) && parts[1].strip().equals(p.remoteType())) return Optional.empty();
                            return Optional.of("'" + s + "' is not the pair pc1 selected in your run.");
                        }),
                        "pc1's NAT keeps one mapping for every destination, pc2's makes a new one per destination: which addresses does each "
                                + "peer learn only from the checks it receives (RFC 8445 §7.2.5.3.1)?",
                        "both sides are peer-reflexive: each peer learns its own NAT's external address from the XOR-MAPPED-ADDRESS of a "
                                + "response (local prflx), and pc1 learns pc2's new symmetric mapping from the source of pc2's check (remote "
                                + "prflx, §7.3.1.3). The full-cone filter lets that check in; a port-restricted one would not."),
                new Exercise("13.2",
                        "Does address-restricted ↔ symmetric connect without TURN? Predict true or false in the cell before the matrix, "
                                + "from RFC 4787 §4.1 and §5; then pass it and the matrix: the check reads that cell of your run.",
                        a -> needMatrix(a, "check(\"13.2\", true, matrix)").or(() -> {
                            NatRun r = ((NatMatrix) a[1]).run(NatKind.ADDRESS_RESTRICTED, NatKind.SYMMETRIC, false).orElse(null);
                            if (r == null) return Optional.of("that matrix has no address-restricted ↔ symmetric cell — run it with every kind.");
                            if (!(a[0] instanceof Boolean b)) return Optional.of("expected true or false, got " + Exercises.describe(a[0]) + ".");
                            return b == r.connected() ? Optional.empty() : Optional.of("you predicted " + b + "; in your run address-restricted ↔ "
                                    + "symmetric " + (r.connected() ? "connected without TURN" : "did not connect without TURN (" + r.diagnosis() + ")") + ".");
                        }),
                        "the symmetric NAT's checks to pc1 leave from a new port; pc1's NAT filters by address only (address-dependent "
                                + "filtering) — does the port matter to it?",
                        "true: address-dependent filtering (RFC 4787 §5) admits any port of an address the inside has sent to, so the "
                                + "symmetric side's new port gets in. Only an address-and-port-dependent filter facing a symmetric mapping "
                                + "(port-restricted or symmetric ↔ symmetric) blocks every pair."),
                new Exercise("13.3",
                        "lab.brokenIceServer() is the TURN entry an application shipped, and it fails. Fix it and pass the fixed IceServer "
                                + "and the lab: the kit makes a relay-only call with it.",
                        a -> {
                            if (a.length < 2 || !(a[1] instanceof NatLab lab)) return Optional.of("pass two things: the fixed IceServer and the lab.");
                            if (!lab.hasTurn()) return Optional.of("this exercise needs coturn, which is not installed here.");
                            if (!(a[0] instanceof IceServer ice)) return Optional.of("expected an IceServer, got " + Exercises.describe(a[0]) + ".");
                            return lab.tryIceServer(ice).map(why -> "that entry still fails: " + why);
                        },
                        "read lab.server().diagnose(...) or the failures table: a 401 with the right user means the credential is wrong. "
                                + "The server hands out a working entry: lab.server().iceServer(\"udp\"), or broken.withCredential(...).",
                        "the password was an old one: coturn answered the first Allocate with 401 and its realm and nonce, the engine "
                                + "retried with MESSAGE-INTEGRITY keyed by MD5(user:realm:password), and coturn refused it (RFC 8489 §9.2). "
                                + "Real deployments avoid stale passwords with time-limited credentials issued per session."),
                new Exercise("13.4",
                        "How many ms did TURN over udp add to the median setup time of the direct call, in your run? Pass the number and the cost.",
                        a -> {
                            if (a.length < 2 || !(a[1] instanceof TurnCost c)) return Optional.of("pass two things: the number and the cost, e.g. check(\"13.4\", 50.0, cost).");
                            double added = c.addedMs("udp");
                            if (Double.isNaN(added)) return Optional.of("that run has no TURN udp row (is coturn installed?).");
                            return Exercises.expectNumber(a[0], added, Math.max(2, Math.abs(added) * 0.05), "what TURN udp added at the median");
                        },
                        "cost.medianConnectMs(TurnCost.turn(\"udp\")) minus cost.medianConnectMs(TurnCost.DIRECT), or read the table.",
                        "relay candidates exist only after a round trip for the 401 challenge and one for the allocation, and both peers "
                                + "must then install permissions (CreatePermission, RFC 8656 §9) before checks pass through coturn."));
    }

    private static Optional<String> needMatrix(Object[] a, String example) {
        return a.length >= 2 && a[1] instanceof NatMatrix ? Optional.empty()
                : Optional.of("pass two things: your answer and the matrix, e.g. " + example + ".");
    }
}

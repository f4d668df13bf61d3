package org.webrtcprimer.tools;

import org.webrtcprimer.engine.Engine;
import org.webrtcprimer.call.CallOptions;
import org.webrtcprimer.call.LocalCall;
import org.webrtcprimer.net.Network;
import org.webrtcprimer.call.Summary;
import org.webrtcprimer.turn.Coturn;
import org.webrtcprimer.turn.NatGate;
import org.webrtcprimer.turn.NatKind;
import org.webrtcprimer.turn.TurnCost;
import org.webrtcprimer.turn.TurnConfig;
import org.webrtcprimer.turn.TurnServer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code turn-bench [--calls N]}: what NATs and TURN cost — setup time (createOffer → both
 * connected) and the selected pair's round-trip time, min/median/p90 over N data-channel calls
 * each, side by side in one run: direct, through the kit's relay with no NAT, with each NAT kind in
 * front of both peers (symmetric faces a full-cone NAT, since two symmetric NATs cannot connect),
 * and relay-only through the kit's coturn over UDP, TCP and TLS.
 */
public final class TurnBenchmark {
    private TurnBenchmark() {}

    public static int run(String[] args) {
        int calls = 10;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--calls") && i + 1 < args.length) {
                try {
                    calls = CommandLine.number("--calls", args[++i], 1, 1000);
                } catch (IllegalArgumentException e) {
                    System.err.println(e.getMessage());
                    return 2;
                }
            } else {
                System.err.println("usage: turn-bench [--calls N]   (unknown argument '" + args[i] + "')");
                return 2;
            }
        }
        if (!Coturn.installed()) {
            System.err.println(Coturn.missingNote());
            return 1;
        }
        try (TurnServer turn = TurnServer.start(TurnConfig.defaults().withVerbose(false))) {
            List<TurnCost.Row> rows = measure(turn, calls);
            System.out.printf("NAT and TURN cost, %d data-channel calls each (coturn %s, one JVM, ms)%n", calls, turn.version());
            System.out.printf("%-40s %-26s %-26s %s%n", "configuration", "connect min/median/p90", "RTT min/median/p90", "selected pair (pc1)");
            for (TurnCost.Row r : rows) {
                System.out.printf("%-40s %-26s %-26s %s%s%n", r.config(), fmt(r.connectMs()), fmt(r.rttMs()), r.path(),
                        r.failed() > 0 ? "  (" + r.failed() + " did not connect)" : "");
            }
            return 0;
        } finally {
            Engine.shutdown();
        }
    }

    static String fmt(Summary s) {
        return s == null ? "–" : String.format("%.1f / %.1f / %.1f", s.min(), s.median(), s.p90());
    }

    /** Every configuration, {@code calls} times each, interleaved so that a busy moment hits them all alike. */
    public static List<TurnCost.Row> measure(TurnServer turn, int calls) {
        List<String> names = new ArrayList<>();
        List<Supplier<LocalCall>> setups = new ArrayList<>();
        names.add("direct (no relay)");
        setups.add(() -> LocalCall.withoutMedia(CallOptions.defaults()));
        names.add("kit relay, no NAT");
        setups.add(() -> nat(NatKind.NONE, NatKind.NONE));
        for (NatKind k : List.of(NatKind.FULL_CONE, NatKind.ADDRESS_RESTRICTED, NatKind.PORT_RESTRICTED)) {
            names.add(k + " ↔ " + k);
            setups.add(() -> nat(k, k));
        }
        names.add("symmetric ↔ full-cone");
        setups.add(() -> nat(NatKind.SYMMETRIC, NatKind.FULL_CONE));
        for (String t : List.of("udp", "tcp", "tls")) {
            names.add("TURN " + t + " (relay only)");
            setups.add(() -> LocalCall.withoutMedia(CallOptions.defaults().withIceServers(turn.iceServer(t)).withRelayOnly()));
        }
        return TurnCost.interleaved(names, setups, calls);
    }

    private static LocalCall nat(NatKind a, NatKind b) {
        return NatGate.behind(LocalCall.withoutMedia(CallOptions.defaults().withNetwork(Network.perfect())), a, b);
    }
}

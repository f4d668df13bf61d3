package org.webrtcprimer.tools;

import org.webrtcprimer.engine.Engine;
import org.webrtcprimer.call.CallOptions;
import org.webrtcprimer.call.LocalCall;
import org.webrtcprimer.net.Network;
import org.webrtcprimer.net.Way;
import org.webrtcprimer.call.Summary;
import org.webrtcprimer.turn.Coturn;
import org.webrtcprimer.turn.NatGate;
import org.webrtcprimer.turn.NatKind;
import org.webrtcprimer.turn.SelectedPath;
import org.webrtcprimer.turn.TurnConfig;
import org.webrtcprimer.turn.TurnServer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code turn-bench [--calls N]}: what NATs and TURN cost — setup time (createOffer → both
 * connected) and the selected pair's round-trip time, min/median/p90 over N data-channel calls
 * each, side by side in one run: direct, through the kit's relay with no NAT, with each NAT kind in
 * front of both peers (symmetric faces a full-cone NAT, since two symmetric NATs cannot connect),
 * and relay-only through the kit's coturn over UDP, TCP and TLS.
 */
public final class TurnBenchmark {
    private TurnBenchmark() {}

    /** One configuration's figures. */
    public record Row(String config, Summary connectMs, Summary rttMs, String path, int failed) {}

    private interface Setup {
        LocalCall make();
    }

    public static int run(String[] args) {
        int calls = 10;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--calls") && i + 1 < args.length) {
                try {
                    calls = Integer.parseInt(args[++i]);
                } catch (NumberFormatException e) {
                    System.err.println("--calls needs a whole number, got '" + args[i] + "'");
                    return 2;
                }
            } else {
                System.err.println("usage: turn-bench [--calls N]   (unknown argument '" + args[i] + "')");
                return 2;
            }
        }
        if (calls < 1 || calls > 1000) {
            System.err.println("--calls must be 1–1000");
            return 2;
        }
        if (!Coturn.installed()) {
            System.err.println(Coturn.missingNote());
            return 1;
        }
        try (TurnServer turn = TurnServer.start(TurnConfig.defaults().verbose(false))) {
            List<Row> rows = measure(turn, calls);
            System.out.printf("NAT and TURN cost, %d data-channel calls each (coturn %s, one JVM, ms)%n", calls, turn.version());
            System.out.printf("%-40s %-26s %-26s %s%n", "configuration", "connect min/median/p90", "RTT min/median/p90", "selected pair (pc1)");
            for (Row r : rows) {
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
    public static List<Row> measure(TurnServer turn, int calls) {
        List<String> names = new ArrayList<>();
        List<Setup> setups = new ArrayList<>();
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
        List<List<Double>> connect = new ArrayList<>(), rtt = new ArrayList<>();
        String[] paths = new String[setups.size()];
        int[] failed = new int[setups.size()];
        for (int i = 0; i < setups.size(); i++) {
            connect.add(new ArrayList<>());
            rtt.add(new ArrayList<>());
        }
        for (int n = 0; n < calls + 1; n++) { // the first round warms the engine up and is not counted
            for (int i = 0; i < setups.size(); i++) {
                LocalCall c = setups.get(i).make();
                try {
                    c.pc1().createDataChannel("bench");
                    c.negotiate();
                    c.awaitConnected();
                    double ms = c.setupTime().toConnectedMillis().orElse(Double.NaN);
                    SelectedPath p = waitForRtt(c);
                    if (n == 0) continue;
                    connect.get(i).add(ms);
                    if (p != null && !Double.isNaN(p.rttMs())) rtt.get(i).add(p.rttMs());
                    if (p != null) paths[i] = p.route();
                } catch (RuntimeException e) {
                    if (n > 0) failed[i]++;
                } finally {
                    c.hangup();
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < setups.size(); i++) {
            rows.add(new Row(names.get(i), connect.get(i).isEmpty() ? null : Summary.of(connect.get(i)),
                    rtt.get(i).isEmpty() ? null : Summary.of(rtt.get(i)), paths[i] == null ? "–" : paths[i], failed[i]));
        }
        return rows;
    }

    private static LocalCall nat(NatKind a, NatKind b) {
        LocalCall c = LocalCall.withoutMedia(CallOptions.defaults().withNetwork(Network.perfect()));
        c.relay().gate(Way.PC1_TO_PC2, NatGate.of(a));
        c.relay().gate(Way.PC2_TO_PC1, NatGate.of(b));
        return c;
    }

    /** The selected pair once it has a round-trip time (connectivity checks measure it), at most 2 s later. */
    private static SelectedPath waitForRtt(LocalCall c) {
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        SelectedPath last = null;
        while (System.nanoTime() < deadline) {
            last = SelectedPath.of(c.pc1()).orElse(null);
            if (last != null && !Double.isNaN(last.rttMs())) return last;
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return last;
    }
}

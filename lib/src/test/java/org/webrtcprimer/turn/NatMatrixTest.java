package org.webrtcprimer.turn;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The NAT matrix: every pair of NAT kinds in front of pc1 and pc2, through the kit's relay, against
 * what RFC 4787's behaviours predict; then every pair again with a real coturn, where all connect
 * and the pairs that cannot connect directly go through a relay candidate. Each pair is one
 * data-channel call; the 25 pairs without TURN take ~17 s here (the three that fail wait out a 4 s
 * timeout each), the 25 with TURN ~3 s, so the whole matrix stays in the default run.
 */
@Timeout(600)
public class NatMatrixTest extends CoturnFixture {

    static final Duration TIMEOUT = Duration.ofSeconds(4);

    @Test
    void everyPairWithoutTurnAsTheRfcPredicts() {
        List<String> wrong = new ArrayList<>();
        StringBuilder table = new StringBuilder();
        for (NatKind a : NatKind.values()) {
            for (NatKind b : NatKind.values()) {
                NatRun r = NatRun.run(a, b, null, "", TIMEOUT);
                table.append(r).append('\n');
                boolean expected = NatRun.connectsWithoutTurn(a, b);
                if (r.connected() != expected) wrong.add(r.toString());
                if (r.connected()) {
                    SelectedPath p = r.path().orElseThrow();
                    assertNotEquals("relay", p.localType(), r.toString());
                } else {
                    assertTrue(r.natDrops() > 0, "a failed pair must show packets dropped by a NAT: " + r);
                    assertTrue(r.diagnosis().contains("RFC 4787") && r.diagnosis().contains("TURN"), r.diagnosis());
                }
            }
        }
        System.out.println(table);
        assertTrue(wrong.isEmpty(), "pairs that did not do what RFC 4787 predicts:\n" + String.join("\n", wrong) + "\nall:\n" + table);
    }

    @Test
    void pairsThatNeedTurnConnectThroughIt() {
        StringBuilder table = new StringBuilder();
        for (NatKind a : NatKind.values()) {
            for (NatKind b : NatKind.values()) {
                boolean needs = !NatRun.connectsWithoutTurn(a, b);
                NatRun r = NatRun.run(a, b, turn, "udp", Duration.ofSeconds(10));
                table.append(r).append('\n');
                assertTrue(r.connected(), r.toString());
                if (needs) {
                    SelectedPath p = r.path().orElseThrow();
                    assertTrue(p.localType().equals("relay") || p.remoteType().equals("relay"),
                            "a pair that cannot connect directly must go through TURN: " + r);
                }
            }
        }
        System.out.println(table);
    }

    @Test
    void symmetricToSymmetricGoesThroughTurnOnEveryTransport() {
        TurnServer tls = TurnServer.start();
        try {
            for (String t : List.of("udp", "tcp", "tls")) {
                NatRun r = NatRun.run(NatKind.SYMMETRIC, NatKind.SYMMETRIC, tls, t, Duration.ofSeconds(10));
                System.out.println(r);
                assertTrue(r.connected(), r.toString());
                SelectedPath p = r.path().orElseThrow();
                assertTrue(p.localType().equals("relay") || p.remoteType().equals("relay"), r.toString());
            }
        } finally {
            tls.stop();
        }
    }
}

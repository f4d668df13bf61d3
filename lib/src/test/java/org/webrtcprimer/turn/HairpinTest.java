package org.webrtcprimer.turn;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.webrtcprimer.call.CallOptions;
import org.webrtcprimer.call.LocalCall;
import org.webrtcprimer.net.Fate;
import org.webrtcprimer.net.Network;
import org.webrtcprimer.net.Way;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.*;

/** Both peers behind one NAT: they reach each other only if it hairpins (RFC 4787 §6). */
@Timeout(120)
public class HairpinTest {

    record Outcome(boolean connected, long natDrops, long hairpinDrops, String path) {}

    static Outcome call(NatKind kind, boolean hairpinning) {
        LocalCall c = LocalCall.withoutMedia(CallOptions.defaults().withNetwork(Network.perfect()).withTimeout(Duration.ofSeconds(4)));
        try {
            NatGate nat = NatGate.behindOne(c, kind, hairpinning);
            c.pc1().createDataChannel("hairpin");
            c.negotiate();
            boolean ok;
            try {
                c.awaitConnected();
                ok = true;
            } catch (RuntimeException e) {
                ok = false;
            }
            long drops = c.relay().count(Way.PC1_TO_PC2, Fate.DROPPED_NAT) + c.relay().count(Way.PC2_TO_PC1, Fate.DROPPED_NAT);
            return new Outcome(ok, drops, nat.hairpinRefused(), ok ? SelectedPath.of(c.pc1()).map(SelectedPath::route).orElse("") : "");
        } finally {
            c.hangup();
        }
    }

    @Test
    void withHairpinningThePeersConnectWithoutItTheNatDropsEveryPacketBetweenThem() {
        for (NatKind k : new NatKind[]{NatKind.FULL_CONE, NatKind.PORT_RESTRICTED}) {
            Outcome on = call(k, true);
            System.out.println(k + " hairpinning on: " + on);
            assertTrue(on.connected(), k + " with hairpinning: " + on);
            assertEquals(0, on.hairpinDrops(), on.toString());
            Outcome off = call(k, false);
            System.out.println(k + " hairpinning off: " + off);
            assertFalse(off.connected(), k + " without hairpinning must not connect: " + off);
            assertTrue(off.hairpinDrops() > 0 && off.natDrops() >= off.hairpinDrops(), off.toString());
        }
    }
}

package org.webrtcprimer.turn;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.webrtcprimer.call.CallOptions;
import org.webrtcprimer.call.LocalCall;
import org.webrtcprimer.media.Constraints;
import org.webrtcprimer.media.MediaDevices;
import org.webrtcprimer.media.MediaStream;
import org.webrtcprimer.net.Fate;
import org.webrtcprimer.net.Network;
import org.webrtcprimer.net.Way;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A NAT mapping that expires mid-call (RFC 4787 §4.3): pc2 sends little (RTCP feedback) while pc1
 * sends video; with a mapping lifetime shorter than the gaps between pc2's packets, pc2's NAT drops
 * pc1's media in between. With the RFC's 2 minutes it drops nothing once the call is up.
 */
@Timeout(120)
public class NatLifetimeTest {

    /**
     * The NAT is there from the start, or (afterConnect) goes in once the call is up, as lesson 13
     * does for its 5 ms NAT: ICE through a 5 ms mapping connects only while every answer comes
     * back within 5 ms, which a busy machine does not do.
     */
    static long dropsWhileConnected(MediaStream s, Duration lifetime, boolean afterConnect) throws InterruptedException {
        LocalCall c = LocalCall.create(s, CallOptions.defaults().withNetwork(Network.perfect()));
        try {
            if (!afterConnect) c.relay().gate(Way.PC2_TO_PC1, NatGate.of(NatKind.PORT_RESTRICTED, lifetime));
            c.addLocalStream();
            c.negotiate();
            c.awaitConnected();
            if (afterConnect) {
                c.relay().gate(Way.PC2_TO_PC1, NatGate.of(NatKind.PORT_RESTRICTED, lifetime));
                Thread.sleep(500); // pc2's first packets open the mapping; what was dropped before them is not the lifetime's doing
            }
            long before = c.relay().count(Way.PC1_TO_PC2, Fate.DROPPED_NAT);
            Thread.sleep(3000);
            return c.relay().count(Way.PC1_TO_PC2, Fate.DROPPED_NAT) - before;
        } finally {
            c.hangup();
        }
    }

    @Test
    void aShortMappingLifetimeDropsMediaMidCall() throws InterruptedException {
        MediaStream s = MediaDevices.getUserMedia(Constraints.audioVideo().withSynthetic());
        try {
            long normal = dropsWhileConnected(s, Duration.ofMinutes(2), false);
            long shortLived = dropsWhileConnected(s, Duration.ofMillis(5), true);
            System.out.println("packets pc2's NAT dropped in 3 s of a connected call: lifetime 2 min " + normal + ", 5 ms " + shortLived);
            assertEquals(0, normal);
            assertTrue(shortLived > 0, "a 5 ms mapping lifetime dropped nothing");
        } finally {
            s.stop();
        }
    }
}

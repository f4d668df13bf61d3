package org.webrtcprimer.net;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.webrtcprimer.call.CallOptions;
import org.webrtcprimer.ice.CandidatePair;
import org.webrtcprimer.ice.CandidatePairs;
import org.webrtcprimer.signaling.CalleeProcess;
import org.webrtcprimer.signaling.RemoteCall;
import org.webrtcprimer.signaling.SignalingClient;
import org.webrtcprimer.signaling.SignalingFixture;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.*;

/** A RemoteCall between two JVMs on this machine through the caller's relay: the callee needs nothing. */
@Timeout(180)
class RelayedRemoteCallTest extends SignalingFixture {

    @Test
    void twoProcessesCallThroughTheCallersRelayWithFiftyMillisecondsEachWay() throws Exception {
        try (CalleeProcess process = calleeProcess("relayed");
             SignalingClient signaling = SignalingClient.connect(server.url(), "relayed", "pc1")) {
            RemoteCall call = RemoteCall.call(signaling, localStream, CallOptions.defaults().withNetwork(Network.perfect().withDelay(50)));
            try {
                call.awaitFirstFrame();
                Relay relay = call.relay();
                double rtt = Double.NaN;
                CandidatePair p = null;
                for (int i = 0; i < 40 && !(rtt >= 95); i++) { // STUN consent checks measure the RTT every few seconds
                    Thread.sleep(250);
                    p = call.peer().candidatePairs().selected().orElseThrow();
                    rtt = p.currentRttMs();
                }
                assertEquals("127.0.0.1", p.remote().address(), "pc1 talks to the relay: " + p);
                assertTrue(rtt >= 98 && rtt < 160, "50 ms each way makes a round trip of about 100 ms, measured " + rtt + " ms");
                for (Way w : Way.values()) assertTrue(relay.count(w, Fate.FORWARDED) > 5, relay.toString());
                assertTrue(relay.seen(Way.PC2_TO_PC1) > 50, "the callee's video comes back through the relay: " + relay);
            } finally {
                call.hangup();
            }
            assertTrue(call.relay().isClosed());
            assertEquals(0, process.awaitExit(Duration.ofSeconds(20)), String.join("\n", process.output()));
        }
    }
}

package org.webrtcprimer.signaling;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.webrtcprimer.call.SessionDescription;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A caller that hangs up while the callee still answers: the callee must count the call (a callee
 * with {@code maxCalls 1} then stops), whatever step its bye interrupts. And a peer that leaves and
 * comes back under the same name at once gets its name back. Real engine, real server.
 */
@Timeout(120)
class CalleeRaceTest extends SignalingFixture {

    @Test
    void aByeWhileTheCalleeConnectsCountsTheCall() {
        try (Callee callee = Callee.start(server.url(), localStream, Callee.Options.in("hasty").withMaxCalls(1));
             SignalingClient signaling = SignalingClient.connect(server.url(), "hasty", "pc1")) {
            signaling.awaitPeer(Duration.ofSeconds(5));
            RemoteCall call = RemoteCall.create(signaling, localStream);
            call.addLocalStream();
            SessionDescription offer = call.peer().createOffer();
            call.peer().setLocalDescription(offer);
            call.send(offer);
            call.awaitAnswer(); // pc2 has answered and waits to connect …
            call.hangup();      // … but pc1 never applies the answer: pc2 cannot connect before the bye

            String why = callee.awaitStopped(Duration.ofSeconds(20));
            assertEquals("answered 1 call", why, "the callee counted the call the caller hung up");
            RemoteCall theirs = callee.calls().get(0);
            assertTrue(theirs.isEnded(), theirs.toString());
            assertTrue(theirs.ended().join().contains("bye"), theirs.ended().join());
            assertTrue(theirs.log().first(e -> e.name().equals("Call ended before pc2 connected")).isPresent(), theirs.log().text());
        }
    }

    @Test
    void theCalleeCommandsTimeoutSaysWhatDidNotHappen() {
        try (Callee callee = Callee.start(server.url(), localStream, Callee.Options.in("waiting").withMaxCalls(2))) {
            SignalingTimeoutException e = assertThrows(SignalingTimeoutException.class, () -> callee.awaitStopped(Duration.ofMillis(300)));
            assertTrue(e.getMessage().contains("did not stop within 300 ms: it has answered 0 calls of the 2 it stops after"
                    + " and waits for an offer"), e.getMessage());
        }
    }

    @Test
    void aPeerThatRejoinsRightAfterCloseGetsItsNameAndTheOtherSeesEachDepartureOnce() throws Exception {
        RawClient pc2 = RawClient.joined(server.url(), "rejoin", "pc2");
        try {
            for (int i = 0; i < 30; i++) {
                SignalingClient.connect(server.url(), "rejoin", "pc1").close();
                SignalingClient again = SignalingClient.connect(server.url(), "rejoin", "pc1"); // never name-taken
                again.close();
            }
            // pc2 saw each of the 60 connections join once and leave once, in that order.
            StringBuilder seen = new StringBuilder();
            for (int i = 0; i < 120; i++) {
                Message m = pc2.poll(5000);
                assertNotNull(m, "message " + i + " of 120 did not arrive; so far: " + seen);
                seen.append(m.type().equals(Protocol.PEER_JOINED) ? "+" : m.type().equals(Protocol.PEER_LEFT) ? "-" : "?");
            }
            assertEquals("+-".repeat(60), seen.toString());
            assertNull(pc2.poll(300), "no extra peer-left after the last one");
        } finally {
            pc2.close();
        }
    }
}

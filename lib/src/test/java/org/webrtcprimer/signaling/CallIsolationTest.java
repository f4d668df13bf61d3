package org.webrtcprimer.signaling;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Messages that belong to no call must not reach the next one: a stray bye, or a caller that
 * leaves and comes back (a page reload), used to wait in the Java callee's mailbox and end its
 * next call at once. Real engine, real server.
 */
@Timeout(120)
class CallIsolationTest extends SignalingFixture {

    private static void assertCallHolds(RemoteCall call, Callee callee, int n) throws InterruptedException {
        RemoteCall theirs = callee.awaitCall(n, Duration.ofSeconds(20));
        Thread.sleep(500);
        assertFalse(theirs.ended().isDone(), "the callee's call " + n + " is still up: " + theirs.ended().getNow("")
                + "\n" + theirs.log().text());
        assertFalse(call.ended().isDone(), "the caller's call is still up: " + call.ended().getNow(""));
    }

    @Test
    void aStrayByeBeforeTheOfferDoesNotEndTheCall() throws Exception {
        try (Callee callee = Callee.start(server.url(), localStream, Callee.Options.in("stray"));
             SignalingClient signaling = SignalingClient.connect(server.url(), "stray", "pc1")) {
            signaling.awaitPeer(Duration.ofSeconds(5));
            signaling.send(Message.of(Protocol.BYE)); // Hang Up pressed twice, or before any call
            Thread.sleep(300); // it has reached the callee's mailbox
            RemoteCall call = RemoteCall.call(signaling, localStream);
            assertCallHolds(call, callee, 1);
            call.hangup();
        }
    }

    @Test
    void aCallerThatLeavesAndRejoinsGetsAWorkingCall() throws Exception {
        try (Callee callee = Callee.start(server.url(), localStream, Callee.Options.in("reload"))) {
            try (SignalingClient first = SignalingClient.connect(server.url(), "reload", "pc1")) {
                first.awaitPeer(Duration.ofSeconds(5));
            } // the page reloads: pc1 leaves; the callee hears peer-left while no call runs
            Thread.sleep(300);
            try (SignalingClient again = SignalingClient.connect(server.url(), "reload", "pc1")) {
                again.awaitPeer(Duration.ofSeconds(5));
                RemoteCall call = RemoteCall.call(again, localStream);
                assertCallHolds(call, callee, 1);
                call.hangup();
            }
        }
    }
}

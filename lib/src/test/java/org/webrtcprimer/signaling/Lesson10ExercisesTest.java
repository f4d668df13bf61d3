package org.webrtcprimer.signaling;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.webrtcprimer.events.Event;
import org.webrtcprimer.exercises.Exercises;
import org.webrtcprimer.exercises.Verdict;
import org.webrtcprimer.media.Constraints;
import org.webrtcprimer.media.MediaDevices;
import org.webrtcprimer.media.MediaStream;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.*;

/** Lesson 10's exercises, checked against a real call's server, clock offset and logs. */
@Timeout(120)
class Lesson10ExercisesTest {

    @Test
    void theCheckersReadTheRealCall() throws Exception {
        MediaStream localStream = MediaDevices.getUserMedia(Constraints.audioVideo().withSynthetic());
        try (SignalingServer server = SignalingServer.start();
             Callee callee = Callee.start(server.url(), localStream, Callee.Options.in("lesson10")); // stays in the room after the call
             SignalingClient signaling = SignalingClient.connect(server.url(), "lesson10", "pc1")) {
            ClockOffset offset = signaling.syncClock(5);
            RemoteCall call = RemoteCall.call(signaling, localStream);
            call.awaitFirstFrame();
            call.hangup();
            CallLogs logs = CallLogs.of(call.log(), call.remoteLog(), offset);

            long sentByPc1 = call.log().all(e -> e.name().startsWith("pc1 sent ")).size();
            long sentByPc2 = logs.there().stream().filter(e -> e.name().startsWith("pc2 sent ")).count();
            long relayed = server.log().all(e -> e.source().equals(SignalingServer.SOURCE)
                    && java.util.List.of("offer", "answer", "candidate", "bye").contains(e.name())).size();
            assertEquals(sentByPc1 + sentByPc2, relayed, "every call message either side sent was relayed once");
            assertTrue(Exercises.check("10.1", (int) relayed, server).right());
            assertEquals(Verdict.Outcome.WRONG, Exercises.check("10.1", (int) relayed + 1, server).outcome());
            assertEquals(Verdict.Outcome.WRONG, Exercises.check("10.1", (int) relayed).outcome(), "the server is needed");

            // The lesson's browser part calls through the same server in another room: 10.1 counts room lesson10 only.
            try (Callee other = Callee.start(server.url(), localStream, Callee.Options.in("browser").withMaxCalls(1));
                 SignalingClient caller = SignalingClient.connect(server.url(), "browser", "pc1")) {
                // hang up only once pc2's video arrives: pc2 sends it once it is connected itself, so the
                // callee has counted the call (a bye while it still answers leaves it waiting for another)
                RemoteCall second = RemoteCall.call(caller, localStream);
                second.awaitFirstFrame();
                second.hangup();
                other.awaitStopped(Duration.ofSeconds(10));
            }
            long everywhere = server.log().all(e -> java.util.List.of("offer", "answer", "candidate", "bye").contains(e.name())).size();
            assertTrue(everywhere > relayed, "the other room's messages are in the server's log too");
            assertTrue(Exercises.check("10.1", (int) relayed, server).right(), "still the lesson10 count");
            assertFalse(Exercises.check("10.1", (int) everywhere, server).right());

            SignalingProtocolException third = assertThrows(SignalingProtocolException.class,
                    () -> SignalingClient.connect(server.url(), "lesson10", "pc3", Duration.ofSeconds(5)));
            assertTrue(Exercises.check("10.2", third.code()).right(), third.code());
            assertFalse(Exercises.check("10.2", "name-taken").right());

            assertTrue(Exercises.check("10.3", offset.errorBoundMillis(), offset).right());
            assertFalse(Exercises.check("10.3", offset.errorBoundMillis() * 3 + 1, offset).right());

            double pc1 = logs.millisOf(true, e -> e.source().equals("pc1") && e.isState(Event.CONNECTION, "connected"));
            double pc2 = logs.millisOf(false, e -> e.source().equals("pc2") && e.isState(Event.CONNECTION, "connected"));
            String first = pc1 <= pc2 ? "pc1" : "pc2";
            assertTrue(Exercises.check("10.4", first, logs).right());
            assertFalse(Exercises.check("10.4", first.equals("pc1") ? "pc2" : "pc1", logs).right());
        } finally {
            localStream.stop();
        }
    }

    @Test
    void twoClientsOfOneKernelShareAClockAndASmallLimitRefusesTheOffer() {
        try (SignalingServer server = SignalingServer.start();
             SignalingClient a = SignalingClient.connect(server.url(), "twins", "a");
             SignalingClient b = SignalingClient.connect(server.url(), "twins", "b")) {
            ClockOffset twins = a.syncClock(5);
            assertTrue(Exercises.check("10.5", 0, twins).right(), twins.toString());
            assertTrue(Exercises.check("10.5", twins.offsetMillis(), twins).right());
            Verdict far = Exercises.check("10.5", twins.errorBoundMillis() * 2 + 5, twins);
            assertEquals(Verdict.Outcome.WRONG, far.outcome());
            assertTrue(far.message().contains("outside what they can tell apart"), far.message());
            // an offset whose pong was stamped outside the round trip is another process's clock
            ClockOffset other = ClockOffset.of(java.util.List.of(new ClockOffset.Sample(0, 5_000_000_000L, 1_000_000)));
            assertTrue(Exercises.check("10.5", 0, other).message().contains("another process's clock"));
            assertTrue(Exercises.check("10.5", 0).message().contains("pass two things"));

            // 10.6: the default server refuses nothing for its size
            assertTrue(Exercises.check("10.6", "too-big", server).message().contains("default limit"));
        }
        String offer = org.webrtcprimer.datasets.Datasets.read("article/offer.sdp");
        try (SignalingServer strict = SignalingServer.start(SignalingServer.Options.defaults().withMaxMessageBytes(1024));
             SignalingClient a = SignalingClient.connect(strict.url(), "strict", "pc1");
             SignalingClient b = SignalingClient.connect(strict.url(), "strict", "pc2")) {
            assertTrue(Exercises.check("10.6", "too-big", strict).message().contains("refused no message"));
            assertTrue(offer.length() > 1024, "the article's offer is bigger than the limit");
            a.send(Message.of("offer", "sdp", offer));
            String code = a.next("error", Duration.ofSeconds(10)).string("code").orElse("?");
            assertEquals("too-big", code);
            assertTrue(Exercises.check("10.6", code, strict).right());
            Verdict wrong = Exercises.check("10.6", "room-full", strict);
            assertEquals(Verdict.Outcome.WRONG, wrong.outcome());
            assertTrue(wrong.message().contains("1024-byte limit"), wrong.message());
            assertTrue(Exercises.check("10.6", "too-big").message().contains("pass two things"));
        }
    }
}

package org.webrtcprimer.wire;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.webrtcprimer.call.CallOptions;
import org.webrtcprimer.call.LocalCall;
import org.webrtcprimer.exercises.Exercises;
import org.webrtcprimer.exercises.Verdict;
import org.webrtcprimer.media.Constraints;
import org.webrtcprimer.media.MediaDevices;
import org.webrtcprimer.media.MediaStream;
import org.webrtcprimer.net.Network;
import org.webrtcprimer.net.Way;

import static org.junit.jupiter.api.Assertions.*;

/** Lesson 12's exercises — the predictions 12.1 and 12.2, the modify-and-observe 12.4 — checked against real captures. */
@Timeout(120)
class Lesson12ExercisesTest {

    private static Trace captured(Constraints constraints) throws InterruptedException {
        MediaStream stream = MediaDevices.getUserMedia(constraints);
        Capture capture = Capture.create();
        LocalCall call = LocalCall.call(stream, CallOptions.defaults().withNetwork(Network.perfect().withSink(capture)));
        try {
            Thread.sleep(1000);
            return capture.trace(call.pc1().localDescription(), call.pc2().localDescription());
        } finally {
            call.hangup();
            stream.stop();
        }
    }

    @Test
    void anAudioOnlyCallSendsOneStream() throws InterruptedException {
        Trace audio = captured(Constraints.audioOnly().withSynthetic());
        long sent = audio.streams().stream().filter(s -> s.way() == Way.PC1_TO_PC2).count();
        assertEquals(1, sent, "one SSRC: the audio track's");
        assertEquals(Verdict.Outcome.RIGHT, Exercises.check("12.4", 1, audio).outcome());
        Verdict two = Exercises.check("12.4", 2, audio);
        assertEquals(Verdict.Outcome.WRONG, two.outcome());
        assertTrue(two.message().contains("the number of SSRCs pc1 sent"), two.message());
        assertTrue(Exercises.check("12.4", 1).message().contains("check(\"12.4\""));

        Trace withVideo = captured(Constraints.audioVideo().withSynthetic());
        Verdict video = Exercises.check("12.4", 1, withVideo);
        assertEquals(Verdict.Outcome.WRONG, video.outcome());
        assertTrue(video.message().contains("audioOnly"), video.message());

        predictionsAreComparedWithTheCapture(withVideo);
    }

    /** 12.1 and 12.2 compare a prediction made from the SDPs with what the capture holds. */
    private static void predictionsAreComparedWithTheCapture(Trace t) {
        String pc1 = t.map().ufrag("pc1"), pc2 = t.map().ufrag("pc2");
        String sent = t.checks().stream().filter(c -> c.from().equals("pc1")).findFirst().orElseThrow().message().username();
        assertEquals(pc2 + ":" + pc1, sent, "pc1's checks carry the receiver's ufrag first (RFC 8445 §7.2.2)");
        assertEquals(Verdict.Outcome.RIGHT, Exercises.check("12.1", pc2 + ":" + pc1, t).outcome());
        Verdict reversed = Exercises.check("12.1", pc1 + ":" + pc2, t);
        assertEquals(Verdict.Outcome.WRONG, reversed.outcome());
        assertTrue(reversed.message().contains("pc2's checks to pc1"), reversed.message());
        Verdict other = Exercises.check("12.1", "abcd:efgh", t);
        assertEquals(Verdict.Outcome.WRONG, other.outcome());
        assertTrue(other.message().contains("carried USERNAME " + sent), other.message());
        assertEquals(Verdict.Outcome.UNANSWERED, Exercises.check("12.1", null, t).outcome());

        assertEquals("pc2", t.dtlsClient(), "pc2 answers a=setup:active");
        assertEquals(Verdict.Outcome.RIGHT, Exercises.check("12.2", "pc2", t).outcome());
        Verdict pc1Said = Exercises.check("12.2", "pc1", t);
        assertEquals(Verdict.Outcome.WRONG, pc1Said.outcome());
        assertTrue(pc1Said.message().contains("the ClientHello came from pc2"), pc1Said.message());
        assertTrue(Exercises.check("12.2", "both", t).message().contains("predict \"pc1\" or \"pc2\""));
    }
}

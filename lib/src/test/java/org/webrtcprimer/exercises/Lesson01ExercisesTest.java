package org.webrtcprimer.exercises;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.webrtcprimer.call.CallOptions;
import org.webrtcprimer.call.LocalCall;
import org.webrtcprimer.media.Constraints;
import org.webrtcprimer.media.MediaDevices;
import org.webrtcprimer.media.MediaStream;

import static org.junit.jupiter.api.Assertions.*;

/** Lesson 01's predict-then-verify (01.5) and modify-and-observe (01.6) exercises, checked against real calls. */
@Timeout(120)
class Lesson01ExercisesTest {

    @Test
    void aGatherFirstCallHasNoCandidateArrows() {
        MediaStream stream = MediaDevices.getUserMedia(Constraints.videoOnly().withSynthetic().withSize(160, 120).withFrameRate(10));
        LocalCall gatherFirst = null, trickle = null;
        try {
            gatherFirst = LocalCall.call(stream, CallOptions.defaults().withTrickle(false));
            assertEquals(0, Lesson01.candidateArrows(gatherFirst), "no candidate was added one by one");
            assertEquals(Verdict.Outcome.RIGHT, Exercises.check("01.5", 0, gatherFirst).outcome());
            Verdict wrong = Exercises.check("01.5", 3, gatherFirst);
            assertEquals(Verdict.Outcome.WRONG, wrong.outcome());
            assertTrue(wrong.message().contains("you predicted 3") && wrong.message().contains("0 candidate arrows"), wrong.message());
            assertEquals(Verdict.Outcome.WRONG, Exercises.check("01.5", 0.5, gatherFirst).outcome());
            assertTrue(Exercises.check("01.5", 0).message().contains("pass two things"));

            trickle = LocalCall.call(stream);
            assertTrue(Lesson01.candidateArrows(trickle) > 0, "a trickled call adds candidates one by one");
            Verdict trickled = Exercises.check("01.5", 0, trickle);
            assertEquals(Verdict.Outcome.WRONG, trickled.outcome());
            assertTrue(trickled.message().contains("withTrickle(false)"), trickled.message());
            // 01.6 wants a call without media
            assertTrue(Exercises.check("01.6", "application", trickle).message().contains("without media"));
        } finally {
            if (gatherFirst != null) gatherFirst.hangup();
            if (trickle != null) trickle.hangup();
            stream.stop();
        }
    }

    @Test
    void aDataOnlyCallOffersOneApplicationSection() {
        LocalCall dataCall = LocalCall.create();
        try {
            assertTrue(Exercises.check("01.6", "application", dataCall).message().contains("no offer yet"));
            dataCall.pc1().createDataChannel("chat");
            dataCall.negotiate();
            dataCall.awaitConnected();
            assertEquals(Verdict.Outcome.RIGHT, Exercises.check("01.6", "application", dataCall).outcome());
            assertEquals(Verdict.Outcome.RIGHT, Exercises.check("01.6", " m=application ", dataCall).outcome());
            Verdict video = Exercises.check("01.6", "video", dataCall);
            assertEquals(Verdict.Outcome.WRONG, video.outcome());
            assertTrue(video.message().contains("'application'") && video.message().contains("DTLS/SCTP"), video.message());
            assertEquals(Verdict.Outcome.UNANSWERED, Exercises.check("01.6", null, dataCall).outcome());
            assertTrue(Exercises.check("01.6", "application").message().contains("pass two things"));
        } finally {
            dataCall.hangup();
        }
    }
}

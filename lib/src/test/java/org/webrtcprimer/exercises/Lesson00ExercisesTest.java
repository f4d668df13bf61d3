package org.webrtcprimer.exercises;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.webrtcprimer.call.LocalCall;
import org.webrtcprimer.media.Constraints;
import org.webrtcprimer.media.MediaDevices;
import org.webrtcprimer.media.MediaStream;

import static org.junit.jupiter.api.Assertions.*;

/** Lesson 00's modify-and-observe exercise (00.3), checked against real calls. */
@Timeout(120)
class Lesson00ExercisesTest {

    @Test
    void theWidthPc2DecodesIsReadFromTheCall() {
        MediaStream small = MediaDevices.getUserMedia(Constraints.videoOnly().withSynthetic().withSize(320, 240).withFrameRate(15));
        MediaStream usual = MediaDevices.getUserMedia(Constraints.videoOnly().withSynthetic());
        LocalCall sized = null, plain = null;
        try {
            sized = LocalCall.call(small);
            int decoded = sized.remoteVideo().videoWidth();
            assertEquals(320, decoded, "pc2 decodes what the source captured");
            assertEquals(Verdict.Outcome.RIGHT, Exercises.check("00.3", 320, sized).outcome());
            Verdict wrong = Exercises.check("00.3", 640, sized);
            assertEquals(Verdict.Outcome.WRONG, wrong.outcome());
            assertTrue(wrong.message().contains("pc2's remoteVideo shows 320"), wrong.message());
            assertTrue(Exercises.check("00.3", 320).message().contains("pass two things"));

            plain = LocalCall.call(usual);
            Verdict unchanged = Exercises.check("00.3", 640, plain);
            assertEquals(Verdict.Outcome.WRONG, unchanged.outcome());
            assertTrue(unchanged.message().contains("the default"), unchanged.message());
        } finally {
            if (sized != null) sized.hangup();
            if (plain != null) plain.hangup();
            small.stop();
            usual.stop();
        }
    }
}

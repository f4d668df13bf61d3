package org.webrtcprimer.exercises;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.webrtcprimer.call.DataChannel;
import org.webrtcprimer.call.DataChannelOptions;
import org.webrtcprimer.call.LocalCall;
import org.webrtcprimer.media.Constraints;
import org.webrtcprimer.media.MediaDevices;
import org.webrtcprimer.media.MediaStream;

import static org.junit.jupiter.api.Assertions.*;

/** The modify-and-observe exercises 02.2 (the size pc2 decodes) and 08.2 (what pc2 reads from DCEP), against real calls. */
@Timeout(120)
class Lesson02And08ExercisesTest {

    @Test
    void pc2DecodesTheSizeTheConstraintsAskFor() {
        MediaStream small = MediaDevices.getUserMedia(Constraints.videoOnly().withSynthetic().withSize(320, 240).withFrameRate(15));
        MediaStream big = MediaDevices.getUserMedia(Constraints.videoOnly().withSynthetic().withSize(640, 480));
        LocalCall call = null, bigCall = null;
        try {
            call = LocalCall.call(small);
            call.awaitFirstFrame();
            String decoded = call.remoteVideo().videoWidth() + "×" + call.remoteVideo().videoHeight();
            assertEquals(Verdict.Outcome.RIGHT, Exercises.check("02.2", decoded, call).outcome());
            assertEquals(Verdict.Outcome.RIGHT, Exercises.check("02.2", decoded.replace("×", " x "), call).outcome());
            Verdict wrong = Exercises.check("02.2", "640×480", call);
            assertEquals(Verdict.Outcome.WRONG, wrong.outcome());
            assertTrue(wrong.message().contains("pc2 decoded " + decoded), wrong.message());
            assertEquals(Verdict.Outcome.UNANSWERED, Exercises.check("02.2", null, call).outcome());
            assertTrue(Exercises.check("02.2", "320×240").message().contains("pass two things"));

            bigCall = LocalCall.call(big);
            bigCall.awaitFirstFrame();
            Verdict unchanged = Exercises.check("02.2", "640×480", bigCall);
            assertEquals(Verdict.Outcome.WRONG, unchanged.outcome());
            assertTrue(unchanged.message().contains("not 320×240"), unchanged.message());
        } finally {
            if (call != null) call.hangup();
            if (bigCall != null) bigCall.hangup();
            small.stop();
            big.stop();
        }
    }

    @Test
    void pc2ReadsTheChangedRetransmitsFromDcep() {
        LocalCall call = LocalCall.create();
        try {
            DataChannel first = call.pc1().createDataChannel("first", DataChannelOptions.unreliable());
            call.negotiate();
            call.awaitConnected();
            DataChannel firstAtPc2 = call.pc2().awaitDataChannel("first").awaitOpen();
            call.pc1().createDataChannel("three", DataChannelOptions.partialRetransmits(3));
            DataChannel threeAtPc2 = call.pc2().awaitDataChannel("three").awaitOpen();
            assertEquals(3, threeAtPc2.options().maxRetransmits(), "pc2 learns the reliability parameter from DCEP");

            assertEquals(Verdict.Outcome.RIGHT, Exercises.check("08.2", 3, threeAtPc2).outcome());
            Verdict wrong = Exercises.check("08.2", 0, threeAtPc2);
            assertEquals(Verdict.Outcome.WRONG, wrong.outcome());
            assertTrue(wrong.message().contains("at most 3 retransmissions"), wrong.message());
            assertTrue(Exercises.check("08.2", 0, firstAtPc2).message().contains("like positions"));
            assertTrue(Exercises.check("08.2", 3, first).message().contains("the end pc1 created"));
            assertEquals(Verdict.Outcome.UNANSWERED, Exercises.check("08.2", null, threeAtPc2).outcome());
        } finally {
            call.hangup();
        }
    }
}

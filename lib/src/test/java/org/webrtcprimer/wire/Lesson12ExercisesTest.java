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

/** Lesson 12's modify-and-observe exercise (12.4), checked against real captures. */
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
        Trace audio = captured(Constraints.audioOnly().synthetic());
        long sent = audio.streams().stream().filter(s -> s.way() == Way.PC1_TO_PC2).count();
        assertEquals(1, sent, "one SSRC: the audio track's");
        assertEquals(Verdict.Outcome.RIGHT, Exercises.check("12.4", 1, audio).outcome());
        Verdict two = Exercises.check("12.4", 2, audio);
        assertEquals(Verdict.Outcome.WRONG, two.outcome());
        assertTrue(two.message().contains("the number of SSRCs pc1 sent"), two.message());
        assertTrue(Exercises.check("12.4", 1).message().contains("check(\"12.4\""));

        Trace withVideo = captured(Constraints.audioVideo().synthetic());
        Verdict video = Exercises.check("12.4", 1, withVideo);
        assertEquals(Verdict.Outcome.WRONG, video.outcome());
        assertTrue(video.message().contains("audioOnly"), video.message());
    }
}

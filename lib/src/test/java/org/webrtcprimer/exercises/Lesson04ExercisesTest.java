package org.webrtcprimer.exercises;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.webrtcprimer.call.LocalCall;
import org.webrtcprimer.call.SessionDescription;
import org.webrtcprimer.media.Constraints;
import org.webrtcprimer.media.MediaDevices;
import org.webrtcprimer.media.MediaStream;
import org.webrtcprimer.sdp.Sdp;

import static org.junit.jupiter.api.Assertions.*;

/** Lesson 04's modify-and-observe exercise (04.7), checked against offers the engine made. */
@Timeout(60)
class Lesson04ExercisesTest {

    @Test
    void aDataChannelAddsABundledSection() {
        MediaStream stream = MediaDevices.getUserMedia(Constraints.audioVideo().withSynthetic());
        LocalCall withChat = LocalCall.create(stream), plain = LocalCall.create(stream), dataOnly = LocalCall.create();
        try {
            withChat.addLocalStream();
            withChat.pc1().createDataChannel("chat");
            SessionDescription chatOffer = withChat.pc1().createOffer();
            int mids = Sdp.parse(chatOffer.sdp()).bundle().size();
            assertEquals(3, mids, "audio, video and the data channel are bundled");
            assertEquals(Verdict.Outcome.RIGHT, Exercises.check("04.7", 3, chatOffer).outcome());
            Verdict two = Exercises.check("04.7", 2, chatOffer);
            assertEquals(Verdict.Outcome.WRONG, two.outcome());
            assertTrue(two.message().contains("BUNDLE group (0 1 2)"), two.message());

            plain.addLocalStream();
            assertTrue(Exercises.check("04.7", 2, plain.pc1().createOffer()).message().contains("no m=application"));
            dataOnly.pc1().createDataChannel("chat");
            assertTrue(Exercises.check("04.7", 1, dataOnly.pc1().createOffer()).message().contains("no audio or video"));
            assertTrue(Exercises.check("04.7", 3).message().contains("pass two things"));
        } finally {
            withChat.hangup();
            plain.hangup();
            dataOnly.hangup();
            stream.stop();
        }
    }
}

package org.webrtcprimer.exercises;

import org.webrtcprimer.media.MediaStream;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

final class Lesson02 {
    private Lesson02() {}

    static List<Exercise> exercises() {
        return List.of(
                new Exercise("02.1",
                        "How many bytes does one 640×480 frame take in I420?",
                        a -> Exercises.expectNumber(a[0], 640 * 480 * 3 / 2, 0, "the size of a 640×480 I420 frame"),
                        "Y has one byte per pixel; U and V each have one byte per 2×2 block of pixels.",
                        "640×480 bytes of Y plus 2 × 320×240 bytes of U and V = 460,800 bytes, 1.5 bytes per pixel — "
                                + "half of what 24-bit RGB needs."),
                new Exercise("02.2",
                        "Open a synthetic, video-only stream at 320×240 and 15 frames per second, and pass it.",
                        a -> {
                            if (!(a[0] instanceof MediaStream s)) return Optional.of("pass the MediaStream that getUserMedia returned, not "
                                    + Exercises.describe(a[0]) + ".");
                            if (!s.active()) return Optional.of("that stream has been stopped.");
                            if (!s.getAudioTracks().isEmpty()) return Optional.of("the stream has an audio track; ask for video only.");
                            if (s.getVideoTracks().isEmpty()) return Optional.of("the stream has no video track.");
                            if (!s.getVideoTracks().get(0).synthetic()) return Optional.of("the video comes from a camera, not the synthetic source.");
                            var c = s.constraints();
                            if (c.width() != 320 || c.height() != 240) return Optional.of("the size is " + c.width() + "×" + c.height() + ".");
                            if (c.fps() != 15) return Optional.of("the frame rate is " + c.fps() + " fps.");
                            s.localVideo().awaitFirstFrame(Duration.ofSeconds(3));
                            return s.localVideo().videoWidth() == 320 ? Optional.empty()
                                    : Optional.of("its frames are " + s.localVideo().videoWidth() + " pixels wide.");
                        },
                        "start from Constraints.videoOnly(), then .synthetic(), .size(w, h) and .frameRate(fps).",
                        "a quarter of the pixels and half the frames: about an eighth of the data of 640×480 @ 30 fps."),
                new Exercise("02.3",
                        "After localStream.stop(), what is the readyState of its video track?",
                        a -> Exercises.expectText(a[0], "ended", "the readyState of a stopped track"),
                        "print localStream.getVideoTracks().get(0).readyState() after stopping.",
                        "a stopped track is 'ended' for good (W3C Media Capture §4.3); to capture again, call getUserMedia again."));
    }
}

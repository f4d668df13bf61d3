package org.webrtcprimer.exercises;

import org.webrtcprimer.call.LocalCall;
import org.webrtcprimer.events.Event;
import org.webrtcprimer.media.MediaStream;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

final class Lesson02 {
    private Lesson02() {}

    static List<Exercise> exercises() {
        return List.of(
                new Exercise("02.1",
                        "Predict how many bytes one I420 frame of a 320×240 picture takes; then pass your number and a synthetic "
                                + "320×240 stream, whose real frame the check measures.",
                        a -> {
                            if (a.length < 2 || !(a[1] instanceof MediaStream s)) {
                                return Optional.of("pass two things: your number and the 320×240 stream, e.g. check(\"02.1\", 1000, probe).");
                            }
                            if (!s.active()) return Optional.of("that stream has been stopped; check it before stop().");
                            if (s.getVideoTracks().isEmpty()) return Optional.of("that stream has no video track.");
                            var view = s.localVideo();
                            view.awaitFirstFrame(Duration.ofSeconds(5));
                            var frame = view.latestFrame().orElse(null);
                            if (frame == null) return Optional.of("no frame arrived from that stream within 5 s.");
                            if (frame.width() != 320 || frame.height() != 240) {
                                return Optional.of("its frames are " + frame.width() + "×" + frame.height() + "; open it with .withSize(320, 240).");
                            }
                            long bytes = (long) frame.y().length + frame.u().length + frame.v().length;
                            return Exercises.expectNumber(a[0], bytes, 0, "the size of its frame (the check counted " + bytes
                                    + " bytes in its Y, U and V planes)");
                        },
                        "the same rule as for 640×480: Y has one byte per pixel, U and V one byte each per 2×2 block.",
                        "320×240 + 2 × 160×120 = 115,200 bytes, a quarter of 640×480's 460,800: I420 costs 1.5 bytes per pixel "
                                + "at any size, half of 24-bit RGB."),
                new Exercise("02.2",
                        "Modify and observe: open a synthetic, video-only stream at 320×240 and 15 frames per second, send it in a call "
                                + "(LocalCall.call(small)), and pass the picture size pc2 decodes, as \"W×H\", with the call.",
                        a -> {
                            if (a.length < 2 || !(a[1] instanceof LocalCall call)) {
                                return Optional.of("pass two things: the size pc2 decodes and the call, e.g. check(\"02.2\", \"640×480\", smallCall).");
                            }
                            MediaStream s = call.localStream();
                            if (s == null) return Optional.of("that call sends no stream: make it with LocalCall.call(small).");
                            if (!s.getAudioTracks().isEmpty()) return Optional.of("the stream has an audio track; ask for video only.");
                            if (s.getVideoTracks().isEmpty()) return Optional.of("the stream has no video track.");
                            if (!s.getVideoTracks().get(0).synthetic()) return Optional.of("the video comes from a camera, not the synthetic source.");
                            var c = s.constraints();
                            if (c.width() != 320 || c.height() != 240) return Optional.of("the stream's size is " + c.width() + "×" + c.height() + ", not 320×240.");
                            if (c.fps() != 15) return Optional.of("the stream's frame rate is " + c.fps() + " fps, not 15.");
                            // what pc2 decoded: its first frame (in the log) and the latest (the view), which the engine may have scaled
                            Set<String> decoded = new LinkedHashSet<>();
                            call.log().all(e -> e.source().equals("pc2") && e.name().equals(Event.FIRST_FRAME)).forEach(e -> decoded.add(size(e.detail())));
                            if (call.remoteVideo().videoWidth() > 0) decoded.add(call.remoteVideo().videoWidth() + "×" + call.remoteVideo().videoHeight());
                            if (decoded.isEmpty()) return Optional.of("pc2 has decoded no frame of that call yet: run smallCall.awaitFirstFrame() first.");
                            if (!(a[0] instanceof CharSequence said)) return Optional.of("write the size as text, e.g. \"640×480\", not " + Exercises.describe(a[0]) + ".");
                            return decoded.contains(size(said.toString())) ? Optional.empty()
                                    : Optional.of("you passed '" + said + "'; in that call pc2 decoded " + String.join(", then ", decoded) + " frames.");
                        },
                        "Constraints.videoOnly().withSynthetic().withSize(w, h).withFrameRate(fps); then smallCall.awaitFirstFrame() and read "
                                + "smallCall.remoteVideo(), pc2's view.",
                        "320×240: the encoder sends the pictures the source makes, and pc2's decoder gives back the same size. The "
                                + "constraints travel all the way: a quarter of the pixels of 640×480 and half the frames, about an eighth of "
                                + "the raw data to encode. The engine may still lower the size on its own when the CPU or the network falls "
                                + "short (getStats' qualityLimitationReason, lesson 09), so what pc2 decodes is measured, not assumed."),
                new Exercise("02.3",
                        "Predict: after localStream.stop(), how many new frames reach localVideo in the next half second? "
                                + "Pass your number and the stopped stream; the check counts them.",
                        a -> {
                            if (a.length < 2 || !(a[1] instanceof MediaStream s)) {
                                return Optional.of("pass two things: your number and the stream, e.g. check(\"02.3\", 5, localStream).");
                            }
                            if (s.active()) return Optional.of("that stream is still live; run localStream.stop() first.");
                            var view = s.localVideo();
                            long before = view.frames();
                            try {
                                Thread.sleep(500);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                return Optional.of("interrupted while counting frames.");
                            }
                            long arrived = view.frames() - before;
                            return Exercises.expectNumber(a[0], arrived, 0, "what arrived (the check counted " + arrived
                                    + " new frames in 0.5 s)");
                        },
                        "stop() ends every track of the stream; does an ended track's source keep producing?",
                        "none: stop() ends the tracks, the kit's source stops and the view stops watching. An ended track never "
                                + "becomes live again (W3C Media Capture and Streams, MediaStreamTrack.stop()); to capture again, "
                                + "call getUserMedia again."));
    }

    /** A picture size as typed ("320x240", "320 × 240") in the kit's form, "320×240". */
    static String size(String typed) {
        return typed.strip().replaceAll("\\s*[×xX*]\\s*", "×");
    }
}

package org.webrtcprimer.exercises;

import org.webrtcprimer.call.LocalCall;
import org.webrtcprimer.engine.Engine;
import org.webrtcprimer.ice.CandidatePair;
import org.webrtcprimer.media.Constraints;
import org.webrtcprimer.media.MediaDevices;
import org.webrtcprimer.media.MediaStream;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

final class Lesson00 {
    private Lesson00() {}

    /** Codec names that are real video codecs, not retransmission or error-correction formats. */
    static Set<String> videoCodecs() {
        return Engine.get().sendCodecs("video").stream()
                .filter(n -> !Set.of("rtx", "red", "ulpfec", "flexfec-03").contains(n.toLowerCase()))
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    static List<Exercise> exercises() {
        return List.of(
                new Exercise("00.1",
                        "How many different video codecs (by name: VP8, VP9 …) can this engine send?",
                        a -> Exercises.expectNumber(a[0], videoCodecs().size(), 0, "the number of video codecs"),
                        "count the distinct names in the 'video codecs' row of the setup table; rtx, red and ulpfec "
                                + "are not codecs but ways to repair or protect a codec's packets.",
                        "this engine can send " + String.join(", ", videoCodecs()) + "; the browser in the article "
                                + "offered VP8, VP9 and H264 (2020)."),
                new Exercise("00.2",
                        "Predict first: when pc1 and pc2 connect on this machine, does their media go over \"udp\" or \"tcp\"? "
                                + "The check then makes a short call and reads the pair ICE selected.",
                        a -> {
                            if (!(a[0] instanceof CharSequence s)) return Optional.of("answer \"udp\" or \"tcp\", not " + Exercises.describe(a[0]) + ".");
                            String p = s.toString().strip().toLowerCase(Locale.ROOT);
                            if (!p.equals("udp") && !p.equals("tcp")) return Optional.of("answer \"udp\" or \"tcp\", not '" + s + "'.");
                            String used = selectedTransport();
                            return p.equals(used) ? Optional.empty() : Optional.of("the engine's call went over " + used + ".");
                        },
                        "each peer gathers UDP and TCP host candidates, and ICE tries the pairs in order of priority; what does the "
                                + "priority of a TCP host candidate start with? (lesson 05 takes priorities apart.)",
                        "UDP. libwebrtc gives host TCP candidates a lower type preference (90) than host UDP ones (126), so a UDP "
                                + "pair is checked first and selected (RFC 8445 §5.1.2; ICE-TCP is RFC 6544). Real-time media prefers "
                                + "UDP: a lost packet is not waited for, it is concealed or resent only if still useful."),
                new Exercise("00.3",
                        "Modify and observe: the setup check's call used the default 640×480 picture. Open the synthetic camera at another "
                                + "size, make a one-line call with that stream, and pass the width of the frames pc2 decodes and the call.",
                        a -> {
                            if (!(a[0] instanceof Number n)) return Optional.of("pass the width in pixels as a number, not " + Exercises.describe(a[0]) + ".");
                            if (a.length < 2 || !(a[1] instanceof LocalCall call)) {
                                return Optional.of("pass two things: the width and the call, e.g. check(\"00.3\", 800, sized).");
                            }
                            MediaStream s = call.localStream();
                            if (s == null || s.getVideoTracks().isEmpty()) return Optional.of("that call sends no video: make it with a stream that has a video track.");
                            int asked = s.constraints().width(), usual = Constraints.videoOnly().width();
                            if (asked == usual) return Optional.of("that stream asks for " + asked + " pixels, the default: open one with .withSize(w, h) of your own.");
                            if (call.remoteVideo().frames() == 0) return Optional.of("pc2 has decoded no frame of that call yet.");
                            int decoded = call.remoteVideo().videoWidth();
                            return Exercises.expectNumber(n, decoded, 0, "the width pc2 decodes (the stream asked for " + asked
                                    + ", pc2's remoteVideo shows " + decoded + ")");
                        },
                        "Constraints.videoOnly().withSynthetic().withSize(320, 240), getUserMedia, LocalCall.call(thatStream); then "
                                + "call.remoteVideo().videoWidth().",
                        "the width you asked for: pc2 decodes the picture the source captured. The offer and answer carry no picture "
                                + "size at all — the encoded frames do — so the same negotiation serves any size. On a tight network the "
                                + "sender may scale it down later (lesson 11 caps the rate)."));
    }

    /** Makes a short local call and returns the transport ("udp"/"tcp") of pc1's side of the selected pair. */
    static String selectedTransport() {
        MediaStream s = MediaDevices.getUserMedia(Constraints.videoOnly().withSynthetic().withSize(160, 120).withFrameRate(10));
        LocalCall call = null;
        try {
            call = LocalCall.call(s);
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (System.nanoTime() < deadline) {
                Optional<CandidatePair> sel = call.pc1().candidatePairs().selected();
                if (sel.isPresent()) return sel.get().local().transport().toLowerCase(Locale.ROOT);
                Thread.sleep(100);
            }
            throw new IllegalStateException("pc1 selected no candidate pair within 5 s of connecting");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for pc1's selected pair");
        } finally {
            if (call != null) call.hangup();
            s.stop();
        }
    }
}

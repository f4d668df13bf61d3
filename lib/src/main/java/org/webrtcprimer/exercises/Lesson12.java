package org.webrtcprimer.exercises;

import org.webrtcprimer.net.Way;
import org.webrtcprimer.wire.Trace;

import java.util.List;
import java.util.Optional;

final class Lesson12 {
    private Lesson12() {}

    private static Optional<String> needTrace(Object[] a, String example) {
        if (a.length < 2 || !(a[1] instanceof Trace)) {
            return Optional.of("pass two things: your answer and the trace, e.g. " + example + ".");
        }
        return Optional.empty();
    }

    static List<Exercise> exercises() {
        return List.of(
                new Exercise("12.1",
                        "Predict, before the capture shows it: what USERNAME does pc1 put in the checks it sends to pc2? Build it from "
                                + "the two SDPs' a=ice-ufrag lines, then pass it and the trace: the check reads pc1's checks in the capture.",
                        a -> needTrace(a, "check(\"12.1\", \"abcd:efgh\", trace)").or(() -> {
                            Trace t = (Trace) a[1];
                            if (!(a[0] instanceof CharSequence u)) return Optional.of("expected text (a String), got " + Exercises.describe(a[0]) + ".");
                            List<String> sent = t.checks().stream().filter(c -> c.from().equals("pc1"))
                                    .map(c -> c.message().username()).filter(java.util.Objects::nonNull).distinct().toList();
                            if (sent.isEmpty()) return Optional.of("that trace holds no check from pc1 — capture from the start of the call.");
                            // ufrags are case-sensitive (RFC 8839 §5.4), so the comparison is exact
                            String said = u.toString().strip();
                            if (sent.contains(said)) return Optional.empty();
                            String[] parts = sent.get(0).split(":", 2);
                            if (parts.length == 2 && said.equals(parts[1] + ":" + parts[0])) {
                                return Optional.of("you predicted '" + said + "', the two ufrags the other way round: that is the USERNAME of pc2's checks to pc1.");
                            }
                            return Optional.of("you predicted '" + said + "'; pc1's checks in this capture carried USERNAME " + String.join(", ", sent) + ".");
                        }),
                        "RFC 8445 §7.2.2: the receiver's ufrag comes first, then a colon, then the sender's (a=ice-ufrag of each SDP).",
                        "pc2's ufrag, a colon, pc1's: pc2 recognises its own ufrag at the front, and checks MESSAGE-INTEGRITY with its own "
                                + "a=ice-pwd — that is how a peer knows a check is for this session and not a stray packet."),
                new Exercise("12.2",
                        "Predict, before the capture shows it: which peer will send the DTLS ClientHello, \"pc1\" or \"pc2\"? Decide from "
                                + "the SDPs' a=setup lines, then pass it and the trace: the check finds the ClientHello in the capture.",
                        a -> needTrace(a, "check(\"12.2\", \"pc1\", trace)").or(() -> {
                            Trace t = (Trace) a[1];
                            if (t.dtlsClient() == null) return Optional.of("that trace holds no ClientHello — capture from the start of the call.");
                            if (!(a[0] instanceof CharSequence s)) return Optional.of("predict \"pc1\" or \"pc2\" as text, not " + Exercises.describe(a[0]) + ".");
                            String said = s.toString().strip().toLowerCase(java.util.Locale.ROOT);
                            if (!said.equals("pc1") && !said.equals("pc2")) return Optional.of("predict \"pc1\" or \"pc2\", not '" + s + "'.");
                            return said.equals(t.dtlsClient()) ? Optional.empty()
                                    : Optional.of("you predicted " + said + "; in this capture the ClientHello came from " + t.dtlsClient() + ".");
                        }),
                        "a=setup:active is the DTLS client (RFC 8842 §5.3); the offer says actpass, so look at the answer.",
                        "pc2 answered a=setup:active, so pc2 is the client and sends the ClientHello; pc1 (actpass in the offer, "
                                + "so passive) answers with the server's flight."),
                new Exercise("12.3",
                        "What SSRC do pc1's video packets carry (not the RTX ones)? Pass the number and the trace.",
                        a -> needTrace(a, "check(\"12.3\", 12345L, trace)").or(() -> {
                            Trace t = (Trace) a[1];
                            Optional<Trace.RtpStream> v = t.streams().stream().filter(s -> s.way() == Way.PC1_TO_PC2 && !s.rtx()
                                    && s.described() != null && s.described().media().equals("video")).findFirst();
                            if (v.isEmpty()) return Optional.of("that trace holds no video from pc1 — capture a call with video.");
                            return Exercises.expectNumber(a[0], v.get().ssrc(), 0, "the SSRC of pc1's video");
                        }),
                        "trace.streams() lists them; or read the offer's a=ssrc lines of the video m-section (the first SSRC of its FID group).",
                        "the offer's a=ssrc-group:FID names two SSRCs: the first carries the video, the second its retransmissions "
                                + "(RFC 4588 §8); the SSRC travels in clear in every SRTP header, so the capture shows which is which."),
                new Exercise("12.4",
                        "Modify and observe: capture a second call made with an audio-only stream, and pass how many RTP streams "
                                + "(SSRCs) pc1 sent to pc2 in it, with its trace.",
                        a -> needTrace(a, "check(\"12.4\", 4, audioTrace)").or(() -> {
                            if (!(a[0] instanceof Number)) return Optional.of("pass the number of streams, not " + Exercises.describe(a[0]) + ".");
                            Trace t = (Trace) a[1];
                            List<Trace.RtpStream> sent = t.streams().stream().filter(s -> s.way() == Way.PC1_TO_PC2).toList();
                            if (sent.isEmpty()) return Optional.of("that trace holds no RTP from pc1: let the media flow for a second before hangup().");
                            if (sent.stream().anyMatch(s -> s.described() != null && s.described().media().equals("video"))) {
                                return Optional.of("pc1 sent video in that call: capture one made with Constraints.audioOnly().");
                            }
                            return Exercises.expectNumber(a[0], sent.size(), 0, "the number of SSRCs pc1 sent in that trace ("
                                    + String.join(", ", sent.stream().map(Trace.RtpStream::label).toList()) + ")");
                        }),
                        "count the pc1 → pc2 rows of audioTrace.streams(); compare them with the first trace's.",
                        "one: the audio track's SSRC. The video stream and its RTX stream are gone with the video track — this "
                                + "engine's m=audio offers no rtx format — while the STUN checks and the DTLS handshake on the wire stay "
                                + "the same: they belong to the transport, not to a track."));
    }
}

package org.webrtcprimer.exercises;

import org.webrtcprimer.stats.Rates;
import org.webrtcprimer.stats.SdpLink;
import org.webrtcprimer.stats.SdpLinks;
import org.webrtcprimer.stats.Series;
import org.webrtcprimer.call.StatsObject;
import org.webrtcprimer.stats.StatsRecording;
import org.webrtcprimer.call.StatsReport;

import java.util.List;
import java.util.Optional;

final class Lesson09 {
    private Lesson09() {}

    static List<Exercise> exercises() {
        return List.of(
                new Exercise("09.1",
                        "At how many kbps did pc1 send video in the last interval of your recording? Pass the number and the recording.",
                        a -> {
                            StatsRecording rec = recording(a);
                            if (rec == null) return Optional.of("pass two things: the number and the recording, e.g. check(\"09.1\", 800.0, rec).");
                            Optional<Series> video = Rates.bitrate(rec).stream().filter(s -> s.name().equals("pc1 sends video")
                                    && !s.points().isEmpty()).findFirst();
                            if (video.isEmpty()) return Optional.of("that recording has no video bitrate of pc1 — record a call that sends video.");
                            double last = video.get().last().getAsDouble();
                            return Exercises.expectNumber(a[0], last, Math.max(1, last * 0.01), "pc1's video bitrate in the last interval ("
                                    + String.format("%.1f", last) + " kbps would be)");
                        },
                        "Rates.bitrate(rec) lists the series; the one named 'pc1 sends video' ends with the last interval — its last().",
                        "Δ bytesSent × 8 ÷ Δ timestamp over one sampling interval: the counters only grow, and a rate is their slope."),
                new Exercise("09.2",
                        "Which RTP payload type does pc1 send its video with? Pass the number and the recording.",
                        a -> {
                            StatsRecording rec = recording(a);
                            if (rec == null) return Optional.of("pass two things: the number and the recording.");
                            StatsReport r = rec.latest("pc1");
                            Optional<StatsObject> video = r.ofType("outbound-rtp").stream().filter(o -> o.kind().equals("video")).findFirst();
                            if (video.isEmpty()) return Optional.of("pc1 sends no video in that recording.");
                            Optional<StatsObject> codec = r.get(video.get().string("codecId"));
                            if (codec.isEmpty()) return Optional.of("pc1's video stream names no codec yet — sample a little longer.");
                            return Exercises.expectNumber(a[0], codec.get().doubleValue("payloadType"), 0, "the payload type of pc1's video");
                        },
                        "outbound-rtp (video) has a codecId; the codec object with that id has the payloadType — StatsTables.of(report, \"codec\").",
                        "the codec's payload type is the number in m=video and a=rtpmap: the SDP maps it to VP8/90000, and every RTP "
                                + "packet of the stream carries it in its header (RFC 3550 §5.1)."),
                new Exercise("09.3",
                        "Which DTLS role does pc2 have? Answer \"client\" or \"server\".",
                        a -> Exercises.expectText(a[0], "client", "pc2's DTLS role"),
                        "StatsTables.of(pc2's report, \"transport\") has a row 'DTLS role'; or read pc2's a=setup in its answer.",
                        "pc2 answered a=setup:active (RFC 4145 §4): the active side opens the DTLS handshake, so pc2 is the client (RFC 5763) and pc1 the server."),
                new Exercise("09.4",
                        "Which SDP line holds the fingerprint of pc1's own certificate? Pass the whole line and the recording.",
                        a -> {
                            StatsRecording rec = recording(a);
                            if (rec == null) return Optional.of("pass two things: the line (text) and the recording.");
                            if (!(a[0] instanceof CharSequence line)) return Optional.of("pass the line as text, e.g. \"a=fingerprint:…\".");
                            String own = rec.latest("pc1").ofType("transport").stream().map(t -> t.string("localCertificateId"))
                                    .findFirst().orElse("");
                            Optional<SdpLink> link = SdpLinks.of(rec, "pc1").stream().filter(l -> l.statsId().equals(own)).findFirst();
                            if (link.isEmpty()) return Optional.of("pc1's certificate has no link in that recording — was it negotiated?");
                            return line.toString().strip().equals(link.get().sdpLine()) ? Optional.empty()
                                    : Optional.of("that is not the line pc1's certificate comes from.");
                        },
                        "SdpLinks.of(rec, \"pc1\") links each certificate to an a=fingerprint line; pc1's own is in its local description.",
                        "the certificate stats carry the same SHA-256 fingerprint the offer announced (RFC 8122 §5): pc2 checked "
                                + "pc1's certificate against that line during the DTLS handshake."));
    }

    private static StatsRecording recording(Object[] a) {
        return a.length >= 2 && a[1] instanceof StatsRecording r ? r : null;
    }
}

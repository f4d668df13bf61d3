package org.webrtcprimer.exercises;

import org.webrtcprimer.datasets.Datasets;
import org.webrtcprimer.call.LocalCall;
import org.webrtcprimer.media.Constraints;
import org.webrtcprimer.media.MediaDevices;
import org.webrtcprimer.media.MediaStream;
import org.webrtcprimer.call.SessionDescription;
import org.webrtcprimer.sdp.Codec;
import org.webrtcprimer.sdp.MediaSection;
import org.webrtcprimer.sdp.ParsedSdp;
import org.webrtcprimer.sdp.Sdp;

import java.math.BigInteger;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Lesson 04, SDP dissected: answers are checked against the learner's own offer and answer where there is one. */
final class Lesson04 {
    private Lesson04() {}

    /** The SDP passed as context: a parsed SDP, a SessionDescription or SDP text; null if none. */
    static ParsedSdp sdp(Object[] a, int i) {
        if (a.length <= i || a[i] == null) return null;
        if (a[i] instanceof ParsedSdp p) return p;
        if (a[i] instanceof SessionDescription d) return Sdp.parse(d.sdp());
        if (a[i] instanceof CharSequence s) return Sdp.parse(s.toString());
        throw new IllegalArgumentException("the second value should be the SDP (Sdp.parse(...)), not " + Exercises.describe(a[i]));
    }

    static MediaSection firstVideo(ParsedSdp sdp) {
        return sdp.media().stream().filter(m -> m.type().equals("video") && !m.isRejected()).findFirst().orElse(null);
    }

    static Set<String> audioCodecNames(ParsedSdp sdp) {
        Set<String> names = new LinkedHashSet<>();
        for (MediaSection m : sdp.media()) {
            if (m.type().equals("audio")) for (Codec c : m.codecs()) names.add(c.name().toUpperCase(Locale.ROOT));
        }
        return names;
    }

    static List<Exercise> exercises() {
        return List.of(
                new Exercise("04.1",
                        "Which payload type is VP9 with profile 2 in your offer? Pass the number and the offer.",
                        a -> {
                            ParsedSdp offer = sdp(a, 1);
                            if (offer == null) return Optional.of("pass two things: the payload type and your offer, e.g. check(\"04.1\", 100, offer).");
                            MediaSection v = firstVideo(offer);
                            Codec c = v == null ? null : v.codecs().stream()
                                    .filter(x -> x.name().equalsIgnoreCase("VP9") && "2".equals(x.parameters().get("profile-id"))).findFirst().orElse(null);
                            if (c == null) return Optional.of("this offer has no VP9 with profile-id=2 — pass the offer of your call.");
                            return Exercises.expectNumber(a[0], c.payloadType(), 0, "the payload type of VP9 profile 2 in this offer");
                        },
                        "look at the video codec table (offer.dissect().codecTable(1)) for VP9 with profile-id=2 in the fmtp column.",
                        "payload types are only local names: the a=rtpmap line binds the number to VP9/90000 and the a=fmtp line "
                                + "says profile-id=2 (10-bit colour). Another browser may use another number for the same codec (RFC 8866 §6.6)."),
                new Exercise("04.2",
                        "Which payload type carries the retransmissions (rtx) of VP8 in your offer? Pass the number and the offer.",
                        a -> {
                            ParsedSdp offer = sdp(a, 1);
                            if (offer == null) return Optional.of("pass two things: the payload type and your offer, e.g. check(\"04.2\", 97, offer).");
                            MediaSection v = firstVideo(offer);
                            Codec vp8 = v == null ? null : v.codecs().stream().filter(x -> x.name().equalsIgnoreCase("VP8")).findFirst().orElse(null);
                            if (vp8 == null || vp8.rtxPayloadType() == null) return Optional.of("this offer has no VP8 with an rtx format — pass the offer of your call.");
                            if (a[0] instanceof Number n && n.intValue() == vp8.payloadType()) {
                                return Optional.of(n + " is VP8 itself; its retransmissions have a payload type of their own.");
                            }
                            return Exercises.expectNumber(a[0], vp8.rtxPayloadType(), 0, "the rtx payload type of VP8 in this offer");
                        },
                        "find the a=fmtp line with apt=<VP8's payload type>: 'apt' is the associated payload type an rtx format repairs.",
                        "lost VP8 packets are resent under their own payload type, on their own SSRC (the second SSRC of a=ssrc-group:FID), "
                                + "so the receiver can tell a retransmission from the original (RFC 4588 §8)."),
                new Exercise("04.3",
                        "Who is the DTLS client in your call — \"pc1\" or \"pc2\"? Pass the name and the answer.",
                        a -> {
                            ParsedSdp answer = sdp(a, 1);
                            if (answer == null) return Optional.of("pass two things: \"pc1\" or \"pc2\", and the answer, e.g. check(\"04.3\", \"pc1\", answer).");
                            String setup = answer.media().isEmpty() ? null : answer.setup(answer.media().get(0));
                            if (setup == null || setup.equals("actpass")) return Optional.of("that is not an answer: it has no a=setup:active or passive — pass pc2's answer.");
                            // the answer is pc2's: active makes pc2 the client, passive makes pc1 the client
                            return Exercises.expectText(a[0], setup.equals("active") ? "pc2" : "pc1", "the DTLS client of this call");
                        },
                        "the offer says a=setup:actpass (either role); the answer chooses. 'active' means: the side that wrote this answer starts the handshake.",
                        "pc2's answer says a=setup:active, so pc2 is the DTLS client: it sends the ClientHello and pc1, the server, answers "
                                + "with its certificate, which must match pc1's a=fingerprint (RFC 8842 §5.3; RFC 5763 §5)."),
                new Exercise("04.4",
                        "How many m= sections does the Janus answer (datasets/sdp/janus-videoroom-answer.sdp) reject?",
                        a -> {
                            ParsedSdp janus = Sdp.parse(Datasets.read("sdp/janus-videoroom-answer.sdp"));
                            long rejected = janus.media().stream().filter(MediaSection::isRejected).count();
                            return Exercises.expectNumber(a[0], rejected, 0, "the number of m-sections the Janus answer rejects");
                        },
                        "a rejected m-section keeps its place in the answer but has port 0 on its m= line.",
                        "an answer has exactly the offer's m-sections, in the same order; port 0 rejects one (RFC 3264 §6). Janus rejects "
                                + "the video: this VideoRoom participant only publishes audio."),
                new Exercise("04.5",
                        "Which audio codec did the article's 2020 Chrome offer list that your engine's offer no longer has at all? "
                                + "Pass its name and your offer.",
                        a -> {
                            ParsedSdp offer = sdp(a, 1);
                            if (offer == null) return Optional.of("pass two things: the codec name and your offer, e.g. check(\"04.5\", \"G722\", offer).");
                            Set<String> gone = audioCodecNames(Sdp.parse(Datasets.read("article/offer.sdp")));
                            gone.removeAll(audioCodecNames(offer));
                            if (gone.isEmpty()) return Optional.of("every audio codec of the article's offer is in this offer too — pass the offer of your call.");
                            if (!(a[0] instanceof CharSequence s)) return Optional.of("pass the codec's name as text, e.g. \"G722\".");
                            String name = s.toString().strip().toUpperCase(Locale.ROOT);
                            if (name.contains("/")) name = name.substring(0, name.indexOf('/'));
                            return gone.contains(name) ? Optional.empty()
                                    : Optional.of("'" + s + "' is " + (audioCodecNames(offer).contains(name) ? "still in your offer." : "not in the article's offer."));
                        },
                        "diff the two offers (Sdp.diff(article, offer, …)) and read the audio section's 'removed codecs' row; some rows are only other clock rates of a codec that stayed.",
                        "iSAC, Google's older wideband speech codec, has since been removed from libwebrtc; opus covers what it did. "
                                + "CN and telephone-event only lost their 16 and 32 kHz variants."),
                new Exercise("04.6",
                        "Predict: a new pc1 creates two offers in a row (without setting either). Which session version does "
                                + "the second one carry on its o= line? The check makes such a pc1 and reads it.",
                        a -> {
                            if (!(a[0] instanceof Number n)) return Optional.of("pass the version as a number, not " + Exercises.describe(a[0]) + ".");
                            BigInteger version = secondOfferVersion();
                            return version.equals(BigInteger.valueOf(n.longValue())) ? Optional.empty()
                                    : Optional.of(n + " is not it: the second offer of a new pc1 said version " + version + ".");
                        },
                        "the o= row of your offer's dissection says where libwebrtc starts the version and when it adds one.",
                        "3: libwebrtc starts the session version at 2 and adds one for every offer or answer a peer creates, even one "
                                + "that changes nothing and is never set (pc/webrtc_session_description_factory.cc); RFC 3264 §8 asks "
                                + "that it go up by one whenever a peer changes its description. The session id stays the same."),
                new Exercise("04.7",
                        "Modify and observe: give a new pc1 a data channel as well as the stream before it offers, and pass how many "
                                + "mids its a=group:BUNDLE line lists now, with that offer.",
                        a -> {
                            if (!(a[0] instanceof Number n)) return Optional.of("pass the number of mids, not " + Exercises.describe(a[0]) + ".");
                            ParsedSdp offer = sdp(a, 1);
                            if (offer == null) return Optional.of("pass two things: the number and the offer, e.g. check(\"04.7\", 5, chatOffer).");
                            if (offer.media().stream().noneMatch(m -> m.type().equals("application"))) {
                                return Optional.of("that offer has no m=application section: create the data channel before createOffer().");
                            }
                            if (offer.media().stream().noneMatch(m -> m.type().equals("audio") || m.type().equals("video"))) {
                                return Optional.of("that offer has no audio or video: add the stream too (addLocalStream()).");
                            }
                            List<String> bundled = offer.bundle();
                            return Exercises.expectNumber(n, bundled.size(), 0, "the number of mids in that offer's BUNDLE group ("
                                    + String.join(" ", bundled) + ")");
                        },
                        "the data channel's section gets a mid like the media sections; read the a=group:BUNDLE line of the new offer.",
                        "one more than before: the data channel adds an m=application section with a mid of its own, and pc1 offers to "
                                + "bundle it with the audio and the video, so all three can share one transport (RFC 9143) — a data "
                                + "channel costs a section, not a new port."));
    }

    /** A fresh pc1 (audio only, synthetic) creates two offers; the second one's o= session version. */
    static BigInteger secondOfferVersion() {
        MediaStream s = MediaDevices.getUserMedia(Constraints.audioOnly().withSynthetic());
        LocalCall call = LocalCall.create(s);
        try {
            call.addLocalStream();
            call.pc1().createOffer();
            ParsedSdp second = Sdp.parse(call.pc1().createOffer().sdp());
            BigInteger v = second.origin().sessionVersionValue();
            if (v == null) throw new IllegalStateException("pc1's offer has no numeric session version: '" + second.origin().sessionVersion() + "'");
            return v;
        } finally {
            call.hangup();
            s.stop();
        }
    }
}

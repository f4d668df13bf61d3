package org.webrtcprimer.exercises;

import org.webrtcprimer.call.LocalCall;
import org.webrtcprimer.sdp.MediaSection;
import org.webrtcprimer.sdp.ParsedSdp;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Lesson 07, offer options and SDP semantics. */
final class Lesson07 {
    private Lesson07() {}

    private static String attributeName(Object o) {
        String s = String.valueOf(o).strip().toLowerCase(Locale.ROOT);
        if (s.startsWith("a=")) s = s.substring(2);
        if (s.endsWith(":")) s = s.substring(0, s.length() - 1);
        return s;
    }

    static List<Exercise> exercises() {
        return List.of(
                new Exercise("07.1",
                        "Which codec leaves the audio m-section when voiceActivityDetection is false?",
                        a -> {
                            if (!(a[0] instanceof CharSequence s)) return Optional.of("pass the codec's name as text, e.g. \"PCMU\".");
                            String n = s.toString().strip().toUpperCase(Locale.ROOT);
                            if (n.contains("/")) n = n.substring(0, n.indexOf('/'));
                            return n.equals("CN") ? Optional.empty() : Optional.of("'" + s + "' stays in the offer either way.");
                        },
                        "diff the offer made with voiceActivityDetection true against the one made with false.",
                        "CN, comfort noise (RFC 3389): with voice activity detection the sender stops sending audio in silence and sends "
                                + "a small CN packet now and then instead, from which the receiver makes soft background noise. Without "
                                + "it there is no silence to describe, so the engine leaves CN out (RFC 9429 §5.2.3.2)."),
                new Exercise("07.2",
                        "An offer with iceRestart: true changes two attributes in every m-section. Which? Pass them as a list, "
                                + "e.g. List.of(\"a=…\", \"a=…\").",
                        a -> {
                            if (!(a[0] instanceof List<?> l)) return Optional.of("pass a List of two attribute names, not " + Exercises.describe(a[0]) + ".");
                            Set<String> got = new HashSet<>();
                            for (Object o : l) got.add(attributeName(o));
                            Set<String> want = Set.of("ice-ufrag", "ice-pwd");
                            if (got.equals(want)) return Optional.empty();
                            Set<String> extra = new HashSet<>(got);
                            extra.removeAll(want);
                            return Optional.of(extra.isEmpty() ? "one is missing." : "these do not change with an ICE restart: " + extra + ".");
                        },
                        "the restart diff shows one 'changed' row per m-section; its explanation names both attributes.",
                        "a=ice-ufrag and a=ice-pwd: new ICE credentials mean new connectivity checks, and old candidates no longer "
                                + "match (RFC 8839 §4.4.1.1.1). The o= version goes up too, as for any new offer, but that is one line per SDP."),
                new Exercise("07.3",
                        "Make an offer that asks to receive audio and video and sends nothing — what offerToReceiveAudio/Video "
                                + "did — and pass it (the offer pc.createOffer() returned).",
                        a -> {
                            ParsedSdp offer = Lesson04.sdp(a, 0);
                            if (offer == null) return Optional.of("pass the offer.");
                            boolean audio = false, video = false;
                            for (MediaSection m : offer.media()) {
                                if (m.type().equals("audio")) audio = true;
                                if (m.type().equals("video")) video = true;
                                if (m.isRtp() && !m.direction().sdp().equals("recvonly")) {
                                    return Optional.of("its " + m.type() + " m-section says " + m.direction().sdp() + ", not recvonly.");
                                }
                                if (m.has("msid") || !m.ssrcs().isEmpty()) {
                                    return Optional.of("its " + m.type() + " m-section announces a track (a=msid / a=ssrc): it would send.");
                                }
                            }
                            if (!audio || !video) return Optional.of("it has no " + (audio ? "video" : "audio") + " m-section.");
                            return Optional.empty();
                        },
                        "on a peer with no tracks: addTransceiver(\"audio\", \"recvonly\") and addTransceiver(\"video\", \"recvonly\"), then createOffer().",
                        "two recvonly m-sections without a=msid or a=ssrc: the offer asks for media and promises none. W3C webrtc-pc keeps "
                                + "offerToReceiveAudio/Video only among its legacy extensions, defined as exactly this: addTransceiver(kind) set to recvonly."),
                new Exercise("07.4",
                        "Edit the offer on its way to pc2 so that the call's video is sent as H264. Connect the call and pass it.",
                        a -> {
                            if (!(a[0] instanceof LocalCall call)) return Optional.of("pass the LocalCall, not " + Exercises.describe(a[0]) + ".");
                            if (call.isHungUp()) return Optional.of("that call has hung up; check it before hangup().");
                            if (!call.pc1().state().connectionState().equals("connected")) {
                                return Optional.of("pc1 is not connected yet (" + call.pc1().state().connectionState() + "): finish the offer/answer and call.awaitConnected().");
                            }
                            List<String> sending = List.of();
                            // the codec shows in the stats once the first packets went out
                            for (int i = 0; i < 30; i++) {
                                sending = call.pc1().codecsInUse();
                                if (sending.stream().anyMatch(s -> s.startsWith("sends video"))) break;
                                try {
                                    Thread.sleep(100);
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                    break;
                                }
                            }
                            String video = sending.stream().filter(s -> s.startsWith("sends video")).findFirst().orElse(null);
                            if (video == null) return Optional.of("pc1 sends no video yet.");
                            return video.startsWith("sends video H264") ? Optional.empty() : Optional.of("pc1 " + video.substring(0, video.indexOf(" (")) + ".");
                        },
                        "pc1 sends with the first video codec of pc2's answer, and pc2 answers in the offer's order: remove the codecs listed before H264 "
                                + "(offer.withoutCodec(...) twice), give pc2 that, and keep pc1's own offer as it was.",
                        "the answer can only hold codecs of the offer, so removing VP8 and VP9 on the way leaves H264 first. The same "
                                + "could be done without munging: transceiver.setCodecPreferences(...) reorders the offer itself (W3C webrtc-pc, RTCRtpTransceiver)."),
                new Exercise("07.5",
                        "An offer with one audio track and two video tracks: how many m= sections in Unified Plan, and how many in Plan B? "
                                + "Pass both numbers.",
                        a -> {
                            if (a.length < 2 || a[1] == null) return Optional.of("pass two numbers: Unified Plan first, then Plan B, e.g. check(\"07.5\", 2, 2).");
                            Optional<String> unified = Exercises.expectNumber(a[0], 3, 0, "the Unified Plan count");
                            if (unified.isPresent()) return unified;
                            return Exercises.expectNumber(a[1], 2, 0, "the Plan B count");
                        },
                        "Unified Plan: one m-section per track (per transceiver). Plan B: one m-section per media kind, tracks told apart by a=ssrc lines.",
                        "3 and 2: Unified Plan gives each track its own m-section with its own a=mid and a=msid; Plan B put both video "
                                + "tracks into one m=video and told them apart only by their SSRCs."),
                new Exercise("07.6",
                        "Today's engine refuses the Plan B offer and the SIP offer of the datasets. Which attribute do both lack?",
                        a -> {
                            if (!(a[0] instanceof CharSequence s)) return Optional.of("pass the attribute's name as text, e.g. \"a=mid\".");
                            return attributeName(s).equals("fingerprint") ? Optional.empty() : Optional.of("'" + s + "' is not what the engine's message names.");
                        },
                        "read the engine's message in the CallException: it says what the SDP is 'without'.",
                        "a=fingerprint: WebRTC keys SRTP only with DTLS, so every description must carry the certificate's fingerprint. "
                                + "The Plan B offer has SDES keys (a=crypto) instead and the SIP offer plain RTP; WebRTC allows neither (RFC 8827 §6.5)."));
    }
}

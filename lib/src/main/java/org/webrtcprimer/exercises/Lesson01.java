package org.webrtcprimer.exercises;

import org.webrtcprimer.call.LocalCall;
import org.webrtcprimer.call.SessionDescription;
import org.webrtcprimer.events.Event;
import org.webrtcprimer.sdp.MediaSection;
import org.webrtcprimer.sdp.Sdp;

import java.util.List;
import java.util.Optional;

final class Lesson01 {
    private Lesson01() {}

    /** The candidates of pc2 that pc1 applied: each is one arrow from pc2 to pc1 in the call flow. */
    static long candidatesPc2ToPc1(LocalCall call) {
        return call.log().all(e -> e.kind() == Event.Kind.STEP_DONE && e.source().equals("pc1") && e.name().equals("addIceCandidate")).size();
    }

    /** Every candidate arrow of the call flow, both ways: each candidate one peer applied with addIceCandidate. */
    static long candidateArrows(LocalCall call) {
        return call.log().all(e -> e.kind() == Event.Kind.STEP_DONE && e.name().equals("addIceCandidate")).size();
    }

    static List<Exercise> exercises() {
        return List.of(
                new Exercise("01.1",
                        "Which protocol do the peers use to agree on the keys that SRTP encrypts the media with?",
                        a -> Exercises.expectText(a[0], "dtls", "the protocol that agrees SRTP's keys"),
                        "look at the protocol stack: one layer hands its keys to SRTP (the arrow between them).",
                        "DTLS: the peers run a DTLS handshake over the ICE path and export the SRTP keys from it "
                                + "(DTLS-SRTP, RFC 5764) — the article's 用 DTLS 来协商 SRTP 密钥."),
                new Exercise("01.2",
                        "Which of the three objects carries the application's own data, such as chat messages or files?",
                        a -> Exercises.expectText(a[0], "rtcdatachannel", "the object for application data"),
                        "the third box of the first picture; the article says 支持应用级的数据通信.",
                        "RTCDataChannel (W3C webrtc-pc §6): messages over SCTP inside the same DTLS connection; lesson 08 opens one."),
                new Exercise("01.3",
                        "In the call flow of your call, how many candidate arrows go from pc2 to pc1? Pass the number and the call.",
                        a -> {
                            if (a.length < 2 || !(a[1] instanceof LocalCall call)) {
                                return Optional.of("pass two things: your count and the call, e.g. check(\"01.3\", 2, call).");
                            }
                            return Exercises.expectNumber(a[0], candidatesPc2ToPc1(call), 0, "the number of pc2's candidates that reached pc1");
                        },
                        "count the orange dashed or solid arrows labelled 'candidate' that start on pc2's lane.",
                        "pc2 answers for one bundled transport, so it gathers fewer candidates than pc1, which gathered for "
                                + "each media section before the answer confirmed BUNDLE."),
                new Exercise("01.4",
                        "Which protocol carries RTCDataChannel messages?",
                        a -> Exercises.expectText(a[0], "sctp", "the protocol under RTCDataChannel"),
                        "in the stack, find the layer under RTCDataChannel; the article says 用 SCTP 来传输应用数据.",
                        "SCTP, itself carried inside DTLS over the same ICE path (RFC 8261): reliable or not, ordered or not, per channel."),
                new Exercise("01.5",
                        "Predict how many candidate arrows the call flow of a gather-first call has; then make it "
                                + "(LocalCall.call(localStream, CallOptions.defaults().withTrickle(false))) and pass your number and the call.",
                        a -> {
                            if (!(a[0] instanceof Number n)) return Optional.of("predict a number of arrows, not " + Exercises.describe(a[0]) + ".");
                            if (a.length < 2 || !(a[1] instanceof LocalCall call)) {
                                return Optional.of("pass two things: your number and the gather-first call, e.g. check(\"01.5\", 3, gatherFirst).");
                            }
                            if (call.options().trickle()) return Optional.of("that call trickles its candidates: make it with .withTrickle(false).");
                            if (call.log().all(e -> e.kind() == Event.Kind.STEP_DONE && e.source().equals("pc2")
                                    && e.name().equals("setRemoteDescription")).isEmpty()) {
                                return Optional.of("pc2 has not applied pc1's offer in that call yet.");
                            }
                            long arrows = candidateArrows(call);
                            return n.longValue() == arrows && n.doubleValue() == arrows ? Optional.empty()
                                    : Optional.of("you predicted " + n + "; in that call the peers applied " + arrows
                                    + " candidates one by one (addIceCandidate), so its flow has " + arrows + " candidate arrows.");
                        },
                        "with trickle off, each peer waits until it has gathered everything; where do the candidates travel then?",
                        "none: each peer sent its description only once gathering was complete, so every candidate rode inside it as an "
                                + "a=candidate line — the flow's offer and answer arrows say \"candidates inside\". The two pieces of "
                                + "information, description and candidates, travel together; trickling them is what Trickle ICE (RFC 8838) adds."),
                new Exercise("01.6",
                        "Modify and observe: make a call with no media, only a data channel, and pass it with the type of the m= section "
                                + "its offer has instead of audio and video.",
                        a -> {
                            if (!(a[0] instanceof CharSequence answer)) return Optional.of("write the media type as text first, e.g. \"text\".");
                            if (a.length < 2 || !(a[1] instanceof LocalCall call)) {
                                return Optional.of("pass two things: the type and the call, e.g. check(\"01.6\", \"text\", dataCall).");
                            }
                            if (call.localStream() != null) return Optional.of("that call sends a stream: make it with LocalCall.create(), without media.");
                            SessionDescription d = call.pc1().localDescription();
                            if (d == null) return Optional.of("pc1 has no offer yet: create a data channel on pc1, then dataCall.negotiate().");
                            List<MediaSection> media = Sdp.parse(d.sdp()).media();
                            if (media.isEmpty()) return Optional.of("pc1's offer has no m= section: create the data channel before negotiate().");
                            if (media.stream().anyMatch(m -> m.type().equals("audio") || m.type().equals("video"))) {
                                return Optional.of("pc1's offer still has an audio or video section.");
                            }
                            if (!"connected".equals(call.pc1().state().connectionState())) {
                                return Optional.of("pc1 is " + call.pc1().state().connectionState() + ", not connected: run dataCall.awaitConnected().");
                            }
                            String a0 = answer.toString().strip().toLowerCase().replaceFirst("^m=", "");
                            String truth = media.get(0).type();
                            return a0.equals(truth) ? Optional.empty()
                                    : Optional.of("'" + answer + "' is not it: pc1's offer has " + media.size() + " m= section(s), the first of type '"
                                    + truth + "' (" + media.get(0).protocol() + ").");
                        },
                        "var dataCall = LocalCall.create(); dataCall.pc1().createDataChannel(\"chat\"); dataCall.negotiate(); "
                                + "dataCall.awaitConnected(); then print dataCall.pc1().localDescription().",
                        "application: one m=application section, format webrtc-datachannel over UDP/DTLS/SCTP (RFC 8841 §4.2.2). "
                                + "No media, so no SRTP: ICE finds the path, DTLS secures it and SCTP runs inside DTLS — the stack "
                                + "without its media layer."));
    }
}

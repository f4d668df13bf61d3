package org.webrtcprimer.exercises;

import org.webrtcprimer.call.LocalCall;
import org.webrtcprimer.events.Event;

import java.util.List;
import java.util.Optional;

final class Lesson01 {
    private Lesson01() {}

    /** The candidates of pc2 that pc1 applied: each is one arrow from pc2 to pc1 in the call flow. */
    static long candidatesPc2ToPc1(LocalCall call) {
        return call.log().all(e -> e.kind() == Event.Kind.STEP_DONE && e.source().equals("pc1") && e.name().equals("addIceCandidate")).size();
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
                        "SCTP, itself carried inside DTLS over the same ICE path (RFC 8261): reliable or not, ordered or not, per channel."));
    }
}

package org.webrtcprimer.exercises;

import org.webrtcprimer.call.LocalCall;
import org.webrtcprimer.events.Event;

import java.util.List;
import java.util.Optional;

final class Lesson03 {
    private Lesson03() {}

    static final List<String> JSEP_ORDER = List.of("pc1.createoffer", "pc1.setlocaldescription", "pc2.setremotedescription",
            "pc2.createanswer", "pc2.setlocaldescription", "pc1.setremotedescription");

    static List<Exercise> exercises() {
        return List.of(
                new Exercise("03.1",
                        "What is pc1's signaling state right after pc1.setLocalDescription(offer)?",
                        a -> Exercises.expectText(a[0], "have-local-offer", "pc1's signaling state after it sets its offer"),
                        "the cell that ran pc1.setLocalDescription(offer) printed pc1's states.",
                        "pc1 has applied its own offer and waits for an answer: have-local-offer (RFC 9429 §3.2)."),
                new Exercise("03.2",
                        "Put the six offer/answer steps in order, as a list like List.of(\"pc1.createOffer\", …).",
                        a -> {
                            if (!(a[0] instanceof List<?> l)) return Optional.of("pass a List of six strings, not " + Exercises.describe(a[0]) + ".");
                            List<String> got = l.stream().map(x -> String.valueOf(x).toLowerCase().replace("()", "").replace(" ", "")).toList();
                            if (got.size() != 6) return Optional.of("there are six steps; the list has " + got.size() + ".");
                            for (int i = 0; i < 6; i++) {
                                if (!got.get(i).equals(JSEP_ORDER.get(i))) {
                                    return Optional.of("step " + (i + 1) + " should not be '" + l.get(i) + "'.");
                                }
                            }
                            return Optional.empty();
                        },
                        "each peer sets its own description before the other peer applies it; pc2 cannot answer before it has the offer.",
                        "offer, set locally, set remotely; answer, set locally, set remotely — the order of the article's call() and of JSEP."),
                new Exercise("03.3",
                        "How many ICE candidates did pc1 gather in your call? Pass the number and the call.",
                        a -> {
                            if (a.length < 2 || !(a[1] instanceof LocalCall call)) {
                                return Optional.of("pass two things: your count and the call, e.g. check(\"03.3\", 4, call).");
                            }
                            long n = call.log().all(e -> e.source().equals("pc1") && e.kind() == Event.Kind.CANDIDATE).size();
                            return Exercises.expectNumber(a[0], n, 0, "the number of candidates pc1 gathered");
                        },
                        "count the 'pc1 ICE candidate:' lines in call.log(), or use call.pc1().localCandidates().size().",
                        "one host candidate per local address (IPv4, IPv6) and transport (UDP, TCP passive); until the "
                                + "answer confirms BUNDLE, pc1 also gathers for its second media section, so a slow answer means more "
                                + "candidates. With no STUN or TURN server there are only host candidates."),
                new Exercise("03.4",
                        "Make a call that gathers first instead of trickling, and pass it.",
                        a -> {
                            if (!(a[0] instanceof LocalCall call)) return Optional.of("pass the LocalCall, not " + Exercises.describe(a[0]) + ".");
                            if (call.options().trickle()) return Optional.of("that call trickles its candidates.");
                            if (call.isHungUp()) return Optional.of("that call has hung up; check it before hangup().");
                            var remote = call.pc2().remoteDescription();
                            if (remote == null || !remote.sdp().contains("a=candidate:")) {
                                return Optional.of("pc2 got no candidates inside the offer.");
                            }
                            return Optional.empty();
                        },
                        "LocalCall.call(localStream, CallOptions.defaults().withTrickle(false)).",
                        "without trickle, each peer waits until gathering is complete and sends one description with all its "
                                + "a=candidate lines inside — simpler signaling, slower setup (RFC 8838 explains trickle)."));
    }
}

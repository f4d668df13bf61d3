package org.webrtcprimer.exercises;

import org.webrtcprimer.call.LocalCall;
import org.webrtcprimer.events.Event;
import org.webrtcprimer.events.StateTimeline;
import org.webrtcprimer.ice.Candidate;
import org.webrtcprimer.ice.CandidatePair;
import org.webrtcprimer.ice.CandidatePairs;
import org.webrtcprimer.ice.Candidates;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

final class Lesson05 {
    private Lesson05() {}

    static List<Exercise> exercises() {
        return List.of(
                new Exercise("05.1",
                        "What type preference did pc1 give its UDP host candidates in your call? Pass the number and the call.",
                        a -> {
                            if (a.length < 2 || !(a[1] instanceof LocalCall call)) {
                                return Optional.of("pass two things: your number and the call, e.g. check(\"05.1\", 100, call).");
                            }
                            Optional<Candidate> host = Candidates.of(call.log()).of("pc1").stream().map(Candidates.Entry::candidate)
                                    .filter(c -> c.type().equals("host") && c.transport().equalsIgnoreCase("udp")).findFirst();
                            if (host.isEmpty()) return Optional.of("pc1 gathered no UDP host candidate in that call.");
                            return Exercises.expectNumber(a[0], host.get().typePreference(), 0, "the type preference of pc1's UDP host candidates");
                        },
                        "the priority's top byte: priority >> 24, or the first number of the 'type | local | component' column.",
                        "126, the highest type preference RFC 8445 §5.1.2.2 recommends: a host candidate needs no server and "
                                + "adds no hop. The engine gives TCP host candidates less (90), so UDP wins when both work."),
                new Exercise("05.2",
                        "Compute the priority of a host candidate (type preference 126) with local preference 65535, for component 1 (RTP).",
                        a -> Exercises.expectNumber(a[0], Candidate.priority(126, 65535, 1), 0, "that candidate's priority"),
                        "2^24 × type preference + 2^8 × local preference + (256 − component); use long arithmetic, "
                                + "e.g. (126L << 24) + (65535L << 8) + (256 - 1).",
                        "2,130,706,431 — the largest priority a host candidate can have (RFC 8445 §5.1.2.1); a machine with "
                                + "one address uses local preference 65535."),
                new Exercise("05.3",
                        "Which pair carries the media now? Pass the port of pc1's local candidate on its selected pair, and the call.",
                        a -> {
                            if (a.length < 2 || !(a[1] instanceof LocalCall call)) {
                                return Optional.of("pass two things: the port and the call, e.g. check(\"05.3\", 50000, call).");
                            }
                            if (call.isHungUp()) return Optional.of("that call has hung up, so nothing is selected any more; check before hangup().");
                            Optional<CandidatePair> sel = call.pc1().candidatePairs().selected();
                            if (sel.isEmpty()) return Optional.of("pc1 has no selected pair right now.");
                            return Exercises.expectNumber(a[0], sel.get().local().port(), 0, "the port of pc1's side of the selected pair ("
                                    + "the restart may have moved it — read the pairs again)");
                        },
                        "candidatePairs(pc1).selected().get().local().port() — read it now: the ICE restart moved the media to a new pair.",
                        "media flows on the selected pair (RFC 8445 §8.1); both peers select the same pair, each seeing it from its own side."),
                new Exercise("05.4",
                        "Which two SDP attributes did the ICE restart change in every media section? Answer as a list, e.g. List.of(\"a=…\", \"a=…\").",
                        a -> {
                            if (!(a[0] instanceof List<?> l)) return Optional.of("pass a List of two attribute names, not " + Exercises.describe(a[0]) + ".");
                            Set<String> got = l.stream().map(x -> String.valueOf(x).strip().toLowerCase(Locale.ROOT)
                                    .replaceFirst("^a=", "").replaceFirst(":.*$", "")).collect(Collectors.toSet());
                            Set<String> want = Set.of("ice-ufrag", "ice-pwd");
                            if (got.equals(want)) return Optional.empty();
                            if (l.size() != 2) return Optional.of("the list has " + l.size() + " names; two attributes changed in each section.");
                            return Optional.of("not both of " + l + " are ICE credentials.");
                        },
                        "look at the first two rows of the restart's table, before → after (the o= line changes too, but once per session, not per section).",
                        "a=ice-ufrag and a=ice-pwd: new credentials are what makes it a restart (RFC 8445 §9; JSEP, RFC 9429 §5.2.3.1); "
                                + "the fingerprint stays, so DTLS and the media go on."),
                new Exercise("05.5",
                        "In the call with the wrong ICE password, which ICE connection state was pc1 stuck in?",
                        a -> {
                            Optional<String> p = Exercises.expectText(a[0], "checking", "the state pc1 was stuck in");
                            if (p.isPresent() || a.length < 2 || !(a[1] instanceof LocalCall broken)) return p;
                            List<String> states = StateTimeline.of(broken.log()).states("pc1", Event.ICE_CONNECTION);
                            return states.get(states.size() - 1).equals("checking") ? Optional.empty()
                                    : Optional.of("that call's pc1 ended in '" + states.get(states.size() - 1) + "', not 'checking'.");
                        },
                        "the timeout message names it, and so does the pc1 · ICE connection lane of the swimlanes.",
                        "checking: pc1 sends checks on every pair, but each is signed with the wrong password, so pc2 never "
                                + "answers one (RFC 8445 §7.2.2). No pair succeeds, ICE never connects, DTLS never starts on pc1."));
    }
}

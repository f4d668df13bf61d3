package org.webrtcprimer.exercises;

import org.webrtcprimer.datasets.Datasets;
import org.webrtcprimer.call.LocalCall;
import org.webrtcprimer.events.TextLog;
import org.webrtcprimer.timing.Phases;
import org.webrtcprimer.timing.SetupRuns;
import org.webrtcprimer.call.Summary;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

final class Lesson06 {
    private Lesson06() {}

    /** A phase name as typed by a learner: case, spaces and "->" for "→" do not matter, nor a missing "(offer)"/"(answer)". */
    static Optional<String> expectPhase(Object got, String expected, String what) {
        if (!(got instanceof CharSequence s)) return Optional.of("expected a phase name (a String) for " + what + ", got " + Exercises.describe(got) + ".");
        String g = norm(s.toString()), e = norm(expected);
        return g.equals(e) || g.equals(e.replaceAll("\\(.*\\)$", "")) ? Optional.empty() : Optional.of("'" + s + "' is not " + what + ".");
    }

    private static String norm(String s) {
        return s.toLowerCase(Locale.ROOT).replace("->", "→").replaceAll("\\s+", "");
    }

    static List<Exercise> exercises() {
        return List.of(
                new Exercise("06.1",
                        "Which phase took longest in your call? Pass its name (as the waterfall labels it, or a constant such as "
                                + "Phases.CREATE_OFFER) and the call.",
                        a -> {
                            if (a.length < 2 || !(a[1] instanceof LocalCall call)) {
                                return Optional.of("pass two things: the phase and the call, e.g. check(\"06.1\", Phases.CREATE_OFFER, call).");
                            }
                            Optional<Phases.Phase> longest = Phases.of(call.log()).longest();
                            if (longest.isEmpty()) return Optional.of("that call recorded no phase yet — run it to the first frame.");
                            return expectPhase(a[0], longest.get().name(), "the longest phase of that call");
                        },
                        "the longest bar of the waterfall; phases(call).longest() says it too.",
                        "on one machine the JSEP steps take milliseconds; what takes longest is waiting — for the encoder's first "
                                + "frame, for gathering, or for ICE checks — not the offer/answer itself."),
                new Exercise("06.2",
                        "What is the median call() → first remote frame of your quick calls, in ms? Pass the number and the runs.",
                        a -> {
                            if (a.length < 2 || !(a[1] instanceof SetupRuns runs)) {
                                return Optional.of("pass two things: the median and the runs, e.g. check(\"06.2\", 120.0, quick).");
                            }
                            double median = Summary.of(runs.firstFrame()).median();
                            if (Double.isNaN(median)) return Optional.of("those runs recorded no first frame.");
                            return Exercises.expectNumber(a[0], median, 0.5, "the median of those runs' first frames (±0.5 ms)");
                        },
                        "the 'call() → first remote frame' row of the runs' table, column 'median'.",
                        "the median is the middle call: half the calls were faster, half slower. One call alone can land anywhere "
                                + "in the box."),
                new Exercise("06.3",
                        "Which configuration reached the first remote frame sooner, by median? Pass its name and both runs.",
                        a -> {
                            SetupRuns[] runs = Arrays.stream(a).skip(1).filter(SetupRuns.class::isInstance).map(SetupRuns.class::cast)
                                    .toArray(SetupRuns[]::new);
                            if (runs.length < 2) return Optional.of("pass the name and the two runs, e.g. check(\"06.3\", \"…\", quick, article).");
                            SetupRuns faster = Arrays.stream(runs).min(Comparator.comparingDouble(r -> Summary.of(r.firstFrame()).median())).get();
                            return Exercises.expectText(a[0], faster.name().strip().toLowerCase(Locale.ROOT).replace('_', '-'),
                                    "the faster configuration in your runs");
                        },
                        "compare the 'first frame median' column of the comparison table.",
                        "the quick call tells the engine the path is fast (x-google-start-bitrate), so its encoder does not drop "
                                + "the first four 640×480 frames (≈130 ms at 30 fps) as too large for its cautious 300 kbps start."),
                new Exercise("06.4",
                        "In the article's Chrome log, which phase took longest?",
                        a -> Phases.of(TextLog.parse(Datasets.read("article/log.txt"), "datasets/article/log.txt")).longest()
                                .map(p -> expectPhase(a[0], p.name(), "the article's longest phase"))
                                .orElse(Optional.of("the article's log has no phases (datasets/article/log.txt is missing?).")),
                        "the longest light bar of the comparison, or articlePhases().longest().",
                        "pc2's setLocalDescription(answer): 333 ms in Chrome in 2020, after 165 ms for its setRemoteDescription(offer). "
                                + "In this kernel each of those steps takes a few ms."),
                new Exercise("06.5",
                        "Predict: in a gather-first call, does pc2's setRemoteDescription(offer) start \"before\" or \"after\" pc1's "
                                + "gathering is complete? Pass your prediction and the gather-first runs; the check reads every call of them.",
                        a -> {
                            Optional<String> bad = beforeOrAfter(a[0]);
                            if (bad.isPresent()) return bad;
                            if (a.length < 2 || !(a[1] instanceof SetupRuns runs)) {
                                return Optional.of("pass two things: your prediction and the runs, e.g. check(\"06.5\", \"before\", gatherFirst).");
                            }
                            int before = 0, after = 0;
                            for (Phases p : runs.runs()) {
                                Phases.Phase gathering = p.get(Phases.PC1_GATHERING), offerIn = p.get(Phases.PC2_SET_REMOTE);
                                if (!gathering.present() || !offerIn.present()) continue;
                                if (offerIn.startMs() >= gathering.endMs()) after++;
                                else before++;
                            }
                            if (before + after == 0) return Optional.of("those runs recorded neither pc1's gathering nor pc2's setRemoteDescription.");
                            String truth = after == before + after ? "after" : before == before + after ? "before" : null;
                            String told = "in " + after + " of the " + (before + after) + " calls of '" + runs.name()
                                    + "' pc2 applied the offer after pc1's gathering was complete, in " + before + " before it.";
                            if (truth == null) return Optional.of("those runs mix both: " + told + " Pass runs of one configuration.");
                            return norm(a[0].toString()).equals(truth) ? Optional.empty() : Optional.of("you predicted '" + a[0] + "'; " + told);
                        },
                        "with trickle off, pc1 sends a description that must already hold every candidate.",
                        "after, in every call: gather-first holds the offer back until pc1's gathering is complete, so the whole "
                                + "answer side starts one gathering time later. With trickle (the quick runs) nothing waits: pc2 applies the "
                                + "offer at once and the candidates follow it one by one."),
                new Exercise("06.6",
                        "Modify and observe: measure N calls with one knob changed, CallOptions.defaults().withStartBitrateKbps(300), "
                                + "and pass whether the wait from connected to the first remote frame got \"longer\" or \"shorter\" "
                                + "against quick, with your runs and quick.",
                        a -> {
                            if (!(a[0] instanceof CharSequence s)) return Optional.of("write \"longer\" or \"shorter\" first.");
                            String said = norm(s.toString());
                            if (!said.equals("longer") && !said.equals("shorter")) return Optional.of("answer \"longer\" or \"shorter\", not '" + s + "'.");
                            SetupRuns[] runs = Arrays.stream(a).skip(1).filter(SetupRuns.class::isInstance).map(SetupRuns.class::cast)
                                    .toArray(SetupRuns[]::new);
                            if (runs.length < 2) return Optional.of("pass your answer and two runs, e.g. check(\"06.6\", \"…\", slowStart, quick).");
                            if (runs[0] == runs[1]) return Optional.of("those are the same runs twice: measure new ones with the changed option.");
                            double wait = Summary.of(runs[0].durations(Phases.FIRST_FRAME)).median() - Summary.of(runs[1].durations(Phases.FIRST_FRAME)).median();
                            double connected = Summary.of(runs[0].connected()).median() - Summary.of(runs[1].connected()).median();
                            if (Double.isNaN(wait)) return Optional.of("one of those runs recorded no first remote frame.");
                            String told = String.format(Locale.ROOT, "by median, from '%s' to '%s' the wait connected → first remote frame "
                                    + "moved %+.1f ms (and 'both connected' %+.1f ms).", runs[1].name(), runs[0].name(), wait, connected);
                            return said.equals(wait > 0 ? "longer" : "shorter") ? Optional.empty() : Optional.of("not in these runs: " + told);
                        },
                        "the start bitrate is what the encoder may spend before the network is measured; what does it do with a "
                                + "640×480 frame it finds too large?",
                        "longer: at 300 kbps the encoder drops its first 640×480 frames as too large, so the first frame leaves later "
                                + "— about 33 ms per dropped frame at 30 fps. Signaling, ICE and DTLS never look at the bitrate: "
                                + "'both connected' moves only by the machine's noise, which is why the wait is timed from connected."));
    }

    private static Optional<String> beforeOrAfter(Object got) {
        if (!(got instanceof CharSequence s)) return Optional.of("predict \"before\" or \"after\" as text, not " + Exercises.describe(got) + ".");
        String n = norm(s.toString());
        return n.equals("before") || n.equals("after") ? Optional.empty() : Optional.of("predict \"before\" or \"after\", not '" + s + "'.");
    }
}

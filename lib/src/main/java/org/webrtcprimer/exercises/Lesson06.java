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
                                + "In this kernel each of those steps takes a few ms."));
    }
}

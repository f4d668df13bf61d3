package org.webrtcprimer.exercises;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The lessons' exercises, checked by the kit: {@code check("03.1", "have-local-offer")}.
 *
 * <p>An answer left as {@code null} is "not answered yet", never an error, so a lesson runs top
 * to bottom before the learner has filled anything in.
 */
public final class Exercises {
    private Exercises() {}

    private static final Map<String, Exercise> ALL = new LinkedHashMap<>();

    static {
        Lesson00.exercises().forEach(Exercises::add);
        Lesson01.exercises().forEach(Exercises::add);
        Lesson02.exercises().forEach(Exercises::add);
        Lesson03.exercises().forEach(Exercises::add);
        Lesson04.exercises().forEach(Exercises::add);
        Lesson05.exercises().forEach(Exercises::add);
        Lesson06.exercises().forEach(Exercises::add);
        Lesson07.exercises().forEach(Exercises::add);
        Lesson08.exercises().forEach(Exercises::add);
        Lesson09.exercises().forEach(Exercises::add);
        Lesson10.exercises().forEach(Exercises::add);
        Practice.exercises().forEach(Exercises::add);
        Lesson11.exercises().forEach(Exercises::add);
        Lesson12.exercises().forEach(Exercises::add);
        Lesson13.exercises().forEach(Exercises::add);
    }

    private static void add(Exercise e) {
        if (ALL.putIfAbsent(e.id(), e) != null) throw new IllegalStateException("two exercises with id " + e.id());
    }

    /** The exercise with this id. */
    public static Exercise get(String id) {
        Exercise e = ALL.get(id);
        if (e == null) {
            throw new IllegalArgumentException("there is no exercise '" + id + "' — the ids are " + String.join(", ", ALL.keySet()));
        }
        return e;
    }

    /**
     * Checks an answer. The answer is whatever the exercise asks for: a value, or several values
     * (e.g. the answer and the call it was measured on).
     */
    public static Verdict check(String id, Object... answer) {
        Exercise e = get(id);
        Object[] a = answer == null ? new Object[]{null} : answer;
        // The answer comes first; what follows it (a call, a stream) is context the check reads.
        if (a.length == 0 || a[0] == null) {
            return new Verdict(id, Verdict.Outcome.UNANSWERED, "replace null with your answer, then run the cell again. " + e.question());
        }
        Optional<String> problem;
        try {
            problem = e.checker().problem(a);
        } catch (RuntimeException ex) {
            problem = Optional.of("the checker could not read this answer (" + ex.getMessage() + ")");
        }
        Verdict v = problem.map(p -> new Verdict(id, Verdict.Outcome.WRONG, p + " Hint: " + e.hint()))
                .orElseGet(() -> new Verdict(id, Verdict.Outcome.RIGHT, e.explanation()));
        ResultsFile.checked(v, a[0]);
        for (Object context : a) if (context instanceof org.webrtcprimer.call.LocalCall call) ResultsFile.setupTime(call);
        return v;
    }

    // ---- small helpers for the lessons' checkers ----

    static Optional<String> expectText(Object got, String expected, String what) {
        if (!(got instanceof CharSequence s)) return Optional.of("expected text (a String) for " + what + ", got " + describe(got) + ".");
        String norm = s.toString().strip().toLowerCase().replace('_', '-');
        return norm.equals(expected) ? Optional.empty() : Optional.of("'" + s + "' is not " + what + ".");
    }

    static Optional<String> expectNumber(Object got, double expected, double tolerance, String what) {
        if (!(got instanceof Number n)) return Optional.of("expected a number for " + what + ", got " + describe(got) + ".");
        return Math.abs(n.doubleValue() - expected) <= tolerance ? Optional.empty()
                : Optional.of(n + " is not " + what + ".");
    }

    static String describe(Object o) {
        return o == null ? "nothing" : o.getClass().getSimpleName() + " " + o;
    }
}

package org.webrtcprimer.exercises;

import java.util.Optional;

/**
 * One exercise of a lesson: a question, a way to check an answer, a hint for a wrong one, and a
 * sentence that explains the right one.
 *
 * @param id          lesson and number, e.g. {@code 03.2}
 * @param question    what the learner is asked
 * @param checker     says what is wrong with an answer, or nothing when it is right
 * @param hint        where to look when the answer is wrong
 * @param explanation why the right answer is right, shown with it
 */
public record Exercise(String id, String question, Checker checker, String hint, String explanation) {

    /** Checks an answer: empty when right, otherwise what is wrong with it (without the hint). */
    @FunctionalInterface
    public interface Checker {
        Optional<String> problem(Object[] answer);
    }
}

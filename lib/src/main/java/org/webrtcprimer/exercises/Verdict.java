package org.webrtcprimer.exercises;

import org.webrtcprimer.notebook.Renderable;
import org.webrtcprimer.notebook.Style;

/**
 * What {@link Exercises#check} says about an answer: right (with why), not yet (with a hint), or
 * not answered.
 *
 * @param exercise the exercise id, e.g. {@code 03.2}
 * @param outcome  right, wrong or unanswered
 * @param message  the explanation, or what is wrong and the hint
 */
public record Verdict(String exercise, Outcome outcome, String message) implements Renderable {

    /** How an answer fared. */
    public enum Outcome { RIGHT, WRONG, UNANSWERED }

    /** Whether the answer is right. */
    public boolean right() {
        return outcome == Outcome.RIGHT;
    }

    private String mark() {
        return switch (outcome) {
            case RIGHT -> "✓ Right";
            case WRONG -> "✗ Not yet";
            case UNANSWERED -> "… Not answered yet";
        };
    }

    @Override
    public String toText() {
        return "Exercise " + exercise + " — " + mark() + ": " + message;
    }

    @Override
    public String toHtml() {
        String colour = switch (outcome) {
            case RIGHT -> Style.hex(Style.OK);
            case WRONG -> Style.hex(Style.FAIL);
            case UNANSWERED -> "#b8860b";
        };
        return "<div class=\"primer-verdict\" style=\"border-left:5px solid " + colour + ";padding:4px 10px;margin:4px 0;"
                + "background:#fafafa;font-family:sans-serif\"><b style=\"color:" + colour + "\">" + escape(mark())
                + "</b> <span style=\"color:#555\">(exercise " + escape(exercise) + ")</span><br>" + escape(message) + "</div>";
    }

    @Override
    public String toString() {
        return toText();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}

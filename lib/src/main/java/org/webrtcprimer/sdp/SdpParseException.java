package org.webrtcprimer.sdp;

/**
 * The input is not an SDP this kit can read, or (in strict mode) it has a problem.
 *
 * <p>Unchecked, so that a notebook cell can call {@code Sdp.parse(text)} without a try block; the
 * message always names the line and the problem, e.g.
 * {@code line 7: m= port 'abc' is not a number: 'm=audio abc RTP/AVP 0'}.
 * {@link #line()} is 1-based; 0 means the input as a whole (for example, empty input).
 */
public class SdpParseException extends RuntimeException {
    private final int line;
    private final String problem;
    private final String lineText;

    public SdpParseException(int line, String problem, String lineText) {
        super(format(line, problem, lineText));
        this.line = line;
        this.problem = problem;
        this.lineText = lineText;
    }

    /** 1-based line number of the problem, 0 for the input as a whole. */
    public int line() {
        return line;
    }

    /** The problem, without the line number. */
    public String problem() {
        return problem;
    }

    /** The offending line (shortened to 120 characters), or null. */
    public String lineText() {
        return lineText;
    }

    static String format(int line, String problem, String lineText) {
        String where = line > 0 ? "line " + line + ": " : "";
        String text = lineText == null ? "" : ": '" + SdpLine.shorten(lineText) + "'";
        return where + problem + text;
    }
}

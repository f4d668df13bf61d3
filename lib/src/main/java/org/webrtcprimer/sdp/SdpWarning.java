package org.webrtcprimer.sdp;

/**
 * A problem the lenient parser noticed and stepped over (strict mode turns any of them into an
 * {@link SdpParseException}).
 *
 * <p>Two kinds: an <b>error</b> breaks SDP's grammar or a rule the RFCs make a "must", so that
 * an engine cannot use the description as written (a field that cannot be read, a missing
 * {@code o=}, a mid used twice); a <b>warning</b> is a quirk that RFC 8866 tolerates or engines
 * accept (a byte order mark, LF line endings, trailing white space, an rtpmap for a payload
 * type the m= line does not list). The {@code sdp} command exits with 2 for errors, 1 for
 * warnings.
 *
 * @param line    1-based line number, 0 for the input as a whole
 * @param message what is wrong and, where it helps, what the RFC says
 * @param text    the offending line (shortened), or null
 * @param error   true for an error, false for a warning
 */
public record SdpWarning(int line, String message, String text, boolean error) {

    /** A warning (not an error). */
    public SdpWarning(int line, String message, String text) {
        this(line, message, text, false);
    }

    /** "error" or "warning". */
    public String severity() {
        return error ? "error" : "warning";
    }

    @Override
    public String toString() {
        return SdpParseException.format(line, message, text);
    }
}

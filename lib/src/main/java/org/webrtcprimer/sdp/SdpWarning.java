package org.webrtcprimer.sdp;

/**
 * A problem the lenient parser noticed and stepped over (strict mode turns it into an
 * {@link SdpParseException}).
 *
 * @param line    1-based line number, 0 for the input as a whole
 * @param message what is wrong and, where it helps, what the RFC says
 * @param text    the offending line (shortened), or null
 */
public record SdpWarning(int line, String message, String text) {
    @Override
    public String toString() {
        return SdpParseException.format(line, message, text);
    }
}

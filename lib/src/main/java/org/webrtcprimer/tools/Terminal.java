package org.webrtcprimer.tools;

/** Text echoed from input to a terminal: control characters and escape sequences shown, not obeyed. */
public final class Terminal {
    private Terminal() {}

    /**
     * The text with every C0 control character but newline and tab, DEL, and every C1 control
     * character (U+0080–U+009F) written as {@code \xNN}, so that an ESC sequence in an SDP or a
     * file name cannot move the cursor, recolour or retitle the learner's terminal.
     */
    public static String safe(String s) {
        if (s == null) return null;
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean control = (c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7f && c <= 0x9f);
            if (control) {
                if (b == null) b = new StringBuilder(s.length() + 16).append(s, 0, i);
                b.append(String.format("\\x%02x", (int) c));
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? s : b.toString();
    }
}

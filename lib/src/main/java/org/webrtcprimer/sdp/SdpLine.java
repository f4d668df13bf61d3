package org.webrtcprimer.sdp;

/**
 * One line of the input as read: its number, its type letter and its value.
 *
 * @param number 1-based line number in the input
 * @param type   the type letter before '=' ('v', 'o', 'a', 'm' …), or '?' for a line that is not
 *               of the form {@code x=value}
 * @param value  everything after '=' with trailing white space removed
 * @param raw    the line exactly as in the input, without its line ending
 * @param media  index of the m-section the line belongs to, -1 for the session part
 */
public record SdpLine(int number, char type, String value, String raw, int media) {

    /** The line as {@code type=value}. */
    public String text() {
        return type == '?' ? raw : type + "=" + value;
    }

    @Override
    public String toString() {
        return number + ": " + shorten(raw);
    }

    public static String shorten(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder();
        int n = Math.min(s.length(), 120);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f) b.append(String.format("\\x%02x", (int) c));
            else b.append(c);
        }
        if (s.length() > 120) b.append("… (").append(s.length()).append(" characters)");
        return b.toString();
    }
}

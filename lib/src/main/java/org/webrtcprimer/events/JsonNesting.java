package org.webrtcprimer.events;

/**
 * How deeply a JSON text nests its arrays and objects, read in one pass without parsing and without
 * recursion (brackets inside strings are skipped), so that a reader can refuse input too deep for
 * its recursive parse before starting it. The signaling server and the call-dump reader both ask.
 */
public final class JsonNesting {
    private JsonNesting() {}

    /**
     * Where {@code text} first opens a bracket deeper than {@code limit} levels: that bracket's index,
     * or -1 when it never does.
     */
    public static int firstDeeperThan(String text, int limit) {
        int depth = 0;
        boolean inString = false;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') i++;
                else if (c == '"') inString = false;
            } else if (c == '"') {
                inString = true;
            } else if (c == '[' || c == '{') {
                if (++depth > limit) return i;
            } else if (c == ']' || c == '}') {
                depth--;
            }
        }
        return -1;
    }
}

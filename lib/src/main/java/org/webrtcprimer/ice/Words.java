package org.webrtcprimer.ice;

/**
 * Splits SDP values into their space-separated fields. The same result as
 * {@code Pattern.compile(" +").split(s)} — only the space separates, runs of spaces count as
 * one, a leading space gives a leading empty field, trailing empty fields are dropped — without
 * a regular expression: the parsers split every line, and the regex engine was a fifth of their
 * time.
 */
public final class Words {
    private Words() {}

    public static String[] split(String s) {
        int n = s.length();
        int first = s.indexOf(' ');
        if (first < 0) return new String[]{s};
        // First pass: count the fields (a field starts after each run of spaces), then fill an
        // array of that size — allocations are most of a parser's time.
        int end = n;
        while (end > 0 && s.charAt(end - 1) == ' ') end--; // trailing spaces make no field
        if (end == 0) return new String[0];
        int count = 1;
        for (int i = first; i < end; i++) {
            if (s.charAt(i) == ' ' && s.charAt(i + 1) != ' ') count++;
        }
        String[] out = new String[count];
        int k = 0, start = 0, i = first;
        while (i < end) {
            if (s.charAt(i) == ' ') {
                out[k++] = s.substring(start, i);
                while (s.charAt(i) == ' ') i++;
                start = i;
            } else {
                i++;
            }
        }
        out[k] = s.substring(start, end);
        return out;
    }
}

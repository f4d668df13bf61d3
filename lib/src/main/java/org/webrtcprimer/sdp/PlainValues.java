package org.webrtcprimer.sdp;

/**
 * Readers of attribute values in their plain form, in place: each works on {@code s[from, to)}
 * of the input and copies nothing. Each accepts exactly what the full parse
 * ({@code Attributes.*.parse}) accepts for a value in that form, and says "not plain" (-1 or
 * false) for anything else: then the full parse decides and words the problem.
 */
final class PlainValues {
    private PlainValues() {}

    /**
     * The index of the first space of a value in plain form (printable ASCII and spaces only, no
     * space at either end, so that strip() is the identity and fields are split at runs of
     * spaces), {@code to} if it has no space, -1 if the value is not plain.
     */
    static int firstSpace(String s, int from, int to) {
        if (to <= from || s.charAt(from) == ' ' || s.charAt(to - 1) == ' ') return -1;
        int sp = to;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == ' ') {
                if (sp == to) sp = i;
            } else if (c < 0x21 || c > 0x7e) {
                return -1;
            }
        }
        return sp;
    }

    /** The first index of c in s[from, to), or -1 (never looks past to: a line's search stays in its line). */
    static int indexOf(String s, char c, int from, int to) {
        for (int i = from; i < to; i++) if (s.charAt(i) == c) return i;
        return -1;
    }

    /** Decimal digits only, 1 to maxDigits of them, value in [min, max]: what Attributes.number accepts, for a short number. */
    static boolean digits(String s, int from, int to, int maxDigits, long min, long max) {
        int len = to - from;
        if (len < 1 || len > maxDigits) return false;
        long n = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return false;
            n = n * 10 + (c - '0');
        }
        return n >= min && n <= max;
    }

    /** The value of s[from, to), which {@link #digits} accepted. */
    static int small(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) n = n * 10 + (s.charAt(i) - '0');
        return n;
    }

    /** The number 0-127 that s[from, to) spells as String.valueOf would (no sign, no leading zero), else -1. */
    static int canonicalPt(String s, int from, int to) {
        int len = to - from;
        if (len < 1 || len > 3 || (len > 1 && s.charAt(from) == '0')) return -1;
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return -1;
            n = n * 10 + (c - '0');
        }
        return n <= 127 ? n : -1;
    }

    /** True when s[from, to) equals word. */
    static boolean is(String s, int from, int to, String word) {
        return to - from == word.length() && s.startsWith(word, from);
    }

    /**
     * The payload type of an {@code a=rtpmap} value that Attributes.Rtpmap.parse accepts
     * ({@code <pt> <name>/<rate>[/<channels>]}, one space, sp its first space); -1 when it is
     * not of that plain form.
     */
    static int rtpmap(String s, int from, int to, int sp) {
        if (sp <= from || sp >= to || !digits(s, from, sp, 3, 0, 127)) return -1;
        int s1 = indexOf(s, '/', sp + 1, to);
        if (s1 <= sp + 1 || indexOf(s, ' ', sp + 1, to) >= 0) return -1;
        int s2 = indexOf(s, '/', s1 + 1, to);
        if (s2 < 0) {
            if (!digits(s, s1 + 1, to, 10, 1, 0xFFFF_FFFFL)) return -1;
        } else {
            if (!digits(s, s1 + 1, s2, 10, 1, 0xFFFF_FFFFL) || indexOf(s, '/', s2 + 1, to) >= 0 || !digits(s, s2 + 1, to, 3, 1, 255)) return -1;
        }
        return small(s, from, sp);
    }

    /**
     * True when an {@code a=fmtp} value in plain form (sp its first space) passes
     * Attributes.Fmtp.parse and the apt check (the last apt parameter, if any, a number 0-127).
     */
    static boolean fmtp(String s, int from, int to, int sp) {
        if (sp <= from || sp >= to) return false;
        int aptFrom = -1, aptTo = -1;
        boolean apt = false;
        int i = sp + 1;
        while (i <= to) {
            int end = indexOf(s, ';', i, to);
            if (end < 0) end = to;
            int a = i, b = end;
            while (a < b && s.charAt(a) == ' ') a++;
            while (b > a && s.charAt(b - 1) == ' ') b--;
            if (a < b) {
                int eq = indexOf(s, '=', a, b);
                int ka = a, kb = eq < 0 ? b : eq;
                while (kb > ka && s.charAt(kb - 1) == ' ') kb--;
                if (kb - ka == 3 && s.startsWith("apt", ka)) {
                    apt = true;
                    if (eq < 0) {
                        aptFrom = aptTo = 0;
                    } else {
                        int va = eq + 1;
                        while (va < b && s.charAt(va) == ' ') va++;
                        aptFrom = va;
                        aptTo = b;
                    }
                }
            }
            i = end + 1;
        }
        return !apt || digits(s, aptFrom, aptTo, 3, 0, 127);
    }

    /**
     * The id of an {@code a=extmap} value that Attributes.Extmap.parse accepts in the plain form
     * {@code <id> <URI> [<attributes>]} (no direction, not RFC 6904's encrypted form); -1 otherwise.
     */
    static int extmap(String s, int from, int to, int sp) {
        if (sp <= from || sp >= to || !digits(s, from, sp, 4, 1, 4095)) return -1;
        int u = sp;
        while (s.charAt(u) == ' ') u++;
        int e = indexOf(s, ' ', u, to);
        if (is(s, u, e < 0 ? to : e, Attributes.Extmap.ENCRYPT)) return -1;
        return small(s, from, sp);
    }

    /** True when an {@code a=fingerprint} value in plain form passes Attributes.Fingerprint.parse. */
    static boolean fingerprint(String s, int from, int to, int sp) {
        if (sp <= from || sp >= to) return false;
        int f = sp;
        while (s.charAt(f) == ' ') f++;
        int e = indexOf(s, ' ', f, to);
        if (e < 0) e = to;
        int len = e - f;
        if (len < 2 || (len + 1) % 3 != 0) return false;
        for (int i = 0; i < len; i++) {
            char c = s.charAt(f + i);
            boolean ok = i % 3 == 2 ? c == ':' : (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            if (!ok) return false;
        }
        return true;
    }

    /**
     * True when an {@code a=candidate} value in plain form passes Candidate.parse: at least 8
     * fields, a foundation of at most 32 characters, component 1-256, priority 1-2^32-1, port,
     * 'typ', extensions in name/value pairs with rport, generation, network-id and network-cost
     * numbers. A value that starts with 'a=' or 'candidate:' (which Candidate.parse strips) is left
     * to the full parse.
     */
    static boolean candidate(String s, int from, int to) {
        if (s.startsWith("a=", from) || s.regionMatches(true, from, "candidate:", 0, 10)) return false;
        int field = 0, name = -1, nameEnd = -1;
        for (int i = from; i < to; field++) {
            int e = i;
            while (e < to && s.charAt(e) != ' ') e++;
            boolean ok = switch (field) {
                case 0 -> e - i <= 32;
                case 1 -> digits(s, i, e, 3, 1, 256);
                case 3 -> digits(s, i, e, 10, 1, 0xFFFF_FFFFL);
                case 5 -> digits(s, i, e, 5, 0, 65535);
                case 6 -> is(s, i, e, "typ");
                case 2, 4, 7 -> true;
                default -> field % 2 == 0 || extension(s, name, nameEnd, i, e);
            };
            if (!ok) return false;
            if (field >= 8 && field % 2 == 0) {
                name = i;
                nameEnd = e;
            }
            while (e < to && s.charAt(e) == ' ') e++;
            i = e;
        }
        return field >= 8 && field % 2 == 0;
    }

    /** A candidate extension's value [from, to) that Candidate.parse accepts for the name [name, nameEnd). */
    private static boolean extension(String s, int name, int nameEnd, int from, int to) {
        if (is(s, name, nameEnd, "rport")) return digits(s, from, to, 5, 0, 65535);
        if (is(s, name, nameEnd, "generation") || is(s, name, nameEnd, "network-id") || is(s, name, nameEnd, "network-cost")) {
            return digits(s, from, to, 10, 0, Integer.MAX_VALUE);
        }
        return true;
    }
}

package org.webrtcprimer.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Makes fuzz inputs from real descriptions and candidate lines: each input is a seed with a few
 * mutations that break what parsers assume (lines dropped, doubled, swapped, cut; characters and
 * numbers replaced with extremes; line endings changed; lines from another description spliced
 * in; a line repeated hundreds of times), or, now and then, random text.
 */
final class Mutator {

    /** Characters parsers trip on: separators, controls, line breaks, lone surrogates, BOM, NUL. */
    private static final String[] ODD = {"\0", "\r", "\n", "\r\n", " ", "  ", "\t", ":", "=", "/", "-", "+", ".",
            "a=", "m=", "\uFEFF", "\uFFFD", "\uD800", "\uDC00", "中", "\u0085", "\u2028", "%", "\\", "\"", "<", "{", "0", "9"};
    /** Values that break number handling. */
    private static final String[] NUMBERS = {"", "-1", "0", "1", "65535", "65536", "2147483647", "2147483648",
            "4294967295", "4294967296", "9223372036854775807", "9223372036854775808", "99999999999999999999999",
            "-0", "+5", "0x10", "1e9", "NaN", "１２３", "٣", "0000000000000000001"};

    private final List<String> seeds;
    private final List<String[]> seedLines = new ArrayList<>();

    Mutator(List<String> seeds) {
        if (seeds.isEmpty()) throw new IllegalArgumentException("no seeds");
        this.seeds = List.copyOf(seeds);
        for (String s : seeds) seedLines.add(s.split("\r\n|\n", -1));
    }

    String next(Random r) {
        int roll = r.nextInt(100);
        if (roll < 4) return randomText(r, r.nextInt(400));
        int seed = r.nextInt(seeds.size());
        List<String> lines = new ArrayList<>(List.of(seedLines.get(seed)));
        if (r.nextBoolean() && lines.size() > 4) {
            // Half the inputs are a slice of a description (often with its v= line): smaller, so more of them per second.
            int from = r.nextInt(lines.size()), to = Math.min(lines.size(), from + 1 + r.nextInt(40));
            List<String> slice = new ArrayList<>(lines.subList(from, to));
            if (r.nextInt(4) != 0 && from > 0) slice.add(0, lines.get(0));
            lines = slice;
        }
        int mutations = 1 + r.nextInt(r.nextInt(100) < 20 ? 24 : 6);
        String eol = "\r\n";
        for (int m = 0; m < mutations && !lines.isEmpty(); m++) {
            int i = r.nextInt(lines.size());
            switch (r.nextInt(13)) {
                case 0 -> lines.remove(i);
                case 1 -> lines.add(i, lines.get(r.nextInt(lines.size())));
                case 2 -> {
                    int j = r.nextInt(lines.size());
                    String t = lines.get(i);
                    lines.set(i, lines.get(j));
                    lines.set(j, t);
                }
                case 3 -> lines.set(i, replaceChar(r, lines.get(i)));
                case 4 -> lines.set(i, insert(r, lines.get(i), r.nextBoolean() ? pick(r, ODD) : randomText(r, 1 + r.nextInt(12))));
                case 5 -> lines.set(i, cut(r, lines.get(i)));
                case 6 -> lines.set(i, replaceNumber(r, lines.get(i)));
                case 7 -> {
                    String[] other = seedLines.get(r.nextInt(seedLines.size()));
                    lines.add(i, other[r.nextInt(other.length)]);
                }
                case 8 -> eol = pick(r, new String[]{"\n", "\r", "", "\r\r\n", "\n\r", " \n"});
                case 9 -> {
                    int times = r.nextInt(100) < 98 ? 2 + r.nextInt(20) : 200 + r.nextInt(800);
                    String l = lines.get(i);
                    for (int k = 0; k < times; k++) lines.add(i, l);
                }
                case 10 -> lines.set(i, replaceToken(r, lines.get(i)));
                case 11 -> {
                    int to = Math.min(lines.size(), i + 1 + r.nextInt(10));
                    lines.subList(i, to).clear();
                }
                default -> lines.set(i, lines.get(i).toUpperCase());
            }
        }
        String text = String.join(eol, lines);
        if (r.nextInt(10) == 0 && !text.isEmpty()) text = text.substring(0, r.nextInt(text.length()));
        return text;
    }

    static String randomText(Random r, int n) {
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            int k = r.nextInt(10);
            if (k < 5) b.append((char) (32 + r.nextInt(95)));
            else if (k < 7) b.append(pick(r, ODD));
            else if (k < 8) b.append((char) r.nextInt(0x10000));
            else b.append(pick(r, new String[]{"v=0", "o=", "s=-", "t=0 0", "m=audio 9 UDP/TLS/RTP/SAVPF 111",
                        "a=rtpmap:111 opus/48000/2", "a=candidate:1 1 udp 2122260223 10.0.0.1 5000 typ host",
                        "c=IN IP4 0.0.0.0", "a=fmtp:", "a=ssrc:", "a=group:BUNDLE", "\r\n", "\n"}));
        }
        return b.toString();
    }

    private static String pick(Random r, String[] a) {
        return a[r.nextInt(a.length)];
    }

    private static String replaceChar(Random r, String l) {
        if (l.isEmpty()) return pick(r, ODD);
        int p = r.nextInt(l.length());
        return l.substring(0, p) + pick(r, ODD) + l.substring(p + 1);
    }

    private static String insert(Random r, String l, String what) {
        int p = l.isEmpty() ? 0 : r.nextInt(l.length() + 1);
        return l.substring(0, p) + what + l.substring(p);
    }

    private static String cut(Random r, String l) {
        if (l.isEmpty()) return l;
        int a = r.nextInt(l.length()), b = a + r.nextInt(l.length() - a + 1);
        return l.substring(0, a) + l.substring(b);
    }

    /** Replaces the n-th run of digits with an extreme value. */
    private static String replaceNumber(Random r, String l) {
        List<int[]> runs = new ArrayList<>();
        for (int i = 0; i < l.length(); ) {
            if (Character.isDigit(l.charAt(i))) {
                int j = i;
                while (j < l.length() && Character.isDigit(l.charAt(j))) j++;
                runs.add(new int[]{i, j});
                i = j;
            } else i++;
        }
        if (runs.isEmpty()) return insert(r, l, pick(r, NUMBERS));
        int[] run = runs.get(r.nextInt(runs.size()));
        return l.substring(0, run[0]) + pick(r, NUMBERS) + l.substring(run[1]);
    }

    /** Replaces, drops or doubles one space-separated token. */
    private static String replaceToken(Random r, String l) {
        String[] t = l.split(" ", -1);
        int i = r.nextInt(t.length);
        switch (r.nextInt(3)) {
            case 0 -> t[i] = "";
            case 1 -> t[i] = t[i] + " " + t[i];
            default -> t[i] = r.nextBoolean() ? pick(r, NUMBERS) : randomText(r, r.nextInt(6));
        }
        return String.join(" ", t);
    }
}

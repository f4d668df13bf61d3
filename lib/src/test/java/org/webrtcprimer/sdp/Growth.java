package org.webrtcprimer.sdp;

import org.webrtcprimer.ice.Candidate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

/**
 * Time per character of the parsers on inputs that grow in one direction at a time — many lines,
 * many sections, one very long line, many warnings, a long candidate — to show parsing stays
 * linear: the time per character must not grow with the input (quadratic work would multiply it
 * by the size ratio).
 */
final class Growth {
    private Growth() {}

    /** One shape of input, made at any size (in characters, roughly). */
    record Shape(String name, IntFunction<String> make, boolean candidate) {}

    /** What one shape measured: ns per character at each size. */
    record Row(String shape, int[] sizes, double[] nsPerChar) {
        double growth() {
            return nsPerChar[nsPerChar.length - 1] / nsPerChar[0];
        }

        String line() {
            StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-34s", shape));
            for (int i = 0; i < sizes.length; i++) b.append(String.format(Locale.ROOT, " %9.1f", nsPerChar[i]));
            return b.append(String.format(Locale.ROOT, "   ×%.2f", growth())).toString();
        }
    }

    static final String HEAD = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n";
    static final String AUDIO = "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\nc=IN IP4 0.0.0.0\r\na=mid:0\r\na=rtpmap:111 opus/48000/2\r\n";

    static String repeat(String head, String unit, int chars) {
        StringBuilder b = new StringBuilder(chars + unit.length() + head.length()).append(head);
        while (b.length() < chars) b.append(unit);
        return b.toString();
    }

    static List<Shape> shapes() {
        String chrome = Datasets.text("chromium-120-offer.sdp");
        String video = chrome.substring(chrome.indexOf("m=video"));
        return List.of(
                new Shape("candidate lines in one section", n -> repeat(HEAD + AUDIO,
                        "a=candidate:1 1 udp 2122260223 192.168.1.2 50000 typ host generation 0\r\n", n), false),
                new Shape("m-sections (Chromium video)", n -> repeat(HEAD, video, n), false),
                new Shape("one long a=fmtp line", n -> repeat(HEAD + AUDIO + "a=fmtp:111 minptime=10", ";x=1", n) + "\r\n", false),
                new Shape("one long a=ssrc-group line", n -> repeat(HEAD + AUDIO + "a=ssrc-group:FID", " 1234567890", n) + "\r\n", false),
                new Shape("one line of spaces", n -> repeat(HEAD + "a=", " ", n), false),
                new Shape("one line of '=' and ':'", n -> repeat(HEAD + "a=x", "=:", n), false),
                new Shape("garbage lines (a warning each)", n -> repeat(HEAD + AUDIO, "garbage here\r\n", n), false),
                new Shape("rtpmap/rtcp-fb for many payloads", n -> {
                    StringBuilder b = new StringBuilder(HEAD).append("m=video 9 UDP/TLS/RTP/SAVPF");
                    int pts = Math.max(1, n / 120);
                    for (int i = 0; i < pts; i++) b.append(' ').append(96 + i % 32);
                    b.append("\r\n");
                    for (int i = 0; b.length() < n; i++) {
                        int pt = 96 + i % 32;
                        b.append("a=rtpmap:").append(pt).append(" VP8/90000\r\na=rtcp-fb:").append(pt).append(" nack pli\r\n");
                    }
                    return b.toString();
                }, false),
                new Shape("candidate with many extensions", n -> repeat("candidate:1 1 udp 2122260223 192.168.1.2 50000 typ host",
                        " generation 0", n), true),
                new Shape("candidate padded with spaces", n -> repeat("candidate:1 1 udp 2122260223 192.168.1.2 50000 typ host",
                        " ", n) + "x", true));
    }

    /** Measures every shape at the sizes given, the best of {@code runs} runs each. */
    static List<Row> measure(int[] sizes, int runs) {
        List<Row> rows = new ArrayList<>();
        for (Shape s : shapes()) {
            double[] ns = new double[sizes.length];
            for (int i = 0; i < sizes.length; i++) {
                String input = s.make().apply(sizes[i]);
                long best = Long.MAX_VALUE;
                for (int r = 0; r < runs; r++) {
                    long t0 = System.nanoTime();
                    parse(s, input);
                    best = Math.min(best, System.nanoTime() - t0);
                }
                ns[i] = best / (double) input.length();
            }
            rows.add(new Row(s.name(), sizes, ns));
        }
        return rows;
    }

    static void parse(Shape s, String input) {
        if (s.candidate()) {
            try {
                Candidate.parse(input);
            } catch (IllegalArgumentException expected) {
                // the padded one is refused; the time is what is measured
            }
        } else {
            Sdp.parse(input).warnings().size(); // the attribute checks run when the warnings are read: time them too
        }
    }

    static String table(List<Row> rows) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-34s", "ns per character at"));
        for (int size : rows.get(0).sizes()) b.append(String.format(Locale.ROOT, " %8dK", size / 1000));
        b.append("   growth\n");
        rows.forEach(r -> b.append(r.line()).append('\n'));
        return b.toString();
    }
}

package org.webrtcprimer.tools;

import org.webrtcprimer.sdp.Dissection;
import org.webrtcprimer.sdp.ParsedSdp;
import org.webrtcprimer.sdp.Sdp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Locale;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code sdp --cost}: what a dissection costs on the worst inputs of up to 1 MiB
 * ({@link Dissection#MAX_CHARACTERS}), each shape in its own JVM (the kit's options) so that its
 * peak resident memory is its own: parse, then dissect as text and as HTML, several rounds;
 * min/median/p90 of the time, the parse alone beside it, and the JVM's peak RSS.
 * The target (issue 11): any input of at most 1 MB in at most 2 s and 512 MB RSS.
 */
public final class SdpCostBenchmark {
    private SdpCostBenchmark() {}

    static final int ROUNDS = 5;

    /** The shapes: each fills 1 MiB its own way. */
    static final List<String> SHAPES = List.of("bare-sections", "chrome-sections", "identical-sections", "repeated-payload-types",
            "rtpmap-lines", "candidates", "short-lines", "one-line");

    static String input(String shape) {
        int size = Dissection.MAX_CHARACTERS - 64;
        String head = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 0.0.0.0\r\nt=0 0\r\n";
        String chrome = org.webrtcprimer.datasets.Datasets.read("sdp/chromium-120-offer.sdp");
        String video = chrome.substring(chrome.indexOf("m=video"));
        StringBuilder b = new StringBuilder(head);
        int i = 0;
        switch (shape) {
            case "bare-sections" -> { while (b.length() < size - 30) b.append("m=audio ").append(10_000 + i++ % 50_000).append(" RTP/AVP 0\r\n"); }
            case "chrome-sections" -> { while (b.length() < size - video.length() - 16) b.append(video.replace("a=mid:1", "a=mid:" + i++)); }
            case "identical-sections" -> { while (b.length() < size - video.length()) b.append(video); }
            case "repeated-payload-types" -> {
                b.append("m=video 9 RTP/AVP");
                while (b.length() < size / 2) b.append(' ').append(96 + i++ % 32);
                b.append("\r\n");
                while (b.length() < size - 40) b.append("a=rtpmap:96 VP8/90000\r\n");
            }
            case "rtpmap-lines" -> {
                b.append("m=video 9 RTP/AVP");
                for (int pt = 0; pt < 128; pt++) b.append(' ').append(pt);
                b.append("\r\n");
                while (b.length() < size - 60) b.append("a=rtpmap:").append(i % 128).append(" VP8/90000\r\na=fmtp:").append(i++ % 128).append(" x=1\r\n");
            }
            case "candidates" -> {
                b.append("m=audio 9 RTP/AVP 0\r\n");
                while (b.length() < size - 100) b.append("a=candidate:").append(i++).append(" 1 udp 2122260223 192.168.1.2 5000 typ host generation 0\r\n");
            }
            case "short-lines" -> { while (b.length() < size - 8) b.append("a=x\r\n"); }
            case "one-line" -> b.append("a=x-blob:").append("A".repeat(size - b.length() - 16)).append("\r\n");
            default -> throw new IllegalArgumentException("unknown shape '" + shape + "'; one of " + SHAPES);
        }
        return b.toString();
    }

    /** In the child JVM: ROUNDS of parse + dissect + render, one line per round, then the peak RSS. */
    public static void main(String[] args) throws IOException {
        String shape = args[0], format = args[1];
        String text = input(shape);
        System.out.println("input " + text.length());
        for (int r = 0; r < ROUNDS; r++) {
            long t0 = System.nanoTime();
            ParsedSdp p = Sdp.parse(text);
            p.warnings().size();
            long t1 = System.nanoTime();
            Dissection d = p.dissect();
            int n = format.equals("html") ? d.toHtml().length() : d.toText().length();
            long t2 = System.nanoTime();
            System.out.printf(Locale.ROOT, "round %.3f %.3f %d%n", (t1 - t0) / 1e6, (t2 - t0) / 1e6, n);
        }
        for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (l.startsWith("VmHWM:")) System.out.println("hwm " + l.replaceAll("[^0-9]", ""));
        }
    }

    /** Runs every shape as text and as HTML and prints the table. */
    public static int run(PrintStream out, PrintStream err) {
        String javaCommand = ProcessHandle.current().info().command().orElse("java");
        out.printf("Dissection cost of 1 MiB inputs (%,d characters at most); each shape in its own JVM (-XX:+UseSerialGC), %d rounds.%n",
                Dissection.MAX_CHARACTERS, ROUNDS);
        out.printf("Target: ≤ 2,000 ms and ≤ 512 MB peak RSS. 'parse' is Sdp.parse alone, in the same rounds.%n%n");
        out.printf("%-24s %-5s %7s %6s %9s %9s %9s %11s %9s %9s%n", "shape", "as", "lines", "m=", "min ms", "median ms", "p90 ms",
                "parse med", "output MB", "peak RSS");
        boolean met = true;
        for (String shape : SHAPES) {
            for (String format : List.of("text", "html")) {
                List<String> lines = new ArrayList<>();
                try {
                    Process p = new ProcessBuilder(javaCommand, "-XX:+UseSerialGC", "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                            SdpCostBenchmark.class.getName(), shape, format).redirectErrorStream(true).start();
                    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                        for (String l; (l = r.readLine()) != null; ) lines.add(l);
                    }
                    if (!p.waitFor(10, TimeUnit.MINUTES)) {
                        p.destroyForcibly();
                        err.println("sdp --cost: " + shape + " did not finish within 10 minutes");
                        return 1;
                    }
                    if (p.exitValue() != 0) {
                        err.println("sdp --cost: " + shape + " " + format + " failed: " + String.join("\n", lines));
                        return 1;
                    }
                } catch (IOException | InterruptedException e) {
                    err.println("sdp --cost: could not run " + shape + ": " + e.getMessage());
                    return 1;
                }
                double[] total = new double[ROUNDS], parse = new double[ROUNDS];
                long outChars = 0, hwm = 0;
                int k = 0;
                for (String l : lines) {
                    String[] f = l.split(" ");
                    if (f[0].equals("round") && k < ROUNDS) {
                        parse[k] = Double.parseDouble(f[1]);
                        total[k++] = Double.parseDouble(f[2]);
                        outChars = Long.parseLong(f[3]);
                    } else if (f[0].equals("hwm")) {
                        hwm = Long.parseLong(f[1]);
                    }
                }
                Arrays.sort(total);
                Arrays.sort(parse);
                ParsedSdp s = Sdp.parse(input(shape));
                double rss = hwm / 1024.0;
                met &= total[ROUNDS / 2] <= 2000 && rss <= 512;
                out.printf(Locale.ROOT, "%-24s %-5s %,7d %,6d %9.0f %9.0f %9.0f %11.0f %9.1f %6.0f MB%n", shape, format, s.lines().size(),
                        s.media().size(), total[0], total[ROUNDS / 2], total[(int) Math.ceil(ROUNDS * 0.9) - 1], parse[ROUNDS / 2],
                        outChars / 1e6, rss);
            }
        }
        out.printf("%nPercentiles are nearest-rank over %d rounds; times include the parse. Target %s by median on this run.%n",
                ROUNDS, met ? "met" : "NOT met");
        return 0;
    }
}

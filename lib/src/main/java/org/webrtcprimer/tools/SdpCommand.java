package org.webrtcprimer.tools;

import org.webrtcprimer.sdp.ParseMode;
import org.webrtcprimer.sdp.ParsedSdp;
import org.webrtcprimer.sdp.Sdp;
import org.webrtcprimer.sdp.SdpDiff;
import org.webrtcprimer.sdp.SdpJson;
import org.webrtcprimer.sdp.SdpLine;
import org.webrtcprimer.sdp.SdpParseException;
import org.webrtcprimer.sdp.SdpWarning;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code java -jar webrtc-primer.jar sdp [--text|--json|--html] [--strict] FILE...} — dissect
 * SDP files ({@code -} reads standard input). Warnings go to standard error as
 * {@code file:line: warning: …}. Exit code: 0 clean, 1 warnings, 2 errors (unreadable file,
 * not SDP, or any problem in strict mode).
 */
public final class SdpCommand {
    private SdpCommand() {}

    /**
     * Largest input read: what a dissection explains ({@link org.webrtcprimer.sdp.Dissection#MAX_CHARACTERS});
     * a larger file is refused before it is read.
     */
    static final long MAX_BYTES = org.webrtcprimer.sdp.Dissection.MAX_CHARACTERS;

    public static final String USAGE = """
            usage: java -jar webrtc-primer.jar sdp [--text|--json|--html] [--strict] FILE...
                   java -jar webrtc-primer.jar sdp --diff [--text|--html] BEFORE AFTER
              Explains every line of each SDP FILE ('-' reads standard input);
              with --diff, explains what changed from BEFORE to AFTER (e.g. offer, answer).
              --text    every line explained, in English and Chinese, with codec tables (default)
              --json    the parsed model as JSON (an array when several files are given)
              --html    the dissection as an HTML page
              --strict  the first problem is an error (default: lenient, problems are warnings)
              --bench   time parsing the files (min/median/p90 over rounds; no output per file)
              --cost    what dissecting the worst 1 MiB inputs costs: time and peak memory (no FILE)
            exit code: 0 clean, 1 warnings (quirks an engine accepts), 2 errors (not SDP, unreadable,
            a problem an engine cannot get past, or any problem with --strict)""";

    /** Entry point registered in {@code Main}. */
    public static int run(String[] args) {
        return run(args, System.in, System.out, System.err);
    }

    /** Same, with explicit streams (for tests and notebooks). */
    public static int run(String[] args, InputStream stdin, PrintStream out, PrintStream err) {
        String format = "text";
        ParseMode mode = ParseMode.LENIENT;
        boolean diff = false;
        List<String> files = new ArrayList<>();
        for (String a : args) {
            switch (a) {
                case "--text" -> format = "text";
                case "--json" -> format = "json";
                case "--html" -> format = "html";
                case "--strict" -> mode = ParseMode.STRICT;
                case "--lenient" -> mode = ParseMode.LENIENT;
                case "--diff" -> diff = true;
                case "--bench" -> format = "bench";
                case "--cost" -> {
                    return SdpCostBenchmark.run(out, err);
                }
                case "-h", "--help" -> {
                    out.println(USAGE);
                    return 0;
                }
                default -> {
                    if (a.startsWith("--")) {
                        err.println("sdp: unknown option " + a);
                        err.println(USAGE);
                        return 2;
                    }
                    files.add(a);
                }
            }
        }
        if (files.isEmpty()) {
            err.println("sdp: no input file (use '-' for standard input)");
            err.println(USAGE);
            return 2;
        }
        if (diff) return diff(files, format, mode, stdin, out, err);
        if (format.equals("bench")) return bench(files, out, err);
        return explain(files, format, mode, stdin, out, err);
    }

    /** Each file parsed and shown in {@code format} (text, json or html); its warnings on {@code err}. Returns the exit code. */
    private static int explain(List<String> files, String format, ParseMode mode, InputStream stdin, PrintStream out, PrintStream err) {
        int code = 0;
        JsonArray all = new JsonArray();
        StringBuilder html = new StringBuilder();
        for (String f : files) {
            String name = f.equals("-") ? "<stdin>" : f;
            ParsedSdp sdp;
            try {
                byte[] bytes = f.equals("-") ? readAll(stdin) : readFile(Path.of(f));
                sdp = Sdp.parse(Sdp.decode(bytes), mode);
            } catch (SdpParseException e) {
                err.println(name + ":" + (e.line() > 0 ? e.line() + ":" : "") + " error: " + e.problem()
                        + (e.lineText() == null ? "" : ": '" + SdpLine.shorten(e.lineText()) + "'"));
                code = 2;
                if (format.equals("json")) {
                    JsonObject o = new JsonObject();
                    o.addProperty("file", name);
                    o.addProperty("error", e.getMessage());
                    o.addProperty("line", e.line());
                    all.add(o);
                }
                continue;
            } catch (IOException | RuntimeException e) {
                err.println(name + ": error: " + describe(e));
                code = 2;
                continue;
            }
            code = Math.max(code, report(name, sdp.warnings(), true, err));
            switch (format) {
                case "json" -> {
                    JsonObject o = SdpJson.toTree(sdp);
                    o.addProperty("file", name);
                    all.add(o);
                }
                case "html" -> html.append("<h2 style=\"font-family:sans-serif\">").append(org.webrtcprimer.notebook.Html.escape(name)).append("</h2>").append(sdp.dissect().toHtml());
                default -> {
                    if (files.size() > 1) out.println("##### " + name);
                    out.print(Terminal.safe(sdp.dissect().toText()));
                    out.println();
                }
            }
        }
        if (format.equals("json")) {
            var gson = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create();
            out.println(gson.toJson(files.size() == 1 && all.size() == 1 ? all.get(0) : all));
        } else if (format.equals("html")) {
            out.println("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>SDP dissected</title></head><body>" + html + "</body></html>");
        }
        out.flush();
        return code;
    }

    private static int diff(List<String> files, String format, ParseMode mode, InputStream stdin, PrintStream out, PrintStream err) {
        if (files.size() != 2) {
            err.println("sdp --diff needs exactly two files: BEFORE AFTER");
            return 2;
        }
        ParsedSdp[] s = new ParsedSdp[2];
        int code = 0;
        for (int i = 0; i < 2; i++) {
            String f = files.get(i), name = f.equals("-") ? "<stdin>" : f;
            try {
                s[i] = Sdp.parse(Sdp.decode(f.equals("-") ? readAll(stdin) : readFile(Path.of(f))), mode);
            } catch (SdpParseException e) {
                err.println(name + ":" + (e.line() > 0 ? e.line() + ":" : "") + " error: " + e.problem());
                return 2;
            } catch (IOException | RuntimeException e) {
                err.println(name + ": error: " + describe(e));
                return 2;
            }
            code = Math.max(code, report(name, s[i].warnings(), false, err));
        }
        SdpDiff d = Sdp.diff(s[0], s[1], Path.of(files.get(0)).getFileName().toString(), Path.of(files.get(1)).getFileName().toString());
        if (format.equals("html")) {
            out.println("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>SDP diff</title></head><body>" + d.toHtml() + "</body></html>");
        } else {
            out.print(Terminal.safe(d.toText()));
        }
        out.flush();
        return code;
    }

    /** Parses the files repeatedly and prints throughput: min, median and p90 of the per-round times. */
    private static int bench(List<String> files, PrintStream out, PrintStream err) {
        List<String> texts = new ArrayList<>();
        long bytes = 0, lines = 0;
        for (String f : files) {
            try {
                byte[] b = readFile(Path.of(f));
                String t = Sdp.decode(b);
                Sdp.parse(t);
                texts.add(t);
                bytes += b.length;
                lines += Sdp.parse(t).lines().size();
            } catch (IOException | RuntimeException e) {
                err.println(f + ": error: " + describe(e));
                return 2;
            }
        }
        int inner = (int) Math.max(1, 8_000_000 / Math.max(1, bytes)), rounds = 20;
        for (int w = 0; w < 10; w++) for (int i = 0; i < inner; i++) for (String t : texts) Sdp.parse(t);
        long[] ns = new long[rounds];
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < inner; i++) for (String t : texts) Sdp.parse(t);
            ns[r] = (System.nanoTime() - t0) / inner;
        }
        java.util.Arrays.sort(ns);
        out.printf("%d files, %d bytes, %d lines per pass; %d rounds of %d passes%n", texts.size(), bytes, lines, rounds, inner);
        for (String[] q : new String[][]{{"min", "0"}, {"median", String.valueOf(rounds / 2)}, {"p90", String.valueOf(rounds * 9 / 10)}}) {
            long t = ns[Integer.parseInt(q[1])];
            out.printf("  %-6s %8.1f µs per pass  %7.1f MB/s  %10.0f lines/s%n", q[0], t / 1000.0, bytes / (t / 1e9) / 1e6, lines / (t / 1e9));
        }
        return 0;
    }

    /**
     * Prints a lenient parse's problems as {@code file:line: error: …} or {@code file:line: warning: …};
     * returns the exit code they make: 2 with an error (an engine cannot use the description), 1 with warnings only.
     */
    private static int report(String name, List<SdpWarning> problems, boolean withText, PrintStream err) {
        int code = 0;
        for (SdpWarning w : problems) {
            err.println(Terminal.safe(name + ":" + (w.line() > 0 ? w.line() + ":" : "") + " " + w.severity() + ": " + w.message()
                    + (!withText || w.text() == null ? "" : ": '" + w.text() + "'")));
            code = Math.max(code, w.error() ? 2 : 1);
        }
        return code;
    }

    private static String describe(Exception e) {
        if (e instanceof NoSuchFileException) return "no such file";
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }

    private static byte[] readFile(Path p) throws IOException {
        if (Files.isDirectory(p)) throw new IOException("is a directory");
        long size = Files.size(p);
        if (size > MAX_BYTES) throw new IOException(String.format(java.util.Locale.ROOT, "file is %,d bytes; an SDP is a few kilobytes and this command reads at most %,d (1 MiB)", size, MAX_BYTES));
        try (InputStream in = Files.newInputStream(p)) {
            return readAll(in);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        byte[] buf = new byte[65536];
        long total = 0;
        int n;
        while ((n = in.read(buf)) > 0) {
            total += n;
            if (total > MAX_BYTES) throw new IOException(String.format(java.util.Locale.ROOT, "input exceeds %,d bytes (1 MiB), the most this command reads; an SDP is a few kilobytes", MAX_BYTES));
            b.write(buf, 0, n);
        }
        return b.toByteArray();
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}

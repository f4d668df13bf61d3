package org.webrtcprimer.tools;

import dev.onvoid.webrtc.RTCDataChannel;
import dev.onvoid.webrtc.RTCDataChannelBuffer;
import dev.onvoid.webrtc.RTCDataChannelInit;
import dev.onvoid.webrtc.RTCDataChannelObserver;
import dev.onvoid.webrtc.RTCDataChannelState;
import org.webrtcprimer.datasets.Datasets;
import org.webrtcprimer.engine.Engine;
import org.webrtcprimer.browser.Chromium;
import org.webrtcprimer.tools.RemoteBenchmark;
import org.webrtcprimer.call.CallOptions;
import org.webrtcprimer.call.DataChannelObserverRelay;
import org.webrtcprimer.call.LocalCall;
import org.webrtcprimer.media.Constraints;
import org.webrtcprimer.media.MediaDevices;
import org.webrtcprimer.media.MediaStream;
import org.webrtcprimer.sdp.Sdp;
import org.webrtcprimer.signaling.SignalingServer;
import org.webrtcprimer.tools.SetupBenchmark;
import org.webrtcprimer.call.Summary;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * {@code java -jar webrtc-primer.jar report} (or {@code ./primer report}, which also installs a
 * kernel so the notebook rows can run): every benchmark the kit has, in one table of
 * min / median / p90.
 *
 * <ul>
 *   <li>call setup: {@code call()} → both connected, → first remote frame (the {@code bench} command's figures);</li>
 *   <li>first local frame: {@code getUserMedia} → the first frame of the synthetic camera;</li>
 *   <li>SDP parsing: {@code Sdp.parse} beside sdp-transform under Node.js, on the same files
 *       (datasets/sdp and datasets/article), in millions of characters per second;</li>
 *   <li>data channel throughput pc1 → pc2 (64 KB messages), MB/s;</li>
 *   <li>the network lab: a relayed call beside a direct one, the relay's cost per packet, data
 *       channel throughput through it, and its accuracy ({@code net-bench});</li>
 *   <li>with Chromium: the {@code bench-remote} setups (Chromium pc1/pc2, Chromium → Java through signaling), and
 *       Chromium's own pc1 → pc2 data channel throughput, measured as the kit's row is, beside it;</li>
 *   <li>with a checkout and Jupyter: kernel start, and every notebook executed in the kernel, each and all together.</li>
 * </ul>
 */
public final class PerformanceReport {
    private PerformanceReport() {}

    /**
     * NAT and TURN rows ({@code turn-bench}'s configurations, a few calls each): setup time and the
     * selected pair's RTT, direct, through each NAT kind, and relay-only through the kit's coturn over
     * UDP, TCP and TLS, interleaved in one run.
     */
    static void turn(List<Row> rows, int calls) {
        if (!org.webrtcprimer.turn.Coturn.installed()) {
            rows.add(Row.missing("NAT/TURN", "setup and RTT through NATs and TURN", org.webrtcprimer.turn.Coturn.missingNote()));
            return;
        }
        say("NAT and TURN: " + calls + " data-channel calls per configuration, direct, behind each NAT kind, TURN udp/tcp/tls");
        try (var server = org.webrtcprimer.turn.TurnServer.start(org.webrtcprimer.turn.TurnConfig.defaults().verbose(false))) {
            List<org.webrtcprimer.turn.TurnCost.Row> measured = TurnBenchmark.measure(server, calls);
            for (org.webrtcprimer.turn.TurnCost.Row r : measured) {
                String note = r.path() + (r.failed() > 0 ? "; " + r.failed() + " did not connect" : "");
                rows.add(new Row("NAT/TURN", r.config() + ": offer → both connected",
                        r.connectMs() == null ? Summary.of() : r.connectMs(), "ms", note));
            }
            for (org.webrtcprimer.turn.TurnCost.Row r : measured) {
                rows.add(new Row("NAT/TURN", r.config() + ": selected pair RTT",
                        r.rttMs() == null ? Summary.of() : r.rttMs(), "ms", "currentRoundTripTime, 1 ms steps"));
            }
        } catch (RuntimeException e) {
            rows.add(Row.missing("NAT/TURN", "setup and RTT through NATs and TURN", "failed: " + e.getMessage()));
        }
    }

    /** One row: a benchmark's figures. Lower is better except where the unit says "/s". */
    public record Row(String group, String name, Summary figures, String unit, String note) {
        static Row of(String group, String name, List<Double> values, String unit, String note) {
            return new Row(group, name, Summary.of(values), unit, note);
        }

        static Row missing(String group, String name, String why) {
            return new Row(group, name, Summary.of(), "", why);
        }
    }

    static final String USAGE = """
            usage: report [--calls N] [--root DIR] [--jupyter-data DIR] [--notebook-rounds N] [--kernel-starts N] [--sdp-corpus DIR]... [--skip LIST]
              --calls N           timed calls per call benchmark (default 20, after 3 warm-up calls)
              --root DIR          the kit's checkout: enables sdp-transform, kernel start and the notebooks (./primer report sets it)
              --jupyter-data DIR  where the kit's kernel is installed (./primer report installs one in a temporary folder)
              --notebook-rounds N times each notebook is executed (default 1)
              --kernel-starts N   kernel starts to time (default 5)
              --sdp-corpus DIR    a folder of .sdp files for the SDP rows (repeatable; default datasets/sdp + article and datasets/sdp-heldout)
              --skip LIST         comma-separated: calls, sdp, data, remote, net, turn, kernel, notebooks""";

    public static int run(String[] args) {
        int calls = 20, notebookRounds = 1, kernelStarts = 5;
        Path root = null, jupyterData = null;
        Set<String> skip = new LinkedHashSet<>();
        List<Path> sdpCorpora = new ArrayList<>();
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                String v = i + 1 < args.length ? args[i + 1] : null;
                switch (a) {
                    case "--calls" -> calls = positive(a, v);
                    case "--notebook-rounds" -> notebookRounds = positive(a, v);
                    case "--kernel-starts" -> kernelStarts = positive(a, v);
                    case "--root" -> root = Path.of(required(a, v));
                    case "--jupyter-data" -> jupyterData = Path.of(required(a, v));
                    case "--skip" -> skip.addAll(List.of(required(a, v).split(",")));
                    case "--sdp-corpus" -> sdpCorpora.add(Path.of(required(a, v)));
                    case "-h", "--help" -> {
                        System.out.println(USAGE);
                        return 0;
                    }
                    default -> throw new IllegalArgumentException("unknown argument '" + a + "'");
                }
                i++;
            }
            if (root != null && !Files.isDirectory(root.resolve("datasets"))) {
                throw new IllegalArgumentException("--root " + root + " is not the kit's checkout (no datasets/ in it)");
            }
        } catch (IllegalArgumentException e) {
            System.err.println("report: " + e.getMessage());
            System.err.println(USAGE);
            return 2;
        }
        List<Row> rows = new ArrayList<>();
        long t0 = System.nanoTime();
        String loadAtStart = loadAverage();
        MediaStream stream = MediaDevices.getUserMedia(Constraints.audioVideo().synthetic());
        try {
            if (!skip.contains("calls")) calls(rows, stream, calls);
            if (!skip.contains("sdp")) sdp(rows, root, sdpCorpora);
            if (!skip.contains("data")) data(rows, stream);
            if (!skip.contains("remote")) remote(rows, stream, Math.max(5, calls / 2));
            if (!skip.contains("net")) {
                say("network lab: relayed vs direct calls in turns, forwarding cost, data channel through the relay, accuracy");
                for (var f : org.webrtcprimer.tools.NetBenchmark.run(stream, Math.max(5, calls / 2))) {
                    rows.add(Row.of(f.group(), f.name(), f.values(), f.unit(), f.note()));
                }
            }
            if (!skip.contains("turn")) turn(rows, Math.max(3, Math.min(5, calls / 2)));
        } catch (RuntimeException e) {
            System.err.println("report: a benchmark failed: " + e.getMessage());
        } finally {
            stream.stop();
            Engine.shutdown();
        }
        if (!skip.contains("kernel")) kernelStarts(rows, root, jupyterData, kernelStarts);
        if (!skip.contains("notebooks")) notebooks(rows, root, jupyterData, notebookRounds);
        System.out.println();
        System.out.println(table(rows));
        System.out.printf("%nLoad average (1 / 5 / 15 min) at the start %s, at the end %s; each step's is printed above.", loadAtStart, loadAverage());
        System.out.printf("%nAll of it took %.0f s. Timings depend on the machine and on what else runs on it: compare rows "
                + "of one run, not runs of different days.%n", (System.nanoTime() - t0) / 1e9);
        return 0;
    }

    // ---------------------------------------------------------------- the benchmarks

    static void calls(List<Row> rows, MediaStream stream, int calls) {
        say("call setup: 3 warm-up + " + calls + " timed local calls (the kit's call(): trickle ICE, start-bitrate hint)");
        SetupBenchmark.Result r = SetupBenchmark.run("kit", stream, CallOptions.defaults(), 3, calls, null);
        rows.add(new Row("call setup", "call() → both connected", r.connected(), "ms", "pc1 ↔ pc2 in one JVM"));
        rows.add(new Row("call setup", "call() → first remote frame", r.firstFrame(), "ms", "640×480 synthetic video"));
        say("first local frame: getUserMedia → the synthetic camera's first frame, 10 times");
        List<Double> first = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            long t = System.nanoTime();
            MediaStream s = MediaDevices.getUserMedia(Constraints.videoOnly().synthetic());
            try {
                s.localVideo().awaitFirstFrame(Duration.ofSeconds(10));
                first.add((System.nanoTime() - t) / 1e6);
            } finally {
                s.stop();
            }
        }
        rows.add(Row.of("call setup", "getUserMedia → first local frame", first, "ms", "synthetic 640×480 @ 30 fps"));
    }

    /** The corpus the kit was tuned on: every .sdp of datasets/sdp and datasets/article. */
    static List<String> corpusNames() {
        return List.of("sdp/chrome-planb-sdes.sdp", "sdp/chromium-120-offer.sdp", "sdp/firefox-121-offer.sdp",
                "sdp/firefox-152-simulcast-offer.sdp", "sdp/gateway-icelite-audio.sdp", "sdp/janus-videoroom-answer.sdp",
                "sdp/safari-26-offer-datachannel.sdp", "sdp/sip-pjsua-audio-offer.sdp", "article/offer.sdp", "article/answer.sdp");
    }

    /** Parse alone, parse + warnings and sdp-transform, per corpus (see {@link SdpBenchmark}). */
    static void sdp(List<Row> rows, Path root, List<Path> corpusDirs) {
        rows.addAll(SdpBenchmark.run(root, SdpBenchmark.corpora(root, corpusDirs)));
    }

    static final int DATA_ROUNDS = 5, DATA_MESSAGE = 64 * 1024, DATA_PER_ROUND = 8 * 1024 * 1024;

    /** pc1 → pc2 over one reliable channel, 64 KB messages, the sender keeping at most 1 MB buffered. */
    static void data(List<Row> rows, MediaStream stream) {
        say("data channel: " + DATA_ROUNDS + " rounds of " + DATA_PER_ROUND / (1024 * 1024) + " MB pc1 → pc2 in 64 KB messages");
        LocalCall call = LocalCall.create(stream);
        AtomicLong received = new AtomicLong();
        List<DataChannelObserverRelay> relays = new ArrayList<>();
        RTCDataChannel[] remote = new RTCDataChannel[1];
        RTCDataChannel ch = null;
        try {
            ch = call.pc1().engine().createDataChannel("throughput", new RTCDataChannelInit());
            relays.add(DataChannelObserverRelay.register(ch, observer(() -> {}, b -> {})));
            call.pc2().onDataChannel(c -> {
                remote[0] = c;
                relays.add(DataChannelObserverRelay.register(c, observer(() -> {}, b -> received.addAndGet(b.data.remaining()))));
            });
            call.negotiate();
            call.awaitConnected();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (ch.getState() != RTCDataChannelState.OPEN) {
                if (System.nanoTime() > deadline) throw new IllegalStateException("the data channel did not open within 10 s");
                sleep(5);
            }
            List<Double> rates = new ArrayList<>();
            for (int r = 0; r < DATA_ROUNDS; r++) {
                long start = received.get(), t = System.nanoTime();
                for (int sent = 0; sent < DATA_PER_ROUND; sent += DATA_MESSAGE) {
                    while (ch.getBufferedAmount() > 1024 * 1024) sleep(1); // onBufferedAmountChange never fires (engine-notes.md)
                    ByteBuffer b = ByteBuffer.allocateDirect(DATA_MESSAGE); // exact size: send() sends the whole capacity
                    ch.send(new RTCDataChannelBuffer(b, true));
                }
                long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (received.get() - start < DATA_PER_ROUND) {
                    if (System.nanoTime() > end) throw new IllegalStateException("pc2 received only " + (received.get() - start) + " bytes in 30 s");
                    sleep(1);
                }
                rates.add(DATA_PER_ROUND / ((System.nanoTime() - t) / 1e9) / 1e6);
            }
            rows.add(Row.of("data channel", "the kit: pc1 → pc2 throughput, reliable, ordered", rates, "MB/s", "64 KB messages, loopback, ≤ 1 MB buffered"));
        } catch (Exception e) {
            rows.add(Row.missing("data channel", "pc1 → pc2 throughput", "failed: " + e.getMessage()));
        } finally {
            relays.forEach(DataChannelObserverRelay::detach);
            for (RTCDataChannel c : new RTCDataChannel[]{ch, remote[0]}) {
                if (c == null) continue;
                try {
                    c.close();
                    c.dispose();
                } catch (Throwable ignored) {
                }
            }
            call.hangup();
        }
    }

    private static RTCDataChannelObserver observer(Runnable onState, java.util.function.Consumer<RTCDataChannelBuffer> onMessage) {
        return new RTCDataChannelObserver() {
            @Override
            public void onBufferedAmountChange(long previousAmount) {
            }

            @Override
            public void onStateChange() {
                onState.run();
            }

            @Override
            public void onMessage(RTCDataChannelBuffer buffer) {
                onMessage.accept(buffer);
            }
        };
    }

    static void remote(List<Row> rows, MediaStream stream, int calls) {
        if (Chromium.find().isEmpty()) {
            rows.add(Row.missing("remote", "Chromium setups (bench-remote)", Chromium.INSTALL_HINT));
            return;
        }
        say("remote: headless Chromium, 2 warm-up + " + calls + " calls per setup (bench-remote)");
        try (SignalingServer server = SignalingServer.start(); Chromium browser = Chromium.launch()) {
            RemoteBenchmark.Result local = RemoteBenchmark.chromiumLocal(browser, server, 2, calls);
            rows.add(new Row("remote", "Chromium pc1 → pc2: connected", local.connected(), "ms", "one page"));
            rows.add(new Row("remote", "Chromium pc1 → pc2: first remote frame", local.firstFrame(), "ms", "fake camera"));
            RemoteBenchmark.Result toJava = RemoteBenchmark.chromiumToJava(browser, server, stream, 2, calls);
            rows.add(new Row("remote", "Chromium → Java via signaling: connected", toJava.connected(), "ms", "two processes"));
            rows.add(new Row("remote", "Chromium → Java via signaling: first frame", toJava.firstFrame(), "ms", "Java's video at the page"));
            say("data channel in Chromium: " + DATA_ROUNDS + " rounds of " + DATA_PER_ROUND / (1024 * 1024) + " MB pc1 → pc2 in 64 KB messages, one page");
            Row chromium;
            try {
                chromium = Row.of("data channel", "Chromium pc1 → pc2 throughput, reliable, ordered",
                        RemoteBenchmark.chromiumDataChannel(browser, server, DATA_ROUNDS, DATA_MESSAGE, DATA_PER_ROUND), "MB/s",
                        "64 KB messages, one page, ≤ 1 MB buffered");
            } catch (RuntimeException e) {
                chromium = Row.missing("data channel", "Chromium pc1 → pc2 throughput", "failed: " + e.getMessage());
            }
            besideGroup(rows, chromium);
        } catch (RuntimeException e) {
            rows.add(Row.missing("remote", "Chromium setups (bench-remote)", "failed: " + e.getMessage()));
        }
    }

    /** Adds a row right after the last row of its group (the kit's own row beside the browser's), or at the end. */
    static void besideGroup(List<Row> rows, Row row) {
        int at = rows.size();
        for (int i = 0; i < rows.size(); i++) if (rows.get(i).group().equals(row.group())) at = i + 1;
        rows.add(at, row);
    }

    static final String KERNEL_START_PY = """
            import json, sys, time
            from jupyter_client.manager import KernelManager
            out = []
            for i in range(int(sys.argv[1])):
                t = time.monotonic()
                km = KernelManager(kernel_name="webrtc-primer")
                km.start_kernel()
                kc = km.client(); kc.start_channels(); kc.wait_for_ready(timeout=120)
                reply = kc.execute_interactive("1 + 1", timeout=120, output_hook=lambda m: None)
                out.append(time.monotonic() - t)
                kc.stop_channels(); km.shutdown_kernel(now=False)
            print(json.dumps(out))
            """;

    static void kernelStarts(List<Row> rows, Path root, Path jupyterData, int n) {
        Map<String, String> env = jupyterEnv(jupyterData);
        if (env == null) {
            rows.add(Row.missing("kernel", "kernel start → first cell answered", "needs the kernel installed: run ./primer report"));
            return;
        }
        say("kernel start: " + n + " starts of the kit's kernel, each until its first cell (1 + 1) answers");
        Result r = exec(List.of(python(), "-c", KERNEL_START_PY, "" + n), env, Duration.ofMinutes(10));
        String line = r.out().lines().filter(l -> l.startsWith("[")).reduce((a, b) -> b).orElse(null);
        if (r.code() != 0 || line == null) {
            rows.add(Row.missing("kernel", "kernel start → first cell answered", "failed (exit " + r.code() + "): " + firstLine(r.out())));
            return;
        }
        List<Double> ms = new ArrayList<>();
        for (String v : line.replaceAll("[\\[\\]]", "").split(",")) ms.add(Double.parseDouble(v.trim()) * 1000);
        rows.add(Row.of("kernel", "kernel start → first cell answered", ms, "ms", "rapaio + the kit's launcher"));
    }

    static void notebooks(List<Row> rows, Path root, Path jupyterData, int rounds) {
        Map<String, String> env = jupyterEnv(jupyterData);
        if (env == null || root == null) {
            rows.add(Row.missing("notebooks", "every lesson executed", "needs the checkout and the kernel: run ./primer report"));
            return;
        }
        List<Path> books;
        try (Stream<Path> s = Files.walk(root.resolve("notebooks"))) {
            books = s.filter(p -> p.toString().endsWith(".ipynb") && !p.toString().contains(".ipynb_checkpoints")).sorted().toList();
        } catch (IOException e) {
            rows.add(Row.missing("notebooks", "every lesson executed", "could not list notebooks/: " + e.getMessage()));
            return;
        }
        say("notebooks: " + books.size() + " notebooks × " + rounds + " round(s), each in a fresh kernel (jupyter nbconvert --execute)");
        Path out;
        try {
            out = Files.createTempDirectory("primer-report-nb");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Map<Path, List<Double>> times = new HashMap<>();
        List<Double> totals = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            double total = 0;
            for (Path nb : books) {
                long t = System.nanoTime();
                Result r = exec(List.of(jupyter(), "nbconvert", "--to", "notebook", "--execute", "--ExecutePreprocessor.timeout=600",
                        "--output-dir", out.toString(), nb.toString()), env, Duration.ofMinutes(15));
                double s = (System.nanoTime() - t) / 1e9;
                total += s;
                if (r.code() == 0) times.computeIfAbsent(nb, k -> new ArrayList<>()).add(s * 1000);
                else say("  " + root.relativize(nb) + " failed (exit " + r.code() + "): " + lastLines(r.out()));
            }
            totals.add(total * 1000);
        }
        for (Path nb : books) {
            String name = root.resolve("notebooks").relativize(nb).toString();
            List<Double> t = times.get(nb);
            rows.add(t == null ? Row.missing("notebooks", name, "failed — see above")
                    : Row.of("notebooks", name, t, "ms", "kernel start included"));
        }
        rows.add(Row.of("notebooks", "the whole lesson set, one after another", totals, "ms", books.size() + " notebooks"));
    }

    // ---------------------------------------------------------------- the table

    /** The one table: group, benchmark, n, min, median, p90, unit, note. */
    public static String table(List<Row> rows) {
        int w = Math.max(40, rows.stream().mapToInt(r -> r.name().length()).max().orElse(40));
        StringBuilder b = new StringBuilder();
        String head = String.format(Locale.ROOT, "%-13s %-" + w + "s %4s %10s %10s %10s  %-9s  %s", "group", "benchmark", "n", "min",
                "median", "p90", "unit", "note");
        b.append(head).append('\n').append("-".repeat(head.length() + 10)).append('\n');
        String last = "";
        for (Row r : rows) {
            String g = r.group().equals(last) ? "" : r.group();
            last = r.group();
            Summary s = r.figures();
            if (s.n() == 0) {
                b.append(String.format(Locale.ROOT, "%-13s %-" + w + "s %4s %10s %10s %10s  %-9s  %s%n", g, r.name(), "–", "–", "–", "–", "", r.note()));
            } else {
                b.append(String.format(Locale.ROOT, "%-13s %-" + w + "s %4d %10.1f %10.1f %10.1f  %-9s  %s%n", g, r.name(), s.n(), s.min(),
                        s.median(), s.p90(), r.unit(), r.note()));
            }
        }
        b.append("Percentiles are nearest-rank. ms: lower is better; M chars/s and MB/s: higher is better (their p90 is the 90th "
                + "percentile of the rates, so the min is the slowest round).");
        return b.toString();
    }

    // ---------------------------------------------------------------- plumbing

    private static void say(String s) {
        System.out.println("[report] " + s + " (load average " + loadAverage() + ")");
        System.out.flush();
    }

    /** The machine's load average (1 / 5 / 15 min) from /proc/loadavg, or "unknown". */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " / " + f[1] + " / " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    record Result(int code, String out) {}

    static Result exec(List<String> cmd, Map<String, String> env, Duration timeout) {
        try {
            Path log = Files.createTempFile("primer-report", ".log");
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().putAll(env);
            Process p = pb.start();
            p.getOutputStream().close();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                return new Result(-1, "no answer within " + timeout.toSeconds() + " s");
            }
            String out = Files.readString(log, StandardCharsets.UTF_8);
            Files.deleteIfExists(log);
            return new Result(p.exitValue(), out);
        } catch (IOException e) {
            return new Result(-1, cmd.get(0) + " could not run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted");
        }
    }

    static Map<String, String> jupyterEnv(Path data) {
        if (data == null || !Files.isRegularFile(data.resolve("kernels/webrtc-primer/kernel.json"))) return null;
        Map<String, String> env = new HashMap<>();
        env.put("JUPYTER_DATA_DIR", data.toString());
        env.put("JUPYTER_PATH", data.toString());
        env.put("PYDEVD_DISABLE_FILE_VALIDATION", "1");
        return env;
    }

    static String python() {
        return Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
    }

    static String jupyter() {
        return Files.isExecutable(Path.of("/usr/bin/jupyter")) ? "/usr/bin/jupyter" : "jupyter";
    }

    static String nodeVersion() {
        Result r = exec(List.of("node", "--version"), Map.of(), Duration.ofSeconds(20));
        return r.code() == 0 ? r.out().strip() : "?";
    }

    static String firstLine(String s) {
        return s.lines().findFirst().orElse("");
    }

    private static String lastLines(String s) {
        List<String> l = s.lines().toList();
        return String.join(" | ", l.subList(Math.max(0, l.size() - 3), l.size()));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }

    private static String required(String option, String v) {
        if (v == null) throw new IllegalArgumentException(option + " needs a value");
        return v;
    }

    private static int positive(String option, String v) {
        required(option, v);
        try {
            int n = Integer.parseInt(v);
            if (n < 1) throw new IllegalArgumentException(option + " must be at least 1, got " + n);
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number, got '" + v + "'");
        }
    }
}

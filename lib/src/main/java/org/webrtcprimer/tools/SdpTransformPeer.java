package org.webrtcprimer.tools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * sdp-transform under Node.js as a server of rounds ({@code bench.js --serve}): it warms up,
 * then times one round of the same files for each request, so that its rounds fall between
 * the kit's. Every wait has a timeout; close() ends the process.
 */
final class SdpTransformPeer implements AutoCloseable {
    private final Process process;
    private final java.io.BufferedReader out;
    private final java.io.Writer in;
    final String parser;

    private SdpTransformPeer(Process process) {
        this.process = process;
        this.out = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.in = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        String ready = answer(Duration.ofSeconds(60), "the warm-up");
        this.parser = ready.replaceAll(".*\"parser\":\"([^\"]*)\".*", "$1");
    }

    /** Starts it; IllegalStateException with the reason when it cannot run here. */
    static SdpTransformPeer start(Path root, SdpBenchmark.Corpus c) {
        if (root == null || c.files() == null) throw new IllegalStateException("needs the checkout: run ./primer report or bench-sdp --root .");
        Path tool = root.resolve("tools/sdp-transform-bench");
        if (!Files.isDirectory(tool.resolve("node_modules/sdp-transform"))) {
            throw new IllegalStateException("not installed: cd tools/sdp-transform-bench && npm ci");
        }
        List<String> cmd = new ArrayList<>(List.of("node", tool.resolve("bench.js").toString(), "--serve", "--repeat", "" + SdpBenchmark.REPEAT));
        for (Path f : c.files()) cmd.add(f.toString());
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException("node could not run: " + e.getMessage());
        }
        try {
            return new SdpTransformPeer(p);
        } catch (IllegalStateException e) {
            p.destroyForcibly();
            throw e;
        }
    }

    /** One round: M chars/s by the clock, and its CPU time in µs (0 when it does not say). */
    double[] round() {
        try {
            in.write("round\n");
            in.flush();
        } catch (IOException e) {
            throw new IllegalStateException("node stopped: " + e.getMessage());
        }
        String a = answer(Duration.ofSeconds(60), "a round");
        double wall = Double.parseDouble(a.replaceAll(".*\"mcharsPerSecond\":([0-9.eE+-]+).*", "$1"));
        double cpu = a.contains("\"cpuMicros\":") ? Double.parseDouble(a.replaceAll(".*\"cpuMicros\":([0-9.eE+-]+).*", "$1")) : 0;
        return new double[]{wall, cpu};
    }

    /** The next JSON line it writes (other lines are skipped), within the timeout. */
    private String answer(Duration timeout, String what) {
        var f = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                for (String l; (l = out.readLine()) != null; ) if (l.startsWith("{")) return l;
                return null;
            } catch (IOException e) {
                return null;
            }
        });
        try {
            String l = f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (l == null) throw new IllegalStateException("node ended before " + what + " (exit " + exitCode() + ")");
            return l;
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("node did not finish " + what + " within " + timeout.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + what);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("node failed during " + what + ": " + e.getCause());
        }
    }

    private String exitCode() {
        try {
            return process.waitFor(2, TimeUnit.SECONDS) ? "" + process.exitValue() : "still running";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "?";
        }
    }

    @Override
    public void close() {
        try {
            in.close(); // end of its input ends it
            if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}

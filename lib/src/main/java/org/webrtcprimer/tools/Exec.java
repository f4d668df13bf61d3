package org.webrtcprimer.tools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The child processes the report's rows start (Node.js for sdp-transform, Python and Jupyter for
 * the kernel and the notebooks): each with a timeout, its output captured in a temporary file,
 * and a {@link Result} instead of an exception when it cannot run.
 */
final class Exec {
    private Exec() {}

    /** A finished child: its exit code (-1 when it did not start or did not end in time) and its output. */
    record Result(int code, String out) {
        /** The output's first line, for a row's note. */
        String firstLine() {
            return out.lines().findFirst().orElse("");
        }

        /** The output's last three lines joined by {@code |}, for a progress line. */
        String lastLines() {
            List<String> l = out.lines().toList();
            return String.join(" | ", l.subList(Math.max(0, l.size() - 3), l.size()));
        }
    }

    /** Runs {@code cmd} with {@code env} added to this process's environment, stdout and stderr together; killed after {@code timeout}. */
    static Result run(List<String> cmd, Map<String, String> env, Duration timeout) {
        try {
            Path log = Files.createTempFile("primer-report", ".log");
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().putAll(env);
            Process p = pb.start();
            p.getOutputStream().close();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                Files.deleteIfExists(log);
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

    /** The environment that points Jupyter at the kit's kernel installed under {@code data}, or null when it is not installed there. */
    static Map<String, String> jupyterEnv(Path data) {
        if (data == null || !Files.isRegularFile(data.resolve("kernels/webrtc-primer/kernel.json"))) return null;
        Map<String, String> env = new HashMap<>();
        env.put("JUPYTER_DATA_DIR", data.toString());
        env.put("JUPYTER_PATH", data.toString());
        env.put("PYDEVD_DISABLE_FILE_VALIDATION", "1");
        return env;
    }

    /** Debian's Python, which has Jupyter (the one first on PATH may not: kernels.md). */
    static String python() {
        return Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
    }

    static String jupyter() {
        return Files.isExecutable(Path.of("/usr/bin/jupyter")) ? "/usr/bin/jupyter" : "jupyter";
    }

    /** {@code node --version}, or "?" when Node.js does not answer. */
    static String nodeVersion() {
        Result r = run(List.of("node", "--version"), Map.of(), Duration.ofSeconds(20));
        return r.code() == 0 ? r.out().strip() : "?";
    }
}

package org.webrtcprimer.notebooks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a child process with its output in files, and a timeout that says what did not happen. */
final class Proc {
    private Proc() {}

    record Result(int exitCode, String stdout, String stderr, Path stdoutFile, Path stderrFile) {}

    static Result run(List<String> command, Map<String, String> env, Path logBase, Duration timeout, String what)
            throws IOException, InterruptedException {
        Files.createDirectories(logBase.getParent());
        Path out = Path.of(logBase + ".out.txt");
        Path err = Path.of(logBase + ".err.txt");
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            p.destroy(); // the Python scripts shut their kernel down on SIGTERM
            if (!p.waitFor(15, TimeUnit.SECONDS)) p.destroyForcibly();
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            throw new AssertionError(what + " did not finish within " + timeout.toSeconds() + " s; "
                    + "its output is in " + out + " and " + err + "\n" + tail(err));
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8), out, err);
    }

    static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }
}

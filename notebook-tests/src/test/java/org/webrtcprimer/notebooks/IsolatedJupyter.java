package org.webrtcprimer.notebooks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Jupyter of the tests' own under target/jupyter (target/jupyter-N in failsafe fork N): the kit's kernel is installed there by
 * {@code ./primer kernel}, and every child process sees only that data, config and runtime
 * directory, so the user's kernels and a parallel checkout's never collide with ours.
 */
final class IsolatedJupyter {
    private IsolatedJupyter() {}

    private static Map<String, String> env;

    static synchronized Map<String, String> env() throws Exception {
        if (env != null) return env;
        // one per failsafe fork (primer.fork is the fork's number), so two forks never install into one folder
        String fork = System.getProperty("primer.fork", "");
        Path base = Kit.target().resolve(fork.isBlank() ? "jupyter" : "jupyter-" + fork);
        Map<String, String> e = new LinkedHashMap<>();
        e.put("JUPYTER_DATA_DIR", base.resolve("data").toString());
        e.put("JUPYTER_PATH", base.resolve("data").toString());
        e.put("JUPYTER_CONFIG_DIR", base.resolve("config").toString());
        e.put("JUPYTER_RUNTIME_DIR", base.resolve("runtime").toString());
        e.put("PYDEVD_DISABLE_FILE_VALIDATION", "1");
        e.put("PYTHONUNBUFFERED", "1");
        // the lessons' check(...) results go to the tests' folder, never to the home of whoever runs them
        e.put("PRIMER_RESULTS", base.resolve("results.jsonl").toString());
        for (String dir : List.of("data", "config", "runtime")) Files.createDirectories(base.resolve(dir));

        Map<String, String> install = new LinkedHashMap<>(e);
        install.put("PRIMER_NO_BUILD", "1");  // the reactor has just built the jars
        install.put("PRIMER_KERNEL", "rapaio"); // the tests run the kit's own kernel
        Proc.Result r = Proc.run(List.of("bash", Kit.root().resolve("primer").toString(), "kernel",
                        "--kernel-dir", base.resolve("data").toString()),
                install, base.resolve("install"), Duration.ofSeconds(120), "./primer kernel");
        if (r.exitCode() != 0) {
            throw new AssertionError("./primer kernel failed (exit " + r.exitCode() + "):\n" + r.stdout() + r.stderr());
        }
        Path spec = base.resolve("data/kernels/webrtc-primer/kernel.json");
        if (!Files.isRegularFile(spec)) throw new AssertionError("./primer kernel did not write " + spec + "\n" + r.stdout());
        env = Map.copyOf(e);
        return env;
    }
}

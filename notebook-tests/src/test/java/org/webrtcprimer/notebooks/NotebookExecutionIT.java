package org.webrtcprimer.notebooks;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Executes every notebook (lessons, solutions, this module's own) in the kit's real kernel and
 * checks its outputs: no error output, no Java exception trace on stderr, and the expectations
 * the notebook declares in its metadata. Runs {@code primer.parallel} notebooks at a time.
 */
class NotebookExecutionIT {

    @TestFactory
    List<DynamicTest> everyNotebook() throws Exception {
        List<Path> notebooks = Kit.notebooks();
        assertFalse(notebooks.isEmpty(), "no notebooks found under " + Kit.root().resolve("notebooks") + " nor in the module's resources");
        IsolatedJupyter.env(); // install the kernel once, before the runs start
        int parallel = Math.max(1, Integer.getInteger("primer.parallel", 2));
        ExecutorService pool = Executors.newFixedThreadPool(parallel, r -> {
            Thread t = new Thread(r, "notebook-runner");
            t.setDaemon(true);
            return t;
        });
        // The longest first (the last run times in docs/lessons/runs.json): the pool's last minutes
        // then hold short notebooks side by side, not one long lesson alone.
        Map<Path, Future<Execution>> runs = new HashMap<>();
        for (Path nb : Kit.longestFirst(notebooks)) runs.put(nb, pool.submit(() -> Execution.run(nb)));
        List<DynamicTest> tests = new ArrayList<>();
        for (Path nb : notebooks) {
            Future<Execution> run = runs.get(nb);
            tests.add(DynamicTest.dynamicTest(Kit.name(nb), nb.toUri(), () -> {
                Execution e;
                try {
                    // every run has its own budget inside; this only guards against a stuck runner
                    e = run.get(30, TimeUnit.MINUTES);
                } catch (TimeoutException t) {
                    throw new AssertionError(Kit.name(nb) + " did not finish within 30 minutes (runner stuck)");
                } catch (java.util.concurrent.ExecutionException x) {
                    if (x.getCause() instanceof AssertionError a) throw a;
                    throw x;
                }
                List<String> failures = e.failures();
                System.out.println((failures.isEmpty() ? "[notebook] PASS " : "[notebook] FAIL ") + e.summary());
                if (!failures.isEmpty()) {
                    throw new AssertionError(failures.size() + " problem(s) in " + e.name() + " (executed copy: " + e.executed() + ")\n\n"
                            + String.join("\n\n", failures));
                }
            }));
        }
        pool.shutdown();
        return tests;
    }
}

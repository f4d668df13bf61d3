package org.webrtcprimer.notebooks;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The checks must fail where they should: a notebook that prints a stack trace, has a compile
 * error and misses every expectation is run in the real kernel, and each problem must be named
 * with its cell — the way a compile error and a printed trace actually look in rapaio's output.
 */
class CheckerSelfIT {

    @Test
    void aBrokenNotebookIsCaughtCellByCell() throws Exception {
        Execution e = Execution.run(Kit.resources().resolve("bad/checker-must-fail.ipynb"));
        assertEquals("error", e.status(), "nbclient should stop at the compile error");
        List<String> f = e.failures();
        String all = String.join("\n\n", f);
        String name = "notebook-tests/src/test/resources/bad/checker-must-fail.ipynb";
        assertTrue(f.stream().anyMatch(s -> s.startsWith(name + ", cell 2 (In [2]) printed a Java exception trace on stderr:")
                && s.contains("java.lang.IllegalArgumentException: printed, not thrown")), all);
        // rapaio reports a compile error as an error output named CompilerException, with an empty evalue
        assertTrue(f.stream().anyMatch(s -> s.startsWith(name + ", cell 3 (In [3]) raised CompilerException: ")
                && s.contains("Compile error") && s.contains("int x = ;")), all);
        assertTrue(f.contains(name + ": expected an HTML output containing \"never-there\" — none has it (2 HTML outputs)"), all);
        assertTrue(f.stream().anyMatch(s -> s.startsWith(name + ": expected a text output (text/plain or stream) containing \"not-there-either\"")), all);
        assertTrue(f.contains(name + ": expected at least 1 image(s), found 0"), all);
        assertTrue(f.contains(name + ": expected at least 1 table(s), found 0"), all);
        assertEquals(6, f.size(), all);
    }

    @Test
    void anUncaughtExceptionIsAnErrorOutput() throws Exception {
        // the own test notebook has a cell tagged raises-exception: its error is there, and allowed
        Execution e = Execution.run(Kit.resources().resolve("notebooks/notebook-layer.ipynb"));
        var cells = e.notebook().getAsJsonArray("cells");
        boolean found = false;
        for (var c : cells) {
            var cell = c.getAsJsonObject();
            if (!Checks.tags(cell).contains("raises-exception")) continue;
            var out = cell.getAsJsonArray("outputs").get(0).getAsJsonObject();
            assertEquals("error", out.get("output_type").getAsString());
            assertEquals("EvalException", out.get("ename").getAsString());
            assertEquals("this cell is meant to fail", out.get("evalue").getAsString());
            assertTrue(Outputs.plain(out.getAsJsonArray("traceback").get(0).getAsString())
                    .startsWith("java.lang.IllegalStateException: this cell is meant to fail"));
            found = true;
        }
        assertTrue(found, "the notebook lost its raises-exception cell");
        assertEquals(List.of(), e.failures());
    }
}

package org.webrtcprimer.notebooks;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The checks must fail where they should: a notebook that prints a stack trace, raises an
 * allowed error, has a compile error and misses every expectation runs in the real kernel, and
 * each problem must be named with its cell — in the shapes rapaio really gives them.
 */
class CheckerSelfIT {
    private static final String NAME = "notebook-tests/src/test/resources/bad/checker-must-fail.ipynb";
    private static Execution run;

    @BeforeAll
    static void execute() throws Exception {
        run = Execution.run(Kit.resources().resolve("bad/checker-must-fail.ipynb"));
    }

    @Test
    void eachProblemIsNamedWithItsCell() {
        assertEquals("error", run.status(), "nbclient should stop at the compile error");
        List<String> f = run.failures();
        String all = String.join("\n\n", f);
        assertTrue(f.stream().anyMatch(s -> s.startsWith(NAME + ", cell 2 (In [2]) printed a Java exception trace on stderr:")
                && s.contains("java.lang.IllegalArgumentException: printed, not thrown")), all);
        // rapaio reports a compile error as an error output named CompilerException, with an empty evalue
        assertTrue(f.stream().anyMatch(s -> s.startsWith(NAME + ", cell 4 (In [4]) raised CompilerException: ")
                && s.contains("Compile error") && s.contains("int x = ;")), all);
        assertTrue(f.contains(NAME + ": expected an HTML output containing \"never-there\" — none has it (2 HTML outputs)"), all);
        assertTrue(f.stream().anyMatch(s -> s.startsWith(NAME + ": expected a text output (text/plain or stream) containing \"not-there-either\"")), all);
        assertTrue(f.contains(NAME + ": expected at least 1 image(s), found 0"), all);
        assertTrue(f.contains(NAME + ": expected at least 1 table(s), found 0"), all);
        // printed on stderr by cell 2: stream outputs count as text
        assertTrue(f.stream().anyMatch(s -> s.startsWith(NAME + ": expected no text output containing \"printed, not thrown\" — found in:")
                && s.contains("java.lang.IllegalArgumentException: printed, not thrown")), all);
        assertEquals(7, f.size(), "cell 3 raises too, but is tagged raises-exception:\n" + all);
    }

    @Test
    void aWorkedAnswerThatIsNotRightFailsItsSolutionsNotebook() throws Exception {
        String name = "notebook-tests/src/test/resources/bad/solutions/wrong-answers-solutions.ipynb";
        Execution wrong = Execution.run(Kit.resources().resolve("bad/solutions/wrong-answers-solutions.ipynb"));
        List<String> f = wrong.failures();
        String all = String.join("\n\n", f);
        assertEquals(2, f.size(), all);
        assertTrue(f.get(0).startsWith(name + ", cell 3 (In [2]): the worked answer to exercise 00.1 is not right")
                && f.get(0).contains("Not answered yet"), all);
        assertTrue(f.get(1).startsWith(name + ", cell 4 (In [3]): the worked answer to exercise 00.1 is not right")
                && f.get(1).contains("Not yet"), all);
    }

    @Test
    void anUncaughtExceptionIsAnErrorOutput() {
        var cell = run.notebook().getAsJsonArray("cells").get(2).getAsJsonObject();
        assertEquals(List.of("raises-exception"), Checks.tags(cell));
        var out = cell.getAsJsonArray("outputs").get(0).getAsJsonObject();
        assertEquals("error", out.get("output_type").getAsString());
        assertEquals("EvalException", out.get("ename").getAsString());
        assertEquals("this cell is meant to fail", out.get("evalue").getAsString());
        assertTrue(Outputs.plain(out.getAsJsonArray("traceback").get(0).getAsString())
                .startsWith("java.lang.IllegalStateException: this cell is meant to fail"), out.toString());
    }
}

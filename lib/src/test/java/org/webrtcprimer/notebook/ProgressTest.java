package org.webrtcprimer.notebook;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProgressTest {

    @BeforeEach
    void fresh() {
        Notebook.reset();
    }

    @Test
    void manyStepsFewLines() throws Exception {
        String out = Capture.stdout(() -> {
            try (Progress p = Progress.start("calls", 1000)) {
                for (int i = 0; i < 1000; i++) p.step();
                assertEquals(1000, p.done());
            }
        });
        String[] lines = out.strip().split("\n");
        assertTrue(lines.length <= Progress.MAX_UPDATES + 2, "too many lines: " + lines.length + "\n" + out);
        assertTrue(lines.length >= 10, "expected regular updates, got:\n" + out);
        assertTrue(lines[0].startsWith("calls 0/1000 ("), lines[0]);
        assertTrue(lines[lines.length - 1].matches("calls 1000/1000 — done in \\d+\\.\\d s"), lines[lines.length - 1]);
    }

    @Test
    void fewStepsEachShown() throws Exception {
        String out = Capture.stdout(() -> {
            Progress p = Progress.start("frames", 3);
            p.step();
            p.step();
            p.finish();
            p.finish();
            p.step();
        });
        String[] lines = out.strip().split("\n");
        assertEquals(4, lines.length, out);
        assertTrue(lines[2].startsWith("frames 2/3 ("), out);
        assertTrue(lines[3].startsWith("frames 2/3 — stopped after "), out);
    }

    @Test
    void zeroAndNegative() throws Exception {
        String out = Capture.stdout(() -> Progress.start("", 0).finish());
        assertTrue(out.startsWith("0/0"), out);
        try {
            Progress.start("x", -1);
            throw new AssertionError("negative total accepted");
        } catch (IllegalArgumentException e) {
            assertEquals("total must be 0 or more, got -1", e.getMessage());
        }
    }
}

package org.webrtcprimer.notebook;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class LongRunTest {

    @Test
    void readsTheKernelsCellLimit() {
        assertEquals(300_000, LongRun.start("x", 5, Map.of("RJK_TIMEOUT_MILLIS", "300000")).limitMillis());
        assertEquals(1000, LongRun.start("x", 5, Map.of("IJAVA_TIMEOUT", "1000")).limitMillis());
        assertEquals(-1, LongRun.start("x", 5, Map.of("JJAVA_TIMEOUT", "-1")).limitMillis(), "-1 = no limit in IJava/JJava");
        assertEquals(-1, LongRun.start("x", 5, Map.of("RJK_TIMEOUT_MILLIS", "soon")).limitMillis());
        assertEquals(-1, LongRun.start("x", 5, Map.of()).limitMillis());
    }

    @Test
    void stopsWhenTheCellsTimeIsNearlyUp() throws Exception {
        LongRun run = LongRun.start("timing calls", 20, Map.of("RJK_TIMEOUT_MILLIS", "100"));
        run.check(0);
        Thread.sleep(120);
        var e = assertThrows(LongRun.RunStoppedException.class, () -> run.check(7));
        assertTrue(e.getMessage().contains("timing calls stopped after 7 of 20"), e.getMessage());
        assertTrue(e.getMessage().contains("RJK_TIMEOUT_MILLIS = 100 ms"), e.getMessage());
    }

    @Test
    void stopsWhenInterruptedAndKeepsTheFlag() {
        LongRun run = LongRun.start("soak", 500, Map.of());
        Thread.currentThread().interrupt();
        try {
            var e = assertThrows(LongRun.RunStoppedException.class, () -> run.check(42));
            assertTrue(e.getMessage().contains("after 42 of 500"), e.getMessage());
            assertTrue(e.getMessage().contains("Kernel > Interrupt"), e.getMessage());
            assertTrue(Thread.currentThread().isInterrupted(), "the interrupt flag is kept for the caller");
        } finally {
            Thread.interrupted();
        }
    }
}

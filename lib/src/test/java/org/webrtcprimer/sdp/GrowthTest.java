package org.webrtcprimer.sdp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.webrtcprimer.ice.Candidate;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Inputs that grow one way at a time parse correctly at every size. The time per character is
 * printed, not asserted (timings on a shared machine are noise); the fuzz run asserts it
 * ({@link GrowthRun}).
 */
class GrowthTest {

    @Test
    @Timeout(120)
    void everyShapeParsesAtEverySizeAndTheTimePerCharacterIsPrinted() {
        for (Growth.Shape s : Growth.shapes()) {
            for (int size : new int[]{2_000, 64_000}) {
                String input = s.make().apply(size);
                assertTrue(input.length() >= size, s.name());
                if (s.candidate()) {
                    if (s.name().contains("padded")) {
                        var e = assertThrows(IllegalArgumentException.class, () -> Candidate.parse(input));
                        assertTrue(e.getMessage().contains("extension"), e.getMessage());
                    } else {
                        assertTrue(Candidate.parse(input).extensions().containsKey("generation"), s.name());
                    }
                } else {
                    ParsedSdp p = Sdp.parse(input);
                    assertTrue(p.lines().size() >= 5, s.name());
                }
            }
        }
        List<Growth.Row> rows = Growth.measure(new int[]{4_000, 16_000, 64_000}, 3);
        System.out.println("[growth]\n" + Growth.table(rows));
        assertEquals(Growth.shapes().size(), rows.size());
    }
}

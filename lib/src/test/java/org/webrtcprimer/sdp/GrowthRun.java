package org.webrtcprimer.sdp;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fuzz run's linearity check: every shape from 8 K to 2 M characters (×250). Linear work
 * keeps the time per character flat; quadratic work would multiply it by about 250. The bound,
 * ×16, leaves room for what a 2 MB input costs beyond the parser (caches, a GC of large maps)
 * and for a busy machine. Runs with {@code -Pfuzz} only.
 */
@Tag("fuzz")
class GrowthRun {

    @Test
    void timePerCharacterStaysFlatFrom8KTo2M() {
        Growth.measure(new int[]{8_000, 64_000}, 3); // warm the JIT first
        List<Growth.Row> rows = Growth.measure(new int[]{8_000, 64_000, 512_000, 2_000_000}, 5);
        System.out.println("[growth]\n" + Growth.table(rows));
        Growth.Row worst = rows.stream().max(Comparator.comparingDouble(Growth.Row::growth)).orElseThrow();
        System.out.printf("[growth] worst: %s, %.1f ns/char at 2 M characters (×%.2f of 8 K)%n", worst.shape(),
                worst.nsPerChar()[worst.nsPerChar().length - 1], worst.growth());
        for (Growth.Row r : rows) assertTrue(r.growth() < 16, "slower than linear (quadratic would be ×250): " + r.line());
    }
}

package org.webrtcprimer.wire;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

/** The decoders' long fuzz run: 5 million inputs, one seeded stream (mvn -pl lib verify -Pfuzz). */
@Tag("fuzz")
class WireFuzzRun {

    @Test
    void fiveMillionDatagrams() {
        SplittableRandom r = new SplittableRandom(20261201L);
        long t0 = System.nanoTime();
        int n = Integer.getInteger("wire.fuzz", 5_000_000);
        for (int k = 0; k < n; k++) WireFuzz.check(WireFuzz.next(r));
        System.out.printf("[fuzz] wire decoders: %,d inputs × 7 decoders, no throw, %.1f s%n", n, (System.nanoTime() - t0) / 1e9);
    }
}

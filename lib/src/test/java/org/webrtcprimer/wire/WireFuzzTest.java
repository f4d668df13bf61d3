package org.webrtcprimer.wire;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.SplittableRandom;

/**
 * The decoders' short fuzz run (default tests): 3,000 mutated datagrams of every kind and random
 * bytes; no decoder may throw. The long run is {@link WireFuzzRun} ({@code -Pfuzz}).
 */
class WireFuzzTest {

    @Property(tries = 3_000)
    void decodersNeverThrow(@ForAll("datagrams") byte[] d) {
        WireFuzz.check(d);
    }

    @Provide
    Arbitrary<byte[]> datagrams() {
        return Arbitraries.randomValue(r -> WireFuzz.next(new SplittableRandom(r.nextLong())));
    }
}

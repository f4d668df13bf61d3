package org.webrtcprimer.sdp;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * The short fuzz run of the default tests: 20,000 mutated descriptions and 20,000 mutated
 * candidate lines. The SDP parser may throw only SdpParseException, Candidate.parse only
 * IllegalArgumentException. The 10-million-input run is {@link SdpFuzzRun} ({@code -Pfuzz}).
 */
class SdpFuzzTest {

    static final FuzzStats SDP = new FuzzStats("SDP (short run)");
    static final FuzzStats CANDIDATES = new FuzzStats("candidates (short run)");

    @Property(tries = 20_000)
    void sdpParserThrowsOnlyItsOwnError(@ForAll("sdpInputs") String text) {
        SDP.run(text, () -> FuzzTargets.sdp(text));
    }

    @Property(tries = 20_000)
    void candidateParserThrowsOnlyIllegalArgument(@ForAll("candidateInputs") String line) {
        CANDIDATES.run(line, () -> FuzzTargets.candidate(line));
    }

    @Provide
    Arbitrary<String> sdpInputs() {
        return sdpArbitrary();
    }

    @Provide
    Arbitrary<String> candidateInputs() {
        return candidateArbitrary();
    }

    static Arbitrary<String> sdpArbitrary() {
        Mutator m = new Mutator(FuzzTargets.sdpSeeds());
        return Arbitraries.frequencyOf(
                Tuple.of(19, Arbitraries.randomValue(m::next)),
                Tuple.of(1, Arbitraries.strings().ofMaxLength(300)));
    }

    static Arbitrary<String> candidateArbitrary() {
        Mutator m = new Mutator(FuzzTargets.candidateSeeds());
        return Arbitraries.frequencyOf(
                Tuple.of(19, Arbitraries.randomValue(m::next)),
                Tuple.of(1, Arbitraries.strings().ofMaxLength(120)));
    }

    @AfterContainer
    static void report() {
        System.out.println("[fuzz] " + SDP.summary());
        System.out.println("[fuzz] " + CANDIDATES.summary());
    }
}

package org.webrtcprimer.sdp;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * The long fuzz run: 10 million SDP inputs and 10 million candidate lines, with the same
 * generators and checks as {@link SdpFuzzTest}. Not part of the default tests; run it with
 * {@code mvn -B -o -pl lib verify -Pfuzz} .
 */
@Tag("fuzz")
class SdpFuzzRun {

    static final FuzzStats SDP = new FuzzStats("SDP");
    static final FuzzStats CANDIDATES = new FuzzStats("candidates");

    @Property(tries = 10_000_000)
    void sdpParserThrowsOnlyItsOwnError(@ForAll("sdpInputs") String text) {
        SDP.run(text, () -> FuzzTargets.sdp(text));
    }

    @Property(tries = 10_000_000)
    void candidateParserThrowsOnlyIllegalArgument(@ForAll("candidateInputs") String line) {
        CANDIDATES.run(line, () -> FuzzTargets.candidate(line));
    }

    @Provide
    Arbitrary<String> sdpInputs() {
        return SdpFuzzTest.sdpArbitrary();
    }

    @Provide
    Arbitrary<String> candidateInputs() {
        return SdpFuzzTest.candidateArbitrary();
    }

    @AfterContainer
    static void report() {
        System.out.println("[fuzz] " + SDP.summary());
        System.out.println("[fuzz] " + CANDIDATES.summary());
    }
}

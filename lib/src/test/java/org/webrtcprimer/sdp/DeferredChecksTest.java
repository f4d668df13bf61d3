package org.webrtcprimer.sdp;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A lenient parse checks each attribute's syntax only when its warnings are first read. Strict
 * mode still checks as it reads and stops at the first problem — so on any input the two must
 * agree: strict's error is lenient's first warning, and strict passes exactly when lenient warns
 * of nothing.
 */
class DeferredChecksTest {

    @Property(tries = 20_000)
    void strictsFirstProblemIsLenientsFirstWarning(@ForAll("sdpInputs") String text) {
        ParsedSdp lenient;
        try {
            lenient = Sdp.parse(text);
        } catch (SdpParseException notSdp) {
            return; // input that is not SDP at all is an error in both modes
        }
        List<SdpWarning> w = lenient.warnings();
        try {
            Sdp.parseStrict(text);
            assertTrue(w.isEmpty(), () -> "strict passed, lenient warned: " + w.get(0));
        } catch (SdpParseException e) {
            assertTrue(!w.isEmpty(), () -> "strict failed (line " + e.line() + ": " + e.problem() + "), lenient did not warn");
            assertEquals(e.line(), w.get(0).line(), () -> "strict: " + e.problem() + " | lenient: " + w.get(0));
            assertEquals(e.problem(), w.get(0).message());
        }
        assertEquals(w, lenient.warnings(), "reading the warnings again gives the same list");
    }

    @Provide
    Arbitrary<String> sdpInputs() {
        return SdpFuzzTest.sdpArbitrary();
    }
}

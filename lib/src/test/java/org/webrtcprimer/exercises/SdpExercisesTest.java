package org.webrtcprimer.exercises;

import org.junit.jupiter.api.Test;
import org.webrtcprimer.datasets.Datasets;
import org.webrtcprimer.sdp.Codec;
import org.webrtcprimer.sdp.ParsedSdp;
import org.webrtcprimer.sdp.Sdp;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The checks of lessons 04 and 07 on real SDPs: right answers pass, wrong ones get a reason and a
 * hint, and answers about "your offer" are checked against the offer passed, not a fixed number.
 */
class SdpExercisesTest {

    static ParsedSdp sdp(String path) {
        return Sdp.parse(Datasets.read(path));
    }

    static void right(String id, Object... answer) {
        Verdict v = Exercises.check(id, answer);
        assertEquals(Verdict.Outcome.RIGHT, v.outcome(), v.toText());
    }

    static Verdict wrong(String id, Object... answer) {
        Verdict v = Exercises.check(id, answer);
        assertEquals(Verdict.Outcome.WRONG, v.outcome(), v.toText());
        assertTrue(v.message().contains("Hint:"), v.message());
        return v;
    }

    @Test
    void payloadTypesAreCheckedAgainstTheOfferPassed() {
        for (String file : List.of("sdp/chromium-120-offer.sdp", "article/offer.sdp")) {
            ParsedSdp offer = sdp(file);
            List<Codec> video = offer.media().get(1).codecs();
            Codec vp9p2 = video.stream().filter(c -> c.name().equals("VP9") && "2".equals(c.parameters().get("profile-id"))).findFirst().orElseThrow();
            Codec vp8 = video.stream().filter(c -> c.name().equals("VP8")).findFirst().orElseThrow();
            right("04.1", vp9p2.payloadType(), offer);
            wrong("04.1", vp9p2.payloadType() + 1, offer);
            right("04.2", vp8.rtxPayloadType(), offer);
            assertTrue(wrong("04.2", vp8.payloadType(), offer).message().contains("VP8 itself"));
        }
        assertTrue(wrong("04.1", 100).message().contains("pass two things"), "without the offer the check says what to pass");
        assertEquals(Verdict.Outcome.UNANSWERED, Exercises.check("04.1", null, sdp("article/offer.sdp")).outcome());
    }

    @Test
    void theDtlsClientIsReadFromTheAnswersSetup() {
        ParsedSdp answer = sdp("article/answer.sdp");      // a=setup:active
        right("04.3", "pc2", answer);
        wrong("04.3", "pc1", answer);
        ParsedSdp passive = Sdp.parse(Datasets.read("article/answer.sdp").replace("a=setup:active", "a=setup:passive"));
        right("04.3", "pc1", passive);
        assertTrue(wrong("04.3", "pc2", sdp("article/offer.sdp")).message().contains("not an answer"));
    }

    @Test
    void janusRejectsOneAndIsacIsGone() {
        right("04.4", 1);
        wrong("04.4", 2);
        right("04.5", "ISAC", sdp("sdp/chromium-120-offer.sdp"));
        right("04.5", "isac/16000", sdp("sdp/chromium-120-offer.sdp"));
        assertTrue(wrong("04.5", "CN", sdp("sdp/chromium-120-offer.sdp")).message().contains("still in your offer"));
        assertTrue(wrong("04.5", "ISAC", sdp("article/offer.sdp")).message().contains("every audio codec"));
    }

    @Test
    void lesson07sFixedAnswers() {
        right("07.1", "CN");
        wrong("07.1", "PCMU");
        right("07.2", List.of("a=ice-pwd", "ice-ufrag"));
        assertTrue(wrong("07.2", List.of("a=ice-ufrag", "a=fingerprint")).message().contains("fingerprint"));
        right("07.5", 3, 2);
        wrong("07.5", 2, 2);
        assertTrue(wrong("07.5", 3).message().contains("two numbers"));
        right("07.6", "a=fingerprint");
        right("07.6", "fingerprint");
        wrong("07.6", "a=crypto");
    }

    @Test
    void aSendingOfferIsNotAReceiveOnlyOne() {
        assertTrue(wrong("07.3", sdp("sdp/chromium-120-offer.sdp")).message().contains("sendrecv, not recvonly"));
        assertTrue(wrong("07.3", Datasets.read("sdp/sip-pjsua-audio-offer.sdp").replace("a=sendrecv", "a=recvonly"))
                .message().contains("no video"));
        assertTrue(wrong("07.4", "a call").message().contains("pass the LocalCall"));
    }
}

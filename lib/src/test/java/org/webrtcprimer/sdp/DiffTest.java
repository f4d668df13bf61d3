package org.webrtcprimer.sdp;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Diff semantics on real offer/answer pairs, an ICE restart, and 2020 Chrome vs a modern offer. */
class DiffTest {

    static SdpDiff.Change find(SdpDiff d, String scopeStart, String key) {
        return d.changes().stream().filter(c -> c.scope().startsWith(scopeStart) && c.key().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError("no change " + key + " in " + scopeStart + ": " + d.toText()));
    }

    @Test
    void theArticleOfferAndAnswer() {
        ParsedSdp offer = Datasets.parse("../article/offer.sdp");
        ParsedSdp answer = Datasets.parse("../article/answer.sdp");
        SdpDiff d = Sdp.diff(offer, answer, "offer", "answer");
        assertTrue(d.offerAnswer());
        assertFalse(d.sameSession());
        assertFalse(d.iceRestart());
        SdpDiff.Change dir = find(d, "m=1 video", "direction");
        assertEquals("sendrecv", dir.before());
        assertEquals("recvonly", dir.after());
        assertTrue(dir.english().contains("only receive"), dir.english());
        SdpDiff.Change setup = find(d, "m=0 audio", "a=setup");
        assertEquals("actpass", setup.before());
        assertEquals("active", setup.after());
        assertTrue(setup.english().contains("DTLS client"));
        assertTrue(setup.reference().contains("RFC 8842"));
        SdpDiff.Change h264 = find(d, "m=1 video", "a=fmtp:124");
        assertTrue(h264.before().contains("profile-level-id=4d001f") && h264.after().contains("profile-level-id=4d0015"));
        assertEquals(SdpDiff.Kind.INFO, find(d, "m=0 audio", "a=ice-ufrag").kind());
        assertEquals(SdpDiff.Kind.REMOVED, find(d, "m=1 video", "a=ssrc").kind());
        assertTrue(d.changes(SdpDiff.Kind.ADDED).isEmpty());
        assertTrue(d.changes(c -> c.key().equals("codecs")).isEmpty(), "Chrome answered with every offered codec");
        assertTrue(d.toHtml().contains("primer-removed"));
    }

    @Test
    void rejectedSectionAndNarrowedCodecs() {
        // The article's answer, as an answerer that rejects video and only takes Opus and PCMU would write it.
        String a = Datasets.text("../article/answer.sdp")
                .replace("m=video 9 UDP/TLS/RTP/SAVPF", "m=video 0 UDP/TLS/RTP/SAVPF")
                .replace("m=audio 9 UDP/TLS/RTP/SAVPF 111 103 104 9 0 8 106 105 13 110 112 113 126", "m=audio 9 UDP/TLS/RTP/SAVPF 111 0");
        StringBuilder kept = new StringBuilder();
        for (String line : a.split("\r\n")) {
            if (line.matches("a=(rtpmap|fmtp|rtcp-fb):(103|104|9|8|106|105|13|110|112|113|126) .*")) continue;
            kept.append(line).append("\r\n");
        }
        SdpDiff d = Sdp.diff(Datasets.parse("../article/offer.sdp"), Sdp.parse(kept.toString()), "offer", "answer");
        SdpDiff.Change port = find(d, "m=1 video", "m= port");
        assertEquals("0", port.after());
        assertTrue(port.english().startsWith("Rejected"));
        assertTrue(port.reference().contains("RFC 3264 §6"));
        SdpDiff.Change codecs = find(d, "m=0 audio", "codecs");
        assertEquals(SdpDiff.Kind.REMOVED, codecs.kind());
        assertTrue(codecs.before().contains("ISAC/16000") && !codecs.before().contains("opus"), codecs.before());
        assertTrue(codecs.english().contains("both sides support"));
    }

    @Test
    void iceRestartIsDetected() {
        String before = Datasets.text("chromium-120-offer.sdp");
        String after = before.replace("o=- 7169721126327183323 3", "o=- 7169721126327183323 4")
                .replace("a=ice-ufrag:nWnq", "a=ice-ufrag:Zx9Q").replace("a=ice-pwd:DTdCVj00s9nGkNgWra0P30A2", "a=ice-pwd:k3JqUe0cC7p1lHsYwWm0Gx4B");
        SdpDiff d = Sdp.diff(Sdp.parse(before), Sdp.parse(after), "before restart", "after restart");
        assertTrue(d.sameSession());
        assertTrue(d.iceRestart());
        SdpDiff.Change o = find(d, "session", "o=");
        assertEquals("3", o.before());
        assertEquals("4", o.after());
        SdpDiff.Change u = find(d, "m=0 audio", "a=ice-ufrag");
        assertEquals(SdpDiff.Kind.CHANGED, u.kind());
        assertTrue(u.english().startsWith("ICE restart") && u.english().contains("pwd"), u.english());
        assertTrue(u.reference().contains("RFC 8839 §4.4.1.1.1"));
        assertTrue(d.changes(c -> c.key().equals("a=fingerprint")).isEmpty(), "same certificate");
        SdpDiff same = Sdp.diff(Sdp.parse(before), Sdp.parse(before));
        assertFalse(same.iceRestart());
        assertEquals(List.of(SdpDiff.Kind.INFO), same.changes().stream().map(SdpDiff.Change::kind).distinct().toList());
    }

    @Test
    void chrome2020VersusToday() {
        SdpDiff d = Sdp.diff(Datasets.parse("../article/offer.sdp"), Datasets.parse("chromium-120-offer.sdp"), "Chrome 2020", "Chromium 120");
        assertFalse(d.offerAnswer());
        SdpDiff.Change mixed = find(d, "session", "a=extmap-allow-mixed");
        assertEquals(SdpDiff.Kind.ADDED, mixed.kind());
        SdpDiff.Change legacy = find(d, "m=0 audio", "a=ssrc");
        assertTrue(legacy.before().contains("mslabel") && legacy.before().contains("label"));
        assertTrue(legacy.english().contains("Plan B"));
        SdpDiff.Change goneAudio = d.changes(c -> c.scope().startsWith("m=0") && c.key().equals("codecs") && c.kind() == SdpDiff.Kind.REMOVED).get(0);
        assertTrue(goneAudio.before().contains("ISAC/16000"));
        SdpDiff.Change newAudio = d.changes(c -> c.scope().startsWith("m=0") && c.key().equals("codecs") && c.kind() == SdpDiff.Kind.ADDED).get(0);
        assertTrue(newAudio.after().contains("red/48000/2"));
        SdpDiff.Change newVideo = d.changes(c -> c.scope().startsWith("m=1") && c.key().equals("codecs") && c.kind() == SdpDiff.Kind.ADDED).get(0);
        assertTrue(newVideo.after().contains("AV1/90000"));
        SdpDiff.Change renumbered = find(d, "m=1 video", "payload types");
        assertTrue(renumbered.after().contains("H264 125→106"), renumbered.after());
        assertTrue(d.changes(c -> c.key().equals("a=ssrc-group")).isEmpty(), "random SSRCs of two sessions are not a change");
    }

    @Test
    void sfuAnswerMatchedByMid() {
        ParsedSdp janus = Datasets.parse("janus-videoroom-answer.sdp");
        String offerText = janus.text().replace("m=video 0", "m=video 9").replace("a=setup:active", "a=setup:actpass")
                .replace("o=- 143087887 1561022767", "o=- 1 1").replace("a=recvonly", "a=sendonly").replace("a=inactive", "a=sendonly")
                .replace("a=group:BUNDLE audio", "a=group:BUNDLE video audio");
        SdpDiff d = Sdp.diff(Sdp.parse(offerText), janus, "offer", "Janus answer");
        assertTrue(d.offerAnswer());
        assertEquals("0", find(d, "m=0 video", "m= port").after());
        assertEquals("recvonly", find(d, "m=1 audio", "direction").after());
        assertEquals("video audio", find(d, "session", "a=group:BUNDLE").before());
    }
}

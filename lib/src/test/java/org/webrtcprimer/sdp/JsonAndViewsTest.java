package org.webrtcprimer.sdp;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class JsonAndViewsTest {

    static List<String> names() {
        return Datasets.names();
    }

    @ParameterizedTest
    @MethodSource("names")
    void jsonRoundTrip(String name) {
        ParsedSdp s = Datasets.parse(name);
        String json = s.toJson();
        ParsedSdp back = Sdp.fromJson(json);
        assertEquals(s.origin(), back.origin());
        assertEquals(s.sessionName(), back.sessionName());
        assertEquals(s.timings(), back.timings());
        assertEquals(s.attributes(), back.attributes());
        assertEquals(s.media(), back.media());
        assertEquals(s.lines(), back.lines());
        assertEquals(s.warnings(), back.warnings());
        assertEquals(s, back);
        assertEquals(s.text(), back.text());
        JsonObject o = JsonParser.parseString(json).getAsJsonObject();
        JsonObject m0 = o.getAsJsonArray("media").get(0).getAsJsonObject();
        assertEquals(s.media().get(0).direction().sdp(), m0.get("direction").getAsString());
        assertEquals(s.media().get(0).codecs().size(), m0.getAsJsonArray("codecs").size());
    }

    @Test
    void jsonCarriesCandidatesWithDecomposedPriorityAndKeepsBigNumbersExact() {
        ParsedSdp s = Datasets.parse("janus-videoroom-answer.sdp");
        JsonObject c = JsonParser.parseString(s.toJson()).getAsJsonObject().getAsJsonArray("media").get(1).getAsJsonObject()
                .getAsJsonArray("candidates").get(0).getAsJsonObject();
        assertEquals(2013266431L, c.get("priority").getAsLong());
        assertEquals(120, c.get("typePreference").getAsLong());
        assertEquals(1, c.get("componentFromPriority").getAsInt());
        ParsedSdp big = Sdp.parse("v=0\no=- 18446744073709551615 1 IN IP4 0.0.0.0\ns=-\nt=0 0\nm=audio 9 RTP/AVP 0\nc=IN IP4 0.0.0.0\na=ssrc:4294967295 cname:a\n");
        ParsedSdp back = Sdp.fromJson(big.toJson());
        assertEquals("18446744073709551615", back.origin().sessionId());
        assertEquals(4294967295L, back.media().get(0).ssrcs().get(0).ssrc());
    }

    @Test
    void dissectionAnswersTheLessonQuestions() {
        Dissection d = Datasets.parse("chromium-120-offer.sdp").dissect();
        Dissection.CodecTable video = d.codecTable(1);
        assertEquals(100, video.named("VP9").stream().filter(c -> "2".equals(c.parameters().get("profile-id"))).findFirst().orElseThrow().payloadType());
        assertEquals(2, d.codecTables().size());
        Dissection.Row setup = d.rows().stream().filter(r -> r.key().equals("a=setup")).findFirst().orElseThrow();
        assertEquals("actpass", setup.fields().get("role"));
        assertTrue(setup.english().contains("answerer"));
        assertTrue(setup.chinese().contains("DTLS"));
        Dissection ice = d.only(SdpGroup.ICE);
        assertTrue(ice.rows().stream().allMatch(r -> r.group() == SdpGroup.ICE));
        assertEquals(6, ice.rows().size());
        assertTrue(ice.codecTables().isEmpty());
        Dissection.Row m = d.row(8);
        assertEquals("m=", m.key());
        assertEquals("9", m.fields().get("port"));
        assertTrue(m.english().contains("discard"));
        Dissection.Row rtpmap = d.rows().stream().filter(r -> r.value().equals("a=rtpmap:111 opus/48000/2")).findFirst().orElseThrow();
        assertEquals(SdpGroup.CODECS, rtpmap.group());
        assertEquals("111", rtpmap.fields().get("payload type"));
        assertTrue(rtpmap.english().startsWith("Payload type 111 is opus"));
        assertTrue(rtpmap.chinese().contains("负载类型 111"));
        assertTrue(rtpmap.reference().startsWith("RFC 8866 §6.6"));
        Dissection.Row h264 = d.rows().stream().filter(r -> r.value().startsWith("a=fmtp:106 ")).findFirst().orElseThrow();
        assertTrue(h264.english().contains("Constrained Baseline profile, level 3.1"), h264.english());
        // Who is the DTLS client after the article's answer?
        Dissection.Row answerSetup = Datasets.parse("../article/answer.sdp").dissect().rows().stream()
                .filter(r -> r.key().equals("a=setup")).findFirst().orElseThrow();
        assertTrue(answerSetup.english().contains("DTLS client"));
    }

    @Test
    void candidateRowsDecomposeThePriority() {
        Dissection.Row c = Datasets.parse("gateway-icelite-audio.sdp").dissect().rows().stream()
                .filter(r -> r.key().equals("a=candidate")).findFirst().orElseThrow();
        assertEquals("0", c.fields().get("type preference"));
        assertEquals("2574", c.fields().get("local preference"));
        assertEquals("64", c.fields().get("component (from priority)"));
        assertTrue(c.english().contains("659136 = 0·2^24 + 2574·2^8 + (256 − 64)"), c.english());
        assertTrue(c.english().contains("does not use the formula RFC 8445 recommends"), c.english());
        Dissection.Row rfc = Datasets.parse("../article/offer.sdp").dissect().rows().get(0);
        assertNotNull(rfc);
    }

    @Test
    void htmlIsEscapedAndScoped() {
        ParsedSdp s = Sdp.parse("v=0\no=- 1 1 IN IP4 0.0.0.0\ns=<script>alert('x')</script>\nt=0 0\nm=audio 9 RTP/AVP 0\nc=IN IP4 0.0.0.0\na=x-evil:\"><img src=x onerror=alert(1)>\n");
        String html = s.dissect().toHtml();
        assertFalse(html.contains("<script>"));
        assertFalse(html.contains("<img"));
        assertTrue(html.contains("&lt;script&gt;"));
        assertTrue(html.startsWith("<div class=\"primer-sdp\">"));
        for (String rule : org.webrtcprimer.notebook.Style.SDP_CSS.split("\n")) {
            String r = rule.strip();
            if (r.isEmpty() || r.startsWith("<")) continue;
            assertTrue(r.startsWith(".primer-sdp"), "CSS rule not scoped: " + r);
        }
        String diff = Sdp.diff(s, Datasets.parse("sip-pjsua-audio-offer.sdp")).toHtml();
        assertFalse(diff.contains("<script>"));
        assertTrue(s.dissect().toText().contains("<script>"), "plain text is not escaped");
    }

    @Test
    void toStringIsShortAndUseful() {
        ParsedSdp s = Datasets.parse("janus-videoroom-answer.sdp");
        assertEquals("SDP (23 lines, LF) o=- 143087887 1561022767 IN IP4 192.168.84.254, 2 m-sections [video:video inactive rejected, audio:audio recvonly], BUNDLE audio, 1 warning",
                s.toString());
        assertTrue(s.media().get(0).toString().contains("REJECTED"));
    }
}

package org.webrtcprimer.sdp;

import org.junit.jupiter.api.Test;
import org.webrtcprimer.call.SessionDescription;
import org.webrtcprimer.call.StartBitrate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The lessons' views of real SDPs: the side-by-side overview, folded and filtered dissections, diff notes. */
class OverviewAndViewsTest {

    static SdpOverview overviewOfTheCorpus() {
        Map<String, ParsedSdp> m = new LinkedHashMap<>();
        for (String name : Datasets.names()) m.put(name, Datasets.parse(name));
        return Sdp.overview(m);
    }

    @Test
    void theOverviewSaysWhatEachRealSdpIs() {
        SdpOverview o = overviewOfTheCorpus();
        SdpOverview.Row janus = o.row("janus-videoroom-answer.sdp");
        assertEquals("video rejected (port 0) · audio recvonly", janus.media());
        assertEquals("BUNDLE audio", janus.bundle());
        assertEquals("trickle · 1 candidate", janus.ice());
        assertEquals("DTLS-SRTP (setup active)", janus.security());
        assertTrue(janus.notes().contains("rejects 1 m-section"), janus.notes());

        SdpOverview.Row sip = o.row("sip-pjsua-audio-offer.sdp");
        assertEquals("no ICE", sip.ice());
        assertEquals("none (plain RTP)", sip.security());
        assertEquals("PCMU", sip.codecs(), "static payload type 0, named from RFC 3551");
        assertEquals("no BUNDLE", sip.bundle());

        SdpOverview.Row planB = o.row("chrome-planb-sdes.sdp");
        assertTrue(planB.security().startsWith("SDES"), planB.security());
        assertTrue(planB.ice().startsWith("google-ice"), planB.ice());
        assertTrue(planB.notes().contains("Plan B"), planB.notes());

        SdpOverview.Row article = o.row("../article/offer.sdp");
        assertFalse(article.notes().contains("Plan B"), "the article's offer is Unified Plan: " + article.notes());
        assertTrue(article.notes().contains("mslabel"), article.notes());

        assertTrue(o.row("safari-26-offer-datachannel.sdp").notes().contains("data channel"));
        assertEquals("opus · H264", o.row("safari-26-offer-datachannel.sdp").codecs());
        assertTrue(o.row("firefox-152-simulcast-offer.sdp").notes().contains("simulcast, 3 layers"));
        assertTrue(o.row("gateway-icelite-audio.sdp").ice().startsWith("ice-lite"));

        String html = o.toHtml();
        assertTrue(html.contains("SDPs side by side") && html.contains("<table"), html);
        assertTrue(o.toText().contains("janus-videoroom-answer.sdp"));
    }

    @Test
    void aFoldedDissectionKeepsEveryLineButOpensNoSection() {
        Dissection d = Datasets.parse("firefox-121-offer.sdp").dissect();
        Dissection folded = d.collapsed();
        assertEquals(d.rows(), folded.rows());
        assertTrue(d.toHtml().contains("<details class=\"primer-section\" open>"));
        assertFalse(folded.toHtml().contains(" open>"), "every section folded");
        assertEquals(3, folded.toHtml().split("<details class=\"primer-section\"", -1).length - 1, "session and two m-sections");
        assertFalse(d.only(SdpGroup.ICE).collapsed().toHtml().contains(" open>"));
    }

    @Test
    void aFilteredDissectionLeavesTheCodecTablesOut() {
        Dissection d = Datasets.parse("chromium-120-offer.sdp").dissect();
        Dissection vp8 = d.filter(r -> r.value().startsWith("a=rtpmap:96 "));
        assertEquals(1, vp8.rows().size());
        assertTrue(vp8.codecTables().isEmpty());
        String table = "<table class=\"primer-table primer-codecs\"";
        assertFalse(vp8.toHtml().contains(table));
        assertTrue(d.only(SdpGroup.CODECS).toHtml().contains(table), "only(CODECS) shows them");
        assertTrue(d.codecTable(1).toHtml().contains(table));
    }

    @Test
    void cellsAreLeftAlignedWhateverTheNotebookStylesheetSays() {
        // Jupyter's classic stylesheet right-aligns every td of rendered HTML.
        String html = Datasets.parse("sip-pjsua-audio-offer.sdp").dissect().toHtml();
        assertTrue(html.contains(".primer-sdp table.primer-table td{text-align:left"), "scoped left alignment");
    }

    @Test
    void theStartBitrateEditIsExplainedWithoutTheH264Reference() {
        String answer = Datasets.text("../article/answer.sdp");
        ParsedSdp before = Sdp.parse(answer);
        ParsedSdp after = Sdp.parse(StartBitrate.apply(SessionDescription.answer(answer), 1000).sdp());
        SdpDiff.Change c = Sdp.diff(before, after).changes().stream().filter(x -> x.key().equals("a=fmtp:96")).findFirst().orElseThrow();
        assertEquals("x-google-start-bitrate=1000", c.after());
        assertTrue(c.english().contains("libwebrtc's own parameter"), c.english());
        assertEquals("RFC 8866 §6.15", c.reference(), "VP8 is not H.264");
        Dissection.Row row = after.dissect().rows().stream().filter(r -> r.value().contains("x-google-start-bitrate")).findFirst().orElseThrow();
        assertTrue(row.english().contains("start bitrate in kbps"), row.english());
    }

    @Test
    void vp9AndH264ProfilesOfAReceiveOnlyOfferAreNamed() {
        ParsedSdp p = Sdp.parse("v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=video 9 UDP/TLS/RTP/SAVPF 35 41\r\n"
                + "a=rtpmap:35 VP9/90000\r\na=fmtp:35 profile-id=1\r\na=rtpmap:41 H264/90000\r\n"
                + "a=fmtp:41 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=f4001f\r\n");
        List<Dissection.Row> fmtp = p.dissect().rows().stream().filter(r -> r.key().equals("a=fmtp")).toList();
        assertTrue(fmtp.get(0).english().contains("VP9 profile 1 (8-bit, 4:2:2 or 4:4:4)"), fmtp.get(0).english());
        assertTrue(fmtp.get(1).english().contains("High 4:4:4 Predictive"), fmtp.get(1).english());
    }
}

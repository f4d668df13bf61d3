package org.webrtcprimer.sdp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** Megabytes and thousands of m= lines: correct results (time is only bounded by a generous timeout against hangs). */
class BigInputTest {

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void thousandsOfMediaSections() {
        String chromeVideo = Datasets.text("chromium-120-offer.sdp");
        String section = chromeVideo.substring(chromeVideo.indexOf("m=video"));
        StringBuilder b = new StringBuilder(chromeVideo.substring(0, chromeVideo.indexOf("m=audio")).replace("a=group:BUNDLE 0 1\n", ""));
        int n = 1200;
        for (int i = 0; i < n; i++) b.append(section.replace("a=mid:1\n", "a=mid:" + i + "\n"));
        String text = b.toString();
        assertTrue(text.length() > 4_000_000, "input is " + text.length() + " characters");
        ParsedSdp s = Sdp.parse(text);
        assertTrue(s.warnings().isEmpty(), () -> s.warnings().subList(0, Math.min(5, s.warnings().size())).toString());
        assertEquals(n, s.media().size());
        assertEquals(String.valueOf(n - 1), s.media().get(n - 1).mid());
        assertEquals(23, s.media().get(n - 1).codecs().size());
        IllegalArgumentException big = assertThrows(IllegalArgumentException.class, s::dissect, "over 1 MiB: refused up front");
        assertTrue(big.getMessage().contains("a dissection explains at most 1,048,576 (1 MiB)"), big.getMessage());
        assertEquals(n, Sdp.fromJson(s.toJson()).media().size());
        assertTrue(Sdp.diff(s, s).changes(SdpDiff.Kind.CHANGED).isEmpty());
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void tenThousandBareMediaLines() {
        StringBuilder b = new StringBuilder("v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 0.0.0.0\r\nt=0 0\r\n");
        for (int i = 0; i < 10_000; i++) b.append("m=audio ").append(10_000 + i % 50_000).append(" RTP/AVP 0\r\n");
        ParsedSdp s = Sdp.parseStrict(b.toString());
        assertEquals(10_000, s.media().size());
        assertEquals(19_999, s.media().get(9_999).port());
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void oneHugeLineAndMillionsOfBadLinesStayBounded() {
        String huge = "v=0\no=- 1 1 IN IP4 127.0.0.1\ns=-\nt=0 0\na=x-blob:" + "A".repeat(5_000_000) + "\n";
        ParsedSdp s = Sdp.parse(huge);
        assertEquals(5_000_000, s.value("x-blob").length());
        assertTrue(s.warnings().isEmpty());
        StringBuilder bad = new StringBuilder("v=0\n");
        for (int i = 0; i < 300_000; i++) bad.append("garbage line ").append(i).append('\n');
        ParsedSdp g = Sdp.parse(bad.toString());
        assertEquals(SdpParser.MAX_WARNINGS + 1, g.warnings().size(), "warnings are capped, then counted");
        assertTrue(g.warnings().get(SdpParser.MAX_WARNINGS).message().contains("more problems"));
        SdpParseException e = assertThrows(SdpParseException.class, () -> Sdp.parseStrict(bad.toString()));
        assertEquals(2, e.line());
    }

    /** Within the limit, repeats are folded and what is shown is bounded; every row is still there. */
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void dissectionsFoldRepeatsAndBoundWhatTheyShow() {
        String chrome = Datasets.text("chromium-120-offer.sdp");
        String video = chrome.substring(chrome.indexOf("m=video"));
        StringBuilder b = new StringBuilder(chrome);
        for (int i = 0; i < 40; i++) b.append(video);
        ParsedSdp s = Sdp.parse(b.toString());
        Dissection d = s.dissect();
        assertEquals(s.lines().size(), d.rows().size());
        assertEquals(42, d.codecTables().size());
        String text = d.toText(), html = d.toHtml();
        assertTrue(text.contains("m-sections 2–41 (40 sections, lines "), text.substring(0, Math.min(text.length(), 500)));
        assertTrue(text.contains("each have the same lines as m=1 video (mid 1): not repeated here"));
        assertTrue(html.contains("each have the same lines as m=1 video (mid 1)"));
        assertTrue(text.length() < 3 * Sdp.parse(chrome).dissect().toText().length(), "folded: " + text.length() + " characters");
        // 60,000 bare lines: 5,000 shown, the rest counted
        StringBuilder bare = new StringBuilder("v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 0.0.0.0\r\nt=0 0\r\n");
        for (int i = 0; i < 60_000; i++) bare.append("a=x-").append(i).append("\r\n");
        Dissection many = Sdp.parse(bare.toString()).dissect();
        assertEquals(60_005, many.rows().size());
        String t = many.toText();
        assertTrue(t.contains("… 55,005 more lines (from line 5001) not shown: a dissection shows 5,000 lines in 1,000 sections at most"), t.substring(t.length() - 300));
        assertTrue(many.toHtml().length() < 5_000_000);
        assertEquals("a=x-59999", many.rows().get(60_004).value(), "rows() has every line");
    }
}

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
        Dissection d = s.dissect();
        assertEquals(s.lines().size(), d.rows().size());
        assertEquals(n, d.codecTables().size());
        assertTrue(d.toHtml().length() > text.length());
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
}

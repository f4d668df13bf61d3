package org.webrtcprimer.sdp;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** SDP munging on real SDPs: what goes, what stays byte for byte, and clear errors. */
class SdpEditTest {

    static List<String> lines(String sdp) {
        return sdp.lines().toList();
    }

    @Test
    void removingVp8TakesItsPayloadTypeItsLinesAndItsRtxAndNothingElse() {
        String before = Datasets.text("chromium-120-offer.sdp");
        ParsedSdp b = Sdp.parse(before);
        MediaSection video = b.media().get(1);
        Codec vp8 = video.codecs().stream().filter(c -> c.name().equals("VP8")).findFirst().orElseThrow();
        int rtx = vp8.rtxPayloadType();

        String after = SdpEdit.removeCodec(before, "vp8");   // names are case-insensitive
        ParsedSdp a = Sdp.parse(after);
        assertTrue(a.warnings().isEmpty(), a.warnings().toString());

        List<String> formats = new ArrayList<>(video.formats());
        formats.remove(String.valueOf(vp8.payloadType()));
        formats.remove(String.valueOf(rtx));
        assertEquals(formats, a.media().get(1).formats());
        assertEquals(b.media().get(0).formats(), a.media().get(0).formats(), "audio untouched");

        // every removed line is about payload type 96 or its rtx; every other line is kept, in order
        List<String> removed = new ArrayList<>(lines(before));
        List<String> kept = lines(after);
        for (String l : kept) if (!l.startsWith("m=video")) assertTrue(removed.remove(l), "unexpected line " + l);
        removed.removeIf(l -> l.startsWith("m=video"));
        assertFalse(removed.isEmpty());
        for (String l : removed) {
            assertTrue(l.matches("a=(rtpmap|fmtp|rtcp-fb):(" + vp8.payloadType() + "|" + rtx + ") .*"), l);
        }
        assertEquals(before.contains("\r\n"), after.contains("\r\n"), "line endings kept");
        assertNotEquals("VP8", a.media().get(1).codecs().get(0).name());
    }

    @Test
    void removingOpusAlsoRemovesTheRedThatOnlyRepeatsOpus() {
        String before = Datasets.text("chromium-120-offer.sdp");
        ParsedSdp a = Sdp.parse(SdpEdit.removeCodec(before, "opus"));
        List<String> names = a.media().get(0).codecs().stream().map(Codec::name).toList();
        assertFalse(names.contains("opus"), names.toString());
        assertFalse(names.contains("red"), "red 111/111 repairs nothing any more: " + names);
        assertTrue(names.contains("PCMU"), names.toString());
    }

    @Test
    void crlfStaysCrlf() {
        String before = Datasets.text("../article/offer.sdp");
        String after = SdpEdit.removeCodec(before, "ISAC");
        assertTrue(after.endsWith("\r\n"));
        assertFalse(after.replace("\r\n", "").contains("\n"), "no bare LF");
        assertEquals("CRLF", Sdp.parse(after).lineEnding());
        assertFalse(after.contains("ISAC"));
    }

    @Test
    void anUnknownCodecIsAnErrorThatListsTheCodecs() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SdpEdit.removeCodec(Datasets.text("firefox-121-offer.sdp"), "H265"));
        assertTrue(e.getMessage().contains("no codec named 'H265'"), e.getMessage());
        assertTrue(e.getMessage().contains("opus") && e.getMessage().contains("VP8"), e.getMessage());
    }

    @Test
    void setDirectionReplacesTheDirectionOfOneSectionOnly() {
        String before = Datasets.text("firefox-121-offer.sdp");
        ParsedSdp a = Sdp.parse(SdpEdit.setDirection(before, "1", "inactive"));
        assertEquals(Direction.SENDRECV, a.media().get(0).direction());
        assertEquals(Direction.INACTIVE, a.media().get(1).direction());
        assertEquals(lines(before).size(), a.lines().size());
        assertEquals(1, a.media().get(1).attributes().stream().filter(x -> Direction.of(x.name()) != null).count());
    }

    @Test
    void setDirectionAddsOneAfterTheMidWhenTheSectionHadNone() {
        String before = Datasets.text("chromium-120-offer.sdp").replace("a=sendrecv\n", "");
        assertEquals(Direction.SENDRECV, Sdp.parse(before).media().get(1).direction(), "sendrecv is the default");
        String after = SdpEdit.setDirection(before, "1", "recvonly");
        List<String> l = lines(after);
        assertEquals("a=recvonly", l.get(l.indexOf("a=mid:1") + 1));
        assertEquals(Direction.RECVONLY, Sdp.parse(after).media().get(1).direction());
        assertEquals(Direction.SENDRECV, Sdp.parse(after).media().get(0).direction());
    }

    @Test
    void badMidsAndDirectionsAreClearErrors() {
        String sdp = Datasets.text("firefox-121-offer.sdp");
        IllegalArgumentException mid = assertThrows(IllegalArgumentException.class, () -> SdpEdit.setDirection(sdp, "7", "recvonly"));
        assertTrue(mid.getMessage().contains("no m-section has a=mid:7") && mid.getMessage().contains("0, 1"), mid.getMessage());
        IllegalArgumentException dir = assertThrows(IllegalArgumentException.class, () -> SdpEdit.setDirection(sdp, "1", "both"));
        assertTrue(dir.getMessage().contains("sendrecv, sendonly, recvonly or inactive"), dir.getMessage());
    }
}

package org.webrtcprimer.sdp;

import org.junit.jupiter.api.Test;
import org.webrtcprimer.datasets.Datasets;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * RFC 3551 §6 gives each static payload type to audio or to video: the codec table names a
 * static type by its codec only in a section of that kind (PT 0 in a rejected video section is
 * a placeholder, not PCMU).
 */
class StaticPayloadTypeTest {

    private static List<Codec> codecs(String mLine) {
        return Sdp.parse("v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\n" + mLine + "\r\n").media().get(0).codecs();
    }

    @Test
    void pt0InTheRejectedVideoSectionOfJanusIsNotPcmu() {
        ParsedSdp janus = Sdp.parse(Datasets.read("sdp/janus-videoroom-answer.sdp"));
        MediaSection video = janus.media().get(0);
        assertTrue(video.isRejected());
        Codec pt0 = video.codecs().get(0);
        assertEquals(0, pt0.payloadType());
        assertEquals("PT 0 (static audio type; section rejected)", pt0.name());
        assertFalse(pt0.staticType(), "not a static codec of this section");
        assertEquals(0, pt0.clockRate());
        String table = janus.dissect().codecTable(0).toText();
        assertTrue(table.contains("PT 0 (static audio type; section rejected)"), table);
        assertFalse(table.contains("PCMU"), table);
        assertFalse(janus.dissect().codecTable(0).toHtml().contains("PCMU"));
    }

    @Test
    void staticTypesKeepTheirNamesInASectionOfTheirKind() {
        List<Codec> audio = codecs("m=audio 4000 RTP/AVP 0 8 26");
        assertEquals("PCMU", audio.get(0).name());
        assertTrue(audio.get(0).staticType());
        assertEquals(8000, audio.get(0).clockRate());
        assertEquals("PCMA", audio.get(1).name());
        assertEquals("PT 26 (static video type; no codec in an audio section)", audio.get(2).name());

        List<Codec> video = codecs("m=video 5000 RTP/AVP 26 34 0 33");
        assertEquals(List.of("JPEG", "H263"), video.subList(0, 2).stream().map(Codec::name).toList());
        assertEquals("PT 0 (static audio type; no codec in a video section)", video.get(2).name());
        assertEquals("MP2T", video.get(3).name(), "MP2T is audio/video in RFC 3551 Table 5");
        assertEquals("MP2T", codecs("m=audio 4000 RTP/AVP 33").get(0).name());
        // a rejected audio section keeps the static name: the table's kind matches
        assertEquals("PCMU", codecs("m=audio 0 RTP/AVP 0").get(0).name());
    }
}

package org.webrtcprimer.sdp;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A direction attribute at session level applies to every media section without its own
 * (RFC 8866 §6.7). It used to be ignored: the sections said sendrecv in the model, the JSON, the
 * dissection's headers (beside a row explaining the session-level line), the overview and the diff.
 */
class SessionDirectionTest {

    static final String SDP = String.join("\r\n",
            "v=0", "o=- 1 2 IN IP4 127.0.0.1", "s=-", "t=0 0", "a=recvonly",
            "m=audio 9 UDP/TLS/RTP/SAVPF 111", "c=IN IP4 0.0.0.0", "a=mid:0", "a=rtpmap:111 opus/48000/2",
            "m=video 9 UDP/TLS/RTP/SAVPF 96", "c=IN IP4 0.0.0.0", "a=mid:1", "a=sendonly", "a=rtpmap:96 VP8/90000", "");

    @Test
    void aSessionLevelDirectionAppliesToSectionsWithoutTheirOwn() {
        ParsedSdp sdp = Sdp.parse(SDP);
        assertEquals(Direction.RECVONLY, sdp.media().get(0).direction(), "inherited from the session");
        assertNull(sdp.media().get(0).ownDirection());
        assertEquals(Direction.SENDONLY, sdp.media().get(1).direction(), "its own wins");

        String json = sdp.toJson();
        assertTrue(json.replace(" ", "").contains("\"direction\":\"recvonly\""), json);
        assertFalse(json.replace(" ", "").contains("\"direction\":\"sendrecv\""), json);
        assertEquals(Direction.RECVONLY, Sdp.fromJson(json).media().get(0).direction(), "the JSON round trip keeps it");

        String text = sdp.dissect().toText();
        assertFalse(text.contains("sendrecv"), "no header says sendrecv:\n" + text);
        String overview = Sdp.overview(Map.of("offer", sdp)).toString();
        assertFalse(overview.contains("sendrecv"), overview);

        ParsedSdp own = Sdp.parse(SDP.replace("a=recvonly\r\n", "").replace("a=mid:0\r\n", "a=mid:0\r\na=recvonly\r\n"));
        SdpDiff diff = Sdp.diff(own, sdp);
        assertFalse(diff.toString().contains("sendrecv"), "the same directions, said two ways: " + diff);
    }
}

package org.webrtcprimer.sdp;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** Sdp.fromJson on JSON that SdpJson.toJson did not write: a clear SdpParseException, never a bare RuntimeException. */
class JsonRobustnessTest {

    static final String SDP = SessionDirectionTest.SDP;

    @Test
    void jsonWithNullListElementsIsAClearParseError() {
        String json = Sdp.parse(SDP).toJson();
        String broken = json.replaceFirst("\"media\"\\s*:\\s*\\[", "\"media\": [null, ");
        assertNotEquals(json, broken);
        SdpParseException e = assertThrows(SdpParseException.class, () -> Sdp.fromJson(broken));
        assertTrue(e.getMessage().contains("cannot read SDP JSON"), e.getMessage());
    }
}

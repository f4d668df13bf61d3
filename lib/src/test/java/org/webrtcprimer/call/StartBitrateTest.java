package org.webrtcprimer.call;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class StartBitrateTest {

    private static final String ANSWER = String.join("\r\n",
            "v=0", "o=- 1 2 IN IP4 127.0.0.1", "s=-", "t=0 0",
            "m=audio 9 UDP/TLS/RTP/SAVPF 111", "a=rtpmap:111 opus/48000/2", "a=fmtp:111 minptime=10;useinbandfec=1",
            "m=video 9 UDP/TLS/RTP/SAVPF 96 97 102", "a=rtpmap:96 VP8/90000", "a=rtcp-fb:96 nack",
            "a=rtpmap:97 rtx/90000", "a=fmtp:97 apt=96",
            "a=rtpmap:102 H264/90000", "a=fmtp:102 packetization-mode=1;profile-level-id=42001f", "") ;

    @Test
    void addsAnFmtpLineToAPreferredCodecThatHasNone() {
        SessionDescription out = StartBitrate.apply(SessionDescription.answer(ANSWER), 1000);
        assertTrue(out.sdp().contains("a=rtpmap:96 VP8/90000\r\na=fmtp:96 x-google-start-bitrate=1000\r\n"), out.sdp());
        assertTrue(out.sdp().contains("a=fmtp:111 minptime=10;useinbandfec=1\r\n"), "audio untouched");
        assertTrue(out.sdp().contains("a=fmtp:102 packetization-mode=1;profile-level-id=42001f\r\n"), "other codecs untouched");
        assertEquals(ANSWER.split("\r\n").length + 1, out.lines().size());
    }

    @Test
    void extendsTheFmtpOfAPreferredCodecThatHasOne() {
        String h264First = ANSWER.replace("m=video 9 UDP/TLS/RTP/SAVPF 96 97 102", "m=video 9 UDP/TLS/RTP/SAVPF 102 96 97");
        SessionDescription out = StartBitrate.apply(SessionDescription.answer(h264First), 800);
        assertTrue(out.sdp().contains("a=fmtp:102 packetization-mode=1;profile-level-id=42001f;x-google-start-bitrate=800\r\n"));
        assertFalse(out.sdp().contains("a=fmtp:96 x-google"));
    }

    @Test
    void leavesRejectedAndAudioOnlySectionsAlone() {
        String rejected = ANSWER.replace("m=video 9 ", "m=video 0 ");
        assertEquals(rejected, StartBitrate.apply(SessionDescription.answer(rejected), 1000).sdp());
        assertThrows(IllegalArgumentException.class, () -> StartBitrate.apply(SessionDescription.answer(ANSWER), 5));
    }

    @Test
    void keepsLfLineEndings() {
        String lf = ANSWER.replace("\r\n", "\n");
        assertFalse(StartBitrate.apply(SessionDescription.answer(lf), 1000).sdp().contains("\r"));
    }
}

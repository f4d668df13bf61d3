package org.webrtcprimer.sdp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.webrtcprimer.ice.Candidate;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** Every dataset parses; the warnings are the explained ones of datasets/sdp/README.md; the fields are right. */
class DatasetsTest {

    /** Expected lenient warnings per file (see the README's table): line numbers. */
    static final Map<String, List<Integer>> EXPECTED_WARNINGS = Map.of(
            "janus-videoroom-answer.sdp", List.of(9),
            "chrome-planb-sdes.sdp", List.of(47, 48));

    static List<String> names() {
        return Datasets.names();
    }

    @ParameterizedTest
    @MethodSource("names")
    void parsesWithOnlyTheExplainedWarnings(String name) {
        ParsedSdp sdp = Datasets.parse(name);
        assertEquals(EXPECTED_WARNINGS.getOrDefault(name, List.of()), sdp.warnings().stream().map(SdpWarning::line).toList(),
                () -> name + ": " + sdp.warnings());
        assertEquals(0, sdp.version());
        assertNotNull(sdp.origin());
        assertFalse(sdp.media().isEmpty());
        // Every line is kept, with its number.
        long nonEmpty = Datasets.text(name).lines().filter(l -> !l.isEmpty()).count();
        assertEquals(nonEmpty, sdp.lines().size());
        // Dissection, JSON and a self-diff work on every file.
        Dissection d = sdp.dissect();
        assertEquals(sdp.lines().size(), d.rows().size());
        for (Dissection.Row r : d.rows()) {
            assertFalse(r.english().isBlank(), r::toString);
            assertFalse(r.chinese().isBlank(), r::toString);
            assertTrue(r.reference().matches("(RFC \\d+|draft-).*"), r::toString);
            assertNotEquals(SdpGroup.OTHER, r.group(), () -> name + " has an unexplained line: " + r);
        }
        assertFalse(d.toHtml().isEmpty());
        assertFalse(d.toText().isEmpty());
        assertTrue(Sdp.diff(sdp, sdp).changes(SdpDiff.Kind.CHANGED).isEmpty());
    }

    @ParameterizedTest
    @MethodSource("names")
    void datasetsAreStrictlyValidExceptTheExplainedQuirks(String name) {
        String text = Datasets.text(name);
        if (EXPECTED_WARNINGS.containsKey(name)) {
            SdpParseException e = assertThrows(SdpParseException.class, () -> Sdp.parseStrict(text));
            assertEquals(EXPECTED_WARNINGS.get(name).get(0), e.line());
        } else {
            assertDoesNotThrow(() -> Sdp.parseStrict(text));
        }
    }

    @Test
    void chromium120() {
        ParsedSdp s = Datasets.parse("chromium-120-offer.sdp");
        assertEquals("LF", s.lineEnding());
        assertEquals("7169721126327183323", s.origin().sessionId());
        assertEquals(List.of("0", "1"), s.bundle());
        assertTrue(s.has("extmap-allow-mixed"));
        assertEquals(" WMS", s.value("msid-semantic"));
        MediaSection audio = s.media().get(0), video = s.media().get(1);
        assertEquals("audio", audio.type());
        assertEquals(9, audio.port());
        assertEquals("UDP/TLS/RTP/SAVPF", audio.protocol());
        assertEquals(List.of("111", "63", "9", "0", "8", "13", "110", "126"), audio.formats());
        assertEquals("nWnq", audio.iceUfrag());
        assertEquals("DTdCVj00s9nGkNgWra0P30A2", audio.icePwd());
        assertEquals(List.of("trickle"), audio.iceOptions());
        assertEquals("actpass", audio.setup());
        assertEquals("sha-256", audio.fingerprints().get(0).hashFunction());
        assertEquals(32, audio.fingerprints().get(0).bytes());
        assertEquals(Direction.SENDRECV, audio.direction());
        assertTrue(audio.rtcpMux());
        assertFalse(audio.rtcpRsize());
        assertEquals(9, audio.rtcp().port());
        assertEquals("0.0.0.0", audio.rtcp().address());
        assertEquals("-", audio.msids().get(0).streamId());
        assertEquals(3262661846L, audio.ssrcs().get(0).ssrc());
        assertEquals("cname", audio.ssrcs().get(0).attribute());
        Codec opus = audio.codecs().get(0);
        assertEquals("opus", opus.name());
        assertEquals(48000, opus.clockRate());
        assertEquals(2, opus.channels());
        assertEquals("1", opus.parameters().get("useinbandfec"));
        assertEquals(List.of("transport-cc"), opus.feedback());
        Codec red = audio.codecs().get(1);
        assertEquals("", red.parameters().get("111/111"));
        // The exercise of lesson 04: which payload type is VP9 profile 2?
        Codec vp9p2 = video.codecs().stream().filter(c -> c.name().equals("VP9") && "2".equals(c.parameters().get("profile-id"))).findFirst().orElseThrow();
        assertEquals(100, vp9p2.payloadType());
        assertEquals(101, vp9p2.rtxPayloadType());
        Codec rtx = video.codecs().stream().filter(c -> c.payloadType() == 101).findFirst().orElseThrow();
        assertTrue(rtx.isRtx());
        assertEquals(100, rtx.associatedPayloadType());
        assertEquals(List.of("goog-remb", "transport-cc", "ccm fir", "nack", "nack pli"), vp9p2.feedback());
        assertEquals(23, video.codecs().size());
        assertEquals(11, video.extmaps().size());
        assertEquals(14, video.extmaps().get(0).id());
        assertEquals("urn:ietf:params:rtp-hdrext:toffset", video.extmaps().get(0).uri());
        assertEquals("FID", video.ssrcGroups().get(0).semantics());
        assertEquals(List.of(1862494604L, 1112104850L), video.ssrcGroups().get(0).ssrcs());
        assertTrue(video.rtcpRsize());
    }

    @Test
    void firefox121() {
        ParsedSdp s = Datasets.parse("firefox-121-offer.sdp");
        assertEquals("mozilla...THIS_IS_SDPARTA-99.0", s.origin().username());
        assertEquals("WMS *", s.value("msid-semantic"));
        assertEquals("trickle", s.value("ice-options"));
        assertNotNull(s.value("fingerprint"), "Firefox writes the fingerprint at session level");
        MediaSection audio = s.media().get(0);
        assertNull(audio.value("fingerprint"));
        assertTrue(s.effective(audio, "fingerprint").startsWith("sha-256 75:4F"));
        Attributes.Extmap csrc = audio.extmaps().get(1);
        assertEquals(2, csrc.id());
        assertEquals("recvonly", csrc.direction());
        assertEquals("urn:ietf:params:rtp-hdrext:csrc-audio-level", csrc.uri());
        assertEquals("{ba72adfe-d5b5-42bd-bf15-e8fcdcbb2ee1}", audio.msids().get(0).trackId());
        Codec g722 = audio.codecs().get(1);
        assertEquals(1, g722.channels());
        Codec dtmf = audio.codecs().get(4);
        assertEquals("telephone-event", dtmf.name());
        assertEquals("", dtmf.parameters().get("0-15"));
        MediaSection video = s.media().get(1);
        Codec h264 = video.codecs().stream().filter(c -> c.payloadType() == 126).findFirst().orElseThrow();
        assertEquals("42e01f", h264.parameters().get("profile-level-id"));
        assertEquals(127, h264.rtxPayloadType());
        assertEquals(7463831L, video.ssrcGroups().get(0).ssrcs().get(0));
    }

    @Test
    void firefoxSimulcast() {
        MediaSection v = Datasets.parse("firefox-152-simulcast-offer.sdp").media().get(0);
        assertEquals(List.of("h", "m", "l"), v.rids().stream().map(Attributes.Rid::id).toList());
        assertEquals("send", v.rids().get(0).direction());
        Attributes.Simulcast sc = v.simulcast();
        assertEquals(3, sc.send().size());
        assertEquals("m", sc.send().get(1).get(0).rid());
        assertFalse(sc.send().get(1).get(0).paused());
        assertTrue(sc.recv().isEmpty());
        assertEquals("sendonly", v.extmaps().stream().filter(x -> x.id() == 9).findFirst().orElseThrow().direction());
        assertEquals(3, v.ssrcGroups().size());
        assertTrue(v.has("extmap-allow-mixed"));
    }

    @Test
    void safariWithDataChannel() {
        ParsedSdp s = Datasets.parse("safari-26-offer-datachannel.sdp");
        assertEquals("CRLF", s.lineEnding());
        MediaSection video = s.media().get(1);
        assertEquals("H264", video.codecs().get(0).name());
        assertEquals("640c1f", video.codecs().get(0).parameters().get("profile-level-id"));
        assertTrue(video.codecs().stream().anyMatch(c -> c.name().equals("H265") && c.payloadType() == 35));
        MediaSection data = s.media().get(2);
        assertEquals("application", data.type());
        assertEquals("UDP/DTLS/SCTP", data.protocol());
        assertEquals(List.of("webrtc-datachannel"), data.formats());
        assertEquals(5000, data.sctpPort());
        assertEquals(262144L, data.maxMessageSize());
        assertFalse(data.isRtp());
        assertTrue(data.codecs().isEmpty());
    }

    @Test
    void janusSfuAnswer() {
        ParsedSdp s = Datasets.parse("janus-videoroom-answer.sdp");
        assertEquals("VideoRoom 404986692241682", s.sessionName());
        assertEquals(List.of("audio"), s.bundle());
        MediaSection video = s.media().get(0), audio = s.media().get(1);
        assertTrue(video.isRejected());
        assertEquals(0, video.port());
        assertEquals(Direction.INACTIVE, video.direction());
        assertEquals(Direction.RECVONLY, audio.direction());
        assertEquals("active", audio.setup());
        Candidate c = audio.candidates().get(0);
        assertEquals("192.168.84.254", c.address());
        assertEquals(46492, c.port());
        assertEquals(2013266431L, c.priority());
        assertTrue(audio.endOfCandidates());
        assertEquals("192.168.84.254", audio.connections().get(0).address());
    }

    @Test
    void sipAudioOffer() {
        ParsedSdp s = Datasets.parse("sip-pjsua-audio-offer.sdp");
        assertEquals("pjmedia", s.sessionName());
        assertEquals("127.0.0.1", s.connection().address());
        MediaSection a = s.media().get(0);
        assertEquals("RTP/AVP", a.protocol());
        assertEquals(4000, a.port());
        Codec pcmu = a.codecs().get(0);
        assertEquals("PCMU", pcmu.name());
        assertFalse(pcmu.staticType(), "pjsua writes an rtpmap even for static PT 0");
        assertEquals("telephone-event", a.codecs().get(1).name());
        ParsedSdp noRtpmap = Sdp.parse("v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0 8 18\r\n");
        List<Codec> c = noRtpmap.media().get(0).codecs();
        assertEquals(List.of("PCMU", "PCMA", "G729"), c.stream().map(Codec::name).toList());
        assertTrue(c.get(0).staticType());
        assertEquals(8000, c.get(2).clockRate());
    }

    @Test
    void iceLiteGatewayAndPlanB() {
        ParsedSdp g = Datasets.parse("gateway-icelite-audio.sdp");
        assertTrue(g.iceLite());
        assertEquals("X", g.media().get(0).candidates().get(0).foundation());
        assertEquals(2, g.media().get(0).candidates().get(1).component());
        ParsedSdp p = Datasets.parse("chrome-planb-sdes.sdp");
        assertEquals(List.of("audio", "video"), p.bundle());
        Attributes.Crypto cr = p.media().get(0).crypto().get(0);
        assertEquals(1, cr.tag());
        assertEquals("AES_CM_128_HMAC_SHA1_80", cr.suite());
        assertTrue(cr.keyParams().startsWith("inline:"));
        assertEquals(60.0, p.media().get(0).maxptime());
        assertEquals(List.of("google-ice"), p.media().get(0).iceOptions());
        assertEquals(List.of("ccm fir", "nack", "goog-remb"), p.media().get(1).codecs().get(0).feedback());
        assertEquals("mslabel", p.media().get(0).ssrcs().get(2).attribute());
    }

    @Test
    void theArticleOfferAndAnswer() {
        ParsedSdp offer = Datasets.parse("../article/offer.sdp");
        ParsedSdp answer = Datasets.parse("../article/answer.sdp");
        assertEquals("8212739043455445815", offer.origin().sessionId());
        assertEquals("2", offer.origin().sessionVersion());
        assertEquals(" WMS xlhFA5NOFj9VpQ7Z1ylg9jmfNytu6l7jTKhQ", offer.value("msid-semantic"));
        assertEquals(160, offer.lines().size());
        assertEquals(145, answer.lines().size());
        MediaSection v = offer.media().get(1);
        assertEquals(4014440443L, v.ssrcGroups().get(0).ssrcs().get(1));
        assertEquals(21, v.codecs().size());
        assertEquals("nTn7", v.iceUfrag());
        assertEquals("active", answer.media().get(0).setup());
        assertEquals(Direction.RECVONLY, answer.media().get(1).direction());
        assertTrue(answer.media().get(1).ssrcs().isEmpty());
    }
}

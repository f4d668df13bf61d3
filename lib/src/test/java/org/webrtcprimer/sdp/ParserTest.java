package org.webrtcprimer.sdp;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Every RFC 8866 line type and every attribute of issue 3, on real lines. */
class ParserTest {

    /** RFC 8866 §5's example, extended with every line type (several t=, r=, z=, k=, b=, p=, a port count). */
    static final String ALL_TYPES = String.join("\r\n",
            "v=0",
            "o=jdoe 3724394400 3724394405 IN IP4 198.51.100.1",
            "s=Call to John Smith",
            "i=SDP Offer #1",
            "u=http://www.jdoe.example.com/home.html",
            "e=Jane Doe <jane@jdoe.example.com>",
            "p=+1 617 555-6011",
            "c=IN IP4 224.2.17.12/127",
            "b=CT:128",
            "t=2873397496 2873404696",
            "r=604800 3600 0 90000",
            "t=3034423619 3042462419",
            "r=7d 1h 0 25h",
            "z=2882844526 -1h 2898848070 0",
            "k=prompt",
            "a=recvonly",
            "a=tool:my-tool 1.0",
            "m=audio 49170 RTP/AVP 0",
            "i=the audio",
            "c=IN IP6 FF15::101/3",
            "b=AS:64",
            "k=prompt",
            "a=ptime:20",
            "a=maxptime:150",
            "m=video 51372/2 RTP/AVP 99 31",
            "b=TIAS:2000000",
            "a=rtpmap:99 h263-1998/90000",
            "a=framerate:29.97",
            "a=x-unknown-first:1",
            "a=sendonly",
            "a=x-unknown-second",
            "") ;

    @Test
    void readsEveryRfc8866LineType() {
        ParsedSdp s = Sdp.parseStrict(ALL_TYPES);
        assertEquals(List.of(), s.warnings());
        assertEquals(0, s.version());
        assertEquals(new Origin("jdoe", "3724394400", "3724394405", "IN", "IP4", "198.51.100.1"), s.origin());
        assertEquals("Call to John Smith", s.sessionName());
        assertEquals("SDP Offer #1", s.information());
        assertEquals("http://www.jdoe.example.com/home.html", s.uri());
        assertEquals(List.of("Jane Doe <jane@jdoe.example.com>"), s.emails());
        assertEquals(List.of("+1 617 555-6011"), s.phones());
        assertEquals(new Connection("IN", "IP4", "224.2.17.12", 127, null), s.connection());
        assertEquals(List.of(new Bandwidth("CT", 128)), s.bandwidths());
        assertEquals(2, s.timings().size());
        assertEquals(2873397496L, s.timings().get(0).start());
        assertEquals(List.of("604800 3600 0 90000"), s.timings().get(0).repeats());
        assertEquals(List.of("7d 1h 0 25h"), s.timings().get(1).repeats());
        assertFalse(s.timings().get(0).unbounded());
        assertEquals("2882844526 -1h 2898848070 0", s.timeZones());
        assertEquals("prompt", s.encryptionKey());
        assertEquals("my-tool 1.0", s.value("tool"));
        MediaSection a = s.media().get(0), v = s.media().get(1);
        assertEquals("the audio", a.information());
        assertEquals(new Connection("IN", "IP6", "FF15::101", null, 3), a.connections().get(0));
        assertEquals(List.of(new Bandwidth("AS", 64)), a.bandwidths());
        assertEquals("prompt", a.encryptionKey());
        assertEquals(20.0, a.ptime());
        assertEquals(150.0, a.maxptime());
        assertNull(a.ownDirection(), "no direction in the m-section");
        assertEquals(Direction.RECVONLY, a.direction(), "so the session-level a=recvonly applies (RFC 8866 §6.7)");
        assertEquals(51372, v.port());
        assertEquals(2, v.portCount());
        assertEquals(2000000, v.bandwidths().get(0).value());
        assertEquals(29.97, v.framerate());
        assertEquals(Direction.SENDONLY, v.direction());
        // Unknown attributes are kept, in order.
        assertEquals(List.of("rtpmap", "framerate", "x-unknown-first", "sendonly", "x-unknown-second"),
                v.attributes().stream().map(Attribute::name).toList());
        assertNull(v.attributes().get(4).value());
        assertEquals("H263-1998", v.codecs().get(0).name().toUpperCase());
        assertEquals("H261", v.codecs().get(1).name(), "static payload type 31");
        // The explanation of each line type exists and cites RFC 8866.
        Dissection d = s.dissect();
        for (char t : "vosiuepcbtrzkam".toCharArray()) {
            assertTrue(d.rows().stream().anyMatch(r -> r.value().charAt(0) == t && r.reference().contains("RFC")), "line type " + t);
        }
        assertEquals(ALL_TYPES, s.text(), "text() rebuilds the description");
    }

    /** The WebRTC and SIP attributes of issue 3, each on a line as a real implementation writes it. */
    static final String WEBRTC = String.join("\n",
            "v=0",
            "o=- 4962303333179871722 1 IN IP4 0.0.0.0",
            "s=-",
            "t=0 0",
            "a=ice-options:trickle ice2 renomination",
            "a=group:BUNDLE a1 v1 d1",
            "a=group:LS a1 v1",
            "a=ice-lite",
            "a=msid-semantic:WMS *",
            "a=extmap-allow-mixed",
            "m=audio 10100 UDP/TLS/RTP/SAVPF 96 0 97",
            "c=IN IP4 203.0.113.100",
            "a=mid:a1",
            "a=sendrecv",
            "a=rtpmap:96 opus/48000/2",
            "a=rtpmap:97 telephone-event/8000",
            "a=fmtp:96 minptime=10;useinbandfec=1",
            "a=fmtp:97 0-15",
            "a=ptime:20",
            "a=maxptime:120",
            "a=extmap:1 urn:ietf:params:rtp-hdrext:sdes:mid",
            "a=extmap:2/recvonly urn:ietf:params:rtp-hdrext:csrc-audio-level",
            "a=msid:47017fee-b6c1-4162-929c-a25110252400 f83006c5-a0ff-4e0a-9ed9-d3e6747be7d9",
            "a=ice-ufrag:ETEn",
            "a=ice-pwd:OtSK0WpNtpUjkY4+86js7ZQl",
            "a=fingerprint:sha-256 19:E2:1C:3B:4B:9F:81:E6:B8:5C:F4:A5:A8:D8:73:04:BB:05:2F:70:9F:04:A9:0E:05:E9:26:33:E8:70:88:A2",
            "a=setup:actpass",
            "a=tls-id:91bbf309c0990a6bec11e38ba2933cee",
            "a=rtcp:10101 IN IP4 203.0.113.100",
            "a=rtcp-mux",
            "a=rtcp-mux-only",
            "a=rtcp-rsize",
            "a=rtcp-fb:* nack",
            "a=ssrc:1732846380 cname:FocUG1f0fcg/yvY7",
            "a=ssrc:4294967295 msid:47017fee-b6c1-4162-929c-a25110252400 f83006c5",
            "a=candidate:3348148302 1 udp 2113937151 203.0.113.100 10100 typ host",
            "a=candidate:3348148302 2 udp 2113937150 203.0.113.100 10101 typ host",
            "a=end-of-candidates",
            "m=video 0 UDP/TLS/RTP/SAVPF 100 101",
            "c=IN IP4 0.0.0.0",
            "a=bundle-only",
            "a=mid:v1",
            "a=recvonly",
            "a=rtpmap:100 VP8/90000",
            "a=rtpmap:101 rtx/90000",
            "a=fmtp:101 apt=100",
            "a=fmtp:100 max-fs=12288;max-fr=60",
            "a=rtcp-fb:100 ccm fir",
            "a=rtcp-fb:100 nack",
            "a=rtcp-fb:100 nack pli",
            "a=rtcp-fb:100 goog-remb",
            "a=rtcp-fb:100 transport-cc",
            "a=rid:1 send pt=100;max-width=1280;max-height=720",
            "a=rid:2 send pt=100;max-width=320;max-height=180",
            "a=rid:3 recv pt=100",
            "a=simulcast:send 1;~2 recv 3",
            "a=ssrc-group:FID 1366781083 1366781084",
            "a=ssrc-group:SIM 1 2 3",
            "a=framerate:30",
            "a=inactive-not-a-direction",
            "m=application 0 UDP/DTLS/SCTP webrtc-datachannel",
            "c=IN IP4 0.0.0.0",
            "a=bundle-only",
            "a=mid:d1",
            "a=sctp-port:5000",
            "a=max-message-size:65536",
            "m=application 9 DTLS/SCTP 5000",
            "c=IN IP4 0.0.0.0",
            "a=mid:legacy",
            "a=sctpmap:5000 webrtc-datachannel 1024",
            "a=inactive",
            "m=audio 49170 RTP/SAVP 0",
            "c=IN IP4 192.0.2.1",
            "a=mid:sip",
            "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR|2^20|1:32",
            "");

    @Test
    void readsEveryAttributeOfTheIssue() {
        ParsedSdp s = Sdp.parse(WEBRTC);
        assertTrue(s.warnings().isEmpty(), s.warnings().toString());
        assertEquals(List.of("a1", "v1", "d1"), s.bundle());
        assertEquals("LS", s.groups().get(1).semantics());
        assertTrue(s.iceLite());
        assertTrue(s.has("extmap-allow-mixed"));
        MediaSection a = s.media().get(0), v = s.media().get(1), d = s.media().get(2), legacy = s.media().get(3), sip = s.media().get(4);
        assertEquals(List.of("trickle", "ice2", "renomination"), List.of(s.value("ice-options").split(" ")));
        assertEquals("ETEn", a.iceUfrag());
        assertEquals("OtSK0WpNtpUjkY4+86js7ZQl", a.icePwd());
        assertEquals("actpass", a.setup());
        assertEquals("91bbf309c0990a6bec11e38ba2933cee", a.value("tls-id"));
        assertEquals(new Attributes.Rtcp(10101, "IN", "IP4", "203.0.113.100"), a.rtcp());
        assertTrue(a.rtcpMux() && a.rtcpMuxOnly() && a.rtcpRsize());
        assertEquals("*", a.rtcpFeedback().get(0).payloadType());
        assertEquals(List.of("nack"), a.codecs().get(0).feedback(), "rtcp-fb:* applies to every codec");
        assertEquals(List.of("nack"), a.codecs().get(1).feedback());
        assertEquals(new Attributes.Extmap(2, "recvonly", "urn:ietf:params:rtp-hdrext:csrc-audio-level", null), a.extmaps().get(1));
        assertEquals(new Attributes.Msid("47017fee-b6c1-4162-929c-a25110252400", "f83006c5-a0ff-4e0a-9ed9-d3e6747be7d9"), a.msids().get(0));
        assertEquals(4294967295L, a.ssrcs().get(1).ssrc());
        assertEquals("msid", a.ssrcs().get(1).attribute());
        assertEquals(2, a.candidates().size());
        assertEquals(2, a.candidates().get(1).componentFromPriority());
        assertTrue(a.endOfCandidates());
        assertEquals("1", a.fmtps().get(0).get("useinbandfec"));
        assertEquals(20.0, a.ptime());
        assertEquals(Direction.SENDRECV, a.direction());
        assertTrue(v.bundleOnly());
        assertFalse(v.isRejected(), "port 0 with bundle-only is not a rejection");
        assertEquals(Direction.RECVONLY, v.direction());
        assertEquals(List.of("ccm fir", "nack", "nack pli", "goog-remb", "transport-cc"), v.codecs().get(0).feedback());
        assertEquals(101, v.codecs().get(0).rtxPayloadType());
        assertEquals("12288", v.codecs().get(0).parameters().get("max-fs"));
        Attributes.Rid r1 = v.rids().get(0);
        assertEquals(List.of("100"), r1.payloadTypes());
        assertEquals("1280", r1.restrictions().get("max-width"));
        assertEquals("recv", v.rids().get(2).direction());
        Attributes.Simulcast sc = v.simulcast();
        assertEquals(2, sc.send().size());
        assertTrue(sc.send().get(1).get(0).paused());
        assertEquals("3", sc.recv().get(0).get(0).rid());
        assertEquals("SIM", v.ssrcGroups().get(1).semantics());
        assertEquals(30.0, v.framerate());
        assertEquals("inactive-not-a-direction", v.attributes().get(v.attributes().size() - 1).name());
        assertEquals(5000, d.sctpPort());
        assertEquals(65536L, d.maxMessageSize());
        assertEquals(new Attributes.SctpMap(5000, "webrtc-datachannel", 1024), legacy.sctpmap());
        assertEquals(Direction.INACTIVE, legacy.direction());
        assertEquals("AES_CM_128_HMAC_SHA1_80", sip.crypto().get(0).suite());
        assertEquals("inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR|2^20|1:32", sip.crypto().get(0).keyParams());
        // every line has an explanation that is not the generic "unknown" one, except the unknown attribute
        for (Dissection.Row row : s.dissect().rows()) {
            if (row.key().equals("a=inactive-not-a-direction")) assertEquals(SdpGroup.OTHER, row.group());
            else assertNotEquals(SdpGroup.OTHER, row.group(), row::toString);
        }
    }

    @Test
    void lineEndingsBomAndTrailingSpacesGiveTheSameModel() {
        ParsedSdp lf = Sdp.parse(WEBRTC);
        String crlf = WEBRTC.replace("\n", "\r\n");
        String cr = WEBRTC.replace("\n", "\r");
        StringBuilder mixed = new StringBuilder();
        String[] lines = WEBRTC.split("\n");
        for (int i = 0; i < lines.length; i++) mixed.append(lines[i]).append(i % 2 == 0 ? "\r\n" : "\n");
        String bom = "\uFEFF" + crlf;
        String trailing = WEBRTC.replace("\n", " \t\n");
        for (String variant : List.of(crlf, cr, mixed.toString(), bom, trailing)) {
            ParsedSdp s = Sdp.parse(variant);
            assertEquals(lf.media().size(), s.media().size());
            assertEquals(lf.attributes(), s.attributes());
            for (int i = 0; i < lf.media().size(); i++) assertEquals(lf.media().get(i), s.media().get(i));
            assertEquals(lf.lines().stream().map(SdpLine::text).toList(), s.lines().stream().map(SdpLine::text).toList());
        }
        assertEquals("LF", lf.lineEnding());
        assertTrue(lf.warnings().isEmpty());
        assertEquals("CRLF", Sdp.parse(crlf).lineEnding());
        assertTrue(Sdp.parse(crlf).warnings().isEmpty());
        assertEquals("CR", Sdp.parse(cr).lineEnding());
        assertEquals(1, Sdp.parse(cr).warnings().size());
        assertEquals("mixed", Sdp.parse(mixed.toString()).lineEnding());
        assertTrue(Sdp.parse(mixed.toString()).warnings().get(0).message().contains("mixed line endings"));
        SdpWarning b = Sdp.parse(bom).warnings().get(0);
        assertEquals(1, b.line());
        assertTrue(b.message().contains("byte order mark"));
        List<SdpWarning> t = Sdp.parse(trailing).warnings();
        assertEquals(lines.length, t.size());
        assertEquals(2, t.get(1).line());
        assertTrue(t.get(1).message().contains("trailing white space"));
        // no final line ending, and extra blank lines at the end
        assertEquals(lf.media(), Sdp.parse(WEBRTC.strip()).media());
        assertTrue(Sdp.parse(WEBRTC + "\n\n").warnings().isEmpty(), "blank lines after the end are ignored");
        SdpWarning blank = Sdp.parse(WEBRTC.replace("s=-\n", "s=-\n\n")).warnings().get(0);
        assertEquals(4, blank.line());
        assertTrue(blank.message().contains("empty line"));
    }

    @Test
    void numbersBeyond32And64BitsDoNotOverflow() {
        String big = "v=0\no=- 18446744073709551615 99999999999999999999999 IN IP4 127.0.0.1\ns=-\nt=0 0\n"
                + "m=video 9 UDP/TLS/RTP/SAVPF 96\nc=IN IP4 0.0.0.0\na=rtpmap:96 VP8/90000\n"
                + "a=ssrc:4294967295 cname:x\na=ssrc-group:FID 4294967295 4294967294\n"
                + "a=candidate:1 1 udp 4294967295 10.0.0.1 9 typ host\na=max-message-size:9223372036854775807\n";
        ParsedSdp s = Sdp.parseStrict(big);
        assertEquals("18446744073709551615", s.origin().sessionId());
        assertEquals(new BigInteger("18446744073709551615"), s.origin().sessionIdValue());
        assertTrue(s.origin().sessionIdValue().compareTo(BigInteger.TWO.pow(63)) > 0);
        assertEquals(new BigInteger("99999999999999999999999"), s.origin().sessionVersionValue());
        MediaSection m = s.media().get(0);
        assertEquals(4294967295L, m.ssrcs().get(0).ssrc());
        assertEquals(List.of(4294967295L, 4294967294L), m.ssrcGroups().get(0).ssrcs());
        assertEquals(4294967295L, m.candidates().get(0).priority());
        assertEquals(Long.MAX_VALUE, m.maxMessageSize());
        SdpParseException e = assertThrows(SdpParseException.class, () -> Sdp.parseStrict(big.replace("a=ssrc:4294967295 cname", "a=ssrc:4294967296 cname")));
        assertEquals(8, e.line());
        assertTrue(e.problem().contains("ssrc 4294967296 is larger than 4294967295"), e.getMessage());
        SdpParseException huge = assertThrows(SdpParseException.class, () -> Sdp.parseStrict(big.replace("a=ssrc:4294967295 cname", "a=ssrc:123456789012345678901234567890 cname")));
        assertTrue(huge.problem().contains("too large"), huge.getMessage());
    }
}

package org.webrtcprimer.sdp;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Issue 11 §3: input that is not SDP at its start is an error with one message that says why;
 * in lenient mode, errors (an engine cannot use the description) are told apart from warnings
 * (quirks an engine accepts); single odd bytes and lines are named for what they are, on their line.
 */
class SdpSeverityTest {

    static final String GOOD = MalformedInputTest.GOOD;

    private static SdpParseException bothModes(String text) {
        SdpParseException lenient = assertThrows(SdpParseException.class, () -> Sdp.parse(text));
        SdpParseException strict = assertThrows(SdpParseException.class, () -> Sdp.parseStrict(text));
        assertEquals(lenient.getMessage(), strict.getMessage());
        return lenient;
    }

    private static SdpWarning only(String text, String contains) {
        List<SdpWarning> w = Sdp.parse(text).warnings();
        return w.stream().filter(x -> x.message().contains(contains)).findFirst()
                .orElseThrow(() -> new AssertionError("no problem '" + contains + "' in " + w));
    }

    @Test
    void indentedLinesAreOneErrorThatSaysSo() {
        String indented = GOOD.replaceAll("(?m)^", "  ");
        SdpParseException e = bothModes(indented);
        assertEquals(1, e.line());
        assertTrue(e.problem().startsWith("lines are indented: 7 lines (1, 2, 3, 4, 5, …) start with spaces or tabs"), e.problem());
        // one indented line inside a description is named for what it is, not "not an SDP line"
        SdpWarning one = only(GOOD.replace("a=rtpmap", "\ta=rtpmap"), "indented");
        assertEquals(7, one.line());
        assertTrue(one.error());
    }

    @Test
    void upperCaseTypeLettersAreAnError() {
        SdpParseException e = bothModes(GOOD.replace("v=0", "V=0").replace("o=-", "O=-"));
        assertEquals(1, e.line());
        assertTrue(e.problem().startsWith("type letters must be lower-case: 2 lines (1, 2) begin with an upper-case letter ('V=' here; write 'v=')"),
                e.problem());
        SdpWarning later = only(GOOD.replace("s=-", "S=-"), "lower-case");
        assertEquals(3, later.line());
        assertTrue(later.error());
    }

    @Test
    void aMissingOrMisplacedVersionIsAnErrorInBothModes() {
        SdpParseException none = bothModes(GOOD.substring(GOOD.indexOf("o=")));
        assertEquals(1, none.line());
        assertTrue(none.problem().contains("the first line is o= and there is no v= line"), none.problem());
        SdpParseException late = bothModes(GOOD.replace("v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\n", "o=- 1 2 IN IP4 127.0.0.1\r\nv=0\r\n"));
        assertTrue(late.problem().contains("v= is on line 2 and must come first"), late.problem());
    }

    @Test
    void lineBreaksWrittenOutAsBackslashesAreNamed() {
        String json = GOOD.replace("\r\n", "\\r\\n");
        SdpParseException e = bothModes(json);
        assertEquals(1, e.line());
        assertTrue(e.problem().contains("written out as the characters '\\r\\n'") && e.problem().contains("JSON"), e.problem());
        SdpWarning inside = only(GOOD + "a=mid:0\\r\\na=sendrecv\r\n", "'\\r\\n'");
        assertEquals(8, inside.line());
        assertTrue(inside.error());
        assertEquals(0, Sdp.parse(GOOD + "a=x-path:C:\\nobody\r\n").warnings().size(), "a backslash before a word is not a line break");
    }

    @Test
    void oneNulByteIsAnErrorOnItsLineNotBinaryData() {
        String text = GOOD + "a=mid:0\u0000x\r\na=sendrecv\r\n";
        ParsedSdp s = Sdp.parse(text);
        SdpWarning w = only(text, "NUL");
        assertEquals(8, w.line());
        assertTrue(w.error());
        assertTrue(w.message().startsWith("a NUL byte (U+0000) in the a=mid line, at column 8"), w.message());
        assertEquals("sendrecv", s.media().get(0).direction().sdp(), "the lines around it are read");
        SdpParseException strict = assertThrows(SdpParseException.class, () -> Sdp.parseStrict(text));
        assertEquals(8, strict.line());
        // a NUL inside a valueless line names the line type
        assertTrue(only(GOOD.replace("s=-", "s=-\u0000"), "NUL").message().contains("in the s= line"));
    }

    @Test
    void aBareCarriageReturnInsideALineIsNamed() {
        String text = GOOD + "a=ice-ufrag:ab\rcd\r\n";
        ParsedSdp s = Sdp.parse(text);
        SdpWarning w = only(text, "bare CR");
        assertEquals(8, w.line());
        assertTrue(w.error());
        assertTrue(w.message().contains("inside the a=ice-ufrag line, at column 15"), w.message());
        assertEquals(8, s.lines().size(), "the CR does not split the line");
        // CR alone as the only line ending is still read as line endings, a warning
        ParsedSdp mac = Sdp.parse(GOOD.replace("\r\n", "\r"));
        assertEquals("CR", mac.lineEnding());
        assertFalse(mac.warnings().get(0).error());
    }

    @Test
    void anAddressTypeThatIsNotIp4OrIp6IsNamed() {
        SdpWarning rtcp = only(GOOD + "a=rtcp:1 IN IP7 X\r\n", "IP7");
        assertEquals(8, rtcp.line());
        assertEquals("rtcp address type 'IP7' is neither IP4 nor IP6 (network type IN, RFC 8866 §5.7)", rtcp.message());
        SdpWarning c = only(GOOD.replace("c=IN IP4 0.0.0.0", "c=IN IP7 0.0.0.0"), "IP7");
        assertEquals(6, c.line());
        assertTrue(c.message().startsWith("c= address type 'IP7'"), c.message());
        assertTrue(Sdp.parse(GOOD + "a=rtcp:9 IN IP6 ::1\r\n").warnings().isEmpty());
    }

    @Test
    void anRtpmapWithoutClockRateKeepsItsNameInTheCodecTable() {
        String text = GOOD.replace("RTP/SAVPF 111", "RTP/SAVPF 111 96") + "a=rtpmap:96 AppleLossless\r\n";
        SdpWarning w = only(text, "no clock rate");
        assertEquals(8, w.line());
        assertTrue(w.error());
        Codec c = Sdp.parse(text).media().get(0).codecs().get(1);
        assertEquals(96, c.payloadType());
        assertEquals("AppleLossless", c.name());
        assertEquals(0, c.clockRate());
        assertEquals("AppleLossless", c.mime());
        assertTrue(Sdp.parse(text).dissect().codecTable(0).toText().contains("AppleLossless"));
    }

    @Test
    void theEncryptedExtmapOfRfc6904IsRecognised() {
        String text = GOOD + "a=extmap:1 urn:ietf:params:rtp-hdrext:encrypt urn:ietf:params:rtp-hdrext:ssrc-audio-level vad=on\r\n";
        ParsedSdp s = Sdp.parseStrict(text);
        Attributes.Extmap x = s.media().get(0).extmaps().get(0);
        assertTrue(x.encrypted());
        assertEquals("urn:ietf:params:rtp-hdrext:ssrc-audio-level", x.extension());
        Attributes.Extmap plain = Attributes.Extmap.parse("2 urn:ietf:params:rtp-hdrext:sdes:mid");
        assertFalse(plain.encrypted());
        assertEquals("urn:ietf:params:rtp-hdrext:sdes:mid", plain.extension());
        Dissection.Row row = s.dissect().row(8);
        assertTrue(row.english().contains("encrypted") && row.reference().contains("RFC 6904"), row.toString());
        SdpWarning w = only(GOOD + "a=extmap:3 urn:ietf:params:rtp-hdrext:encrypt\r\n", "RFC 6904");
        assertEquals(8, w.line());
        assertTrue(w.message().contains("not the URI of the extension it encrypts"), w.message());
    }

    @Test
    void lenientModeTellsErrorsFromWarnings() {
        // quirks an engine accepts: warnings
        for (String quirk : List.of("\uFEFF" + GOOD, GOOD.replace("\r\n", "\n").replace("s=-\n", "s=-\n\n"), GOOD.replace("s=-", "s=- "),
                GOOD + "a=fmtp:112 minptime=10\r\n", GOOD.replace("c=IN IP4 0.0.0.0\r\n", ""), GOOD + "y=unknown\r\n",
                GOOD.replace("RTP/SAVPF 111", "RTP/SAVPF 111 111"))) {
            List<SdpWarning> w = Sdp.parse(quirk).warnings();
            assertFalse(w.isEmpty(), quirk);
            assertTrue(w.stream().noneMatch(SdpWarning::error), () -> "expected warnings only: " + w);
        }
        // what an engine cannot use: errors
        for (String broken : List.of(GOOD.replace("m=audio 9", "m=audio nine"), GOOD.replace("t=0 0\r\n", ""),
                GOOD + "a=candidate:1 1 udp 99 10.0.0.1 5000\r\n", GOOD + "a=fingerprint:sha-256 zz:11\r\n", GOOD + "this is not sdp\r\n",
                GOOD.replace("t=0 0\r\n", "t=0 0\r\ns=again\r\n"))) {
            List<SdpWarning> w = Sdp.parse(broken).warnings();
            assertTrue(w.stream().anyMatch(SdpWarning::error), () -> "expected an error: " + w);
        }
        assertEquals("m= lists 1 format more than once (2 listed, 1 different); each counts once",
                Sdp.parse(GOOD.replace("RTP/SAVPF 111", "RTP/SAVPF 111 111")).warnings().get(0).message());
    }

    @Test
    void theCommandExitsTwoForErrorsAndOneForWarnings() {
        SdpCommandTest.Run quirk = SdpCommandTest.run(GOOD.replace("s=-", "s=- "), "-");
        assertEquals(1, quirk.code(), quirk.err());
        assertTrue(quirk.err().contains("<stdin>:3: warning: trailing white space"), quirk.err());
        SdpCommandTest.Run broken = SdpCommandTest.run(GOOD + "a=rtcp:1 IN IP7 X\r\n", "-");
        assertEquals(2, broken.code(), broken.err());
        assertTrue(broken.err().contains("<stdin>:8: error: rtcp address type 'IP7'"), broken.err());
        assertFalse(broken.out().isEmpty(), "lenient mode still dissects what it could read");
        SdpCommandTest.Run indented = SdpCommandTest.run(GOOD.replaceAll("(?m)^", "    "), "-");
        assertEquals(2, indented.code());
        assertTrue(indented.err().startsWith("<stdin>:1: error: lines are indented"), indented.err());
        assertEquals(1, indented.err().strip().lines().count(), "one message, not one per line: " + indented.err());
    }
}

package org.webrtcprimer.sdp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** Bad input: the documented error with the right line, never another exception, never a hang. */
class MalformedInputTest {

    static final String GOOD = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\nc=IN IP4 0.0.0.0\r\na=rtpmap:111 opus/48000/2\r\n";

    private static SdpParseException error(String text) {
        return assertThrows(SdpParseException.class, () -> Sdp.parse(text));
    }

    private static SdpParseException strictError(String text) {
        return assertThrows(SdpParseException.class, () -> Sdp.parseStrict(text));
    }

    private static SdpWarning onlyWarning(String text) {
        List<SdpWarning> w = Sdp.parse(text).warnings();
        assertEquals(1, w.size(), w.toString());
        return w.get(0);
    }

    @Test
    void inputThatIsNotSdpIsAnErrorInBothModes() {
        assertEquals(0, error("").line());
        assertTrue(error("").problem().contains("empty input"));
        assertEquals(0, error(" \r\n\t\n").line());
        assertTrue(error(null).problem().contains("no input"));
        SdpParseException html = error("\n<!DOCTYPE html>\n<html><body>v=0</body></html>");
        assertEquals(2, html.line());
        assertTrue(html.problem().contains("HTML"));
        SdpParseException json = error("{\"type\":\"offer\",\"sdp\":\"v=0\\r\\n\"}");
        assertTrue(json.problem().contains("JSON") && json.problem().contains("\"sdp\""), json.getMessage());
        SdpParseException text = error("Hello, this is a letter.\nv=0\n");
        assertEquals(1, text.line());
        assertTrue(text.problem().contains("not an SDP line"));
        byte[] garbage = new byte[4096];
        new Random(7).nextBytes(garbage);
        garbage[0] = 'v';
        garbage[1] = '=';
        for (int i = 2; i < garbage.length; i++) if (garbage[i] == 0) garbage[i] = 1;
        SdpParseException bin = error(new String(garbage, StandardCharsets.UTF_8));
        assertTrue(bin.problem().contains("binary"), bin.getMessage());
        assertThrows(SdpParseException.class, () -> Sdp.parseStrict(""));
    }

    @Test
    void aWrongVersionIsAnError() {
        SdpWarning v1 = onlyWarning(GOOD.replace("v=0", "v=1"));
        assertEquals(1, v1.line());
        assertTrue(v1.message().contains("must be 0"));
        assertTrue(v1.error(), "v=1 is an error, not a quirk");
        assertEquals(1, strictError(GOOD.replace("v=0", "v=1")).line());
    }

    @Test
    void eachProblemNamesItsLine() {
        check(GOOD.replace("o=- 1 2 IN IP4 127.0.0.1", "o=- 1 2 IN"), 2, "o= needs 6 fields");
        check(GOOD.replace("o=- 1 2", "o=- x1 2"), 2, "session id 'x1' is not a decimal");
        check(GOOD.replace("m=audio 9", "m=audio nine"), 5, "m= port 'nine' is not a number");
        check(GOOD.replace("m=audio 9 UDP/TLS/RTP/SAVPF 111", "m=audio"), 5, "m= needs");
        check(GOOD.replace("m=audio 9", "m=audio 70000"), 5, "m= port 70000 is larger than 65535");
        check(GOOD.replace("a=rtpmap:111 opus/48000/2", "a=rtpmap:111"), 7, "rtpmap needs");
        check(GOOD.replace("a=rtpmap:111 opus/48000/2", "a=rtpmap:111 opus/1/2/3"), 7, "rtpmap encoding 'opus/1/2/3'");
        check(GOOD.replace("a=rtpmap:111 opus/48000/2", "a=rtpmap:111 opus"), 7, "rtpmap 'opus' has no clock rate");
        check(GOOD.replace("a=rtpmap:111 opus/48000/2", "a=rtpmap:200 opus/48000/2"), 7, "rtpmap payload type 200 is larger than 127");
        check(GOOD + "a=fmtp:111\r\n", 8, "fmtp needs");
        check(GOOD + "a=fmtp:112 minptime=10\r\n", 8, "fmtp for format 112, which the m= line does not list");
        check(GOOD + "a=candidate:1 1 udp 99 10.0.0.1 5000\r\n", 8, "candidate needs at least 8 fields");
        check(GOOD + "a=candidate:1 1 udp high 10.0.0.1 5000 typ host\r\n", 8, "candidate priority 'high' is not a number");
        check(GOOD + "a=setup:client\r\n", 8, "setup 'client' must be");
        check(GOOD + "a=ice-ufrag:ab\r\n", 8, "ice-ufrag must be 4 to 256");
        check(GOOD + "a=fingerprint:sha-256 zz:11\r\n", 8, "not colon-separated hex");
        check(GOOD + "a=extmap:0 urn:x\r\n", 8, "extmap id 0 is smaller than 1");
        check(GOOD + "a=extmap:1/upwards urn:x\r\n", 8, "extmap direction 'upwards'");
        check(GOOD + "a=rtcp-mux:yes\r\n", 8, "takes no value");
        check(GOOD + "a=sendrecv\r\na=recvonly\r\n", 9, "more than one direction");
        check(GOOD + "a=simulcast:send ;\r\n", 8, "empty");
        check(GOOD + "a=rid:1 sideways\r\n", 8, "rid direction 'sideways'");
        check(GOOD + "y=unknown\r\n", 8, "unknown line type 'y='");
        check(GOOD + "this is not sdp\r\n", 8, "not an SDP line");
        check(GOOD.replace("s=-\r\n", "") + "s=-\r\n", 7, "s= is a session-level line");
        check(GOOD.replace("t=0 0\r\n", "t=0 0\r\ns=again\r\n"), 5, "out of order");
        check(GOOD.replace("t=0 0", "t=0"), 4, "t= needs");
        check(GOOD.replace("c=IN IP4 0.0.0.0", "c=IN IP4"), 6, "c= needs");
        check(GOOD + "m=video 9 UDP/TLS/RTP/SAVPF 96\r\na=mid:0\r\nc=IN IP4 0.0.0.0\r\n", 10, "out of order");
        check(GOOD.replace("a=rtpmap", "a=mid:0\r\na=rtpmap") + "m=video 9 UDP/TLS/RTP/SAVPF 96\r\nc=IN IP4 0.0.0.0\r\na=mid:0\r\n", 11, "used by two m-sections");
        check(GOOD.replace("t=0 0", "t=0 0\r\na=group:BUNDLE 0 1"), 5, "no m-section has it");
        check(GOOD.replace("c=IN IP4 0.0.0.0\r\n", ""), 5, "no c= line");
        check(GOOD.replace("t=0 0\r\n", ""), 0, "missing t=");
    }

    private static void check(String text, int line, String problem) {
        ParsedSdp s = Sdp.parse(text);
        assertFalse(s.warnings().isEmpty(), "lenient: expected a warning for " + problem);
        SdpWarning w = s.warnings().stream().filter(x -> x.message().contains(problem)).findFirst()
                .orElseThrow(() -> new AssertionError("no warning '" + problem + "' in " + s.warnings()));
        assertEquals(line, w.line(), w.toString());
        SdpParseException e = assertThrows(SdpParseException.class, () -> Sdp.parseStrict(text), problem);
        assertEquals(s.warnings().get(0).line(), e.line(), "strict: the first problem is the error");
        assertTrue(e.getMessage().startsWith(e.line() > 0 ? "line " + e.line() + ": " : ""), e.getMessage());
        // Whatever the warnings, the views still work.
        assertFalse(s.dissect().toHtml().isEmpty());
        assertFalse(Sdp.diff(s, Sdp.parse(GOOD)).toText().isEmpty());
        assertEquals(s.media().size(), Sdp.fromJson(s.toJson()).media().size());
    }

    /** Mutations of the real datasets: only SdpParseException may escape, and every view works on what parses. */
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void mutatedRealSdpsNeverThrowAnythingElse() {
        Random rnd = new Random(20240611);
        List<String> sources = new ArrayList<>();
        for (String n : Datasets.names()) sources.add(Datasets.text(n));
        String alphabet = "=: /;,.-~*0123456789aemvotcs\r\n\t\u0000\uFFFD<{\"é中";
        int parsed = 0, rejected = 0;
        for (int i = 0; i < 3000; i++) {
            StringBuilder b = new StringBuilder(sources.get(rnd.nextInt(sources.size())));
            int edits = 1 + rnd.nextInt(8);
            for (int k = 0; k < edits && b.length() > 0; k++) {
                int pos = rnd.nextInt(b.length());
                switch (rnd.nextInt(5)) {
                    case 0 -> b.deleteCharAt(pos);
                    case 1 -> b.insert(pos, alphabet.charAt(rnd.nextInt(alphabet.length())));
                    case 2 -> b.setCharAt(pos, alphabet.charAt(rnd.nextInt(alphabet.length())));
                    case 3 -> b.setLength(pos);
                    default -> {
                        int end = Math.min(b.length(), pos + rnd.nextInt(200));
                        b.delete(pos, end);
                    }
                }
            }
            String text = b.toString();
            for (ParseMode mode : ParseMode.values()) {
                ParsedSdp s;
                try {
                    s = Sdp.parse(text, mode);
                } catch (SdpParseException e) {
                    rejected++;
                    assertNotNull(e.getMessage());
                    continue;
                }
                parsed++;
                Dissection d = s.dissect();
                assertEquals(s.lines().size(), d.rows().size());
                d.toHtml();
                d.toText();
                Sdp.diff(s, Sdp.parse(sources.get(0))).toHtml();
                ParsedSdp back = Sdp.fromJson(s.toJson());
                assertEquals(s.lines(), back.lines());
            }
        }
        assertTrue(parsed > 1000 && rejected > 0, parsed + " parsed, " + rejected + " rejected");
    }

    @Test
    void jsonThatIsNotOursIsAParseError() {
        assertThrows(SdpParseException.class, () -> Sdp.fromJson("[1,2]"));
        assertThrows(SdpParseException.class, () -> Sdp.fromJson("{\"media\": 7}"));
        assertThrows(SdpParseException.class, () -> Sdp.fromJson("not json {"));
    }
}

package org.webrtcprimer.sdp;

import org.webrtcprimer.tools.SdpCommand;

import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** The 'sdp' command run in-process: output and exit codes 0 clean / 1 warnings / 2 errors. */
class SdpCommandTest {

    record Run(int code, String out, String err) {}

    static Run run(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = SdpCommand.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static String file(String name) {
        return Datasets.path(name).toString();
    }

    @Test
    void cleanFileExitsZeroAndExplainsEveryLine() {
        Run r = run("", file("chromium-120-offer.sdp"));
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        assertTrue(r.out().contains("a=rtpmap:111 opus/48000/2"));
        assertTrue(r.out().contains("Payload type 111 is opus"));
        assertTrue(r.out().contains("负载类型 111"));
        assertTrue(r.out().contains("Codecs of m=1 video (mid 1)"));
    }

    @Test
    void warningsExitOneAndStrictTurnsThemIntoErrors() {
        Run r = run("", file("janus-videoroom-answer.sdp"));
        assertEquals(1, r.code());
        assertTrue(r.err().contains("janus-videoroom-answer.sdp:9: warning: c= is out of order"), r.err());
        Run s = run("", "--strict", file("janus-videoroom-answer.sdp"));
        assertEquals(2, s.code());
        assertTrue(s.err().contains(":9: error: c= is out of order"), s.err());
    }

    @Test
    void notSdpMissingFilesAndBadOptionsExitTwo(@TempDir Path tmp) throws Exception {
        Path html = tmp.resolve("page.html");
        Files.writeString(html, "<!DOCTYPE html><html></html>");
        Run r = run("", html.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("page.html:1: error: this looks like HTML"), r.err());
        Path bin = tmp.resolve("x.bin");
        Files.write(bin, new byte[]{'v', '=', '0', '\n', 0, 1, 2, 3});
        assertEquals(2, run("", bin.toString()).code());
        Path empty = tmp.resolve("empty.sdp");
        Files.write(empty, new byte[0]);
        Run e = run("", empty.toString());
        assertEquals(2, e.code());
        assertTrue(e.err().contains("empty input"));
        Run missing = run("", tmp.resolve("nope.sdp").toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("no such file"), missing.err());
        assertEquals(2, run("", tmp.toString()).code(), "a directory");
        assertEquals(2, run("", "--frobnicate", file("chromium-120-offer.sdp")).code());
        assertEquals(2, run("").code(), "no file");
        assertEquals(0, run("", "--help").code());
        // One bad file among good ones still gives 2, and the good ones are printed.
        Run mixed = run("", file("chromium-120-offer.sdp"), html.toString());
        assertEquals(2, mixed.code());
        assertTrue(mixed.out().contains("##### "));
    }

    @Test
    void readsStandardInputAndWritesJson() {
        Run r = run(Datasets.text("firefox-121-offer.sdp"), "--json", "-");
        assertEquals(0, r.code(), r.err());
        var o = JsonParser.parseString(r.out()).getAsJsonObject();
        assertEquals("<stdin>", o.get("file").getAsString());
        assertEquals("mozilla...THIS_IS_SDPARTA-99.0", o.getAsJsonObject("origin").get("username").getAsString());
        Run two = run("", "--json", file("sip-pjsua-audio-offer.sdp"), file("chrome-planb-sdes.sdp"));
        assertEquals(1, two.code());
        var arr = JsonParser.parseString(two.out()).getAsJsonArray();
        assertEquals(2, arr.size());
        assertEquals(2, arr.get(1).getAsJsonObject().getAsJsonArray("warnings").size());
        Run bad = run("{\"sdp\":1}", "--json", "-");
        assertEquals(2, bad.code());
        assertTrue(JsonParser.parseString(bad.out()).getAsJsonObject().get("error").getAsString().contains("JSON"));
    }

    @Test
    void htmlAndDiff() {
        Run h = run("", "--html", file("safari-26-offer-datachannel.sdp"));
        assertEquals(0, h.code());
        assertTrue(h.out().startsWith("<!DOCTYPE html>"));
        assertTrue(h.out().contains("primer-sdp"));
        Run d = run("", "--diff", file("../article/offer.sdp"), file("../article/answer.sdp"));
        assertEquals(0, d.code(), d.err());
        assertTrue(d.out().contains("(offer → answer)"));
        assertTrue(d.out().contains("a=setup: actpass → active"));
        assertEquals(2, run("", "--diff", file("../article/offer.sdp")).code());
    }
}

package org.webrtcprimer.tools;

import org.webrtcprimer.stats.CallDump;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** Issue 11 §2: nested dumps, link-safe atomic PNGs, escaped control characters, bad numbers. */
class CommandLineHardeningTest {

    private static String nestedDump(int depth) {
        return "{\"format\":\"" + CallDump.FORMAT + "\",\"version\":1,\"created\":\"2026-01-01T00:00:00Z\",\"kit\":{\"version\":\"x\","
                + "\"webrtcJava\":\"y\"},\"log\":{\"events\":" + "[".repeat(depth) + "]".repeat(depth) + "}}";
    }

    @Test
    void aDeeplyNestedDumpIsAClearErrorNotAStackOverflow(@TempDir Path tmp) throws IOException {
        // on main this threw StackOverflowError (exit 1, a 1,000-line trace)
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CallDump.parse(nestedDump(50_000)));
        assertTrue(e.getMessage().contains("nests more than 64 levels deep"), e.getMessage());
        Path f = tmp.resolve("deep.json");
        Files.writeString(f, nestedDump(50_000));
        assertEquals(2, DumpCommand.run(new String[]{f.toString()}));
        // a string full of brackets is not nesting
        IllegalArgumentException notDeep = assertThrows(IllegalArgumentException.class,
                () -> CallDump.parse(nestedDump(1).replace("\"x\"", "\"" + "[".repeat(500) + "\"")));
        assertFalse(notDeep.getMessage().contains("nests"), notDeep.getMessage());
    }

    @Test
    void pngsAreWrittenAtomicallyAndNeverThroughALink(@TempDir Path tmp) throws IOException {
        Path secret = tmp.resolve("secret.txt");
        Files.writeString(secret, "keep me");
        Path out = Files.createDirectories(tmp.resolve("charts"));
        Path planted = out.resolve("chart.png");
        Files.createSymbolicLink(planted, secret);
        IOException e = assertThrows(IOException.class, () -> DumpCommand.writeAtomically(planted, new byte[]{1, 2, 3}));
        assertTrue(e.getMessage().contains("is a symbolic link; not following it"), e.getMessage());
        assertEquals("keep me", Files.readString(secret));
        Path plain = out.resolve("other.png");
        Files.writeString(plain, "old");
        DumpCommand.writeAtomically(plain, new byte[]{1, 2, 3});
        assertArrayEquals(new byte[]{1, 2, 3}, Files.readAllBytes(plain));
        try (var files = Files.list(out)) {
            assertEquals(2, files.count(), "no temporary file is left behind");
        }
    }

    @Test
    void controlCharactersInEchoedInputAreEscaped() {
        assertEquals("a\\x1b[31mred\\x07 \\x9b\n\tok", Terminal.safe("a\u001b[31mred\u0007 \u009b\n\tok"));
        String sdp = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=\u001b]0;pwned\u0007\r\nt=0 0\r\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = SdpCommand.run(new String[]{"-"}, new ByteArrayInputStream(sdp.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String o = out.toString(StandardCharsets.UTF_8), w = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, code, w);
        assertFalse(o.contains("\u001b") || w.contains("\u001b"), "no raw ESC reaches the terminal");
        assertTrue(o.contains("s=\\x1b]0;pwned\\x07"), o);
    }

    @Test
    void badNumbersAreAUsageErrorNamingTheFlag() {
        PrintStream saved = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertEquals(2, SetupBenchmark.main(new String[]{"--calls", "-3"}));
            assertEquals(2, SetupBenchmark.main(new String[]{"--calls", "abc"}));
            assertEquals(2, SetupBenchmark.main(new String[]{"--warmup"}));
        } finally {
            System.setErr(saved);
        }
        String e = err.toString(StandardCharsets.UTF_8);
        assertTrue(e.contains("bench: --calls needs a whole number from 1 to 100000, not '-3'"), e);
        assertTrue(e.contains("not 'abc'"), e);
        assertTrue(e.contains("--warmup needs a value"), e);
        assertTrue(e.contains("usage: bench"), e);
    }
}

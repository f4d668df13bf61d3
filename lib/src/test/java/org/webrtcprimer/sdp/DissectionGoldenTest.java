package org.webrtcprimer.sdp;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every explanation the kit gives for the SDPs of datasets/ and for coverage.sdp (a description
 * that reaches every entry of explanations.txt), one block per distinct explanation, compared with dissection-golden.txt. The golden
 * file was written by the Java-coded explainer before the explanations became data, so a change to
 * an explanation shows here as a reviewable diff. After a deliberate correction, rewrite it with
 * {@code mvn -B -q test -Dtest=DissectionGoldenTest -Dprimer.golden.write=true} and commit the diff.
 */
class DissectionGoldenTest {
    static final String GOLDEN = "src/test/resources/org/webrtcprimer/sdp/dissection-golden.txt";

    static String coverage() throws IOException {
        try (InputStream in = DissectionGoldenTest.class.getResourceAsStream("coverage.sdp")) {
            assertNotNull(in, "coverage.sdp is missing from the test resources");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static String dump() throws IOException {
        StringBuilder b = new StringBuilder();
        Set<String> seen = new HashSet<>();
        List<String> names = new ArrayList<>(Datasets.names());
        for (String n : names) dump(b, seen, n, Datasets.parse(n));
        dump(b, seen, "coverage.sdp", Sdp.parse(coverage()));
        return b.toString();
    }

    /** One block per distinct explanation, at its first line; a repeat of an earlier block is left out. */
    private static void dump(StringBuilder b, Set<String> seen, String name, ParsedSdp sdp) {
        b.append("== ").append(name).append('\n');
        for (Dissection.Row r : sdp.dissect().rows()) {
            String block = r.group() + " " + r.key() + " " + r.fields() + "\n  en: " + r.english() + "\n  zh: " + r.chinese()
                    + "\n  ref: " + r.reference() + "\n";
            if (seen.add(block)) b.append(r.line()).append(' ').append(block);
        }
    }

    @Test
    void explanationsAreTheReviewedOnes() throws IOException {
        String actual = dump();
        Path golden = Path.of(GOLDEN);
        if (Boolean.getBoolean("primer.golden.write")) {
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
            return;
        }
        String expected = Files.readString(golden, StandardCharsets.UTF_8);
        if (expected.equals(actual)) return;
        Path out = Path.of("target", "dissection-actual.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, actual, StandardCharsets.UTF_8);
        String[] e = expected.split("\n", -1), a = actual.split("\n", -1);
        int i = 0;
        while (i < e.length && i < a.length && e[i].equals(a[i])) i++;
        fail("dissection differs from " + GOLDEN + " at line " + (i + 1) + ":\n  expected: "
                + (i < e.length ? e[i] : "(end)") + "\n  actual:   " + (i < a.length ? a[i] : "(end)")
                + "\nWhole output in lib/" + out + "; if the change is meant, rerun with -Dprimer.golden.write=true and commit the diff.");
    }
}

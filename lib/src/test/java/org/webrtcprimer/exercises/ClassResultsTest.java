package org.webrtcprimer.exercises;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A student's results file as check(...) writes it, and a class's files read back for the teacher. */
class ClassResultsTest {

    @AfterEach
    void off() {
        System.clearProperty("primer.results");
    }

    @Test
    void checksAreAppendedToTheResultsFileAndReadBackPerStudent(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("alice.jsonl");
        System.setProperty("primer.results", file.toString());
        Exercises.check("03.1", "stable");                 // wrong
        Exercises.check("03.1", (Object) null);            // not answered: not recorded
        Exercises.check("03.1", "have-local-offer");       // right
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(2, lines.size(), "one line per answered check: " + lines);
        assertTrue(lines.get(0).contains("\"outcome\":\"wrong\"") && lines.get(0).contains("\"answer\":\"stable\""), lines.get(0));
        assertTrue(lines.get(1).contains("\"outcome\":\"right\""), lines.get(1));
        ClassResults c = ClassResults.load(dir);
        assertTrue(c.solved().toText().contains("✓ after 1 ✗"), c.solved().toText());
    }

    @Test
    void aClassIsReadWithItsWrongAnswersAndSetupTimes(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.jsonl"), String.join("\n",
                "{\"v\":1,\"student\":\"ann\",\"kind\":\"check\",\"exercise\":\"03.1\",\"outcome\":\"wrong\",\"answer\":\"stable\"}",
                "{\"v\":1,\"student\":\"ann\",\"kind\":\"check\",\"exercise\":\"03.1\",\"outcome\":\"right\",\"answer\":\"have-local-offer\"}",
                "{\"v\":1,\"student\":\"ann\",\"kind\":\"setup\",\"first_frame_ms\":120.5,\"connected_ms\":80.0}",
                "not json at all",
                "{\"v\":1,\"student\":\"ann\",\"kind\":\"setup\",\"first_frame_ms\":-4}"), StandardCharsets.UTF_8);
        Files.createDirectories(dir.resolve("uploads"));
        Files.writeString(dir.resolve("uploads/b.jsonl"), String.join("\n",
                "{\"v\":1,\"student\":\"ben\",\"kind\":\"check\",\"exercise\":\"03.1\",\"outcome\":\"wrong\",\"answer\":\"stable\"}",
                "{\"v\":1,\"student\":\"ben\",\"kind\":\"check\",\"exercise\":\"03.10\",\"outcome\":\"right\",\"answer\":\"3\"}",
                "{\"v\":1,\"student\":\"ben\",\"kind\":\"check\",\"exercise\":\"03.2\",\"outcome\":\"wrong\",\"answer\":\"[a, b]\"}",
                "{\"v\":1,\"student\":\"ben\",\"kind\":\"setup\",\"first_frame_ms\":300.0}",
                "{\"v\":1,\"student\":\"ben\",\"kind\":\"setup\",\"first_frame_ms\":30000.0,\"stepwise\":true}"), StandardCharsets.UTF_8);
        ClassResults c = ClassResults.load(dir);
        assertEquals(List.of("ann", "ben"), c.students());
        assertEquals(2, c.skipped().size(), "the two bad lines, with file and line: " + c.skipped());
        assertTrue(c.skipped().get(0).startsWith("a.jsonl:4"), c.skipped().toString());
        assertTrue(c.skipped().get(1).startsWith("a.jsonl:5") && c.skipped().get(1).contains("out of range"), c.skipped().toString());

        String solved = c.solved().toText();
        assertTrue(solved.contains("✓ after 1 ✗"), solved);
        assertTrue(solved.contains("✗ 1 try"), solved);
        // exercise ids sort as numbers: 03.2 before 03.10
        assertTrue(c.solved().headers().equals(List.of("student", "03.1", "03.2", "03.10", "solved")), c.solved().headers().toString());

        var wrong = c.mostOftenWrong();
        assertEquals("03.1", wrong.rows().get(0).get(0), "the most often wrong exercise comes first: " + wrong.toText());
        assertTrue(wrong.toText().contains("“stable” ×2"), wrong.toText());
        assertEquals(2, wrong.size(), "03.10 had no wrong answer and is left out: " + wrong.toText());

        assertEquals(List.of(120.5), c.setupTimes().get("ann"));
        assertEquals(List.of(300.0), c.setupTimes().get("ben"));
        assertEquals(List.of(80.0), c.connectedTimes().get("ann"));
        assertTrue(c.connectedTimes().get("ben") == null, "ben's line has no connected_ms");
        double article = ClassResults.articleConnectedMs();
        assertTrue(article > 0 && article < 10_000, "the article's setup time is read from its log: " + article);
        var chart = c.setupTimeChart();
        assertTrue(chart.caption().contains("1 calls"), chart.caption());
        assertFalse(chart.image().getWidth() < 100);
    }

    @Test
    void theRecordedClassOfEightReadsBack() {
        ClassResults c = ClassResults.dataset("classroom/hub-demo-8");
        assertEquals(8, c.students().size(), c.toString());
        assertTrue(c.skipped().isEmpty(), c.skipped().toString());
        assertEquals(8, c.setupTimes().size(), "every student's one-go call is there: " + c.setupTimes());
        assertTrue(c.entries().stream().anyMatch(ClassResults.Entry::stepwise), "lesson 03's step-by-step calls are marked");
        assertTrue(c.mostOftenWrong().size() >= 2, c.mostOftenWrong().toText());
    }

    @Test
    void aMissingFolderSaysWhatToPutThere(@TempDir Path dir) {
        var e = assertThrows(IllegalArgumentException.class, () -> ClassResults.load(dir.resolve("nope")));
        assertTrue(e.getMessage().contains("webrtc-primer-results.jsonl"), e.getMessage());
    }

    @Test
    void outsideAKernelWithoutTheVariableNothingIsWritten() {
        if (System.getenv(ResultsFile.ENV) == null) assertTrue(ResultsFile.path().isEmpty());
        assertEquals("(a Object)", ResultsFile.answerText(new Object()));
        assertEquals(ResultsFile.MAX_ANSWER_CHARS, ResultsFile.answerText("x".repeat(500)).length());
    }
}

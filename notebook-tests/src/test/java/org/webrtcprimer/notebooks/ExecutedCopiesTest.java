package org.webrtcprimer.notebooks;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The executed copies in docs/lessons/ (written by {@code ./primer render}) are the lessons as
 * they are now: one copy per lesson (every notebooks/[0-9]*.ipynb, found by listing the folder),
 * with the same code cells in the same order, outputs present, and the whole set small enough
 * to commit (20 MB).
 */
class ExecutedCopiesTest {
    static final long MAX_BYTES = 20_000_000;

    static List<Path> lessons() {
        try (Stream<Path> s = Files.list(Kit.root().resolve("notebooks"))) {
            return s.filter(p -> p.getFileName().toString().matches("[0-9].*\\.ipynb")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path copyOf(Path lesson) {
        return Kit.root().resolve("docs/lessons").resolve(lesson.getFileName());
    }

    @TestFactory
    Stream<DynamicTest> everyLessonHasACurrentExecutedCopy() {
        return lessons().stream().map(l -> DynamicTest.dynamicTest(Kit.name(l), l.toUri(), () -> check(l)));
    }

    @Test
    void theCopiesStaySmall() throws IOException {
        Path dir = Kit.root().resolve("docs/lessons");
        long total = 0;
        if (Files.isDirectory(dir)) {
            try (Stream<Path> s = Files.list(dir)) {
                for (Path p : s.toList()) total += Files.size(p);
            }
        }
        assertTrue(total <= MAX_BYTES, "docs/lessons holds " + total + " bytes, over the " + MAX_BYTES
                + " the repository can carry: shrink the largest outputs (images) of the lessons");
    }

    private static void check(Path lesson) throws IOException {
        Path copy = copyOf(lesson);
        String regenerate = " — run ./primer render " + lesson.getFileName().toString().substring(0, 2)
                + " (or ./primer render for all) and commit docs/lessons/";
        assertTrue(Files.isRegularFile(copy), Kit.name(lesson) + " has no executed copy " + Kit.name(copy) + regenerate);
        List<String> mine = code(lesson), theirs = code(copy);
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < Math.max(mine.size(), theirs.size()); i++) {
            String a = i < mine.size() ? mine.get(i) : null, b = i < theirs.size() ? theirs.get(i) : null;
            if (a == null || !a.equals(b)) {
                problems.add("code cell " + (i + 1) + ": the lesson has\n" + indent(a) + "\n  the copy has\n" + indent(b));
                break; // the first difference says enough
            }
        }
        if (mine.size() != theirs.size()) problems.add("the lesson has " + mine.size() + " code cells, the copy " + theirs.size());
        assertTrue(problems.isEmpty(), Kit.name(copy) + " is not the current " + Kit.name(lesson) + regenerate + "\n"
                + String.join("\n", problems));
        assertTrue(outputs(copy) > 0, Kit.name(copy) + " has no outputs: it was not executed" + regenerate);
    }

    private static JsonArray cells(Path p) throws IOException {
        JsonObject nb = JsonParser.parseString(Files.readString(p, StandardCharsets.UTF_8)).getAsJsonObject();
        return nb.getAsJsonArray("cells");
    }

    private static List<String> code(Path p) throws IOException {
        List<String> out = new ArrayList<>();
        for (var e : cells(p)) {
            JsonObject c = e.getAsJsonObject();
            if (!"code".equals(c.get("cell_type").getAsString())) continue;
            var src = c.get("source");
            StringBuilder b = new StringBuilder();
            if (src.isJsonArray()) src.getAsJsonArray().forEach(x -> b.append(x.getAsString()));
            else b.append(src.getAsString());
            out.add(b.toString().strip());
        }
        return out;
    }

    private static int outputs(Path p) throws IOException {
        int n = 0;
        for (var e : cells(p)) {
            JsonObject c = e.getAsJsonObject();
            if (c.has("outputs")) n += c.getAsJsonArray("outputs").size();
        }
        return n;
    }

    private static String indent(String s) {
        return s == null ? "    (nothing)" : "    " + s.replace("\n", "\n    ");
    }
}

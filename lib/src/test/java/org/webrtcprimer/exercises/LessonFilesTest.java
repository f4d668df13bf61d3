package org.webrtcprimer.exercises;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a new lesson must bring along (docs/contributing.md), checked without a kernel: a
 * solutions notebook beside it, and an exercise registered for every {@code check("NN.M", …)}
 * its cells (or its solutions' cells) call. The exercise classes are the one list; this reads the
 * notebooks and asks {@link Exercises}.
 */
class LessonFilesTest {

    /** Surefire runs in lib/; the lessons are one level up. */
    private static final Path NOTEBOOKS = Path.of("..", "notebooks");
    private static final Pattern LESSON = Pattern.compile("\\d\\d-.+\\.ipynb");
    private static final Pattern CHECK = Pattern.compile("check\\(\\\\?\"(\\d\\d\\.\\d+)\\\\?\"");

    static List<Path> lessons() throws IOException {
        try (Stream<Path> s = Files.list(NOTEBOOKS)) {
            List<Path> l = s.filter(p -> LESSON.matcher(p.getFileName().toString()).matches()).sorted().toList();
            assertFalse(l.isEmpty(), "no lessons found in " + NOTEBOOKS.toAbsolutePath().normalize());
            return l;
        }
    }

    static Path solutionsOf(Path lesson) {
        String n = lesson.getFileName().toString();
        return NOTEBOOKS.resolve("solutions").resolve(n.substring(0, n.length() - ".ipynb".length()) + "-solutions.ipynb");
    }

    @TestFactory
    Stream<DynamicTest> everyLessonHasASolutionsNotebook() throws IOException {
        return lessons().stream().map(l -> DynamicTest.dynamicTest(l.getFileName().toString(), () ->
                assertTrue(Files.isRegularFile(solutionsOf(l)), l.getFileName() + " has no solutions notebook: add "
                        + NOTEBOOKS.relativize(solutionsOf(l)) + " (docs/contributing.md, \"Adding a lesson\")")));
    }

    @TestFactory
    Stream<DynamicTest> everyCheckedIdIsARegisteredExercise() throws IOException {
        List<Path> all = new ArrayList<>(lessons());
        for (Path l : lessons()) if (Files.isRegularFile(solutionsOf(l))) all.add(solutionsOf(l));
        return all.stream().map(nb -> DynamicTest.dynamicTest(nb.getFileName().toString(), () -> {
            String json = Files.readString(nb, StandardCharsets.UTF_8);
            List<String> missing = new ArrayList<>();
            Matcher m = CHECK.matcher(json);
            while (m.find()) {
                try {
                    Exercises.get(m.group(1));
                } catch (IllegalArgumentException e) {
                    missing.add(m.group(1));
                }
            }
            assertTrue(missing.isEmpty(), nb.getFileName() + " calls check(...) with " + missing
                    + ", which no exercises.LessonNN class registers: add it to that lesson's exercises() list");
        }));
    }
}

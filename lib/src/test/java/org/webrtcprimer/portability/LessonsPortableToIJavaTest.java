package org.webrtcprimer.portability;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.execution.LocalExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * What keeps a lesson that runs in the kit's kernel (rapaio) portable to IJava and JJava.
 *
 * <p>The names those kernels star-import before the first cell are the kit's kernel's too: its
 * launcher imports what rapaio's own start-up script lacks (kernel/…/RapaioLauncher.java), and
 * the notebook tests execute every cell of every lesson and solution there, so a kit type that
 * became ambiguous beside a star-imported JDK type fails those tests. (Until 2026-12 this class
 * compiled every cell a second time in a JShell of its own, 30–150 s of CPU per suite run.) What
 * remains for this class is what rapaio has and those kernels have not: rapaio's static helpers
 * ({@code display}, {@code eval}…, imported unqualified by its start-up script) and its
 * {@code %} magics, and the proof that JShell refuses an ambiguous on-demand name at all.
 */
class LessonsPortableToIJavaTest {

    /** rapaio 3.0.1's {@code org.rapaio.jupyter.kernel.global.Global} methods, which its init.jshell imports statically. */
    static final List<String> RAPAIO_ONLY_FUNCTIONS = List.of("display", "updateDisplay", "displaySystem", "options", "eval");

    /** An unqualified call of one of those names (not {@code x.display(}, not {@code void display(}). */
    static final Pattern RAPAIO_CALL = Pattern.compile("(?<![.\\w$])(" + String.join("|", RAPAIO_ONLY_FUNCTIONS) + ")\\s*\\(");

    /** A method a cell declares with one of those names: then the call is the cell's own. */
    static final Pattern OWN_DECLARATION = Pattern.compile("\\b[\\w<>\\[\\],? ]+\\s+(" + String.join("|", RAPAIO_ONLY_FUNCTIONS) + ")\\s*\\([^)]*\\)\\s*(throws [\\w., ]+)?\\{");

    static List<Path> notebooks() throws Exception {
        Path dir = Path.of("..", "notebooks");
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> p.toString().endsWith(".ipynb") && !p.toString().contains(".ipynb_checkpoints")).sorted().toList();
        }
    }

    @Test
    void noCellUsesWhatOnlyRapaioHas() throws Exception {
        List<Path> notebooks = notebooks();
        assertTrue(notebooks.size() >= 20, "lessons and solutions found: " + notebooks);
        List<String> problems = new ArrayList<>();
        int cells = 0;
        for (Path nb : notebooks) {
            JsonObject json = JsonParser.parseString(Files.readString(nb, StandardCharsets.UTF_8)).getAsJsonObject();
            int cellNo = 0;
            for (JsonElement c : json.getAsJsonArray("cells")) {
                JsonObject cell = c.getAsJsonObject();
                if (!cell.get("cell_type").getAsString().equals("code")) continue;
                cellNo++;
                cells++;
                StringBuilder source = new StringBuilder();
                for (JsonElement line : cell.getAsJsonArray("source")) source.append(line.getAsString());
                problems.addAll(rapaioOnly(nb.getFileName() + " code cell " + cellNo, source.toString()));
            }
        }
        assertTrue(cells > 200, "code cells read: " + cells);
        assertEquals(List.of(), problems, "cells that IJava or JJava would refuse");
    }

    /** The problems of one cell's source, each with its line. */
    static List<String> rapaioOnly(String where, String source) {
        List<String> problems = new ArrayList<>();
        String code = withoutLiteralsAndComments(source);
        List<String> own = new ArrayList<>();
        Matcher d = OWN_DECLARATION.matcher(code);
        while (d.find()) own.add(d.group(1));
        String[] lines = code.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].stripLeading().startsWith("%")) {
                problems.add(where + ", line " + (i + 1) + ": a kernel magic (" + lines[i].strip() + ") — IJava's and JJava's differ from rapaio's");
            }
            Matcher m = RAPAIO_CALL.matcher(lines[i]);
            while (m.find()) {
                if (own.contains(m.group(1))) continue;
                problems.add(where + ", line " + (i + 1) + ": " + m.group(1) + "(…) is rapaio's own (Global." + m.group(1)
                        + "), not defined in IJava or JJava — use the kit's Notebook.show/html/image");
            }
        }
        return problems;
    }

    /** The source with string and char literals and comments blanked (newlines kept, so lines still count). */
    static String withoutLiteralsAndComments(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (s.startsWith("\"\"\"", i)) {
                int end = s.indexOf("\"\"\"", i + 3);
                end = end < 0 ? s.length() : end + 3;
                blank(out, s, i, end);
                i = end;
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < s.length() && s.charAt(j) != c && s.charAt(j) != '\n') j += s.charAt(j) == '\\' ? 2 : 1;
                int end = Math.min(s.length(), j + 1);
                blank(out, s, i, end);
                i = end;
            } else if (s.startsWith("//", i)) {
                int end = s.indexOf('\n', i);
                end = end < 0 ? s.length() : end;
                blank(out, s, i, end);
                i = end;
            } else if (s.startsWith("/*", i)) {
                int end = s.indexOf("*/", i + 2);
                end = end < 0 ? s.length() : end + 2;
                blank(out, s, i, end);
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static void blank(StringBuilder out, String s, int from, int to) {
        for (int k = from; k < to; k++) out.append(s.charAt(k) == '\n' ? '\n' : ' ');
    }

    @Test
    void theCheckFindsEachKindOfProblemWithItsLine() {
        assertEquals(List.of(), rapaioOnly("c", "Notebook.show(x);\nvar s = \"display(\"; // display(y)\nchart.display(z);"));
        assertEquals(List.of(), rapaioOnly("c", "void display(String s) { Notebook.show(s); }\ndisplay(\"a\");"));
        List<String> p = rapaioOnly("c", "int a = 1;\ndisplay(\"text/html\", \"<b>x</b>\");\n%jar lib.jar\n");
        assertEquals(2, p.size(), p.toString());
        assertTrue(p.get(0).startsWith("c, line 2: display(…) is rapaio's own"), p.get(0));
        assertTrue(p.get(1).startsWith("c, line 3: a kernel magic (%jar lib.jar)"), p.get(1));
    }

    /** Defines snippets without running them. */
    static final class CompileOnly extends LocalExecutionControl {
        @Override
        public String invoke(String className, String methodName) {
            return "";
        }

        @Override
        public String varValue(String className, String varName) {
            return "";
        }
    }

    static final class CompileOnlyProvider implements ExecutionControlProvider {
        @Override
        public String name() {
            return "primer-compile-only";
        }

        @Override
        public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
            return new CompileOnly();
        }
    }

    /** Why a shared simple name fails a lesson in every kernel: JShell refuses a name two star imports both offer. */
    @Test
    void jshellRefusesANameTwoStarImportsOffer() {
        try (JShell shell = JShell.builder().executionEngine(new CompileOnlyProvider(), Map.of()).build()) {
            for (String p : KernelImports.PACKAGES) shell.eval("import " + p + ".*;");
            shell.eval("import java.awt.*;");
            SnippetEvent e = shell.eval("List<String> names = null;").get(0);
            assertEquals(Snippet.Status.REJECTED, e.status(), "java.awt.List beside java.util.List");
            assertTrue(shell.diagnostics(e.snippet()).anyMatch(d -> d.getMessage(Locale.ENGLISH).contains("ambiguous")),
                    "the error names the ambiguity");
        }
    }
}

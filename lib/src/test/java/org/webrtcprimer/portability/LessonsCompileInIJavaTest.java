package org.webrtcprimer.portability;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import jdk.jshell.Diag;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.execution.LocalExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Every code cell of every lesson and solution (found by globbing {@code notebooks/}, so new
 * lessons are picked up), compiled in a JShell that first runs IJava's/JJava's start-up imports —
 * the way those kernels see a notebook. Nothing is executed: the snippets are compiled and
 * defined, never run, so a lesson's engine never starts here. It catches what the kit's own kernel
 * cannot: a kit name that becomes ambiguous next to a star-imported JDK type.
 */
class LessonsCompileInIJavaTest {

    /** Defines snippets without running them: compile errors are what this test is after. */
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

    static List<Path> notebooks() throws Exception {
        Path dir = Path.of("..", "notebooks");
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> p.toString().endsWith(".ipynb") && !p.toString().contains(".ipynb_checkpoints")).sorted().toList();
        }
    }

    @Test
    void everyLessonAndSolutionCompilesWithTheStartupImportsOfIJavaAndJJava() throws Exception {
        List<Path> notebooks = notebooks();
        assertTrue(notebooks.size() >= 20, "lessons and solutions found: " + notebooks);
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> problems = new ArrayList<>();
        int snippets = 0;
        for (Path nb : notebooks) {
            ByteArrayOutputStream sink = new ByteArrayOutputStream();
            try (JShell shell = JShell.builder().executionEngine(new CompileOnlyProvider(), Map.of())
                    .out(new PrintStream(sink)).err(new PrintStream(sink)).build()) {
                for (String entry : classpath.split(File.pathSeparator)) if (!entry.isBlank()) shell.addToClasspath(entry);
                for (SnippetEvent e : eval(shell, KernelImports.startup())) {
                    assertNotEquals(Snippet.Status.REJECTED, e.status(), "start-up import " + e.snippet().source());
                }
                JsonObject json = JsonParser.parseString(Files.readString(nb, StandardCharsets.UTF_8)).getAsJsonObject();
                int cellNo = 0;
                for (JsonElement c : json.getAsJsonArray("cells")) {
                    JsonObject cell = c.getAsJsonObject();
                    if (!cell.get("cell_type").getAsString().equals("code")) continue;
                    cellNo++;
                    StringBuilder source = new StringBuilder();
                    for (JsonElement line : cell.getAsJsonArray("source")) {
                        String l = line.getAsString();
                        source.append(l.startsWith("%") ? "\n" : l); // a kernel magic line is not Java
                    }
                    for (SnippetEvent e : eval(shell, source.toString())) {
                        snippets++;
                        if (e.causeSnippet() != null) continue;
                        Snippet.Status s = e.status();
                        if (s == Snippet.Status.REJECTED || s == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
                            StringBuilder why = new StringBuilder();
                            shell.diagnostics(e.snippet()).filter(Diag::isError)
                                    .forEach(d -> why.append(d.getMessage(Locale.ENGLISH)).append("; "));
                            if (s == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
                                shell.unresolvedDependencies((jdk.jshell.DeclarationSnippet) e.snippet())
                                        .forEach(u -> why.append("cannot find ").append(u).append("; "));
                            }
                            problems.add(nb.getFileName() + " code cell " + cellNo + ": " + firstLine(e.snippet().source()) + " — " + why);
                        }
                    }
                }
            }
        }
        assertTrue(snippets > 200, "snippets compiled: " + snippets);
        assertTrue(catchesAnAmbiguousName(classpath), "the check itself sees an ambiguous name");
        assertEquals(List.of(), problems, "cells that IJava or JJava would refuse (start-up imports: " + KernelImports.PACKAGES + ")");
    }

    /** The same machinery on a known clash (java.awt.List beside java.util.List) reports it. */
    static boolean catchesAnAmbiguousName(String classpath) {
        try (JShell shell = JShell.builder().executionEngine(new CompileOnlyProvider(), Map.of()).build()) {
            eval(shell, KernelImports.startup() + "import java.awt.*;\n");
            SnippetEvent e = eval(shell, "List<String> names = null;").get(0);
            return e.status() == Snippet.Status.REJECTED
                    && shell.diagnostics(e.snippet()).anyMatch(d -> d.getMessage(Locale.ENGLISH).contains("ambiguous"));
        }
    }

    /** Splits a cell into JShell snippets, as the kernels do, and evaluates each. */
    static List<SnippetEvent> eval(JShell shell, String source) {
        List<SnippetEvent> events = new ArrayList<>();
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        String rest = source;
        while (!rest.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
            String snippet = info.completeness().isComplete() ? info.source() : rest;
            if (snippet == null || snippet.isBlank()) break;
            events.addAll(shell.eval(snippet));
            rest = info.completeness().isComplete() ? info.remaining() : "";
        }
        return events;
    }

    private static String firstLine(String s) {
        String t = s.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl) + " …";
    }
}

package org.webrtcprimer.notebooks;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The committed notebook files, without running them: each names the kit's kernel, carries no
 * outputs (a learner runs it and sees fresh ones; diffs stay readable), and declares well-formed
 * expectations.
 */
class NotebookFilesTest {

    @TestFactory
    Stream<DynamicTest> committedNotebooks() {
        List<Path> all = new ArrayList<>(Kit.notebooks());
        all.add(Kit.resources().resolve("bad/checker-must-fail.ipynb"));
        return all.stream().map(p -> DynamicTest.dynamicTest(Kit.name(p), p.toUri(), () -> check(p)));
    }

    private static void check(Path p) throws Exception {
        String name = Kit.name(p);
        JsonObject nb;
        try {
            nb = JsonParser.parseString(Files.readString(p, StandardCharsets.UTF_8)).getAsJsonObject();
        } catch (RuntimeException e) {
            throw new AssertionError(name + " is not valid notebook JSON: " + e.getMessage());
        }
        List<String> problems = new ArrayList<>();
        if (!nb.has("nbformat") || nb.get("nbformat").getAsInt() != 4) problems.add(name + ": not nbformat 4");
        JsonObject meta = nb.has("metadata") ? nb.getAsJsonObject("metadata") : new JsonObject();
        JsonElement ks = meta.has("kernelspec") ? meta.getAsJsonObject("kernelspec").get("name") : null;
        if (ks == null || !"webrtc-primer".equals(ks.getAsString())) {
            problems.add(name + ": metadata.kernelspec.name is " + ks + ", expected \"webrtc-primer\" (the kit's kernel) — "
                    + "in Jupyter: Kernel > Change kernel > Java (WebRTC Primer), then save");
        }
        Expectations.of(meta, name, problems);
        var cells = nb.getAsJsonArray("cells");
        for (int i = 0; i < cells.size(); i++) {
            JsonObject cell = cells.get(i).getAsJsonObject();
            if (!"code".equals(cell.get("cell_type").getAsString())) continue;
            String where = name + ", cell " + (i + 1);
            if (cell.has("outputs") && !cell.getAsJsonArray("outputs").isEmpty()) {
                problems.add(where + " is committed with " + cell.getAsJsonArray("outputs").size()
                        + " output(s) — clear them (Cell > All Output > Clear) before committing");
            }
            if (cell.has("execution_count") && !cell.get("execution_count").isJsonNull()) {
                problems.add(where + " is committed with an execution count — clear the outputs before committing");
            }
            Expectations.of(cell.has("metadata") ? cell.getAsJsonObject("metadata") : null, where, problems);
        }
        if (!problems.isEmpty()) throw new AssertionError(String.join("\n", problems));
    }
}

package org.webrtcprimer.notebooks;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code ./primer profile}'s script on a small notebook in the kit's real kernel: the launcher's
 * PRIMER_PROFILE hook reaches the kernel and notes every cell, the cell that sleeps 400 ms shows
 * that time as run time spent waiting in its own code, and the empty notebook beside it is measured.
 */
class ProfileCommandIT {

    @Test
    void everyCellIsBrokenDownAndTheEmptyNotebookMeasuredBeside() throws Exception {
        Path dir = Kit.target().resolve("profile");
        Files.createDirectories(dir);
        Path json = dir.resolve("profile.json");
        Files.deleteIfExists(json);
        Path notebook = Kit.resources().resolve("profile/profiled.ipynb");
        Map<String, String> env = new LinkedHashMap<>(IsolatedJupyter.env());
        env.put("PRIMER_ROOT", Kit.root().toString());
        Proc.Result r = Proc.run(List.of(Kit.python(), Kit.root().resolve("tools/profile-lesson.py").toString(), "--json", json.toString(),
                notebook.toString()), env, dir.resolve("run"), Duration.ofSeconds(300), "tools/profile-lesson.py");
        assertEquals(0, r.exitCode(), "the profile failed:\n" + r.stdout() + r.stderr());
        assertTrue(r.stdout().contains("ratio lesson / empty notebook"), r.stdout());

        JsonObject all = JsonParser.parseString(Files.readString(json, StandardCharsets.UTF_8)).getAsJsonObject();
        JsonObject one = all.get(all.keySet().iterator().next()).getAsJsonObject();
        JsonObject run = one.getAsJsonObject("runs").getAsJsonArray("webrtc-primer").get(0).getAsJsonObject();
        JsonArray cells = run.getAsJsonArray("cells");
        assertEquals(3, cells.size(), "every code cell profiled: " + cells);
        assertTrue(run.get("start_ms").getAsDouble() > 0 && run.get("jvm_to_main_ms").getAsDouble() >= 0, run.toString());
        for (var e : cells) {
            JsonObject c = e.getAsJsonObject();
            assertTrue(c.has("kernel_ms"), "the kernel noted this cell (PRIMER_PROFILE reached it): " + c);
            double kernel = c.get("kernel_ms").getAsDouble(), compile = c.get("compile_ms").getAsDouble(), ran = c.get("run_ms").getAsDouble();
            assertTrue(compile > 0, "JShell took some time to compile: " + c);
            assertTrue(compile + ran <= kernel + 1, "compile and run are parts of the request: " + c);
            assertTrue(c.get("wall_ms").getAsDouble() >= kernel, "the client waited at least as long as the kernel worked: " + c);
        }
        JsonObject sleeper = cells.get(0).getAsJsonObject();
        assertTrue(sleeper.get("run_ms").getAsDouble() >= 380, "the 400 ms sleep is run time: " + sleeper);
        assertTrue(sleeper.getAsJsonObject("waits").has("the cell's own code"), "the sleep is a wait in the cell's own code: " + sleeper);
        assertTrue(sleeper.get("task_cpu_ms").getAsDouble() < sleeper.get("run_ms").getAsDouble(), "sleeping uses little CPU: " + sleeper);

        JsonArray empties = one.getAsJsonObject("empty").getAsJsonArray("webrtc-primer");
        assertEquals(2, empties.size(), "an empty notebook before the run and after it");
        for (var e : empties) {
            assertEquals(1, e.getAsJsonObject().getAsJsonArray("cells").size(), e.toString());
        }
    }
}

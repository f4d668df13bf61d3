package org.webrtcprimer.notebooks;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real JupyterHub (Debian's jupyterhub and its configurable-http-proxy) on loopback with two
 * temporary students, through {@code classroom/hub.py} — the script behind
 * {@code ./primer hub-demo}: the kit installed with {@code ./primer setup --system} into a
 * prefix of the run's own, the users created (as root: Linux users, each server running as its
 * user), their servers started through the hub's REST API, lesson 03 run in both students'
 * kernels at the same time through the hub's proxy, then everything shut down. Checked here,
 * apart from what the script checks itself: both lessons passed in kernels of their own, each
 * student's copy of the lesson is their own and writable, and afterwards no user, process or
 * file of the run is left.
 */
class HubClassroomIT {

    @Test
    void twoStudentsRunALessonAtOnceOnARealHub() throws Exception {
        Path work = Kit.target().resolve("hub");
        deleteTree(work);
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PYDEVD_DISABLE_FILE_VALIDATION", "1");
        env.put("PYTHONUNBUFFERED", "1");
        Proc.Result r = Proc.run(List.of(Kit.python(), Kit.root().resolve("classroom/hub.py").toString(),
                        "--root", Kit.root().toString(), "--users", "2", "--work", work.toString(), "--json"),
                env, Kit.target().resolve("hub-run"), Duration.ofSeconds(420), "the JupyterHub classroom run");
        String json = r.stdout().lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("hub.py gave no result (exit " + r.exitCode() + ")\n"
                        + r.stdout() + Proc.tail(r.stderrFile())));
        JsonObject o = JsonParser.parseString(json).getAsJsonObject();
        System.out.println("[hub] " + r.stdout().lines().filter(l -> !l.startsWith("{")).reduce((a, b) -> a + "\n[hub] " + b).orElse(""));
        String context = "\n" + r.stdout() + "\n" + r.stderr();

        assertEquals(0, o.getAsJsonArray("errors").size(), "the run had errors: " + o.get("errors") + context);
        JsonArray students = o.getAsJsonArray("students");
        assertEquals(2, students.size(), "two students expected" + context);
        Set<Long> kernels = new HashSet<>();
        List<String> names = new ArrayList<>();
        for (JsonElement e : students) {
            JsonObject s = e.getAsJsonObject();
            String who = s.get("name").getAsString();
            names.add(who);
            assertEquals(0, s.getAsJsonArray("failed").size(), who + "'s lesson failed: " + s.get("failed") + context);
            assertEquals(s.get("cells").getAsInt(), s.get("cells_run").getAsInt(), who + " did not run every cell" + context);
            assertTrue(s.get("cells").getAsInt() > 10, "lesson 03 has more than 10 code cells: " + s);
            assertTrue(s.get("lesson_writable").getAsBoolean(), who + "'s copy of the lesson is not writable: " + s);
            assertTrue(s.has("kernel_pid") && !s.get("kernel_pid").isJsonNull(), "no kernel process found for " + who + ": " + s);
            kernels.add(s.get("kernel_pid").getAsLong());
            assertTrue(s.get("peak_rss_mb").getAsDouble() > 50, "a kernel that ran a call uses more than 50 MB: " + s);
        }
        assertEquals(2, kernels.size(), "each student has a kernel of their own: " + students);
        // at the same time: the lessons' wall time is well under the sum of both lessons' times
        double sum = 0;
        for (JsonElement e : students) sum += e.getAsJsonObject().get("lesson_s").getAsDouble();
        assertTrue(o.get("lessons_wall_s").getAsDouble() < sum, "the lessons did not overlap: " + o);

        // nothing left: the script's own check, and ours
        assertEquals(0, o.getAsJsonArray("left_behind").size(), "left behind: " + o.get("left_behind") + context);
        assertEquals(0, o.getAsJsonArray("hub_users_after").size(), "hub users left: " + o.get("hub_users_after"));
        String passwd = Files.readString(Path.of("/etc/passwd"), StandardCharsets.UTF_8);
        for (String n : names) assertTrue(!passwd.contains("\n" + n + ":") && !passwd.startsWith(n + ":"), "user " + n + " is still in /etc/passwd");
        List<String> procs = processesMentioning(work.toString());
        assertTrue(procs.isEmpty(), "processes of the run still running: " + procs);
        assertEquals(0, r.exitCode(), "hub.py exited with " + r.exitCode() + context);
        deleteTree(work);
    }

    private static List<String> processesMentioning(String needle) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String cmd = new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8).replace('\0', ' ');
                    if (cmd.contains(needle) && !p.getFileName().toString().equals(String.valueOf(ProcessHandle.current().pid()))) {
                        found.add(p.getFileName() + ": " + cmd);
                    }
                } catch (IOException gone) {
                    // ended meanwhile
                }
            }
        }
        return found;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) Files.deleteIfExists(p);
        }
    }
}

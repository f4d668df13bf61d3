package org.webrtcprimer.notebooks;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * What a classroom does to a kernel, through real Jupyter (scripts/robustness.py drives the kit's
 * kernel with jupyter_client): lesson 03 run twice in one kernel, its cells out of order, a long
 * N-call cell interrupted, the kernel restarted in the middle of a call, and 100 call/hangup
 * cycles with the soak's figures. After each, the next cells work.
 */
class KernelRobustnessIT {

    static final Path LESSON_03 = Kit.root().resolve("notebooks/03-local-peer-connection.ipynb");

    /** A step of a plan: a cell of the notebook, code, an interrupt, a restart. */
    static Map<String, Object> cell(String label, int index) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("label", label);
        m.put("cell", index);
        return m;
    }

    static Map<String, Object> code(String label, String code) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("label", label);
        m.put("code", code);
        return m;
    }

    /** The notebook's cell whose source contains the text (its index among all cells). */
    static int find(String fragment) throws Exception {
        JsonArray cells = JsonParser.parseString(Files.readString(LESSON_03, StandardCharsets.UTF_8)).getAsJsonObject()
                .getAsJsonArray("cells");
        for (int i = 0; i < cells.size(); i++) {
            JsonObject c = cells.get(i).getAsJsonObject();
            if (!c.get("cell_type").getAsString().equals("code")) continue;
            StringBuilder src = new StringBuilder();
            c.getAsJsonArray("source").forEach(l -> src.append(l.getAsString()));
            if (src.toString().contains(fragment)) return i;
        }
        throw new AssertionError("lesson 03 has no code cell containing '" + fragment + "' — update this test with the lesson");
    }

    static List<JsonObject> run(String name, Path notebook, List<Map<String, Object>> plan) throws Exception {
        Path dir = Kit.target().resolve("robustness/" + name);
        Files.createDirectories(dir);
        Path planFile = dir.resolve("plan.json");
        Files.writeString(planFile, new com.google.gson.Gson().toJson(plan));
        Proc.Result r = Proc.run(List.of(Kit.python(), Kit.script("robustness.py").toString(), notebook.toString(), planFile.toString()),
                IsolatedJupyter.env(), dir.resolve("run"), Duration.ofSeconds(600), "the " + name + " plan");
        String json = r.stdout().lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("robustness.py gave no result (exit " + r.exitCode() + ")\n" + Proc.tail(r.stderrFile())));
        List<JsonObject> steps = new ArrayList<>();
        JsonParser.parseString(json).getAsJsonObject().getAsJsonArray("steps").forEach(s -> steps.add(s.getAsJsonObject()));
        for (JsonObject s : steps) {
            System.out.printf("[robustness] %s / %-40s %-9s %6.1f s %s%n", name, s.get("label").getAsString(), s.get("status").getAsString(),
                    s.get("seconds").getAsDouble(), s.has("evalue") ? oneLine(s.get("evalue").getAsString()) : "");
        }
        assertEquals(plan.size(), steps.size(), "not every step ran: " + json);
        return steps;
    }

    static String oneLine(String s) {
        s = s.replaceAll("\u001B\\[[;\\d]*m", "").replace('\n', ' ');
        return s.length() > 160 ? s.substring(0, 160) + "…" : s;
    }

    static void ok(JsonObject step) {
        assertEquals("ok", step.get("status").getAsString(), () -> step.get("label") + " failed: " + step);
    }

    static void error(JsonObject step, String... fragments) {
        assertEquals("error", step.get("status").getAsString(), () -> step.get("label") + " should have failed: " + step);
        String all = step.get("evalue").getAsString() + "\n" + step.get("text").getAsString();
        for (String f : fragments) assertTrue(all.contains(f), () -> step.get("label") + ": the error does not say '" + f + "': " + step);
    }

    @Test
    void lesson03TwiceInOneKernel() throws Exception {
        JsonArray cells = JsonParser.parseString(Files.readString(LESSON_03, StandardCharsets.UTF_8)).getAsJsonObject()
                .getAsJsonArray("cells");
        List<Map<String, Object>> plan = new ArrayList<>();
        for (int pass = 1; pass <= 2; pass++) {
            for (int i = 0; i < cells.size(); i++) {
                if (cells.get(i).getAsJsonObject().get("cell_type").getAsString().equals("code")) plan.add(cell("pass " + pass + " cell " + i, i));
            }
        }
        plan.add(code("what is left", "org.webrtcprimer.engine.Engine.get().liveCalls() + \" live calls, \" + "
                + "org.webrtcprimer.engine.Engine.get().liveStreams() + \" live streams\""));
        List<JsonObject> steps = run("twice", LESSON_03, plan);
        steps.forEach(KernelRobustnessIT::ok);
        assertTrue(steps.get(steps.size() - 1).get("text").getAsString().contains("0 live calls, 0 live streams"),
                () -> "lesson 03 run twice left calls or streams behind: " + steps.get(steps.size() - 1));
    }

    @Test
    void lesson03CellsOutOfOrder() throws Exception {
        int imports = find("import org.webrtcprimer.call"), stream = find("var localStream = getUserMedia"),
                create = find("var call = LocalCall.create"), addTracks = find("pc1.addTrack(track"),
                offer = find("var offer = pc1.createOffer"), setLocalOffer = find("pc1.setLocalDescription(offer)"),
                setRemoteOffer = find("pc2.setRemoteDescription(offer)"), answer = find("var answer = pc2.createAnswer"),
                setLocalAnswer = find("pc2.setLocalDescription(answer)"), setRemoteAnswer = find("pc1.setRemoteDescription(answer)"),
                connected = find("call.awaitConnected()"), hangup = find("call.hangup();\ncall"), stop = find("localStream.stop()");
        List<Map<String, Object>> plan = List.of(
                cell("imports", imports),
                cell("hangup before any call", hangup),
                cell("getUserMedia", stream),
                cell("create the call", create),
                cell("createAnswer before the offer", answer),
                cell("awaitConnected before negotiating", connected),
                cell("hangup", hangup),
                cell("createOffer after hangup", offer),
                cell("create the call again", create),
                cell("addTrack", addTracks),
                cell("createOffer", offer),
                cell("pc2 applies the offer before pc1 does", setRemoteOffer),
                cell("pc1.setLocalDescription(offer)", setLocalOffer),
                cell("createAnswer", answer),
                cell("pc2.setLocalDescription(answer)", setLocalAnswer),
                cell("pc1.setRemoteDescription(answer)", setRemoteAnswer),
                cell("connected and first frame", connected),
                cell("pc1.setRemoteDescription(answer) again", setRemoteAnswer),
                cell("hangup", hangup),
                cell("hangup twice", hangup),
                cell("stop", stop),
                cell("stop twice", stop),
                cell("create a call on the stopped stream", create));
        List<JsonObject> s = run("out-of-order", LESSON_03, plan);
        ok(s.get(0));
        error(s.get(1), "call"); // a compile error: 'call' does not exist yet
        ok(s.get(2));
        ok(s.get(3));
        error(s.get(4), "pc2.createAnswer", "stable");
        error(s.get(5), "did not reach connectionState 'connected'", "signaling");
        ok(s.get(6));
        error(s.get(7), "pc1.createOffer", "closed", "hangup()");
        for (int i = 8; i <= 11; i++) ok(s.get(i)); // applying the offer on pc2 first is allowed (order of the two sets is free)
        for (int i = 12; i <= 16; i++) ok(s.get(i));
        error(s.get(17), "pc1.setRemoteDescription", "stable");
        for (int i = 18; i <= 21; i++) ok(s.get(i));
        error(s.get(22), "stopped", "getUserMedia");
    }

    /**
     * Kernel > Interrupt on a long run of calls: the cell ends at once with an interrupted error,
     * the kit's loop stops between calls (the cycle count it writes to a file stops moving, well
     * short of the end), and the next cells run in the same kernel — they print, and they make a
     * call. (rapaio 3.0.1 alone answers every later cell "ok" without running it; the kit's
     * launcher handles the interrupt instead, see RapaioLauncher.) A restart afterwards works too.
     */
    @Test
    void aLongCellInterruptedStopsItsCallsAndTheNextCellsRun() throws Exception {
        Path progress = Kit.target().resolve("robustness/interrupt-progress.txt");
        Files.createDirectories(progress.getParent());
        Files.deleteIfExists(progress);
        Map<String, Object> longCell = code("100000 calls, interrupted after the third",
                "org.webrtcprimer.tools.Soak.run(org.webrtcprimer.call.baseline.CallKind.AUDIO, false, 100000, 1, 0, x -> {\n"
                        + "    try { java.nio.file.Files.writeString(java.nio.file.Path.of(\"" + progress + "\"), \"\" + x.cycle()); }\n"
                        + "    catch (java.io.IOException e) { throw new java.io.UncheckedIOException(e); }\n"
                        + "});");
        // interrupted as soon as the loop has made three calls (it is then in its steady state), 10 s at the latest
        longCell.put("interrupt_when_count", List.of(progress.toString(), 3));
        longCell.put("interrupt_after", 10);
        longCell.put("wait", 20);
        Map<String, Object> restart = new LinkedHashMap<>();
        restart.put("label", "Kernel > Restart");
        restart.put("restart", true);
        Map<String, Object> pause = new LinkedHashMap<>();
        pause.put("label", "wait 4 s");
        pause.put("sleep", 4);
        Map<String, Object> read1 = new LinkedHashMap<>(), read2 = new LinkedHashMap<>();
        read1.put("label", "calls made, read from the file");
        read1.put("read_file", progress.toString());
        read2.put("label", "calls made, 4 s later");
        read2.put("read_file", progress.toString());
        int imports = find("import org.webrtcprimer.call"), stream = find("var localStream = getUserMedia"),
                quick = find("var quick = LocalCall.call(localStream)"), hang = find("quick.hangup();");
        List<JsonObject> s = run("interrupt", LESSON_03, List.of(
                cell("imports", imports), longCell, read1, pause, read2,
                code("a print after the interrupt", "System.out.println(\"still here: \" + (6 * 7));"),
                cell("getUserMedia", stream),
                code("a call after the interrupt", "var c = LocalCall.call(localStream);\nSystem.out.println(c.setupTime());\nc.hangup();"),
                restart,
                cell("imports", imports), cell("getUserMedia", stream), cell("a call", quick), cell("hangup", hang)));
        ok(s.get(0));
        JsonObject interrupted = s.get(1);
        error(interrupted, "nterrupted");
        assertTrue(interrupted.has("interrupted_at"), "the interrupt was sent: " + interrupted);
        assertTrue(interrupted.get("seconds").getAsDouble() - interrupted.get("interrupted_at").getAsDouble() < 5,
                "the interrupted cell ended within 5 s of the interrupt: " + interrupted);
        String before = s.get(2).get("text").getAsString().strip(), after = s.get(4).get("text").getAsString().strip();
        assertTrue(before.matches("\\d+"), "the run wrote no progress: '" + before + "'");
        assertEquals(before, after, "the interrupted loop is still making calls: " + before + " → " + after + " calls");
        assertTrue(Integer.parseInt(after) < 100_000, after);
        System.out.println("[robustness] the interrupted run stopped after " + after + " calls");
        ok(s.get(5));
        assertTrue(s.get(5).get("text").getAsString().contains("still here: 42"), "the next cell did not run: " + s.get(5));
        ok(s.get(6));
        ok(s.get(7));
        assertTrue(s.get(7).get("text").getAsString().contains("Setup time"), "no call after the interrupt: " + s.get(7));
        assertEquals("restarted", s.get(8).get("status").getAsString());
        for (int i = 9; i < 13; i++) ok(s.get(i));
    }

    @Test
    void restartInTheMiddleOfACallThenTheLessonRunsAgain() throws Exception {
        Map<String, Object> restart = new LinkedHashMap<>();
        restart.put("label", "Kernel > Restart with the call up");
        restart.put("restart", true);
        int imports = find("import org.webrtcprimer.call"), stream = find("var localStream = getUserMedia"),
                quick = find("var quick = LocalCall.call(localStream)"), hang = find("quick.hangup();");
        List<JsonObject> s = run("restart", LESSON_03, List.of(
                cell("imports", imports), cell("getUserMedia", stream), cell("a call, left up", quick),
                restart,
                cell("imports", imports), cell("getUserMedia", stream), cell("a call", quick), cell("hangup", hang)));
        ok(s.get(0));
        ok(s.get(1));
        ok(s.get(2));
        assertEquals("restarted", s.get(3).get("status").getAsString());
        assertEquals(0, s.get(3).get("old_exit_code").getAsInt(), "the old kernel did not exit cleanly with a call up: " + s.get(3));
        for (int i = 4; i < 8; i++) ok(s.get(i));
    }

    @Test
    void aHundredCallsInOneKernelWithTheSoaksFigures() throws Exception {
        List<JsonObject> s = run("soak", LESSON_03, List.of(
                code("imports", "import org.webrtcprimer.tools.*;\nimport org.webrtcprimer.call.baseline.CallKind;\nimport java.util.List;"),
                code("100 kit calls, 40 engine-only",
                        "var kit = Soak.run(CallKind.AV, false, 100, 50, 20, x -> System.out.println(x.line()));\n"
                                + "var engine = Soak.run(CallKind.AV, true, 40, 20, 10, x -> System.out.println(x.line()));\n"
                                + "var report = SoakReport.of(List.of(kit, engine));\n"
                                + "System.out.println(report.toText());\n"
                                + "System.out.printf(\"heap %.4f MB/call; threads %d→%d; fds %d→%d%n\", kit.heapMbPerCall(), "
                                + "kit.settled().nativeThreads(), kit.last().nativeThreads(), kit.settled().fds(), kit.last().fds());\n"
                                + "report")));
        ok(s.get(0));
        JsonObject soak = s.get(1);
        ok(soak);
        String text = soak.get("text").getAsString();
        System.out.println("[robustness] soak in one kernel:\n" + text.replaceAll("<[^>]+>", " "));
        var m = java.util.regex.Pattern.compile("heap (-?[\\d.]+) MB/call; threads (\\d+)→(\\d+); fds (\\d+)→(\\d+)").matcher(text);
        assertTrue(m.find(), text);
        assertTrue(Double.parseDouble(m.group(1)) < 0.1, "the Java heap grows per call in the kernel: " + m.group());
        assertTrue(Integer.parseInt(m.group(3)) <= Integer.parseInt(m.group(2)) + 2, "threads grew: " + m.group());
        assertTrue(Integer.parseInt(m.group(5)) <= Integer.parseInt(m.group(4)) + 4, "descriptors grew: " + m.group());
        assertTrue(text.contains("kit adds"), text);
        assertTrue(text.contains("glibc malloc arenas: at most 2"), "the kit's kernelspec sets MALLOC_ARENA_MAX=2: " + text);
    }
}

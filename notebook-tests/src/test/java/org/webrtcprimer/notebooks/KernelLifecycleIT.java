package org.webrtcprimer.notebooks;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A kernel that ran a real call (factory with the headless audio module, pc1→pc2 with video,
 * both closed: native objects and threads left behind) must end by itself when Jupyter shuts it
 * down or restarts it — exit code 0 before Jupyter's SIGTERM, which comes 2.5 s after the
 * shutdown request.
 */
class KernelLifecycleIT {

    private static JsonObject lifecycle(String mode) throws Exception {
        Path nb = Kit.resources().resolve("notebooks/live-engine.ipynb");
        Proc.Result r = Proc.run(List.of(Kit.python(), Kit.script("lifecycle.py").toString(), nb.toString(), mode),
                IsolatedJupyter.env(), Kit.target().resolve("lifecycle/" + mode), Duration.ofSeconds(240), "the " + mode + " check");
        String json = r.stdout().lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("lifecycle.py " + mode + " gave no result (exit " + r.exitCode() + ")\n"
                        + Proc.tail(r.stderrFile())));
        JsonObject o = JsonParser.parseString(json).getAsJsonObject();
        System.out.println("[lifecycle] " + mode + ": " + o);
        for (var status : o.getAsJsonArray("ran")) {
            assertEquals("ok", status.getAsString(), "a cell of live-engine.ipynb failed: " + o + "\n" + Proc.tail(r.stderrFile()));
        }
        return o;
    }

    @Test
    void shutdownEndsTheKernelCleanly() throws Exception {
        JsonObject o = lifecycle("shutdown");
        assertEquals(0, o.get("exit_code").getAsInt(), "the kernel did not exit by itself: " + o);
        assertEquals("none", o.get("escalation").getAsString(), o.toString());
        assertTrue(o.get("seconds").getAsDouble() < 2.5, "the kernel took longer than Jupyter's 2.5 s grace: " + o);
    }

    @Test
    void restartEndsTheOldKernelAndStartsANewOne() throws Exception {
        JsonObject o = lifecycle("restart");
        assertEquals(0, o.get("exit_code").getAsInt(), "the old kernel did not exit by itself on restart: " + o);
        assertTrue(o.get("seconds").getAsDouble() < 2.5, "the old kernel took longer than Jupyter's 2.5 s grace: " + o);
        assertEquals("ok", o.get("after_restart").getAsString(), "the restarted kernel did not run a cell: " + o);
        assertNotEquals(o.get("pid").getAsLong(), o.get("new_pid").getAsLong());
    }
}

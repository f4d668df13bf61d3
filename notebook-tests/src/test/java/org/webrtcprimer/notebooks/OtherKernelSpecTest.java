package org.webrtcprimer.notebooks;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@code PRIMER_KERNEL=jjava ./primer kernel} on top of a JJava kernelspec laid out as JJava's
 * release installs it (its launcher JVM starts the kernel's JVM with JJAVA_JVM_OPTS): the kit's
 * JVM options must reach the kernel's JVM, not the launcher's, and the cell limit must be the
 * kit kernel's 5 minutes. IJava's argv is the kernel's JVM itself: its options stay on argv.
 */
class OtherKernelSpecTest {

    static JsonObject install(Path tmp, String base, String argvJson) throws Exception {
        Path theirs = tmp.resolve("data/kernels/java");
        Files.createDirectories(theirs);
        Files.writeString(theirs.resolve("kernel.json"), "{\"argv\": " + argvJson
                + ", \"display_name\": \"Java\", \"language\": \"java\", \"env\": {}}", StandardCharsets.UTF_8);
        ProcessBuilder pb = new ProcessBuilder("bash", Kit.root().resolve("primer").toString(), "kernel",
                "--kernel-dir", tmp.resolve("out").toString()).redirectErrorStream(true);
        pb.environment().put("JUPYTER_PATH", tmp.resolve("data").toString());
        pb.environment().put("JUPYTER_DATA_DIR", tmp.resolve("data").toString());
        pb.environment().put("PRIMER_NO_BUILD", "1");
        pb.environment().put("PRIMER_KERNEL", base);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "primer kernel finished");
        assertEquals(0, p.exitValue(), out);
        return JsonParser.parseString(Files.readString(tmp.resolve("out/kernels/webrtc-primer/kernel.json"))).getAsJsonObject();
    }

    @Test
    void onJJavaTheKitsJvmOptionsGoToTheKernelsJvm(@TempDir Path tmp) throws Exception {
        JsonObject spec = install(tmp, "jjava",
                "[\"java\", \"-jar\", \"{resource_dir}/jjava-launcher.jar\", \"{resource_dir}/jjava.jar\", \"{connection_file}\"]");
        JsonObject env = spec.getAsJsonObject("env");
        String opts = env.get("JJAVA_JVM_OPTS").getAsString();
        assertTrue(opts.contains("-Djava.awt.headless=true") && opts.contains("-XX:+UseSerialGC"), opts);
        assertFalse(spec.getAsJsonArray("argv").toString().contains("UseSerialGC"), "not on the launcher's command line: " + spec);
        assertEquals("300000", env.get("JJAVA_TIMEOUT").getAsString());
    }

    @Test
    void onIJavaTheyStayOnTheKernelsCommandLine(@TempDir Path tmp) throws Exception {
        JsonObject spec = install(tmp, "ijava", "[\"java\", \"-jar\", \"{resource_dir}/ijava-1.3.0.jar\", \"{connection_file}\"]");
        assertTrue(spec.getAsJsonArray("argv").toString().contains("-XX:+UseSerialGC"), spec.toString());
        assertEquals("300000", spec.getAsJsonObject("env").get("IJAVA_TIMEOUT").getAsString());
    }
}

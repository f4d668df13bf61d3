package org.webrtcprimer;

import org.webrtcprimer.engine.Engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.webrtcprimer.call.LocalCall;
import org.webrtcprimer.call.OfferOptions;
import org.webrtcprimer.media.Constraints;
import org.webrtcprimer.media.MediaDevices;
import org.webrtcprimer.media.MediaStream;
import org.webrtcprimer.media.Track;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Misuse that reaches native code — media stopped under a live call, the engine shut down under a
 * call and a stream, every step after that — in a child JVM. A native crash there (SIGSEGV, an
 * abort in libwebrtc) would end the test fork without a word; in a child it is an exit code and
 * an hs_err file this test reports.
 */
class NativeMisuseTest {

    /** Each check prints "ok <what>: <exception>"; a crash stops the output where it happened. */
    public static final class Program {
        static int checks;

        static void expect(String what, Runnable misuse, String fragment) {
            try {
                misuse.run();
                System.out.println("FAIL " + what + ": nothing was thrown");
            } catch (RuntimeException e) {
                boolean ok = !(e instanceof NullPointerException) && e.getMessage() != null && e.getMessage().contains(fragment);
                System.out.println((ok ? "ok " : "FAIL ") + what + ": " + e);
            } catch (Throwable t) {
                System.out.println("FAIL " + what + ": " + t + " escaped");
            }
            checks++;
        }

        public static void main(String[] args) {
            MediaStream s = MediaDevices.getUserMedia(Constraints.audioVideo().withSynthetic());
            // 1. the stream stopped while a call sends it: the call goes on without new frames, hangs up cleanly
            LocalCall live = LocalCall.call(s);
            s.stop();
            Track video = s.getVideoTracks().get(0);
            System.out.println("ok track id after stop: " + !video.id().isEmpty());
            expect("addTrack of a stopped track", () -> live.pc1().addTrack(video, s), "ended");
            live.pc1().getStats();
            live.hangup();
            expect("a call on a stopped stream", () -> LocalCall.call(s), "stopped");
            // 2. a fresh stream still works
            MediaStream s2 = MediaDevices.getUserMedia(Constraints.audioVideo().withSynthetic());
            LocalCall.call(s2).hangup();
            // 3. the engine shut down under a live call and a live stream: both are released in order
            LocalCall up = LocalCall.call(s2);
            Engine.shutdown();
            Engine.shutdown(); // harmless twice
            System.out.println("ok call after shutdown hung up: " + up.isHungUp() + ", stream active: " + s2.active());
            expect("createOffer after shutdown", () -> up.pc1().createOffer(OfferOptions.defaults()), "closed");
            expect("getStats after shutdown", () -> up.pc2().getStats(), "closed");
            expect("getUserMedia after shutdown", () -> MediaDevices.getUserMedia(Constraints.audioVideo().withSynthetic()), "restart the kernel");
            expect("a new call after shutdown", () -> LocalCall.call(s2), "stopped");
            up.hangup();
            s2.stop();
            System.out.println("survived " + checks + " checks");
        }
    }

    @Test
    @Timeout(90)
    void nativeMisuseInAChildJvmNeverCrashesIt() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        File dir = Files.createTempDirectory("native-misuse").toFile();
        File out = new File(dir, "out.log");
        Process p = new ProcessBuilder(java, "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                Program.class.getName()).directory(dir).redirectErrorStream(true).redirectOutput(out).start();
        boolean exited = p.waitFor(60, TimeUnit.SECONDS);
        if (!exited) p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        String log = Files.readString(out.toPath(), StandardCharsets.UTF_8);
        File[] crashes = dir.listFiles((d, n) -> n.startsWith("hs_err"));
        String crash = crashes != null && crashes.length > 0 ? Files.readString(crashes[0].toPath()).lines().limit(30)
                .reduce("", (a, b) -> a + "\n" + b) : "";
        assertTrue(exited, "the child JVM hung (no exit within 60 s):\n" + log);
        assertEquals(0, p.exitValue(), "the child JVM crashed or failed (exit " + p.exitValue() + "):\n" + log + crash);
        List<String> lines = log.lines().toList();
        assertTrue(lines.stream().noneMatch(l -> l.startsWith("FAIL")), log);
        assertTrue(log.contains("survived 6 checks"), log);
        assertTrue(log.contains("ok call after shutdown hung up: true, stream active: false"), log);
    }
}

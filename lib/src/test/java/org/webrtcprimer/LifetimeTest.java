package org.webrtcprimer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.webrtcprimer.call.LocalCall;
import org.webrtcprimer.media.Constraints;
import org.webrtcprimer.media.MediaDevices;
import org.webrtcprimer.media.MediaStream;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** Many calls in one JVM leave no threads or descriptors behind, and the JVM can always exit. */
class LifetimeTest {

    static long count(String procDir) throws IOException {
        try (var s = Files.list(Path.of(procDir))) {
            return s.count();
        }
    }

    @Test
    @Timeout(180)
    void manyCallsLeaveThreadsAndDescriptorsFlat() throws Exception {
        MediaStream s = MediaDevices.getUserMedia(Constraints.audioVideo().withSynthetic());
        try {
            for (int i = 0; i < 5; i++) LocalCall.call(s).hangup(); // warm-up: the engine's pools fill up once
            Thread.sleep(300);
            long javaThreads = Thread.activeCount(), tasks = count("/proc/self/task"), fds = count("/proc/self/fd");
            for (int i = 0; i < 40; i++) LocalCall.call(s).hangup();
            Thread.sleep(300);
            long javaAfter = Thread.activeCount(), tasksAfter = count("/proc/self/task"), fdsAfter = count("/proc/self/fd");
            String figures = String.format("Java threads %d→%d, native threads %d→%d, descriptors %d→%d",
                    javaThreads, javaAfter, tasks, tasksAfter, fds, fdsAfter);
            System.out.println("40 calls: " + figures);
            assertTrue(javaAfter <= javaThreads + 2, figures);
            assertTrue(tasksAfter <= tasks + 2, figures);
            assertTrue(fdsAfter <= fds + 4, figures);
        } finally {
            s.stop();
        }
    }

    /** A program that forgets to shut the engine down and leaves a call up. */
    public static final class ForgetfulProgram {
        public static void main(String[] args) {
            MediaStream s = MediaDevices.getUserMedia(Constraints.audioVideo().withSynthetic());
            for (int i = 0; i < 3; i++) LocalCall.call(s).hangup();
            LocalCall.call(s); // left up on purpose
            System.out.println("main done");
        }
    }

    @Test
    @Timeout(60)
    void aJvmThatForgetsToShutDownStillExits() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                ForgetfulProgram.class.getName()).redirectErrorStream(true);
        File out = File.createTempFile("forgetful", ".log");
        pb.redirectOutput(out);
        Process p = pb.start();
        boolean exited = p.waitFor(30, TimeUnit.SECONDS);
        String log = Files.readString(out.toPath(), StandardCharsets.UTF_8);
        if (!exited) p.destroyForcibly();
        out.delete();
        assertTrue(exited, "the JVM did not exit within 30 s after main returned:\n" + log);
        assertEquals(0, p.exitValue(), log);
        assertTrue(log.contains("main done"), log);
    }
}

package org.webrtcprimer.turn;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.webrtcprimer.call.CallOptions;
import org.webrtcprimer.call.LocalCall;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * coturn's lifecycle: started, answering, stopped, and never outliving the JVM that started it —
 * whether that JVM exits normally, is killed with SIGKILL, or the thread that started it ends.
 */
@Timeout(120)
public class TurnLifecycleTest {

    @BeforeAll
    static void needsCoturn() {
        assumeTrue(Coturn.installed(), Coturn.missingNote());
    }

    @AfterAll
    static void nothingLeft() {
        assertEquals(0, TurnServer.running(), "a test left coturn running");
        assertTrue(ProcessHandle.current().descendants().noneMatch(TurnLifecycleTest::isTurnserver),
                "a turnserver child of this JVM is still alive");
    }

    static boolean isTurnserver(ProcessHandle h) {
        return h.isAlive() && h.info().command().map(c -> c.endsWith("turnserver")).orElse(false);
    }

    static boolean gone(long pid, long withinMs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + withinMs;
        while (System.currentTimeMillis() < deadline) {
            if (ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true)) return true;
            Thread.sleep(50);
        }
        return false;
    }

    @Test
    void startsAnswersAndStopsLeavingNothing() throws Exception {
        TurnServer t = TurnServer.start();
        Path conf;
        try {
            assertTrue(t.isRunning());
            assertTrue(t.answers(java.time.Duration.ofSeconds(1)), "coturn does not answer a STUN Binding request");
            assertEquals(Coturn.version().orElseThrow(), t.version());
            assertTrue(t.log().stream().anyMatch(l -> l.contains("Coturn-" + t.version())), t.tail(5).toString());
            assertTrue(t.diesWithJvm(), "setpriv --pdeathsig is missing: a killed kernel would leave coturn behind");
            assertTrue(ProcessHandle.of(t.pid()).orElseThrow().info().command().orElse("").endsWith("turnserver"));
            assertEquals(1, TurnServer.running());
            assertTrue(t.toText().contains("listens on"), t.toText());
            conf = t.configFile();
            assertTrue(java.nio.file.Files.readString(conf).contains("listening-port=" + t.port()), conf.toString());
        } finally {
            t.stop();
        }
        assertFalse(t.isRunning());
        assertTrue(gone(t.pid(), 100), "turnserver still alive after stop()");
        assertFalse(conf.getParent().toFile().exists(), "its folder was not deleted");
        assertEquals(0, TurnServer.running());
        t.stop(); // harmless twice
        assertThrows(IllegalStateException.class, () -> t.timeLimitedCredentials("x", java.time.Duration.ofMinutes(1)));
    }

    @Test
    void outlivesTheThreadThatStartedIt() throws Exception {
        // The parent-death signal follows the starting *thread*: a cell's thread ending must not take coturn with it.
        AtomicReference<TurnServer> ref = new AtomicReference<>();
        Thread starter = new Thread(() -> ref.set(TurnServer.start(TurnConfig.defaults().withoutTransport("tls"))));
        starter.start();
        starter.join();
        TurnServer t = ref.get();
        try {
            Thread.sleep(300);
            assertTrue(t.isRunning(), "coturn died with the thread that started it");
            assertTrue(t.answers(java.time.Duration.ofSeconds(1)));
        } finally {
            t.stop();
        }
    }

    @Test
    void stopsAtHangupOfTheCallItWasHandedTo() throws Exception {
        TurnServer t = TurnServer.start(TurnConfig.defaults().withoutTransport("tls"));
        LocalCall call = LocalCall.withoutMedia(CallOptions.defaults().withIceServers(t.iceServer("udp")));
        assertSame(t, call.closeAtHangup(t));
        assertTrue(t.isRunning());
        call.hangup();
        assertFalse(t.isRunning());
        assertTrue(gone(t.pid(), 1000));
    }

    long childTurnserver(Process child) throws Exception {
        BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = r.readLine()) != null) {
            if (line.startsWith("PID ")) return Long.parseLong(line.substring(4).strip());
        }
        fail("the child JVM ended without starting coturn (exit " + child.waitFor() + ")");
        return -1;
    }

    Process childJvm(String... args) throws Exception {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var cmd = new java.util.ArrayList<>(java.util.List.of(javaBin, "-cp", System.getProperty("java.class.path"),
                TurnServerChild.class.getName()));
        cmd.addAll(java.util.List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).start();
    }

    @Test
    void diesWhenItsJvmIsKilled() throws Exception {
        Process child = childJvm();
        long pid = -1;
        try {
            pid = childTurnserver(child);
            assertTrue(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "coturn not running in the child");
            child.destroyForcibly(); // SIGKILL: no shutdown hook runs
            assertTrue(child.waitFor(10, TimeUnit.SECONDS));
            assertTrue(gone(pid, 3000), "turnserver " + pid + " outlived its killed JVM");
        } finally {
            child.destroyForcibly();
            if (pid > 0) ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void stopsWhenItsJvmExits() throws Exception {
        Process child = childJvm("exit");
        long pid = -1;
        try {
            pid = childTurnserver(child);
            assertTrue(child.waitFor(20, TimeUnit.SECONDS), "the child JVM did not exit");
            assertEquals(0, child.exitValue());
            assertTrue(gone(pid, 3000), "turnserver " + pid + " outlived its JVM's normal exit");
        } finally {
            child.destroyForcibly();
            if (pid > 0) ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void missingCoturnSaysHowToInstallIt() {
        String before = System.getProperty(Coturn.BINARY_PROPERTY);
        System.setProperty(Coturn.BINARY_PROPERTY, "/nonexistent/turnserver");
        try {
            assertFalse(Coturn.installed());
            TurnServerException e = assertThrows(TurnServerException.class, TurnServer::start);
            assertTrue(e.getMessage().contains(Coturn.INSTALL_COMMAND), e.getMessage());
            assertTrue(Coturn.missingNote().contains("apt-get install"), Coturn.missingNote());
        } finally {
            if (before == null) System.clearProperty(Coturn.BINARY_PROPERTY);
            else System.setProperty(Coturn.BINARY_PROPERTY, before);
        }
        assertTrue(Coturn.installed());
        assertEquals("", Coturn.missingNote());
    }
}

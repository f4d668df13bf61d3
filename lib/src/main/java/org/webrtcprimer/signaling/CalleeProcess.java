package org.webrtcprimer.signaling;


import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A second Java process that answers calls: {@code java -cp <kit> org.webrtcprimer.Main callee
 * --server URL --room R}. Its own JVM, its own engine, its own clock — a remote peer on the same
 * machine.
 *
 * <p>It never outlives this process: it stops when its standard input closes or this process
 * ends, after its call limit, idle timeout and lifetime, and {@link #close()} (or this JVM's
 * shutdown) ends it for sure.
 */
public final class CalleeProcess implements AutoCloseable {

    private final Process process;
    private final List<String> output = new CopyOnWriteArrayList<>();
    private final CompletableFuture<String> ready = new CompletableFuture<>();
    private final Thread shutdownHook;

    private CalleeProcess(List<String> command, String token) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        // The room token goes through the environment, which only this user can read, not the
        // command line, which every user of the machine sees in ps.
        if (token != null) pb.environment().put(Callee.TOKEN_VARIABLE, token);
        process = pb.start();
        shutdownHook = new Thread(this::kill, "primer-callee-process-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        Thread reader = new Thread(this::read, "primer-callee-output");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts a callee in a new JVM, waiting (up to 30 s) until it has joined the room. At most 2
     * calls and 30 minutes — time for a learner to read a lesson between its cells.
     */
    public static CalleeProcess start(String serverUrl, String room) {
        return start(serverUrl, room, 2, Duration.ofMinutes(30));
    }

    /**
     * Starts a callee in a new JVM that answers at most {@code calls} calls and lives at most
     * {@code lifetime}, waiting until it has joined the room.
     */
    public static CalleeProcess start(String serverUrl, String room, int calls, Duration lifetime) {
        String seconds = String.valueOf(Math.max(1, lifetime.toSeconds()));
        String token = serverUrl == null ? null : Protocol.tokenIn(serverUrl);
        if (token != null) serverUrl = serverUrl.substring(0, serverUrl.indexOf('?'));
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // No idle limit short of the lifetime: a learner may read for minutes between starting the
        // callee and calling it, and the lifetime and the parent bound the child anyway.
        cmd.addAll(List.of("-Xmx256m", "-XX:+UseSerialGC", "-Djava.awt.headless=true", "-cp", classpath(),
                "org.webrtcprimer.Main", "callee", "--server", serverUrl, "--room", room, "--calls", String.valueOf(calls),
                "--idle", seconds, "--max-seconds", seconds, "--exit-with-parent"));
        CalleeProcess p;
        try {
            p = new CalleeProcess(cmd, token);
        } catch (IOException e) {
            throw new IllegalStateException("could not start a second Java process: " + e.getMessage()
                    + " — is " + cmd.get(0) + " there?", e);
        }
        try {
            p.ready.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            p.close();
            throw new IllegalStateException("the callee process did not join room " + room + " within 30 s. It printed:\n  "
                    + String.join("\n  ", p.output()), e);
        }
        return p;
    }

    /** The kit's classes as this JVM loaded them: its jar, or (in the kit's own build) the class path. */
    static String classpath() {
        try {
            var src = CalleeProcess.class.getProtectionDomain().getCodeSource();
            if (src != null) {
                File f = new File(src.getLocation().toURI());
                if (f.isFile()) return f.getPath(); // the shaded jar carries everything it needs
            }
        } catch (URISyntaxException | SecurityException ignored) {
            // fall back to the class path below
        }
        return System.getProperty("java.class.path");
    }

    private void read() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (isExitNoise(line)) continue;
                if (output.size() < 2000) output.add(line);
                if (line.startsWith("callee ready")) ready.complete(line);
            }
        } catch (IOException ignored) {
            // the process ended
        }
        ready.completeExceptionally(new IllegalStateException("the callee process ended"));
    }

    /**
     * The two lines the native library's static destructors print at every JVM exit ("VM attach
     * current thread failed", "Failed to attach thread N"), even after a clean run: they say
     * nothing about the callee, so its output leaves them out.
     */
    static boolean isExitNoise(String line) {
        return line.equals("VM attach current thread failed") || line.matches("Failed to attach thread \\d+");
    }

    /** Its process id. */
    public long pid() {
        return process.pid();
    }

    /** Whether it is still running. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** What it printed so far (standard output and error), one line each. */
    public List<String> output() {
        return List.copyOf(output);
    }

    /** Waits for it to end by itself and returns its exit code. */
    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new SignalingTimeoutException("the callee process (pid " + pid() + ") was still running after "
                        + timeout.toMillis() + " ms");
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the callee process");
        }
    }

    /**
     * Ends it: closes its standard input (it leaves the room and exits), waits up to 5 s, then
     * destroys it. Harmless twice.
     */
    @Override
    public void close() {
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
        }
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) kill();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException ignored) {
            // the JVM is already shutting down: the hook runs anyway
        }
    }

    private void kill() {
        if (!process.isAlive()) return;
        process.destroy();
        try {
            if (!process.waitFor(3, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(3, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            process.destroyForcibly();
        }
    }

    @Override
    public String toString() {
        return "callee process pid " + pid() + (isAlive() ? " (running)" : " (exited " + process.exitValue() + ")");
    }
}

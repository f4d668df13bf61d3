package org.webrtcprimer.turn;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Where coturn is on this machine: the {@code turnserver} binary of Debian's {@code coturn}
 * package, its version, and what to say when it is missing. The kit starts it itself
 * ({@link TurnServer#start()}); no system service and no root are needed.
 */
public final class Coturn {
    private Coturn() {}

    /** How to install coturn where it is missing (the kit never installs it by itself). */
    public static final String INSTALL_COMMAND = "sudo apt-get install --no-install-recommends coturn";

    /** The system property that names another {@code turnserver} binary (tests, unusual installs). */
    public static final String BINARY_PROPERTY = "webrtcprimer.turnserver";

    private static final java.util.Map<Path, Optional<String>> VERSIONS = new java.util.concurrent.ConcurrentHashMap<>();

    /** The {@code turnserver} binary: {@code -Dwebrtcprimer.turnserver}, {@code $TURNSERVER}, or on the PATH, if any. */
    public static Optional<Path> binary() {
        String override = System.getProperty(BINARY_PROPERTY, System.getenv("TURNSERVER"));
        if (override != null && !override.isBlank()) {
            Path p = Path.of(override);
            return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
        }
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, "turnserver");
            if (Files.isExecutable(p)) return Optional.of(p);
        }
        for (String dir : new String[]{"/usr/bin", "/usr/local/bin", "/usr/sbin"}) {
            Path p = Path.of(dir, "turnserver");
            if (Files.isExecutable(p)) return Optional.of(p);
        }
        return Optional.empty();
    }

    /** Whether coturn can be started here. */
    public static boolean installed() {
        return version().isPresent();
    }

    /** coturn's version as {@code turnserver --version} prints it, e.g. {@code 4.6.1}; empty when it is missing. */
    public static Optional<String> version() {
        return binary().flatMap(b -> VERSIONS.computeIfAbsent(b, Coturn::askVersion));
    }

    private static Optional<String> askVersion(Path bin) {
        try {
            Process p = new ProcessBuilder(bin.toString(), "--version").redirectErrorStream(true).start();
            p.getOutputStream().close();
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            String last = out.isEmpty() ? "" : out.lines().reduce((a, b) -> b).orElse("").strip();
            return last.matches("[0-9][0-9A-Za-z.\\-]*") ? Optional.of(last) : Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        } 
    }

    /**
     * The sentence a lesson shows instead of its TURN parts when coturn is missing, or an empty
     * string when it is there.
     */
    public static String missingNote() {
        if (installed()) return "";
        return "coturn (the STUN/TURN server the kit starts for this lesson) is not installed on this machine, so the "
                + "TURN parts below are skipped. Install it with: " + INSTALL_COMMAND
                + " — then restart the kernel. (Installing it starts no service: the kit runs it only while a lesson needs it.)";
    }

    /** Fails with {@link #missingNote()} when coturn is missing. */
    static Path require() {
        Optional<Path> b = binary();
        if (b.isEmpty() || version().isEmpty()) throw new TurnServerException(missingNote());
        return b.get();
    }
}

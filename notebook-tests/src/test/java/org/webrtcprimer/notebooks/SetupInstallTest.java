package org.webrtcprimer.notebooks;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code ./primer setup} on a machine where a prerequisite is missing: Maven is hidden by giving
 * the script a PATH of every other program, so its check really fails. Without a terminal it must
 * not ask (nor install) and must say how to; with {@code --yes} it runs the real apt-get for the
 * missing package (already installed here, so apt-get changes nothing), checks again, and stops
 * saying what is still missing — before it builds anything.
 */
class SetupInstallTest {

    /** A folder of links to every program in /usr/bin and /usr/sbin but {@code mvn}. */
    static Path pathWithoutMaven(Path tmp) throws IOException {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        for (String dir : new String[] {"/usr/bin", "/usr/sbin", "/bin", "/sbin"}) {
            Path d = Path.of(dir);
            if (!Files.isDirectory(d)) continue;
            try (Stream<Path> files = Files.list(d)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    String name = f.getFileName().toString();
                    if (name.equals("mvn") || name.equals("mvnDebug") || Files.exists(bin.resolve(name), java.nio.file.LinkOption.NOFOLLOW_LINKS)) continue;
                    Files.createSymbolicLink(bin.resolve(name), f);
                }
            }
        }
        return bin;
    }

    static String[] setup(Path tmp, Path bin, String... options) throws Exception {
        var command = new java.util.ArrayList<String>(java.util.List.of("/bin/bash", Kit.root().resolve("primer").toString(), "setup", "--no-open",
                "--kernel-dir", tmp.resolve("kernels").toString()));
        command.addAll(java.util.List.of(options));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().put("PATH", bin.toString());
        pb.environment().put("DEBIAN_FRONTEND", "noninteractive");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "primer setup did not finish within 300 s:\n" + out);
        return new String[] {String.valueOf(p.exitValue()), out};
    }

    @Test
    void withoutATerminalItSaysHowAndInstallsNothing(@TempDir Path tmp) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/apt-get")), "a Debian or Ubuntu machine");
        String[] r = setup(tmp, pathWithoutMaven(tmp));
        String out = r[1];
        assertNotEquals("0", r[0], out);
        assertTrue(out.contains("MISSING  Maven (mvn)"), out);
        assertTrue(out.contains("not asking: no terminal. Run ./primer setup --yes to install them with:")
                && out.contains("apt-get install -y --no-install-recommends maven"), out);
        assertFalse(out.contains("Installing (--yes)"), out);
        assertFalse(out.contains("Building the library"), out);
        assertFalse(Files.exists(tmp.resolve("kernels/kernels/webrtc-primer")), "no kernel installed");
    }

    @Test
    void withYesItRunsAptGetForWhatIsMissingAndChecksAgain(@TempDir Path tmp) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/apt-get")), "a Debian or Ubuntu machine");
        boolean root = "0".equals(new String(new ProcessBuilder("id", "-u").start().getInputStream().readAllBytes()).strip());
        assumeTrue(root, "root (as in CI): otherwise the script would ask sudo for a password");
        assumeTrue(Files.exists(Path.of("/var/lib/dpkg/info/maven.list")), "Maven installed from Debian's package (apt-get then changes nothing)");
        String[] r = setup(tmp, pathWithoutMaven(tmp), "--yes");
        String out = r[1];
        assertNotEquals("0", r[0], out);
        assertTrue(out.contains("Installing (--yes): apt-get install -y --no-install-recommends maven"), out);
        assertTrue(out.contains("maven is already the newest version"), "apt-get really ran:\n" + out);
        assertTrue(out.contains("Checking the prerequisites again:"), out);
        assertTrue(out.contains("still missing after the install"), out);
        assertFalse(out.contains("Building the library"), out);
    }

    @Test
    void anUnknownOptionIsNamed(@TempDir Path tmp) throws Exception {
        String[] r = setup(tmp, Path.of("/usr/bin"), "--yess");
        assertNotEquals("0", r[0]);
        assertTrue(r[1].contains("unknown option '--yess'"), r[1]);
    }
}

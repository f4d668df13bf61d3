package org.webrtcprimer.wire;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs Debian's tshark on a capture file and reads its fields, one row per matching frame. */
final class Tshark {
    private Tshark() {}

    static List<String[]> fields(Path file, String filter, String... fields) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("tshark", "-n", "-r", file.toString(), "--enable-heuristic", "rtp_udp",
                "-Y", filter, "-T", "fields", "-E", "separator=/t", "-E", "occurrence=a"));
        for (String f : fields) {
            cmd.add("-e");
            cmd.add(f);
        }
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new AssertionError("tshark is not installed (Debian package tshark; .ci/run installs it): " + e.getMessage(), e);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("tshark did not finish reading " + file + " within 120 s");
        }
        if (p.exitValue() != 0) throw new AssertionError("tshark exited with " + p.exitValue() + " on " + file);
        List<String[]> rows = new ArrayList<>();
        for (String line : out.split("\n")) if (!line.isEmpty()) rows.add(line.split("\t", -1));
        return rows;
    }
}

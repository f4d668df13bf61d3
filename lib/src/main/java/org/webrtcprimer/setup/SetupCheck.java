package org.webrtcprimer.setup;

import org.webrtcprimer.datasets.Datasets;
import org.webrtcprimer.engine.Engine;
import org.webrtcprimer.engine.Kit;
import org.webrtcprimer.call.LocalCall;
import org.webrtcprimer.media.Constraints;
import org.webrtcprimer.media.DeviceInfo;
import org.webrtcprimer.media.MediaDevices;
import org.webrtcprimer.media.MediaStream;

import java.awt.GraphicsEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Lesson 00's check: is everything the lessons need here? Each row says what was found and, when
 * something is missing, exactly how to get it. Nothing here throws: a failed check is a red row.
 */
public final class SetupCheck {
    private SetupCheck() {}

    /** Runs every check, in the order a problem would be fixed. */
    public static List<CheckResult> run() {
        return run(() -> "none (a plain JVM)");
    }

    /**
     * Runs every check.
     *
     * @param kernel who runs this code (the notebook layer knows; a plain JVM says "none")
     */
    public static List<CheckResult> run(Supplier<String> kernel) {
        List<CheckResult> rows = new ArrayList<>();
        rows.add(java());
        rows.add(safely("Jupyter kernel", () -> CheckResult.ok("Jupyter kernel", kernel.get())));
        rows.add(CheckResult.ok("kit library", "webrtc-primer " + Kit.version() + " with webrtc-java " + Kit.webrtcJavaVersion()));
        CheckResult engine = engine();
        rows.add(engine);
        if (engine.ok()) {
            rows.add(safely("video codecs", () -> codecs("video", "VP8")));
            rows.add(safely("audio codecs", () -> codecs("audio", "opus")));
        }
        rows.add(safely("camera", () -> device("videoinput", "the synthetic test pattern (640×480, 30 fps) stands in")));
        rows.add(safely("microphone", () -> device("audioinput", "the synthetic 440 Hz tone stands in")));
        rows.add(audioServer());
        if (engine.ok()) rows.add(safely("local call", SetupCheck::localCall));
        rows.add(fonts());
        rows.add(safely("datasets", () -> {
            int lines = Datasets.read("article/log.txt").split("\n").length;
            return CheckResult.ok("datasets", "article log (" + lines + " lines), offer and answer, read from the kit's jar");
        }));
        return rows;
    }

    private static CheckResult safely(String item, Supplier<CheckResult> check) {
        try {
            return check.get();
        } catch (Throwable t) {
            return CheckResult.fail(item, t.getClass().getSimpleName() + ": " + t.getMessage(),
                    "run lesson 00 again; if this row stays red, see README → Troubleshooting");
        }
    }

    private static CheckResult java() {
        Runtime.Version v = Runtime.version();
        String found = "Java " + v + " (" + System.getProperty("java.vendor") + ")";
        return v.feature() >= 17 ? CheckResult.ok("Java", found)
                : CheckResult.fail("Java", found, "install JDK 17 or newer (Debian: sudo apt-get install openjdk-17-jdk) and run ./primer setup again");
    }

    private static CheckResult engine() {
        try {
            long t0 = System.nanoTime();
            Engine e = Engine.get();
            double ms = (System.nanoTime() - t0) / 1e6;
            return CheckResult.ok("native engine", String.format("libwebrtc (webrtc-java %s, linux-x86_64), headless audio; ready in %.0f ms%s",
                    Kit.webrtcJavaVersion(), ms, ms < 1 ? " (already running)" : ""));
        } catch (Throwable t) {
            String m = String.valueOf(t.getMessage());
            String fix = m.contains("libpulse") ? "install PulseAudio's client library: sudo apt-get install libpulse0 — then restart the kernel"
                    : "the native library did not load; check that this is Linux x86-64 and run ./primer setup again";
            return CheckResult.fail("native engine", t.getClass().getSimpleName() + ": " + m, fix);
        }
    }

    private static CheckResult codecs(String kind, String needed) {
        Set<String> names = new LinkedHashSet<>(Engine.get().sendCodecs(kind));
        String item = kind + " codecs";
        return names.contains(needed) ? CheckResult.ok(item, String.join(", ", names))
                : CheckResult.fail(item, String.join(", ", names), "this engine build lacks " + needed + "; use webrtc-java 0.14.0's linux-x86_64 natives");
    }

    private static CheckResult device(String kind, String fallback) {
        List<DeviceInfo> real = MediaDevices.enumerateDevices().stream().filter(d -> d.kind().equals(kind) && !d.synthetic()).toList();
        String item = kind.equals("videoinput") ? "camera" : "microphone";
        return CheckResult.ok(item, real.isEmpty() ? "none found — " + fallback
                : real.stream().map(DeviceInfo::label).collect(Collectors.joining(", ")));
    }

    private static CheckResult audioServer() {
        String env = System.getenv("PULSE_SERVER");
        String runtime = System.getenv("XDG_RUNTIME_DIR");
        boolean socket = runtime != null && Files.exists(Path.of(runtime, "pulse", "native"));
        String found = env != null ? "PULSE_SERVER=" + env : socket ? "PulseAudio socket in " + runtime
                : "none — not needed: the kit's audio module is headless";
        return CheckResult.ok("audio server", found);
    }

    private static CheckResult localCall() {
        MediaStream s = MediaDevices.getUserMedia(Constraints.audioVideo().withSynthetic());
        try {
            LocalCall c = LocalCall.call(s);
            try {
                var t = c.setupTime();
                long host = c.pc1().localCandidates().stream().filter(x -> x.type().equals("host")).count();
                return CheckResult.ok("local call", String.format("pc1 ↔ pc2 connected in %.1f ms, first remote frame after %.1f ms, %d host candidate%s",
                        t.toConnectedMillis().orElse(Double.NaN), t.toFirstFrameMillis().orElse(Double.NaN), host, host == 1 ? "" : "s"));
            } finally {
                c.hangup();
            }
        } catch (RuntimeException e) {
            return CheckResult.fail("local call", e.getMessage(),
                    "the machine needs at least one network interface other than loopback with an address (ip addr); see README → Troubleshooting");
        } finally {
            s.stop();
        }
    }

    private static CheckResult fonts() {
        if (GraphicsEnvironment.isHeadless() && System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        String[] families = GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames();
        boolean dejavu = Arrays.stream(families).anyMatch(f -> f.startsWith("DejaVu"));
        boolean chinese = new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 12).canDisplayUpTo("呼叫流程") == -1;
        String cjk = chinese ? "; Chinese labels: yes" : "; Chinese labels: no font for them (optional: sudo apt-get install fonts-wqy-microhei)";
        return dejavu ? CheckResult.ok("fonts for charts", "DejaVu (" + families.length + " families)" + cjk)
                : CheckResult.fail("fonts for charts", families.length + " font families, no DejaVu",
                "sudo apt-get install fonts-dejavu-core — charts fall back to a plainer font without it");
    }
}

package org.webrtcprimer.tools;

import org.webrtcprimer.call.CallOptions;
import org.webrtcprimer.media.Constraints;
import org.webrtcprimer.media.MediaDevices;
import org.webrtcprimer.media.MediaStream;
import org.webrtcprimer.tools.PerformanceReport.Row;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The report's "call setup" group: {@code call()} → both connected and → first remote frame (the
 * {@code bench} command's figures), and {@code getUserMedia} → the synthetic camera's first frame.
 */
final class CallSetupRows {
    private CallSetupRows() {}

    static final String GROUP = "call setup";

    static void add(List<Row> rows, MediaStream stream, int calls) {
        PerformanceReport.say("call setup: 3 warm-up + " + calls + " timed local calls (the kit's call(): trickle ICE, start-bitrate hint)");
        SetupBenchmark.Result r = SetupBenchmark.run("kit", stream, CallOptions.defaults(), 3, calls, null);
        rows.add(new Row(GROUP, "call() → both connected", r.connected(), "ms", "pc1 ↔ pc2 in one JVM"));
        rows.add(new Row(GROUP, "call() → first remote frame", r.firstFrame(), "ms", "640×480 synthetic video"));
        PerformanceReport.say("first local frame: getUserMedia → the synthetic camera's first frame, 10 times");
        List<Double> first = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            long t = System.nanoTime();
            MediaStream s = MediaDevices.getUserMedia(Constraints.videoOnly().withSynthetic());
            try {
                s.localVideo().awaitFirstFrame(Duration.ofSeconds(10));
                first.add((System.nanoTime() - t) / 1e6);
            } finally {
                s.stop();
            }
        }
        rows.add(Row.of(GROUP, "getUserMedia → first local frame", first, "ms", "synthetic 640×480 @ 30 fps"));
    }
}

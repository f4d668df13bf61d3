package org.webrtcprimer.tools;

import org.webrtcprimer.browser.Chromium;
import org.webrtcprimer.media.MediaStream;
import org.webrtcprimer.signaling.SignalingServer;
import org.webrtcprimer.tools.PerformanceReport.Row;

import java.util.List;

/**
 * The report's "remote" group, with headless Chromium: the {@code bench-remote} setups (Chromium
 * pc1/pc2 in one page, Chromium → Java through signaling), and Chromium's own pc1 → pc2 data
 * channel throughput, measured as {@link DataChannelRows} measures the kit's and placed beside it.
 */
final class RemoteRows {
    private RemoteRows() {}

    static final String GROUP = "remote";

    static void add(List<Row> rows, MediaStream stream, int calls) {
        if (Chromium.find().isEmpty()) {
            rows.add(Row.missing(GROUP, "Chromium setups (bench-remote)", Chromium.INSTALL_HINT));
            return;
        }
        PerformanceReport.say("remote: headless Chromium, 2 warm-up + " + calls + " calls per setup (bench-remote)");
        try (SignalingServer server = SignalingServer.start(); Chromium browser = Chromium.launch()) {
            RemoteBenchmark.Result local = RemoteBenchmark.chromiumLocal(browser, server, 2, calls);
            rows.add(new Row(GROUP, "Chromium pc1 → pc2: connected", local.connected(), "ms", "one page"));
            rows.add(new Row(GROUP, "Chromium pc1 → pc2: first remote frame", local.firstFrame(), "ms", "fake camera"));
            RemoteBenchmark.Result toJava = RemoteBenchmark.chromiumToJava(browser, server, stream, 2, calls);
            rows.add(new Row(GROUP, "Chromium → Java via signaling: connected", toJava.connected(), "ms", "two processes"));
            rows.add(new Row(GROUP, "Chromium → Java via signaling: first frame", toJava.firstFrame(), "ms", "Java's video at the page"));
            PerformanceReport.besideGroup(rows, chromiumDataChannel(browser, server));
        } catch (RuntimeException e) {
            rows.add(Row.missing(GROUP, "Chromium setups (bench-remote)", "failed: " + e.getMessage()));
        }
    }

    private static Row chromiumDataChannel(Chromium browser, SignalingServer server) {
        int rounds = DataChannelRows.ROUNDS, message = DataChannelRows.MESSAGE, perRound = DataChannelRows.PER_ROUND;
        PerformanceReport.say("data channel in Chromium: " + rounds + " rounds of " + perRound / (1024 * 1024)
                + " MB pc1 → pc2 in 64 KB messages, one page");
        try {
            return Row.of(DataChannelRows.GROUP, "Chromium pc1 → pc2 throughput, reliable, ordered",
                    RemoteBenchmark.chromiumDataChannel(browser, server, rounds, message, perRound), "MB/s",
                    "64 KB messages, one page, ≤ 1 MB buffered");
        } catch (RuntimeException e) {
            return Row.missing(DataChannelRows.GROUP, "Chromium pc1 → pc2 throughput", "failed: " + e.getMessage());
        }
    }
}

package org.webrtcprimer.tools;

import org.webrtcprimer.call.LocalCall;
import org.webrtcprimer.call.baseline.ChannelRounds;
import org.webrtcprimer.media.MediaStream;
import org.webrtcprimer.tools.PerformanceReport.Row;

import java.util.List;

/**
 * The report's "data channel" group, the kit's row: pc1 → pc2 over one reliable channel of a
 * {@code LocalCall}, sent through {@link ChannelRounds} the way {@link RemoteRows} sends on
 * Chromium's page beside it.
 */
final class DataChannelRows {
    private DataChannelRows() {}

    static final String GROUP = "data channel";
    static final int ROUNDS = 5, MESSAGE = 64 * 1024, PER_ROUND = 8 * 1024 * 1024;

    /** 64 KB messages, the sender keeping at most 1 MB buffered. */
    static void add(List<Row> rows, MediaStream stream) {
        PerformanceReport.say("data channel: " + ROUNDS + " rounds of " + PER_ROUND / (1024 * 1024) + " MB pc1 → pc2 in 64 KB messages");
        try {
            List<Double> rates = ChannelRounds.measure(LocalCall.create(stream), ROUNDS, MESSAGE, PER_ROUND);
            rows.add(Row.of(GROUP, "the kit: pc1 → pc2 throughput, reliable, ordered", rates, "MB/s", "64 KB messages, loopback, ≤ 1 MB buffered"));
        } catch (Exception e) {
            rows.add(Row.missing(GROUP, "pc1 → pc2 throughput", "failed: " + e.getMessage()));
        }
    }
}

package org.webrtcprimer.call.baseline;

import dev.onvoid.webrtc.RTCStatsReport;
import org.webrtcprimer.call.Peer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** The engine's own getStats, timed without the kit's conversion to a {@code StatsReport}. */
public final class EngineStats {
    private EngineStats() {}

    /** {@code n} getStats calls on {@code peer}'s engine, {@code pauseMs} apart: each one's ms until the report arrived. */
    public static List<Double> getStatsMillis(Peer peer, int n, long pauseMs) throws Exception {
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            CompletableFuture<RTCStatsReport> f = new CompletableFuture<>();
            peer.engine().getStats(f::complete);
            try {
                f.get(5, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                throw new IllegalStateException("getStats call " + (i + 1) + " of " + n + " on " + peer + " did not answer within 5 s", e);
            }
            ms.add((System.nanoTime() - t0) / 1e6);
            Thread.sleep(pauseMs);
        }
        return ms;
    }
}

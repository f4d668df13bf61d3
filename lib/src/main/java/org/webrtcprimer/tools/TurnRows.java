package org.webrtcprimer.tools;

import org.webrtcprimer.call.Summary;
import org.webrtcprimer.tools.PerformanceReport.Row;
import org.webrtcprimer.turn.Coturn;
import org.webrtcprimer.turn.TurnConfig;
import org.webrtcprimer.turn.TurnCost;
import org.webrtcprimer.turn.TurnServer;

import java.util.List;

/**
 * The report's "NAT/TURN" group ({@code turn-bench}'s configurations, a few calls each): setup time
 * and the selected pair's RTT, direct, through each NAT kind, and relay-only through the kit's
 * coturn over UDP, TCP and TLS, interleaved in one run.
 */
final class TurnRows {
    private TurnRows() {}

    static final String GROUP = "NAT/TURN";

    static void add(List<Row> rows, int calls) {
        if (!Coturn.installed()) {
            rows.add(Row.missing(GROUP, "setup and RTT through NATs and TURN", Coturn.missingNote()));
            return;
        }
        PerformanceReport.say("NAT and TURN: " + calls + " data-channel calls per configuration, direct, behind each NAT kind, TURN udp/tcp/tls");
        try (var server = TurnServer.start(TurnConfig.defaults().withVerbose(false))) {
            List<TurnCost.Row> measured = TurnBenchmark.measure(server, calls);
            for (TurnCost.Row r : measured) {
                String note = r.path() + (r.failed() > 0 ? "; " + r.failed() + " did not connect" : "");
                rows.add(new Row(GROUP, r.config() + ": offer → both connected",
                        r.connectMs() == null ? Summary.of() : r.connectMs(), "ms", note));
            }
            for (TurnCost.Row r : measured) {
                rows.add(new Row(GROUP, r.config() + ": selected pair RTT",
                        r.rttMs() == null ? Summary.of() : r.rttMs(), "ms", "currentRoundTripTime, 1 ms steps"));
            }
        } catch (RuntimeException e) {
            rows.add(Row.missing(GROUP, "setup and RTT through NATs and TURN", "failed: " + e.getMessage()));
        }
    }
}

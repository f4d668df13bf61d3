package org.webrtcprimer.turn;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;
import org.webrtcprimer.call.CallOptions;
import org.webrtcprimer.call.LocalCall;
import org.webrtcprimer.call.Summary;
import org.webrtcprimer.charts.Chart;
import org.webrtcprimer.charts.Charts;
import org.webrtcprimer.net.Network;
import org.webrtcprimer.notebook.Renderable;
import org.webrtcprimer.notebook.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What TURN costs, measured: setup time (createOffer → both connected) and the selected pair's
 * round-trip time over N data-channel calls per configuration — direct, behind two NATs, and
 * relay-only through coturn over UDP, TCP and TLS — interleaved, so a busy moment hits them alike.
 */
public final class TurnCost implements Renderable {
    public static final String DIRECT = "direct (no NAT, no relay)";
    public static final String NATS = "two port-restricted NATs, no TURN";

    /** One configuration's figures; {@code connectMs} and {@code rttMs} are null when no call connected. */
    public record Row(String config, Summary connectMs, Summary rttMs, String path, int failed) {}

    private final List<Row> rows;
    private final int calls;
    private final boolean turnRan;

    private TurnCost(List<Row> rows, int calls, boolean turnRan) {
        this.rows = List.copyOf(rows);
        this.calls = calls;
        this.turnRan = turnRan;
    }

    public static String turn(String transport) {
        return "TURN " + transport + ", relay only";
    }

    static TurnCost measure(TurnServer turn, int calls) {
        if (calls < 1 || calls > 100) throw new IllegalArgumentException("calls must be 1–100, not " + calls);
        List<String> names = new ArrayList<>();
        List<Supplier<LocalCall>> setups = new ArrayList<>();
        names.add(DIRECT);
        setups.add(() -> LocalCall.withoutMedia(CallOptions.defaults()));
        names.add(NATS);
        setups.add(() -> NatGate.behind(LocalCall.withoutMedia(CallOptions.defaults().withNetwork(Network.perfect())),
                NatKind.PORT_RESTRICTED, NatKind.PORT_RESTRICTED));
        if (turn != null) {
            for (String t : List.of("udp", "tcp", "tls")) {
                names.add(turn(t));
                setups.add(() -> LocalCall.withoutMedia(CallOptions.defaults().withIceServers(turn.iceServer(t)).withRelayOnly()));
            }
        }
        return new TurnCost(interleaved(names, setups, calls), calls, turn != null);
    }

    /**
     * Data-channel calls made by {@code setups} (named by {@code names}), {@code calls} counted rounds
     * after one warm-up round, interleaved so that a busy moment hits every configuration alike: each
     * row's setup time, round-trip time, pc1's selected route and how many did not connect.
     */
    public static List<Row> interleaved(List<String> names, List<Supplier<LocalCall>> setups, int calls) {
        if (names.size() != setups.size()) throw new IllegalArgumentException(names.size() + " names for " + setups.size() + " setups");
        List<List<Double>> connect = new ArrayList<>(), rtt = new ArrayList<>();
        String[] paths = new String[setups.size()];
        int[] failed = new int[setups.size()];
        for (int i = 0; i < setups.size(); i++) {
            connect.add(new ArrayList<>());
            rtt.add(new ArrayList<>());
        }
        for (int n = 0; n <= calls; n++) { // round 0 warms up and is not counted
            for (int i = 0; i < setups.size(); i++) {
                LocalCall c = setups.get(i).get();
                try {
                    c.pc1().createDataChannel("cost");
                    c.negotiate();
                    c.awaitConnected();
                    double ms = c.setupTime().toConnectedMillis().orElse(Double.NaN);
                    SelectedPath p = SelectedPath.await(c);
                    if (n == 0) continue;
                    connect.get(i).add(ms);
                    if (p != null && !Double.isNaN(p.rttMs())) rtt.get(i).add(p.rttMs());
                    if (p != null) paths[i] = p.route();
                } catch (RuntimeException e) {
                    if (n > 0) failed[i]++;
                } finally {
                    c.hangup();
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < setups.size(); i++) {
            rows.add(new Row(names.get(i), connect.get(i).isEmpty() ? null : Summary.of(connect.get(i)),
                    rtt.get(i).isEmpty() ? null : Summary.of(rtt.get(i)), paths[i] == null ? "–" : paths[i], failed[i]));
        }
        return rows;
    }

    public List<Row> rows() {
        return rows;
    }

    public Optional<Row> row(String config) {
        return rows.stream().filter(r -> r.config().equals(config)).findFirst();
    }

    /** The median setup time of a configuration, NaN when it has none. */
    public double medianConnectMs(String config) {
        return row(config).map(r -> r.connectMs() == null ? Double.NaN : r.connectMs().median()).orElse(Double.NaN);
    }

    /** How many ms TURN over {@code transport} adds to the median setup time of the direct call. */
    public double addedMs(String transport) {
        return medianConnectMs(turn(transport)) - medianConnectMs(DIRECT);
    }

    private static String f(Summary s) {
        return s == null ? "–" : String.format("%.1f / %.1f / %.1f", s.min(), s.median(), s.p90());
    }

    public Table table() {
        Table t = Table.of("configuration", "setup ms min / median / p90", "RTT ms min / median / p90", "pc1's selected pair", "failed")
                .title("What TURN costs: " + calls + " data-channel calls each, interleaved");
        for (Row r : rows) t.row(r.config(), f(r.connectMs()), f(r.rttMs()), r.path(), r.failed());
        if (!turnRan) t.row("TURN", Table.fail("skipped"), "", Coturn.missingNote(), "");
        return t.note(sentence());
    }

    /** The reading of the table, computed from it. */
    public String sentence() {
        double direct = medianConnectMs(DIRECT), nats = medianConnectMs(NATS);
        StringBuilder s = new StringBuilder(String.format("At the median the direct call connected in %.1f ms, behind two NATs in %.1f ms", direct, nats));
        if (!turnRan) return s.append("; the TURN rows need coturn.").toString();
        double udp = medianConnectMs(turn("udp")), tls = medianConnectMs(turn("tls"));
        s.append(String.format(", through TURN over udp in %.1f ms (%+.1f ms, ×%.1f) and over tls in %.1f ms (%+.1f ms): before the first "
                        + "relay candidate exists each peer must be challenged (401), allocate, and — over TLS — shake hands first.",
                udp, udp - direct, udp / direct, tls, tls - direct));
        Row u = row(turn("udp")).orElse(null), d = row(DIRECT).orElse(null);
        if (u != null && d != null && u.rttMs() != null && d.rttMs() != null) {
            s.append(String.format(" The round trip was %.0f ms direct and %.0f ms via TURN at the median: coturn runs on this machine, "
                    + "so here the detour costs almost nothing; across the Internet it adds the way to the server and back.",
                    d.rttMs().median(), u.rttMs().median()));
        }
        return s.toString();
    }

    /** Median and p90 setup time per configuration as bars. */
    public Chart chart() {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Row r : rows) {
            if (r.connectMs() == null) continue;
            data.addValue(r.connectMs().median(), "median", r.config());
            data.addValue(r.connectMs().p90(), "p90", r.config());
        }
        JFreeChart chart = ChartFactory.createBarChart("Setup time: direct, behind NATs, through TURN", "",
                "createOffer → both connected (ms)", data, PlotOrientation.HORIZONTAL, true, false, false);
        Charts.subtitle(chart, calls + " data-channel calls per configuration, interleaved, in this kernel");
        // not peers: greys, so that blue and orange keep meaning pc1 and pc2 (style.md)
        // (the kit's theme clears series paints, so the renderer answers them itself)
        chart.getCategoryPlot().setRenderer(new org.jfree.chart.renderer.category.BarRenderer() {
            @Override
            public java.awt.Paint getItemPaint(int row, int column) {
                return lookupSeriesPaint(row);
            }

            @Override
            public java.awt.Paint lookupSeriesPaint(int series) {
                return series == 0 ? new java.awt.Color(0x44, 0x44, 0x44) : new java.awt.Color(0xaa, 0xaa, 0xaa);
            }
        });
        return Charts.draw(chart, 900, 360, "Longer bars are slower; the gap between a configuration's median and p90 is how much a busy machine disturbs it.");
    }

    @Override
    public String toHtml() {
        return table().toHtml() + chart().toHtml();
    }

    @Override
    public String toText() {
        return table().toText();
    }

    @Override
    public String toString() {
        return toText();
    }
}

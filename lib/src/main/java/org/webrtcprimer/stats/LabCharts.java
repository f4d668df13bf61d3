package org.webrtcprimer.stats;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.webrtcprimer.call.StatsReport;
import org.webrtcprimer.charts.Chart;
import org.webrtcprimer.charts.Charts;
import org.webrtcprimer.events.KitClock;
import org.webrtcprimer.net.QueueSample;
import org.webrtcprimer.net.Relay;
import org.webrtcprimer.net.Way;
import org.webrtcprimer.notebook.Style;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@link NetworkLab}'s charts: the round trip, the repairs, the bandwidth estimate against the
 * relay's rate limit, the relay's queue — on seconds since the lab started, each section held
 * shaded and labelled.
 */
final class LabCharts {
    private final Supplier<StatsRecording> recording;
    private final Relay relay;
    private final long origin;
    private final Supplier<List<NetworkLab.Section>> sections;

    LabCharts(Supplier<StatsRecording> recording, Relay relay, long origin, Supplier<List<NetworkLab.Section>> sections) {
        this.recording = recording;
        this.relay = relay;
        this.origin = origin;
        this.sections = sections;
    }

    /** pc1's round-trip time (selected candidate pair) over the run. */
    Chart roundTrip() {
        return chart("Round-trip time of the selected candidate pair", "RTT (ms)",
                List.of(line("pc1 currentRoundTripTime", "pc1", r -> LabStats.pair(r, "currentRoundTripTime") * 1000, false)),
                "STUN consent checks measure the round trip every few seconds, so the line moves in steps.");
    }

    /** pc1's NACKs and retransmissions, pc2's lost packets, cumulative over the run. */
    Chart repairs() {
        return chart("Losses and repairs (cumulative)", "packets",
                List.of(line("pc1 nackCount (video)", "pc1", r -> LabStats.video(r, "outbound-rtp", "nackCount"), false),
                        line("pc2 packetsLost (video)", "pc2", r -> LabStats.video(r, "inbound-rtp", "packetsLost"), false),
                        line("pc1 retransmittedPacketsSent (video)", "pc1x", r -> LabStats.video(r, "outbound-rtp", "retransmittedPacketsSent"), false)),
                "A lost packet is reported by a NACK (RFC 4585 §6.2.1) and sent again on the RTX stream (RFC 4588).");
    }

    /** pc1's bandwidth estimate and video send rate, and the relay's rate limit pc1 → pc2, over the run. */
    Chart bandwidth() {
        List<XYSeries> s = new ArrayList<>();
        s.add(line("pc1 availableOutgoingBitrate", "pc1", r -> LabStats.pair(r, "availableOutgoingBitrate") / 1000, false));
        s.add(rateLine("pc1 video sent", r -> LabStats.video(r, "outbound-rtp", "bytesSent") * 8 / 1000));
        XYSeries cap = new XYSeries("relay rate limit pc1 → pc2", false, true);
        double lastT = seconds(KitClock.now());
        for (Relay.Change c : relay.changes()) {
            if (c.way() != Way.PC1_TO_PC2) continue;
            double t = Math.max(0, seconds(c.nanos()));
            cap.add(t, c.impairment().rateKbps() > 0 ? c.impairment().rateKbps() : Double.NaN);
        }
        if (cap.getItemCount() > 0) cap.add(lastT, cap.getY(cap.getItemCount() - 1));
        s.add(cap);
        return chart("Bandwidth estimate against the link's rate", "kbit/s", s,
                "The congestion controller (GCC, draft-ietf-rmcat-gcc) lowers its estimate when the queue delays packets, and probes upward again once the limit is lifted.");
    }

    /** The relay's queue pc1 → pc2 over the run. */
    Chart queue() {
        XYSeries q = new XYSeries("queue pc1 → pc2", false, true);
        for (QueueSample s : relay.queueHistory(Way.PC1_TO_PC2)) {
            if (s.nanos() >= origin) q.add(seconds(s.nanos()), s.bytes() / 1024.0);
        }
        return chart("The relay's queue pc1 → pc2 (the rate limiter's backlog)", "KiB", List.of(q),
                "Packets wait here when pc1 sends faster than the link's rate; a full queue drops the newest (drop-tail).");
    }

    private XYSeries line(String name, String key, Function<StatsReport, Double> f, boolean ignored) {
        String peer = name.startsWith("pc2") ? "pc2" : "pc1";
        XYSeries x = new XYSeries(name, false, true);
        for (StatsReport r : recording.get().reports(peer)) {
            if (r.nanos() < origin) continue;
            double v = f.apply(r);
            if (!Double.isNaN(v)) x.add(seconds(r.nanos()), v);
        }
        return x;
    }

    private XYSeries rateLine(String name, Function<StatsReport, Double> f) {
        XYSeries x = new XYSeries(name, false, true);
        StatsReport prev = null;
        for (StatsReport r : recording.get().reports("pc1")) {
            if (prev != null && r.nanos() >= origin) {
                double v = (f.apply(r) - f.apply(prev)) / ((r.nanos() - prev.nanos()) / 1e9);
                if (!Double.isNaN(v) && v >= 0) x.add(seconds(r.nanos()), v);
            }
            prev = r;
        }
        return x;
    }

    private double seconds(long nanos) {
        return (nanos - origin) / 1e9;
    }

    private Chart chart(String title, String yLabel, List<XYSeries> series, String caption) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (XYSeries s : series) data.addSeries(s);
        JFreeChart chart = ChartFactory.createXYLineChart(title, "time since the lab started (s)", yLabel, data,
                PlotOrientation.VERTICAL, true, false, false);
        Charts.subtitle(chart, "one call through the kit's relay; shaded: the sections held, as labelled");
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer r = title.startsWith("Bandwidth") ? new XYStepRenderer() : new XYLineAndShapeRenderer(true, false);
        Color[] colors = {Style.PC1, Style.PC2, new Color(0x2c, 0xa0, 0x2c), Style.FAIL};
        for (int i = 0; i < series.size(); i++) {
            String n = (String) series.get(i).getKey();
            Color c = n.startsWith("pc2") ? Style.PC2 : n.startsWith("relay") || n.startsWith("queue") ? Style.SIGNALING
                    : i == 0 ? Style.PC1 : colors[Math.min(i, colors.length - 1)];
            r.setSeriesPaint(i, c);
            r.setSeriesStroke(i, n.startsWith("relay") ? new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[]{6f, 4f}, 0f) : new BasicStroke(2f));
        }
        if (title.startsWith("Bandwidth")) {
            // the measured lines are not steps: only the cap is
            XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, false);
            XYSeriesCollection measured = new XYSeriesCollection();
            XYSeriesCollection capData = new XYSeriesCollection();
            for (int i = 0; i < series.size(); i++) (((String) series.get(i).getKey()).startsWith("relay") ? capData : measured).addSeries(series.get(i));
            plot.setDataset(0, measured);
            lines.setSeriesPaint(0, Style.PC1);
            lines.setSeriesPaint(1, new Color(0x2c, 0xa0, 0x2c));
            lines.setSeriesStroke(0, new BasicStroke(2f));
            lines.setSeriesStroke(1, new BasicStroke(2f));
            plot.setRenderer(0, lines);
            XYStepRenderer step = new XYStepRenderer();
            step.setSeriesPaint(0, Style.SIGNALING);
            step.setSeriesStroke(0, new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[]{6f, 4f}, 0f));
            plot.setDataset(1, capData);
            plot.setRenderer(1, step);
        } else {
            plot.setRenderer(r);
        }
        int i = 0;
        for (NetworkLab.Section s : sections.get()) {
            IntervalMarker m = new IntervalMarker(seconds(s.startNanos()), seconds(s.endNanos()));
            m.setPaint(i++ % 2 == 0 ? new Color(0xee, 0xee, 0xee) : new Color(0xe4, 0xec, 0xf5));
            m.setLabel(s.label());
            m.setLabelFont(new Font(Charts.FONT, Font.PLAIN, 11));
            m.setLabelAnchor(RectangleAnchor.TOP_LEFT);
            m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
            plot.addDomainMarker(m, org.jfree.chart.ui.Layer.BACKGROUND);
        }
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(true);
        return Charts.draw(chart, caption);
    }
}

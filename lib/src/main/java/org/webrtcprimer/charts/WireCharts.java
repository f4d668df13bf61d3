package org.webrtcprimer.charts;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.webrtcprimer.net.QueueSample;
import org.webrtcprimer.net.Relay;
import org.webrtcprimer.net.Way;
import org.webrtcprimer.notebook.Style;
import org.webrtcprimer.wire.DtlsDatagram;
import org.webrtcprimer.wire.RtpHeader;
import org.webrtcprimer.wire.StunMessage;
import org.webrtcprimer.wire.Trace;
import org.webrtcprimer.wire.WirePacket;

import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Charts of what travelled on the wire: the ladder of STUN checks and DTLS flights, per-stream rates, the relay's queue. */
public final class WireCharts {
    private WireCharts() {}

    private record Step(long nanos, Way way, String label, Color color, boolean dashed, boolean dropped) {}

    /** Rows the ladder draws at most; later consent checks are counted under it. */
    public static final int LADDER_ROWS = 40;

    /**
     * A ladder (sequence) diagram drawn from a capture: every STUN Binding request and response
     * until media flows, the DTLS flights as one arrow each, the first RTP packet each way, then
     * the consent checks. Arrows run from the sender's lane to the receiver's; a packet the relay
     * dropped ends in a cross halfway.
     */
    public static Chart ladder(Trace trace) {
        if (trace == null) throw new IllegalArgumentException("no trace — pass capture.trace(offer, answer)");
        List<Step> steps = new ArrayList<>();
        for (WirePacket p : trace.packets()) {
            if (p.decoded() instanceof StunMessage m) {
                String l = m.name().replace("success response", "response");
                if (m.useCandidate()) l += " + USE-CANDIDATE";
                if (m.messageClass() == StunMessage.StunClass.REQUEST && m.username() != null) l += "  (" + m.username() + ")";
                steps.add(new Step(p.nanos(), p.way(), "STUN " + l, Style.colorOf(peer(p.way())), m.messageClass() != StunMessage.StunClass.REQUEST,
                        p.fate().dropped()));
            }
        }
        for (Trace.Flight f : trace.flights()) {
            steps.add(new Step(f.startNanos(), f.way(), "DTLS flight " + f.number() + ": " + String.join(", ", f.messages()),
                    new Color(0x6a, 0x3d, 0x9a), false, false));
        }
        for (Way w : Way.values()) {
            trace.packets().stream().filter(p -> p.way() == w && p.decoded() instanceof RtpHeader).findFirst().ifPresent(p ->
                    steps.add(new Step(p.nanos(), w, "first SRTP packet: " + trace.describe(p).replaceAll(", seq.*", ""),
                            new Color(0x2c, 0xa0, 0x2c), false, false)));
        }
        steps.sort(Comparator.comparingLong(Step::nanos));
        int hidden = Math.max(0, steps.size() - LADDER_ROWS);
        List<Step> shown = steps.subList(0, Math.min(LADDER_ROWS, steps.size()));

        int rowH = 22, top = 96, w = 1000;
        int h = top + Math.max(1, shown.size()) * rowH + 70;
        Canvas c = new Canvas(w, h);
        c.title("On the wire: ICE checks, the DTLS handshake, the first media",
                "drawn from the relay's capture; times in ms after the first packet");
        double x1 = 300, x2 = 880, xm = (x1 + x2) / 2;
        c.centred("pc1", x1, top - 18, Font.BOLD, 14f, Style.PC1);
        c.centred("pc2", x2, top - 18, Font.BOLD, 14f, Style.PC2);
        c.centred("relay", xm, top - 18, Font.PLAIN, 11f, Canvas.MUTED);
        double yEnd = top + shown.size() * rowH + 6;
        c.line(x1, top - 10, x1, yEnd, Style.PC1, 2f, false);
        c.line(x2, top - 10, x2, yEnd, Style.PC2, 2f, false);
        c.line(xm, top - 10, xm, yEnd, Canvas.LINE, 1f, true);
        c.text("time (ms)", 14, top - 18, Font.BOLD, 11f, Canvas.MUTED);
        for (int i = 0; i < shown.size(); i++) {
            Step s = shown.get(i);
            double y = top + i * rowH + 14;
            c.text(String.format(Locale.ROOT, "%.1f", trace.ms(s.nanos())), 14, y + 4, Font.PLAIN, 11f, Canvas.TEXT);
            double from = s.way() == Way.PC1_TO_PC2 ? x1 : x2, to = s.way() == Way.PC1_TO_PC2 ? x2 : x1;
            if (s.dropped()) {
                c.line(from, y, xm, y, Style.FAIL, 1.6f, true);
                c.text("✗ dropped", xm + 4, y + 4, Font.BOLD, 11f, Style.FAIL);
            } else {
                c.arrow(from, y, to, y, s.color(), 1.6f, s.dashed(), false);
            }
            String label = s.label().length() > 118 ? s.label().substring(0, 117) + "…" : s.label();
            c.text(label, 80, y - 3, Font.PLAIN, 10.5f, s.color().darker());
        }
        String more = hidden > 0 ? hidden + " later step" + (hidden == 1 ? "" : "s") + " (consent checks and their responses) not drawn"
                : "";
        c.text(more, 80, yEnd + 22, Font.ITALIC, 11f, Canvas.MUTED);
        c.text("solid: request or handshake flight · dashed: STUN response · green: media", 80, yEnd + 40, Font.PLAIN, 11f, Canvas.MUTED);
        String client = trace.dtlsClient();
        return c.done("On the wire", String.format(Locale.ROOT,
                "%d STUN checks before media; the DTLS handshake took %d flights, the first (ClientHello) from %s.",
                trace.checks().stream().filter(k -> trace.packets().stream().filter(p -> p.decoded() instanceof RtpHeader)
                        .findFirst().map(p -> k.request().nanos() < p.nanos()).orElse(true)).count(),
                trace.flights().size(), client == null ? "nobody (no ClientHello captured)" : client));
    }

    private static String peer(Way w) {
        return w == Way.PC1_TO_PC2 ? "pc1" : "pc2";
    }

    /** Width of the bins the stream charts count in. */
    public static final double BIN_SECONDS = 0.5;

    /**
     * Per RTP stream over time: packet rate, bitrate, sequence numbers missing at the receiver (a
     * gap in what the relay delivered) and RTX packets (retransmissions and padding probes on the
     * RTX SSRC, RFC 4588), in 0.5 s bins.
     */
    public static Chart streams(Trace trace) {
        if (trace == null) throw new IllegalArgumentException("no trace — pass capture.trace(offer, answer)");
        List<Trace.RtpStream> streams = trace.streams();
        if (streams.isEmpty()) throw new IllegalArgumentException("the capture holds no RTP — capture a call with media");
        double end = trace.packets().isEmpty() ? 1 : trace.ms(trace.packets().get(trace.packets().size() - 1)) / 1000.0;
        int bins = Math.max(1, (int) Math.floor(end / BIN_SECONDS)); // whole bins only: a last partial one would look like a drop
        XYSeriesCollection rate = new XYSeriesCollection(), bitrate = new XYSeriesCollection(), gaps = new XYSeriesCollection(),
                rtx = new XYSeriesCollection();
        XYSeries rtxAll = new XYSeries("RTX packets (all RTX SSRCs)");
        double[] rtxBins = new double[bins];
        int totalMissing = 0, totalRtx = 0;
        for (Trace.RtpStream s : streams.subList(0, Math.min(6, streams.size()))) {
            double[] n = new double[bins], b = new double[bins], g = new double[bins];
            long high = -1;
            for (WirePacket p : s.all()) {
                int k = Math.min(bins - 1, (int) (trace.ms(p) / 1000.0 / BIN_SECONDS));
                n[k]++;
                b[k] += p.size() * 8;
                if (s.rtx()) rtxBins[k]++;
                if (!p.delivered()) continue;
                int seq = ((RtpHeader) p.decoded()).sequence();
                if (high >= 0) {
                    int delta = (seq - (int) high) & 0xFFFF;
                    if (delta > 1 && delta < 0x8000) g[k] += delta - 1;
                    if (delta < 0x8000) high = seq;
                } else {
                    high = seq;
                }
            }
            if (s.rtx()) totalRtx += s.packets();
            XYSeries r = new XYSeries(s.label(), false, true), br = new XYSeries(s.label(), false, true), gs = new XYSeries(s.label(), false, true);
            for (int k = 0; k < bins; k++) {
                double t = k * BIN_SECONDS;
                r.add(t, n[k] / BIN_SECONDS);
                br.add(t, b[k] / BIN_SECONDS / 1000.0);
                gs.add(t, g[k]);
            }
            rate.addSeries(r);
            bitrate.addSeries(br);
            gaps.addSeries(gs);
            if (!s.rtx()) totalMissing += s.missing();
        }
        for (int k = 0; k < bins; k++) rtxAll.add(k * BIN_SECONDS, rtxBins[k] / BIN_SECONDS);
        rtx.addSeries(rtxAll);

        NumberAxis time = new NumberAxis("time after the first packet (s)");
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(time);
        plot.setGap(12);
        int shown = rate.getSeriesCount();
        plot.add(sub(rate, "packets/s", shown, true), 3);
        plot.add(sub(bitrate, "kbit/s", shown, false), 3);
        plot.add(sub(gaps, "missing seq", shown, false), 2);
        plot.add(sub(rtx, "RTX pkts/s", -1, true), 2);
        JFreeChart chart = new JFreeChart("RTP streams on the wire", new Font(Charts.FONT, Font.BOLD, 16), plot, true);
        Charts.subtitle(chart, String.format(Locale.ROOT, "%d streams, counted per %.1f s from the relay's capture (sizes are UDP payloads)",
                streams.size(), BIN_SECONDS));
        return Charts.draw(chart, Charts.WIDTH, 720, String.format(Locale.ROOT,
                "In this capture %d sequence number%s never reached the receiver and %d packet%s travelled on an RTX SSRC "
                        + "(retransmissions, or padding the sender uses to probe the bandwidth).",
                totalMissing, totalMissing == 1 ? "" : "s", totalRtx, totalRtx == 1 ? "" : "s"));
    }

    private static final Color[] STREAM_COLORS = {Style.PC1, Style.PC2, new Color(0x94, 0x67, 0xbd), new Color(0x2c, 0xa0, 0x2c),
            new Color(0x8c, 0x56, 0x4b), new Color(0x17, 0xbe, 0xcf)};

    /** One panel; series k of every panel gets stream k's colour, and only the first panel lists them in the legend. */
    private static XYPlot sub(XYSeriesCollection data, String axis, int streams, boolean legend) {
        NumberAxis y = new NumberAxis(axis);
        y.setAutoRangeIncludesZero(true);
        y.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        double max = 0;
        for (int k = 0; k < data.getSeriesCount(); k++) max = Math.max(max, data.getSeries(k).getMaxY());
        if (max < 1) y.setRange(0, 1);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        r.setAutoPopulateSeriesPaint(false); // the kit's theme would otherwise clear these and colour each panel anew
        r.setAutoPopulateSeriesStroke(false);
        for (int k = 0; k < data.getSeriesCount(); k++) {
            r.setSeriesPaint(k, streams < 0 ? Style.SIGNALING : STREAM_COLORS[k % STREAM_COLORS.length]);
            r.setSeriesStroke(k, new java.awt.BasicStroke(2f));
            r.setSeriesVisibleInLegend(k, legend);
        }
        XYPlot p = new XYPlot(data, null, y, r);
        p.setBackgroundPaint(Color.WHITE);
        p.setRangeGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
        p.setDomainGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
        return p;
    }

    /** The relay's rate-limiter queue over time, both ways, from its queue history (bytes waiting, per 10 ms slot). */
    public static Chart queue(Relay relay) {
        if (relay == null) throw new IllegalArgumentException("no relay — pass call.relay()");
        XYSeriesCollection data = new XYSeriesCollection();
        long t0 = relay.firstPacketNanos();
        long peak = 0;
        for (Way w : Way.values()) {
            XYSeries s = new XYSeries(w.label(), false, true);
            for (QueueSample q : relay.queueHistory(w)) {
                s.add((q.nanos() - t0) / 1e9, q.bytes() / 1000.0);
                peak = Math.max(peak, q.bytes());
            }
            data.addSeries(s);
        }
        JFreeChart chart = org.jfree.chart.ChartFactory.createXYLineChart("The relay's queue", "time after the first packet (s)",
                "bytes waiting (kB)", data, org.jfree.chart.plot.PlotOrientation.VERTICAL, true, false, false);
        Charts.subtitle(chart, "the rate limiter's drop-tail queue, largest backlog per 10 ms slot; kB = 1000 bytes");
        return Charts.draw(chart, String.format(Locale.ROOT,
                peak == 0 ? "The queue stayed empty: every packet left as soon as it came (no rate limit held any back)."
                        : "The queue peaked at %.1f kB: packets waited there for the rate limit, and those that found it full were dropped.",
                peak / 1000.0));
    }
}

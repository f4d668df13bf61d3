package org.webrtcprimer.stats;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.webrtcprimer.charts.Chart;
import org.webrtcprimer.charts.Charts;
import org.webrtcprimer.charts.LineLook;
import org.webrtcprimer.notebook.Style;

import java.awt.Color;
import java.awt.Font;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * webrtc-internals' graphs, drawn from a {@link StatsRecording} (live or loaded from a dump):
 * bitrate, frames per second, round-trip time, jitter, the bandwidth estimate, packets lost and
 * data channel throughput. A view: it reads series from {@link Rates} and never calls the engine.
 *
 * <p>Peers keep their colours (pc1 blue, pc2 orange); video is a solid line, audio dashed, and
 * ICE or data channel series dotted.
 */
public final class StatsCharts {
    private StatsCharts() {}

    /** Every chart that has data in this recording, in the order a lesson reads them. */
    public static List<Chart> all(StatsRecording rec) {
        List<Chart> out = new ArrayList<>();
        if (hasPoints(Rates.bitrate(rec))) out.add(bitrate(rec));
        if (hasPoints(Rates.framesPerSecond(rec))) out.add(framesPerSecond(rec));
        if (hasPoints(Rates.roundTripTime(rec))) out.add(roundTripTime(rec));
        if (hasPoints(Rates.jitter(rec))) out.add(jitter(rec));
        if (hasPoints(Rates.availableOutgoingBitrate(rec))) out.add(availableOutgoingBitrate(rec));
        if (hasPoints(Rates.packetsLost(rec))) out.add(packetsLost(rec));
        if (hasPoints(Rates.dataChannels(rec))) out.add(dataChannels(rec));
        return out;
    }

    /** RTP bitrate per stream: what pc1 sends, what pc2 receives. */
    public static Chart bitrate(StatsRecording rec) {
        List<Series> s = Rates.bitrate(rec);
        return draw(rec, "Bitrate per RTP stream", "bitrate (kbps)", s,
                "From bytesSent / bytesReceived: Δbytes × 8 ÷ Δtime per interval. In this recording: "
                        + sentVersusReceived(s, "video") + "; " + sentVersusReceived(s, "audio")
                        + ". A receive line below its send line means packets lost or still on their way.");
    }

    /** Video frames per second: encoded at pc1, decoded at pc2. */
    public static Chart framesPerSecond(StatsRecording rec) {
        List<Series> s = Rates.framesPerSecond(rec);
        return draw(rec, "Video frames per second", "frames per second", s,
                "From framesEncoded and framesDecoded per interval. The synthetic source aims at 30 fps; in this recording "
                        + describe(s, "%.1f fps", "mean") + ". Below 30 means frames the source, the encoder or the decoder "
                        + "did not get to (a busy CPU) or that the encoder skipped for lack of bandwidth.");
    }

    /** Round-trip time: RTCP per stream and STUN on the selected candidate pair. */
    public static Chart roundTripTime(StatsRecording rec) {
        List<Series> s = Rates.roundTripTime(rec);
        return draw(rec, "Round-trip time", "round-trip time (ms)", s,
                "RTCP round trips (remote-inbound-rtp) are measured by pc1 from pc2's receiver reports; ICE round trips by "
                        + "each peer's consent checks (STUN), in whole milliseconds. In this recording the largest values were "
                        + describe(s, "%.1f ms", "max") + ". With no network in between, what is above a millisecond is time "
                        + "spent waiting for a CPU core.");
    }

    /** Interarrival jitter per received stream, and as reported back by RTCP. */
    public static Chart jitter(StatsRecording rec) {
        return draw(rec, "Jitter", "interarrival jitter (ms)", Rates.jitter(rec),
                "How much packet spacing varies (RFC 3550 §6.4.1), measured by pc2 for each stream it receives and reported "
                        + "back to pc1 in RTCP receiver reports — about every second for video and every 5 s for audio in "
                        + "libwebrtc — so pc1's lines move in steps.");
    }

    /** The bandwidth estimate of each peer's congestion controller. */
    public static Chart availableOutgoingBitrate(StatsRecording rec) {
        List<Series> s = Rates.availableOutgoingBitrate(rec);
        return draw(rec, "Available outgoing bitrate (bandwidth estimate)", "estimate (kbps)", s,
                "availableOutgoingBitrate of the selected candidate pair: the congestion controller's estimate, which can only "
                        + "rise as far as the feedback on packets really sent supports. In this recording: " + firstToLast(s) + ".");
    }

    /** Packets lost so far per received stream. */
    public static Chart packetsLost(StatsRecording rec) {
        List<Series> s = Rates.packetsLost(rec);
        return draw(rec, "Packets lost (cumulative)", "packets lost", s,
                "packetsLost as pc2 counts it and as RTCP reports it to pc1. At the end of this recording: "
                        + describe(s, "%.0f", "last") + ".");
    }

    /** Data channel throughput from the data-channel stats. */
    public static Chart dataChannels(StatsRecording rec) {
        return draw(rec, "Data channel throughput (from stats)", "payload (MB/s)", Rates.dataChannels(rec),
                "From the data-channel objects' bytesSent and bytesReceived, one point per sampling interval (MB = 10⁶ bytes).");
    }

    /** A chart of any series, e.g. {@code StatsCharts.of(rec, "Video bitrate", "kbps", Rates.only(...))}. */
    public static Chart of(StatsRecording rec, String title, String yLabel, List<Series> series, String caption) {
        return draw(rec, title, yLabel, series, caption);
    }

    // Captions say what this recording shows, formatted from its own values (never a result written in advance).

    /** "video: pc1 sent 915 kbps, pc2 received 917 kbps on average" for one kind. */
    static String sentVersusReceived(List<Series> series, String kind) {
        OptionalDouble sent = meanOf(series, x -> x.kind().equals(kind) && x.name().contains(" sends "));
        OptionalDouble received = meanOf(series, x -> x.kind().equals(kind) && x.name().contains(" receives "));
        if (sent.isEmpty() && received.isEmpty()) return kind + ": no data";
        return String.format(Locale.ROOT, "%s sent %s, received %s on average", kind,
                sent.isPresent() ? String.format(Locale.ROOT, "%.0f kbps", sent.getAsDouble()) : "—",
                received.isPresent() ? String.format(Locale.ROOT, "%.0f kbps", received.getAsDouble()) : "—");
    }

    private static OptionalDouble meanOf(List<Series> series, java.util.function.Predicate<Series> which) {
        return series.stream().filter(which).flatMap(x -> x.points().stream()).mapToDouble(Series.Point::value).average();
    }

    /** Each series with points: its name and its mean, max or last value. */
    static String describe(List<Series> series, String format, String what) {
        List<String> parts = new ArrayList<>();
        for (Series x : series) {
            OptionalDouble v = switch (what) {
                case "max" -> x.max();
                case "last" -> x.last();
                default -> x.mean();
            };
            if (v.isPresent()) parts.add(x.name() + " " + String.format(Locale.ROOT, format, v.getAsDouble()));
        }
        return parts.isEmpty() ? "no data" : String.join(", ", parts);
    }

    /** "pc1 may send 300 → 1,250 kbps" per series. */
    static String firstToLast(List<Series> series) {
        List<String> parts = new ArrayList<>();
        for (Series x : series) {
            if (x.points().isEmpty()) continue;
            parts.add(String.format(Locale.ROOT, "%s %,.0f → %,.0f kbps", x.name(), x.points().get(0).value(), x.last().getAsDouble()));
        }
        return parts.isEmpty() ? "no data" : String.join(", ", parts);
    }

    private static boolean hasPoints(List<Series> s) {
        return s.stream().anyMatch(x -> !x.points().isEmpty());
    }

    private static Chart draw(StatsRecording rec, String title, String yLabel, List<Series> series, String caption) {
        XYSeriesCollection data = new XYSeriesCollection();
        List<Series> shown = new ArrayList<>();
        for (Series s : series) {
            if (s.points().isEmpty()) continue;
            XYSeries x = new XYSeries(s.name(), false, true);
            for (Series.Point p : s.points()) x.add(p.millis(), p.value());
            data.addSeries(x);
            shown.add(s);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(title, "time since the call started (ms)", yLabel, data,
                PlotOrientation.VERTICAL, true, false, false);
        String sub = String.format("getStats every %d ms, %s", rec.interval().toMillis(),
                String.join(", ", rec.peers().stream().map(p -> p + " " + rec.size(p) + " samples").toList()));
        Charts.subtitle(chart, shown.isEmpty() ? sub + " — no data for this chart in the recording" : sub);
        XYPlot plot = chart.getXYPlot();
        LineLook r = new LineLook(true);
        for (int i = 0; i < shown.size(); i++) {
            Series s = shown.get(i);
            Color c = Style.colorOf(s.peer());
            // A second series of one peer and kind (say two data channels) gets a darker shade.
            if (i > 0 && shown.get(i - 1).peer().equals(s.peer()) && shown.get(i - 1).kind().equals(s.kind())) c = c.darker();
            r.add(c, stroke(s.kind()), s.kind().equals("audio") ? new Rectangle2D.Double(-2, -2, 4, 4) : new Ellipse2D.Double(-2.5, -2.5, 5, 5));
        }
        plot.setRenderer(r);
        NumberAxis y = (NumberAxis) plot.getRangeAxis();
        y.setAutoRangeIncludesZero(true);
        if (shown.stream().anyMatch(s -> s.unit().equals("packets"))) y.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        if (shown.stream().allMatch(s -> s.max().orElse(0) == 0)) y.setRange(0, 1); // a flat zero line, not an empty-looking axis
        if (shown.isEmpty()) {
            TextTitle none = new TextTitle("no data", new Font(Charts.FONT, Font.ITALIC, 14));
            none.setPaint(Style.SIGNALING);
            chart.addSubtitle(none);
        }
        return Charts.draw(chart, caption);
    }

    private static Stroke stroke(String kind) {
        return switch (kind) {
            case "video" -> LineLook.SOLID;
            case "audio" -> LineLook.DASHED;
            default -> LineLook.DOTTED;
        };
    }
}

package org.webrtcprimer.stats;

import org.webrtcprimer.call.StatsObject;
import org.webrtcprimer.call.StatsReport;
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
import org.webrtcprimer.call.CallException;
import org.webrtcprimer.call.LocalCall;
import org.webrtcprimer.charts.Chart;
import org.webrtcprimer.charts.Charts;
import org.webrtcprimer.events.KitClock;
import org.webrtcprimer.net.Fate;
import org.webrtcprimer.net.QueueSample;
import org.webrtcprimer.net.Relay;
import org.webrtcprimer.net.Way;
import org.webrtcprimer.notebook.TableView;
import org.webrtcprimer.notebook.Style;
import org.webrtcprimer.notebook.Table;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Lesson 11's bench: one call through the kit's relay, its stats sampled twice a second, and the
 * stretches of time ({@link Section}s) in which the learner held one condition. Each section's
 * figures come from the learner's own run — the round trip, the repairs (NACKs, retransmissions,
 * PLIs), the losses, the bandwidth estimate — and the charts mark where each section began.
 * <pre>{@code
 * var lab = NetworkLab.start(call);
 * call.relay().setBoth(Impairment.none().withDelay(50));
 * var delay = lab.hold(Duration.ofSeconds(6), "delay 50 ms each way");
 * lab.roundTrip()
 * }</pre>
 */
public final class NetworkLab implements TableView, AutoCloseable {

    /** How often both peers' stats are read. */
    public static final Duration INTERVAL = Duration.ofMillis(500);

    private final LocalCall call;
    private final Relay relay;
    private final StatsSampler sampler;
    private final long origin;
    private final List<Section> sections = new ArrayList<>();
    private final LabCharts charts;

    /**
     * One stretch of the run under one condition, and what the stats said about it.
     *
     * @param label              what the learner set, e.g. {@code delay 50 ms each way}
     * @param startNanos         when it began, on the kit's clock
     * @param endNanos           when it ended
     * @param rttMs              median {@code currentRoundTripTime} of pc1's selected pair in it, ms (NaN when none)
     * @param nacks              NACKs pc1's video sender received in it
     * @param retransmitted      packets pc1 sent again in it
     * @param plis               picture loss indications pc1 received in it
     * @param packetsLost        packets pc2's video receiver counted lost in it
     * @param concealedPct       share of pc2's audio samples that were concealed in it, %
     * @param jitterBufferMs     pc2's video jitter buffer delay per frame in it, ms
     * @param availableKbps      pc1's last {@code availableOutgoingBitrate} in it, kbit/s (the bandwidth estimate)
     * @param minAvailableKbps   its lowest value in it
     * @param videoKbps          pc1's video send rate in it, kbit/s
     * @param limitation         pc1's last {@code qualityLimitationReason} in it
     * @param frameHeight        the last height pc1 encoded in it
     * @param framesPerSecond    pc2's decoded frames per second in it
     * @param relaySeen          packets the relay saw in it, both ways
     * @param relayDropped       packets the relay dropped in it, both ways
     */
    public record Section(String label, long startNanos, long endNanos, double rttMs, long nacks, long retransmitted,
                          long plis, long packetsLost, double concealedPct, double jitterBufferMs, double availableKbps,
                          double minAvailableKbps, double videoKbps, String limitation, double frameHeight,
                          double framesPerSecond, long relaySeen, long relayDropped) {

        /** How long it lasted, in seconds. */
        public double seconds() {
            return (endNanos - startNanos) / 1e9;
        }

        /** Dropped ÷ seen in it, %. */
        public double relayLossPct() {
            return relaySeen == 0 ? 0 : 100.0 * relayDropped / relaySeen;
        }
    }

    private NetworkLab(LocalCall call) {
        this.call = call;
        this.relay = call.relay();
        this.sampler = StatsSampler.start(call, INTERVAL, 1200);
        this.origin = KitClock.now();
        this.charts = new LabCharts(sampler::recording, relay, origin, this::sections);
    }

    /** Starts sampling a call made through the relay ({@code CallOptions.defaults().withNetwork(Network.perfect())}). */
    public static NetworkLab start(LocalCall call) {
        if (call == null) throw new IllegalArgumentException("the lab needs a call through the relay — LocalCall.call(localStream, CallOptions.defaults().withNetwork(Network.perfect()))");
        if (!call.hasRelay()) throw new CallException("this call goes direct — make it with CallOptions.defaults().withNetwork(Network.perfect()) so the lab can change its network");
        return new NetworkLab(call);
    }

    /** The call. */
    public LocalCall call() {
        return call;
    }

    /** The call's relay. */
    public Relay relay() {
        return relay;
    }

    /** Keeps the current conditions for {@code d}, then reads what the stats said about that stretch. */
    public Section hold(Duration d, String label) {
        if (d == null || d.isNegative() || d.isZero()) throw new IllegalArgumentException("hold needs a positive duration, e.g. Duration.ofSeconds(6)");
        if (call.isHungUp()) throw new CallException("the call has hung up — start a new one and a new lab");
        long start = KitClock.now();
        long seen0 = relay.seen(Way.PC1_TO_PC2) + relay.seen(Way.PC2_TO_PC1);
        long dropped0 = relay.dropped(Way.PC1_TO_PC2) + relay.dropped(Way.PC2_TO_PC1);
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CallException("interrupted while holding '" + label + "'");
        }
        try {
            Thread.sleep(INTERVAL.toMillis() + 50); // the sample that closes the stretch
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long end = start + d.toNanos();
        long seen = relay.seen(Way.PC1_TO_PC2) + relay.seen(Way.PC2_TO_PC1) - seen0;
        long dropped = relay.dropped(Way.PC1_TO_PC2) + relay.dropped(Way.PC2_TO_PC1) - dropped0;
        Section s = LabStats.section(sampler.recording(), label == null ? "section " + (sections.size() + 1) : label, start, end, seen, dropped);
        synchronized (sections) {
            sections.add(s);
        }
        return s;
    }

    /** The sections held so far, in order. */
    public List<Section> sections() {
        synchronized (sections) {
            return List.copyOf(sections);
        }
    }

    /** The section with this label. */
    public Section section(String label) {
        return sections().stream().filter(s -> s.label().equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no section '" + label + "' — the lab has " + sections().stream().map(Section::label).toList()));
    }

    /** The stats recorded so far. */
    public StatsRecording recording() {
        return sampler.recording();
    }

    /** A member of the selected candidate pair, or NaN. */
    public static double pair(StatsReport r, String member) {
        return LabStats.pair(r, member);
    }

    /** A member of the video {@code type} object (outbound-rtp, inbound-rtp), or NaN. */
    public static double video(StatsReport r, String type, String member) {
        return LabStats.video(r, type, member);
    }

    /** A member of the audio {@code type} object, or NaN. */
    public static double audio(StatsReport r, String type, String member) {
        return LabStats.audio(r, type, member);
    }

    // ---- views ----

    /** Every section side by side: what was set, and what the stats said. */
    public Table table() {
        Table t = Table.of("section", "s", "relay dropped %", "RTT (ms)", "NACKs", "retransmitted", "PLIs", "pc2 packetsLost",
                "audio concealed %", "jitter buffer (ms)", "bandwidth estimate (kbps)", "video sent (kbps)", "limited by",
                "height", "pc2 fps").title("The same call under each condition (stats every " + INTERVAL.toMillis() + " ms)")
                .alignRight("s", "relay dropped %", "RTT (ms)", "NACKs", "retransmitted", "PLIs", "pc2 packetsLost",
                        "audio concealed %", "jitter buffer (ms)", "bandwidth estimate (kbps)", "video sent (kbps)", "height", "pc2 fps");
        for (Section s : sections()) {
            t.row(s.label(), f1(s.seconds()), f1(s.relayLossPct()), f1(s.rttMs()), s.nacks(), s.retransmitted(), s.plis(),
                    s.packetsLost(), f1(s.concealedPct()), f1(s.jitterBufferMs()), f0(s.availableKbps()), f0(s.videoKbps()),
                    s.limitation(), f0(s.frameHeight()), f1(s.framesPerSecond()));
        }
        return t.note("Counts are what happened within each section; the bandwidth estimate is pc1's last availableOutgoingBitrate in it.");
    }

    private static String f1(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? "–" : String.format("%.1f", v);
    }

    private static String f0(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? "–" : String.format("%.0f", v);
    }

    /** pc1's round-trip time (selected candidate pair) over the run. */
    public Chart roundTrip() {
        return charts.roundTrip();
    }

    /** pc1's NACKs and retransmissions, pc2's lost packets, cumulative over the run. */
    public Chart repairs() {
        return charts.repairs();
    }

    /** pc1's bandwidth estimate and video send rate, and the relay's rate limit pc1 → pc2, over the run. */
    public Chart bandwidth() {
        return charts.bandwidth();
    }

    /** The relay's queue pc1 → pc2 over the run. */
    public Chart queue() {
        return charts.queue();
    }

    /**
     * Two sections side by side, with a sentence computed from them that says what moved:
     * {@code lab.compare("perfect", "delay 50 ms each way")}.
     */
    public Table compare(String before, String after) {
        Section a = section(before), b = section(after);
        Table t = Table.of("figure", a.label(), b.label()).title("What changed: " + a.label() + " → " + b.label())
                .alignRight(a.label(), b.label());
        t.row("relay dropped (%)", f1(a.relayLossPct()), f1(b.relayLossPct()));
        t.row("round trip, pc1's selected pair (ms)", f1(a.rttMs()), f1(b.rttMs()));
        t.row("NACKs received by pc1", a.nacks(), b.nacks());
        t.row("packets pc1 retransmitted", a.retransmitted(), b.retransmitted());
        t.row("PLIs received by pc1", a.plis(), b.plis());
        t.row("video packets pc2 counted lost", a.packetsLost(), b.packetsLost());
        t.row("audio concealed at pc2 (%)", f1(a.concealedPct()), f1(b.concealedPct()));
        t.row("pc2's video jitter buffer (ms per frame)", f1(a.jitterBufferMs()), f1(b.jitterBufferMs()));
        t.row("pc1's bandwidth estimate, last (kbps)", f0(a.availableKbps()), f0(b.availableKbps()));
        t.row("pc1's video sent (kbps)", f0(a.videoKbps()), f0(b.videoKbps()));
        t.row("pc1's quality limitation", a.limitation(), b.limitation());
        t.row("pc1's encoded height", f0(a.frameHeight()), f0(b.frameHeight()));
        t.row("pc2's decoded frames per second", f1(a.framesPerSecond()), f1(b.framesPerSecond()));
        return t.note(sentence(a, b));
    }

    /** What moved most between two sections, in words, from their figures. */
    static String sentence(Section a, Section b) {
        List<String> moved = new ArrayList<>();
        if (!Double.isNaN(a.rttMs()) && !Double.isNaN(b.rttMs()) && Math.abs(b.rttMs() - a.rttMs()) >= 10) {
            moved.add(String.format("the round trip went from %.0f ms to %.0f ms", a.rttMs(), b.rttMs()));
        }
        if (b.relayDropped() > a.relayDropped() + 5) {
            moved.add(String.format("the relay dropped %.1f %% of the packets, pc2 counted %d video packets lost, pc1 received %d NACKs "
                    + "and sent %d packets again", b.relayLossPct(), b.packetsLost(), b.nacks(), b.retransmitted()));
        }
        if (b.plis() > a.plis()) moved.add("pc2 asked for " + (b.plis() - a.plis() == 1 ? "a keyframe once" : "keyframes " + (b.plis() - a.plis()) + " times") + " more (PLI)");
        if (!Double.isNaN(a.availableKbps()) && !Double.isNaN(b.availableKbps())
                && Math.abs(b.availableKbps() - a.availableKbps()) > 0.2 * Math.max(a.availableKbps(), 1)) {
            moved.add(String.format("pc1's bandwidth estimate went from %.0f to %.0f kbps and its video from %.0f to %.0f kbps",
                    a.availableKbps(), b.availableKbps(), a.videoKbps(), b.videoKbps()));
        }
        if (!a.limitation().equals(b.limitation()) && !b.limitation().isEmpty()) moved.add("the encoder's limitation went from '"
                + a.limitation() + "' to '" + b.limitation() + "'");
        if (moved.isEmpty()) return "From " + a.label() + " to " + b.label() + " none of the main figures moved much in this run.";
        return "From " + a.label() + " to " + b.label() + ": " + String.join("; ", moved) + ".";
    }

    /**
     * How fast the bandwidth estimate followed a cap down and back up, in a sentence from this run:
     * the time from the cap's section start until pc1's estimate was first at or under
     * {@code capKbps}, and from the lifted section's start until it was first above twice the cap.
     */
    public String adaptation(String capSection, String liftedSection, double capKbps) {
        Section cap = section(capSection), lifted = section(liftedSection);
        double down = firstTime(cap, v -> v <= capKbps), up = firstTime(lifted, v -> v > 2 * capKbps);
        String d = Double.isNaN(down) ? String.format("pc1's estimate did not come down to %.0f kbps within the %.0f s of '%s'", capKbps, cap.seconds(), cap.label())
                : String.format("pc1's estimate was at or under %.0f kbps %.1f s after the cap was set", capKbps, down);
        String u = Double.isNaN(up) ? String.format("it had not climbed above %.0f kbps within the %.0f s of '%s'", 2 * capKbps, lifted.seconds(), lifted.label())
                : String.format("it was above %.0f kbps again %.1f s after the cap was lifted", 2 * capKbps, up);
        return d + "; " + u + " (stats every " + INTERVAL.toMillis() + " ms, so to within half a second).";
    }

    private double firstTime(Section s, java.util.function.DoublePredicate p) {
        for (StatsReport r : sampler.recording().reports("pc1")) {
            if (r.nanos() < s.startNanos() || r.nanos() > s.endNanos() + INTERVAL.toNanos()) continue;
            double v = pair(r, "availableOutgoingBitrate") / 1000;
            if (!Double.isNaN(v) && p.test(v)) return (r.nanos() - s.startNanos()) / 1e9;
        }
        return Double.NaN;
    }

    /**
     * A data channel under loss: a call without media through a relay dropping {@code lossPct}
     * percent each way, a reliable and an unreliable ({@code maxRetransmits: 0}) channel, {@code
     * messages} messages on each; how many arrive, and how long the reliable ones took.
     */
    public static ChannelRace channelsUnderLoss(double lossPct, int messages) {
        if (messages < 1 || messages > 10_000) throw new IllegalArgumentException("messages must be 1–10000, got " + messages);
        LocalCall call = LocalCall.withoutMedia(org.webrtcprimer.call.CallOptions.defaults()
                .withNetwork(org.webrtcprimer.net.Network.perfect().withLoss(lossPct)));
        try {
            var pc1 = call.pc1();
            var reliable = pc1.createDataChannel("reliable", org.webrtcprimer.call.DataChannelOptions.reliable());
            var unreliable = pc1.createDataChannel("unreliable", org.webrtcprimer.call.DataChannelOptions.unreliable());
            call.negotiate();
            call.awaitConnected();
            var r2 = call.pc2().awaitDataChannel("reliable");
            var u2 = call.pc2().awaitDataChannel("unreliable");
            reliable.awaitOpen();
            unreliable.awaitOpen();
            long t0 = KitClock.now();
            for (int i = 0; i < messages; i++) {
                reliable.send("message " + i);
                unreliable.send("message " + i);
            }
            long deadline = t0 + 15_000_000_000L;
            while (r2.messagesReceived() < messages && KitClock.now() < deadline) sleep(10);
            long reliableDone = KitClock.now();
            sleep(300); // stragglers of the unreliable one
            return new ChannelRace(lossPct, messages, r2.messagesReceived(), (reliableDone - t0) / 1e6, u2.messagesReceived(),
                    call.relay().lossPct());
        } finally {
            call.hangup();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What {@link #channelsUnderLoss} measured. */
    public record ChannelRace(double lossPct, int sent, long reliableArrived, double reliableMillis, long unreliableArrived,
                              double relayDroppedPct) implements TableView {
        public Table table() {
            return Table.of("channel", "sent", "arrived", "arrived %").title(String.format("Data channels through %.0f %% loss each way", lossPct))
                    .alignRight("sent", "arrived", "arrived %")
                    .row("reliable (ordered, retransmitted)", sent, reliableArrived, f1(100.0 * reliableArrived / sent))
                    .row("unreliable (maxRetransmits 0)", sent, unreliableArrived, f1(100.0 * unreliableArrived / sent))
                    .note(String.format("The relay dropped %.1f %% of all packets. The reliable channel delivered %d of %d in %.0f ms: SCTP "
                            + "sent the lost chunks again (RFC 9260 §6.3). The unreliable one delivered %d: a lost message is gone.",
                            relayDroppedPct, reliableArrived, sent, reliableMillis, unreliableArrived));
        }
    }

    @Override
    public String toString() {
        return "NetworkLab: " + sections().size() + " sections, " + relay;
    }

    /** Stops sampling (the call goes on). */
    @Override
    public void close() {
        sampler.close();
    }

    static String joined(double[] v) {
        return Arrays.toString(v);
    }
}

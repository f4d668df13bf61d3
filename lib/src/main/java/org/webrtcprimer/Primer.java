package org.webrtcprimer;

import org.webrtcprimer.datasets.Datasets;

import org.webrtcprimer.call.Call;
import org.webrtcprimer.call.LocalCall;
import org.webrtcprimer.call.Peer;
import org.webrtcprimer.charts.Chart;
import org.webrtcprimer.charts.Diagrams;
import org.webrtcprimer.charts.Swimlanes;
import org.webrtcprimer.charts.Waterfall;
import org.webrtcprimer.events.Event;
import org.webrtcprimer.events.EventLog;
import org.webrtcprimer.events.LogTable;
import org.webrtcprimer.events.StateTimeline;
import org.webrtcprimer.events.TextLog;
import org.webrtcprimer.exercises.Exercises;
import org.webrtcprimer.exercises.ResultsFile;
import org.webrtcprimer.exercises.Verdict;
import org.webrtcprimer.ice.CandidatePairs;
import org.webrtcprimer.ice.Candidates;
import org.webrtcprimer.media.Constraints;
import org.webrtcprimer.media.DeviceInfo;
import org.webrtcprimer.media.Frames;
import org.webrtcprimer.media.MediaDevices;
import org.webrtcprimer.media.MediaStream;
import org.webrtcprimer.media.VideoView;
import org.webrtcprimer.notebook.Notebook;
import org.webrtcprimer.notebook.Table;
import org.webrtcprimer.sdp.ParsedSdp;
import org.webrtcprimer.sdp.Sdp;
import org.webrtcprimer.setup.SetupReport;
import org.webrtcprimer.signaling.SignalingServer;
import org.webrtcprimer.timing.MilestoneTable;
import org.webrtcprimer.timing.Phases;
import org.webrtcprimer.timing.RunsTable;
import org.webrtcprimer.timing.SetupRuns;

import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The few words a lesson needs, for {@code import static org.webrtcprimer.Primer.*;} — so cells
 * read like the article's JavaScript: {@code getUserMedia(...)}, {@code show(...)}, {@code check(...)}.
 */
public final class Primer {
    private Primer() {}

    /** Shows a value in the notebook: tables as HTML, pictures as PNG, anything else as text. */
    public static void show(Object value) {
        Notebook.show(value);
    }

    /** The article's {@code navigator.mediaDevices.getUserMedia(constraints)}. */
    public static MediaStream getUserMedia(Constraints constraints) {
        return MediaDevices.getUserMedia(constraints);
    }

    /** The article's {@code navigator.mediaDevices.enumerateDevices()}, as a table. */
    public static Table enumerateDevices() {
        Table t = Table.of("kind", "label", "source").title("Media inputs on this machine");
        for (DeviceInfo d : MediaDevices.enumerateDevices()) t.row(d.kind(), d.label(), d.synthetic() ? "the kit (synthetic)" : "hardware");
        return t.note(MediaDevices.hasCamera() ? "A camera is here: getUserMedia uses it unless you ask for .withSynthetic()."
                : "No camera here: getUserMedia uses the synthetic test pattern and tone, so every lesson still runs.");
    }

    /** Checks an exercise's answer and says right or wrong, with a hint. */
    public static Verdict check(String exercise, Object... answer) {
        return Exercises.check(exercise, answer);
    }

    /** Lesson 00's table: what is installed, and how to fix what is not. */
    public static SetupReport setupCheck() {
        return SetupReport.run(Notebook::kernel);
    }

    /**
     * A call's event log as a table, like the article's log: a local call's both peers, or a
     * remote call's side (its peer, its signaling messages, its notes).
     */
    public static LogTable logTable(Call call) {
        ResultsFile.setupTime(call);
        return LogTable.of(call.log());
    }

    /** An event log as a table. */
    public static LogTable logTable(EventLog log) {
        return LogTable.of(log);
    }

    /**
     * A short moving picture of both views (refreshed in place while it records, then an animated
     * clip): {@code clip(call.localVideo(), call.remoteVideo(), Duration.ofSeconds(2))}.
     */
    public static org.webrtcprimer.charts.VideoClip clip(VideoView local, VideoView remote, java.time.Duration length) {
        return org.webrtcprimer.charts.VideoClip.record(local, remote, length);
    }

    /** What pc2 received on its audio track for a while: a player, its spectrum and how much arrived. */
    public static org.webrtcprimer.charts.AudioView listen(LocalCall call, java.time.Duration length) {
        if (call == null) throw new IllegalArgumentException("pass the call whose received audio to record");
        double before = samplesPlayedOut(call), t0 = System.nanoTime();
        var rec = call.remoteAudio().record(length);
        double after = samplesPlayedOut(call), seconds = (System.nanoTime() - t0) / 1e9;
        double share = Double.isNaN(before) || Double.isNaN(after) || rec.sampleRate() <= 0 ? Double.NaN
                : (after - before) / (seconds * rec.sampleRate());
        return org.webrtcprimer.charts.AudioView.of(rec, share);
    }

    /** pc2's inbound audio totalSamplesReceived: samples its audio module has pulled out for playout. */
    private static double samplesPlayedOut(LocalCall call) {
        try {
            return org.webrtcprimer.call.StatsReport.of(call.pc2()).ofType("inbound-rtp").stream()
                    .filter(o -> "audio".equals(o.kind())).findFirst()
                    .flatMap(o -> o.number("totalSamplesReceived")).orElse(Double.NaN);
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    /** The local and remote video side by side, each under its caption. */
    public static BufferedImage sideBySide(VideoView local, VideoView remote) {
        return Frames.sideBySide(local, remote);
    }

    /** Two views side by side under the given captions, e.g. this kernel's video and what came from another process. */
    public static BufferedImage sideBySide(VideoView left, String leftCaption, VideoView right, String rightCaption) {
        return Frames.sideBySide(left, leftCaption, right, rightCaption);
    }

    /** What the signaling server did — joins, relayed messages, departures — as a table. */
    public static LogTable logTable(SignalingServer server) {
        return LogTable.of(server.log().events(), "Signaling server " + server.url());
    }

    /** The article's own log (Chrome, 2020), read back into events. */
    public static List<Event> articleLog() {
        return TextLog.parse(Datasets.read("article/log.txt"), "datasets/article/log.txt");
    }

    /** An SDP of the datasets, parsed — {@code datasetSdp("article/offer.sdp")}, {@code datasetSdp("sdp/janus-videoroom-answer.sdp")}. */
    public static ParsedSdp datasetSdp(String path) {
        return Sdp.parse(Datasets.read(path));
    }

    /** Every SDP in datasets/sdp, parsed, by file name in name order (a new map each time: add your own). */
    public static Map<String, ParsedSdp> sdpDatasets() {
        Map<String, ParsedSdp> m = new LinkedHashMap<>();
        for (String f : Datasets.list("sdp")) if (f.endsWith(".sdp")) m.put(f.substring(f.lastIndexOf('/') + 1), datasetSdp(f));
        return m;
    }

    /** The article's call and a kit call, step by step, in ms after each call started. */
    public static MilestoneTable compareWithArticle(Call call) {
        ResultsFile.setupTime(call);
        return MilestoneTable.compare("article, Chrome 2020", articleLog(), "this kernel", call.log().events());
    }

    // ---- ICE and timing (lessons 01, 05, 06)

    /** The ICE candidates pc1 and pc2 gathered in a call, each with when it was found: {@code candidates(call).table()}. */
    public static Candidates candidates(Call call) {
        return Candidates.of(call.log());
    }

    /** A peer's candidate pairs as its stats say now, the selected one marked: {@code candidatePairs(pc1).table()}. */
    public static CandidatePairs candidatePairs(Peer pc) {
        return pc.candidatePairs();
    }

    /** The state machines of pc1 and pc2 over time; print it for the chains ({@code new → checking → connected}). */
    public static StateTimeline states(Call call) {
        return StateTimeline.of(call.log());
    }

    /** The states of pc1 and pc2 as swimlanes over time. */
    public static Chart swimlanes(Call call) {
        return Swimlanes.of(call.log());
    }

    /** The states as swimlanes from a time on (ms after call()), e.g. from just before an ICE restart. */
    public static Chart swimlanes(Call call, double fromMs) {
        return Swimlanes.from(call.log(), fromMs);
    }

    /** The article's call flow, steps 0–4, as a sequence diagram of this call. */
    public static Chart callFlow(Call call) {
        return Diagrams.callFlow(call.log());
    }

    /** The setup phases of a call, each with its start and end in ms after call(). */
    public static Phases phases(Call call) {
        ResultsFile.setupTime(call);
        return Phases.of(call.log());
    }

    /** The setup phases of a call as a waterfall chart. */
    public static Chart waterfall(Call call) {
        ResultsFile.setupTime(call);
        return Waterfall.of(call.log());
    }

    /** The article's Chrome call (2020), read from its log into the same phases. */
    public static Phases articlePhases() {
        return Phases.of(articleLog());
    }

    /** Configurations of N calls side by side: min / median / p90 to connected and to the first frame. */
    public static Table compareRuns(SetupRuns... runs) {
        return RunsTable.compare(runs);
    }
}

package org.webrtcprimer.stats;

import org.webrtcprimer.call.StatsObject;
import org.webrtcprimer.call.StatsReport;

import org.webrtcprimer.notebook.Style;
import org.webrtcprimer.notebook.Table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One table per stats type, as webrtc-internals lists them, with readable labels and units.
 *
 * <p>Most types are drawn tall — a row per member, a column per object — so two RTP streams or
 * two candidate pairs sit side by side. Codecs and candidates, of which there are many with few
 * members, are drawn wide: a row per object.
 */
public final class StatsTables {
    private StatsTables() {}

    /** What each type is, in one sentence. */
    private static final Map<String, String> ABOUT = Map.ofEntries(
            Map.entry("outbound-rtp", "an RTP stream this peer sends, one per SSRC"),
            Map.entry("inbound-rtp", "an RTP stream this peer receives, one per SSRC"),
            Map.entry("remote-inbound-rtp", "what the other peer reports (RTCP receiver reports) about a stream this peer sends: loss, jitter, round-trip time"),
            Map.entry("remote-outbound-rtp", "what the other peer reports (RTCP sender reports) about a stream this peer receives"),
            Map.entry("media-source", "a track this peer feeds into a sender: camera, microphone or the synthetic source"),
            Map.entry("codec", "a codec in use, by payload type, as negotiated in the SDP"),
            Map.entry("transport", "the ICE + DTLS transport (one for everything with BUNDLE)"),
            Map.entry("candidate-pair", "a local and a remote candidate that ICE checked together"),
            Map.entry("local-candidate", "an ICE candidate this peer gathered"),
            Map.entry("remote-candidate", "an ICE candidate the other peer sent"),
            Map.entry("certificate", "a DTLS certificate: this peer's own and the other peer's"),
            Map.entry("data-channel", "a data channel, with messages and bytes each way"),
            Map.entry("peer-connection", "the connection as a whole"));

    /** Members shown first, per type; the rest follow alphabetically. */
    private static final Map<String, List<String>> FIRST = Map.ofEntries(
            Map.entry("outbound-rtp", List.of("kind", "ssrc", "mid", "codecId", "bytesSent", "packetsSent", "framesEncoded",
                    "framesSent", "framesPerSecond", "frameWidth", "frameHeight", "targetBitrate", "qualityLimitationReason",
                    "qualityLimitationDurations", "encoderImplementation", "keyFramesEncoded", "nackCount", "pliCount", "rtxSsrc")),
            Map.entry("inbound-rtp", List.of("kind", "ssrc", "mid", "codecId", "bytesReceived", "packetsReceived", "packetsLost",
                    "jitter", "framesDecoded", "framesDropped", "framesPerSecond", "frameWidth", "frameHeight",
                    "decoderImplementation", "keyFramesDecoded", "nackCount", "pliCount", "audioLevel", "concealedSamples")),
            Map.entry("remote-inbound-rtp", List.of("kind", "ssrc", "roundTripTime", "jitter", "packetsLost", "fractionLost",
                    "roundTripTimeMeasurements", "totalRoundTripTime", "localId", "codecId")),
            Map.entry("remote-outbound-rtp", List.of("kind", "ssrc", "packetsSent", "bytesSent", "reportsSent", "remoteTimestamp", "localId")),
            Map.entry("media-source", List.of("kind", "trackIdentifier", "frames", "framesPerSecond", "width", "height", "audioLevel")),
            Map.entry("transport", List.of("iceState", "dtlsState", "iceRole", "dtlsRole", "selectedCandidatePairId",
                    "tlsVersion", "dtlsCipher", "srtpCipher", "bytesSent", "bytesReceived", "packetsSent", "packetsReceived")),
            Map.entry("candidate-pair", List.of("state", "nominated", "localCandidateId", "remoteCandidateId", "currentRoundTripTime",
                    "availableOutgoingBitrate", "bytesSent", "bytesReceived", "requestsSent", "responsesReceived", "priority")),
            Map.entry("certificate", List.of("fingerprintAlgorithm", "fingerprint", "base64Certificate")),
            Map.entry("data-channel", List.of("label", "dataChannelIdentifier", "state", "messagesSent", "bytesSent",
                    "messagesReceived", "bytesReceived", "protocol")));

    /** Wide tables: the members that become columns. */
    private static final Map<String, List<String>> WIDE = Map.of(
            "codec", List.of("payloadType", "mimeType", "clockRate", "channels", "sdpFmtpLine"),
            "local-candidate", List.of("candidateType", "protocol", "address", "port", "priority", "tcpType", "networkType"),
            "remote-candidate", List.of("candidateType", "protocol", "address", "port", "priority", "tcpType"));

    /** Every type in a report, one table each, in the kit's order. */
    public static List<Table> all(StatsReport report) {
        List<Table> out = new ArrayList<>();
        for (String type : report.types()) out.add(of(report, type));
        return out;
    }

    /** The table of one type, e.g. {@code of(report, "inbound-rtp")}. */
    public static Table of(StatsReport report, String type) {
        if (report == null) throw new IllegalArgumentException("no report — take one with StatsSampler or recording.latest(\"pc1\")");
        List<StatsObject> objects = report.ofType(type);
        if (objects.isEmpty()) {
            throw new IllegalArgumentException(report.peer() + "'s report has no '" + type + "' objects; it has " + report.types()
                    + (StatsReport.TYPE_ORDER.contains(type) ? "" : " (types are written like inbound-rtp, candidate-pair)"));
        }
        String title = report.peer() + " · " + type + " — " + objects.size() + (objects.size() == 1 ? " object" : " objects");
        String about = ABOUT.getOrDefault(type, "");
        return WIDE.containsKey(type) ? wide(report, type, objects, title, about) : tall(report, type, objects, title, about);
    }

    /** Sums the spec defines per sample, frame or packet: member → {count member, label of the average in ms}. */
    private static final Map<String, String[]> AVERAGES = Map.ofEntries(
            Map.entry("jitterBufferDelay", new String[]{"jitterBufferEmittedCount", "jitter buffer delay, average (ms)"}),
            Map.entry("jitterBufferTargetDelay", new String[]{"jitterBufferEmittedCount", "jitter buffer target delay, average (ms)"}),
            Map.entry("jitterBufferMinimumDelay", new String[]{"jitterBufferEmittedCount", "jitter buffer minimum delay, average (ms)"}),
            Map.entry("totalDecodeTime", new String[]{"framesDecoded", "decode time per frame, average (ms)"}),
            Map.entry("totalEncodeTime", new String[]{"framesEncoded", "encode time per frame, average (ms)"}),
            Map.entry("totalInterFrameDelay", new String[]{"framesDecoded", "time between decoded frames, average (ms)"}),
            Map.entry("totalAssemblyTime", new String[]{"framesAssembledFromMultiplePackets", "assembly time per frame, average (ms)"}),
            Map.entry("totalPacketSendDelay", new String[]{"packetsSent", "packet send delay, average (ms)"}),
            Map.entry("totalRoundTripTime", new String[]{"roundTripTimeMeasurements", "round-trip time, average (ms)"}));

    /** A per-sample sum divided by its count, in ms (the sums are in seconds). */
    private static java.util.Optional<Double> average(StatsObject o, String sum, String count) {
        java.util.Optional<Double> total = o.number(sum), n = o.number(count);
        if (total.isEmpty() || n.isEmpty() || n.get() <= 0) return java.util.Optional.empty();
        return java.util.Optional.of(total.get() / n.get() * 1000);
    }

    private static Table tall(StatsReport report, String type, List<StatsObject> objects, String title, String about) {
        if (type.equals("certificate")) {
            // This peer's own certificate first, then the other peer's.
            objects = objects.stream().sorted(java.util.Comparator.comparing((StatsObject o) -> !certificateRole(report, o).startsWith("local"))).toList();
        }
        List<String> columns = new ArrayList<>();
        columns.add("member");
        for (StatsObject o : objects) columns.add(heading(report, o));
        Table t = Table.of(columns.toArray(String[]::new)).title(title).alignRight(columns.subList(1, columns.size()).toArray(String[]::new));
        Set<String> members = new LinkedHashSet<>();
        for (String m : FIRST.getOrDefault(type, List.of())) {
            if (objects.stream().anyMatch(o -> o.has(m))) members.add(m);
        }
        Set<String> rest = new TreeSet<>();
        objects.forEach(o -> rest.addAll(o.values().keySet()));
        members.addAll(rest);
        List<Object> idRow = new ArrayList<>(List.of("id"));
        objects.forEach(o -> idRow.add(o.id()));
        t.row(idRow.toArray()).rowColor(Style.colorOf(report.peer())); // whose table it is: pc1 blue, pc2 orange
        boolean averaged = false;
        for (String m : members) {
            List<Object> row = new ArrayList<>();
            String[] avg = AVERAGES.get(m);
            row.add(Metrics.label(m) + (avg != null ? " — sum" : ""));
            for (StatsObject o : objects) row.add(o.has(m) ? Metrics.format(m, o.get(m)) : "—");
            t.row(row.toArray());
            if (avg != null && objects.stream().anyMatch(o -> average(o, m, avg[0]).isPresent())) {
                List<Object> mean = new ArrayList<>();
                mean.add("  " + avg[1]);
                for (StatsObject o : objects) {
                    mean.add(average(o, m, avg[0]).map(v -> String.format(java.util.Locale.ROOT, "%,.1f", v)).orElse("—"));
                }
                t.row(mean.toArray());
                averaged = true;
            }
        }
        return t.note(capitalize(about) + ". Times in ms (the spec's seconds × 1000), bitrates in kbps."
                + (averaged ? " Members named total… or …Delay add up one value per sample, frame or packet (W3C webrtc-stats); "
                + "the row under each divides it by its count, which is the figure to read." : ""));
    }

    private static Table wide(StatsReport report, String type, List<StatsObject> objects, String title, String about) {
        List<String> members = WIDE.get(type);
        List<String> columns = new ArrayList<>();
        members.forEach(m -> columns.add(Metrics.label(m)));
        columns.add("id");
        Table t = Table.of(columns.toArray(String[]::new)).title(title);
        for (StatsObject o : objects) {
            List<Object> row = new ArrayList<>();
            for (String m : members) row.add(o.has(m) ? Metrics.format(m, o.get(m)) : "—");
            row.add(o.id());
            t.row(row.toArray()).rowColor(Style.colorOf(report.peer()));
        }
        for (String m : members) {
            if (Metrics.of(m).unit() != Metrics.Unit.PLAIN || m.equals("port") || m.equals("payloadType") || m.equals("priority")) {
                t.alignRight(Metrics.label(m));
            }
        }
        return t.note(capitalize(about) + ".");
    }

    /** A short name for an object's column: {@code video 95067227}, {@code 'chat' #1}, {@code local}. */
    static String heading(StatsReport report, StatsObject o) {
        return switch (o.type()) {
            case "outbound-rtp", "inbound-rtp", "remote-inbound-rtp", "remote-outbound-rtp" -> o.kind() + " " + o.string("ssrc");
            case "media-source" -> o.kind() + " '" + o.string("trackIdentifier") + "'";
            case "candidate-pair" -> endpoint(report, o.string("localCandidateId")) + " ⇄ " + endpoint(report, o.string("remoteCandidateId"))
                    + (report.selectedCandidatePair().map(p -> p.id().equals(o.id())).orElse(false) ? " (selected)" : "");
            case "certificate" -> certificateRole(report, o);
            case "data-channel" -> "'" + o.string("label") + "' #" + o.string("dataChannelIdentifier");
            default -> o.id();
        };
    }

    private static String endpoint(StatsReport report, String candidateId) {
        return report.get(candidateId).map(c -> {
            String a = c.string("address").isEmpty() ? c.string("ip") : c.string("address");
            return (a.contains(":") ? "[" + a + "]" : a) + ":" + c.string("port");
        }).orElse(candidateId);
    }

    static String certificateRole(StatsReport report, StatsObject cert) {
        for (StatsObject t : report.ofType("transport")) {
            if (t.string("localCertificateId").equals(cert.id())) return "local (" + report.peer() + ")";
            if (t.string("remoteCertificateId").equals(cert.id())) return "remote (" + (report.peer().equals("pc1") ? "pc2" : "pc1") + ")";
        }
        return cert.id().length() > 16 ? cert.id().substring(0, 16) + "…" : cert.id();
    }

    /** How many objects of each type, with what each type is. */
    public static Table overview(StatsReport report) {
        Map<String, Integer> count = new LinkedHashMap<>();
        for (StatsObject o : report.objects().values()) count.merge(o.type(), 1, Integer::sum);
        Table t = Table.of("type", "objects", "what it is").title(report.peer() + " · getStats(): " + report.objects().size() + " objects");
        count.forEach((type, n) -> t.row(type, n, ABOUT.getOrDefault(type, "")).rowColor(Style.colorOf(report.peer())));
        return t.note("One report holds every object the engine tracks; objects refer to each other by id "
                + "(codecId, transportId, localCandidateId …).");
    }

    /** Stats members beside the SDP lines they come from (see {@link SdpLinks}). */
    public static Table sdpLinks(List<SdpLink> links) {
        Table t = Table.of("peer", "stats object", "member = value", "found in", "mid", "line", "SDP line")
                .title("Stats ↔ SDP: where each object comes from").colorRowsBy("peer");
        for (SdpLink l : links) {
            String value = l.value().length() > 40 ? l.value().substring(0, 37) + "…" : l.value();
            String line = l.sdpLine().length() > 90 ? l.sdpLine().substring(0, 87) + "…" : l.sdpLine();
            String id = l.statsId().length() > 18 ? l.statsId().substring(0, 17) + "…" : l.statsId();
            t.row(l.peer(), l.statsType() + " " + id, l.member() + " = " + value, l.description(), l.mid(), l.line(), line);
        }
        return t.note("Codecs come from a=rtpmap and a=fmtp, streams from a=mid and a=ssrc, candidates from a=candidate, "
                + "certificates from a=fingerprint. What a peer sends is described where the other side said what it accepts: "
                + "its own streams' SSRCs in its local description, the payload types it sends in the remote one.");
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}

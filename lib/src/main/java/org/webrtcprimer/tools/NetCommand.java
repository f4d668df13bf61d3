package org.webrtcprimer.tools;

import org.webrtcprimer.turn.NatTurnFlags;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import org.webrtcprimer.call.CallOptions;
import org.webrtcprimer.call.LocalCall;
import org.webrtcprimer.media.Constraints;
import org.webrtcprimer.media.MediaDevices;
import org.webrtcprimer.media.MediaStream;
import org.webrtcprimer.net.Impairment;
import org.webrtcprimer.net.Network;
import org.webrtcprimer.stats.NetworkLab;
import org.webrtcprimer.call.StatsReport;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code net [--seconds S] [--delay MS] [--jitter MS] [--loss PCT] [--rate KBPS] [--pcap FILE] [--json]}: an
 * audio+video call through the kit's relay with these conditions each way, and what the engine's
 * stats said about it — the round trip, the losses and their repairs, the bandwidth estimate.
 */
public final class NetCommand {
    private NetCommand() {}

    static final String USAGE = "usage: net [--seconds S] [--delay MS] [--jitter MS] [--loss PCT] [--rate KBPS] [--pcap FILE] [--json]\n"
            + "           " + NatTurnFlags.USAGE + "\n"
            + "  an audio+video call through the kit's relay, the conditions the same each way";

    /** What one run measured. */
    public record Result(boolean connected, Network network, double seconds, double rttMs, double relayLossPct,
                         long packetsLost, long nackCount, long pliCount, long retransmittedPackets,
                         double availableOutgoingBitrateKbps, long framesDecoded, String qualityLimitationReason,
                         long relaySeen, long relayDropped, String error, Map<String, Object> natTurn) {

        /** The fields the issue names, then more, in snake case. */
        public Map<String, Object> fields() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("connected", connected);
            m.put("rtt_ms", round(rttMs));
            m.put("relay_loss_pct", round(relayLossPct));
            m.put("packets_lost", packetsLost);
            m.put("nack_count", nackCount);
            m.put("pli_count", pliCount);
            m.put("available_outgoing_bitrate_kbps", round(availableOutgoingBitrateKbps));
            m.put("frames_decoded", framesDecoded);
            m.put("retransmitted_packets_sent", retransmittedPackets);
            m.put("quality_limitation_reason", qualityLimitationReason);
            m.put("relay_packets_seen", relaySeen);
            m.put("relay_packets_dropped", relayDropped);
            m.put("seconds", round(seconds));
            m.put("network", network.toString());
            if (error != null) m.put("error", error);
            if (natTurn != null) m.putAll(natTurn);
            return m;
        }

        private static Object round(double v) {
            return Double.isNaN(v) || Double.isInfinite(v) ? null : Math.round(v * 10) / 10.0;
        }

        /** One JSON object. */
        public String toJson() {
            JsonObject o = new JsonObject();
            fields().forEach((k, v) -> {
                if (v == null) o.add(k, com.google.gson.JsonNull.INSTANCE);
                else if (v instanceof Boolean b) o.addProperty(k, b);
                else if (v instanceof Number n) o.addProperty(k, n);
                else o.addProperty(k, v.toString());
            });
            return new GsonBuilder().serializeNulls().create().toJson(o);
        }

        /** Labelled lines for a reader. */
        public String toText() {
            StringBuilder b = new StringBuilder(network + ", " + String.format("%.1f", seconds) + " s\n");
            fields().forEach((k, v) -> {
                if (!k.equals("network")) b.append(String.format("  %-34s %s%n", k, v == null ? "–" : v));
            });
            return b.toString();
        }
    }

    /** Runs one call through the relay for {@code seconds} and reads its stats. */
    public static Result measure(MediaStream stream, Network network, Duration seconds) {
        return measure(stream, network, seconds, new NatTurnFlags());
    }

    /** {@link #measure(MediaStream, Network, Duration)} with NATs in front of the peers and TURN servers ({@link NatTurnFlags}). */
    public static Result measure(MediaStream stream, Network network, Duration seconds, NatTurnFlags flags) {
        LocalCall call = null;
        try {
            call = LocalCall.create(stream, flags.apply(CallOptions.defaults().withNetwork(network)));
            flags.gate(call);
            call.addLocalStream();
            call.negotiate();
            call.awaitConnected();
            if (!stream.getVideoTracks().isEmpty()) call.awaitFirstFrame();
        } catch (RuntimeException e) {
            String error = String.valueOf(e.getMessage()).lines().filter(l -> !l.isBlank()).findFirst().orElse("");
            Map<String, Object> more = flags.fields(call, false, e.getMessage());
            if (call != null) call.hangup();
            return new Result(false, network, 0, Double.NaN, Double.NaN, 0, 0, 0, 0, Double.NaN, 0, "", 0, 0, error, more);
        }
        try (NetworkLab lab = NetworkLab.start(call)) {
            NetworkLab.Section s = lab.hold(seconds, "run");
            List<StatsReport> pc1 = lab.recording().reports("pc1"), pc2 = lab.recording().reports("pc2");
            StatsReport last1 = pc1.isEmpty() ? null : pc1.get(pc1.size() - 1);
            StatsReport last2 = pc2.isEmpty() ? null : pc2.get(pc2.size() - 1);
            var relay = call.relay();
            long seen = relay.seen(org.webrtcprimer.net.Way.PC1_TO_PC2) + relay.seen(org.webrtcprimer.net.Way.PC2_TO_PC1);
            long dropped = relay.dropped(org.webrtcprimer.net.Way.PC1_TO_PC2) + relay.dropped(org.webrtcprimer.net.Way.PC2_TO_PC1);
            return new Result(true, network, s.seconds(), s.rttMs(), relay.lossPct(),
                    (long) nz(NetworkLab.video(last2, "inbound-rtp", "packetsLost")),
                    (long) nz(NetworkLab.video(last1, "outbound-rtp", "nackCount")),
                    (long) nz(NetworkLab.video(last1, "outbound-rtp", "pliCount")),
                    (long) nz(NetworkLab.video(last1, "outbound-rtp", "retransmittedPacketsSent")),
                    NetworkLab.pair(last1, "availableOutgoingBitrate") / 1000,
                    (long) nz(NetworkLab.video(last2, "inbound-rtp", "framesDecoded")),
                    s.limitation(), seen, dropped, null, flags.fields(call, true, null));
        } finally {
            call.hangup();
        }
    }

    private static double nz(double v) {
        return Double.isNaN(v) ? 0 : v;
    }

    /** What the command line asked for: the call's length, its network, the capture file (or null), JSON or text. */
    private record Options(double seconds, Network network, java.nio.file.Path pcap, boolean json) {}

    /** A command line that cannot run; the message is what to print on stderr before exiting with 2. */
    private static final class BadArguments extends Exception {
        BadArguments(String message) {
            super(message, null, false, false);
        }
    }

    /** The options (null for --help); the NAT and TURN flags go to {@code flags}. */
    private static Options parse(String[] args, NatTurnFlags flags) throws BadArguments {
        double seconds = 10, delay = 0, jitter = 0, loss = 0, rate = 0;
        boolean json = false;
        java.nio.file.Path pcap = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            int used;
            try {
                used = flags.accept(args, i);
            } catch (IllegalArgumentException e) {
                throw new BadArguments(e.getMessage() + "\n" + USAGE);
            }
            if (used > 0) {
                i += used - 1;
                continue;
            }
            switch (a) {
                case "--json" -> json = true;
                case "--pcap" -> pcap = pcapFile(args, ++i);
                case "-h", "--help" -> {
                    return null;
                }
                case "--seconds", "--delay", "--jitter", "--loss", "--rate" -> {
                    double v = number(args, ++i, a);
                    switch (a) {
                        case "--seconds" -> seconds = v;
                        case "--delay" -> delay = v;
                        case "--jitter" -> jitter = v;
                        case "--loss" -> loss = v;
                        default -> rate = v;
                    }
                }
                default -> throw new BadArguments("unknown argument '" + a + "'\n" + USAGE);
            }
        }
        if (seconds < 1 || seconds > 600) throw new BadArguments("--seconds must be 1–600, got " + seconds);
        try {
            Network network = Network.of(Impairment.none().withDelay(delay).withJitter(jitter).withLoss(loss).withRate(rate));
            return new Options(seconds, network, pcap, json);
        } catch (IllegalArgumentException e) {
            throw new BadArguments(e.getMessage() + "\n" + USAGE);
        }
    }

    /** The value of {@code --pcap} at {@code args[i]}: a file in a folder that exists. */
    private static java.nio.file.Path pcapFile(String[] args, int i) throws BadArguments {
        if (i >= args.length) {
            throw new BadArguments("--pcap needs a file name (.pcap, or .pcapng for each packet's way and fate)\n" + USAGE);
        }
        java.nio.file.Path pcap = java.nio.file.Path.of(args[i]);
        java.nio.file.Path dir = pcap.toAbsolutePath().getParent();
        if (dir == null || !java.nio.file.Files.isDirectory(dir)) {
            throw new BadArguments("--pcap " + pcap + ": the folder " + dir + " does not exist");
        }
        return pcap;
    }

    /** The number after option {@code a}, at {@code args[i]}. */
    private static double number(String[] args, int i, String a) throws BadArguments {
        if (i >= args.length) throw new BadArguments(a + " needs a value\n" + USAGE);
        try {
            return Double.parseDouble(args[i]);
        } catch (NumberFormatException e) {
            throw new BadArguments(a + " needs a number, got '" + args[i] + "'\n" + USAGE);
        }
    }

    public static int run(String[] args) {
        NatTurnFlags flags = new NatTurnFlags();
        Options options;
        try {
            options = parse(args, flags);
        } catch (BadArguments e) {
            System.err.println(e.getMessage());
            return 2;
        }
        if (options == null) {
            System.out.println(USAGE);
            return 0;
        }
        double seconds = options.seconds();
        boolean json = options.json();
        java.nio.file.Path pcap = options.pcap();
        Network network = options.network();
        org.webrtcprimer.wire.Capture capture = null;
        if (pcap != null) {
            capture = org.webrtcprimer.wire.Capture.create();
            network = network.withSink(capture);
        }
        MediaStream stream = MediaDevices.getUserMedia(Constraints.audioVideo().withSynthetic());
        try {
            if (!json) System.out.println("Audio+video call pc1 → pc2 through the kit's relay (" + network + ") for " + seconds + " s …");
            Result r = measure(stream, network, Duration.ofMillis((long) (seconds * 1000)), flags);
            System.out.println(json ? r.toJson() : r.toText());
            if (capture != null) {
                try {
                    capture.writePcap(pcap);
                } catch (java.io.IOException e) {
                    System.err.println("--pcap " + pcap + ": could not write the capture: " + e.getMessage());
                    return 2;
                }
                // stderr, so that --json's standard output stays one JSON object
                System.err.println("pcap: " + capture + " → " + pcap.toAbsolutePath());
            }
            return r.connected() ? 0 : 1;
        } catch (IllegalArgumentException | org.webrtcprimer.turn.TurnServerException e) {
            System.err.println(e.getMessage());
            return 2;
        } finally {
            flags.close();
            stream.stop();
        }
    }
}

package org.webrtcprimer.stats;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Readable labels and units for stats members (W3C webrtc-stats): {@code bytesSent} →
 * "bytes sent" in bytes, {@code roundTripTime} → "round-trip time" in ms (the spec's seconds,
 * shown as the kit's milliseconds), {@code availableOutgoingBitrate} → kbps.
 */
public final class Metrics {
    private Metrics() {}

    /** How a member's value is shown. */
    public enum Unit {
        /** A byte count, e.g. {@code 1,234,567 B}. */
        BYTES(" B"),
        /** Seconds in the spec, shown in ms with one decimal. */
        SECONDS(" ms"),
        /** Bits per second in the spec, shown in kbps. */
        BITS_PER_SECOND(" kbps"),
        /** Milliseconds since 1970, shown as a UTC time of day. */
        TIME(" UTC"),
        /** Frames per second. */
        FPS(" fps"),
        /** Pixels. */
        PIXELS(" px"),
        /** A count. */
        COUNT(""),
        /** Anything else, as it is. */
        PLAIN("");

        private final String suffix;

        Unit(String suffix) {
            this.suffix = suffix;
        }

        /** The unit as written after a value ({@code ms}, {@code kbps}…), "" for none. */
        public String suffix() {
            return suffix.strip();
        }
    }

    /** A member's label and unit. */
    public record Metric(String name, String label, Unit unit) {}

    private static final Map<String, Metric> KNOWN = new HashMap<>();

    private static void def(Unit unit, String label, String... names) {
        for (String n : names) KNOWN.put(n, new Metric(n, label.isEmpty() ? words(n) : label, unit));
    }

    static {
        def(Unit.BYTES, "", "bytesSent", "bytesReceived", "headerBytesSent", "headerBytesReceived",
                "retransmittedBytesSent", "retransmittedBytesReceived", "bytesDiscardedOnSend", "totalEncodedBytesTarget");
        def(Unit.SECONDS, "round-trip time", "roundTripTime");
        def(Unit.SECONDS, "total round-trip time", "totalRoundTripTime");
        def(Unit.SECONDS, "current round-trip time, STUN", "currentRoundTripTime");
        def(Unit.SECONDS, "interarrival jitter", "jitter");
        def(Unit.SECONDS, "", "totalEncodeTime", "totalDecodeTime", "totalPacketSendDelay", "totalProcessingDelay",
                "totalInterFrameDelay", "totalAssemblyTime", "totalFreezesDuration", "totalPausesDuration",
                "totalSamplesDuration", "totalInterruptionDuration", "minPlayoutDelay", "relativePacketArrivalDelay",
                "jitterBufferDelay", "jitterBufferTargetDelay", "jitterBufferMinimumDelay");
        def(Unit.BITS_PER_SECOND, "", "availableOutgoingBitrate", "availableIncomingBitrate", "targetBitrate");
        def(Unit.TIME, "last packet received", "lastPacketReceivedTimestamp");
        def(Unit.TIME, "last packet sent", "lastPacketSentTimestamp");
        def(Unit.TIME, "remote timestamp (RTCP)", "remoteTimestamp");
        def(Unit.TIME, "estimated playout", "estimatedPlayoutTimestamp");
        def(Unit.FPS, "frames per second", "framesPerSecond");
        def(Unit.PIXELS, "frame width", "frameWidth");
        def(Unit.PIXELS, "frame height", "frameHeight");
        def(Unit.PIXELS, "", "width", "height");
        def(Unit.COUNT, "", "packetsSent", "packetsReceived", "packetsLost", "packetsDiscarded", "framesEncoded",
                "framesDecoded", "framesSent", "framesReceived", "framesDropped", "keyFramesEncoded", "keyFramesDecoded",
                "hugeFramesSent", "frames", "messagesSent", "messagesReceived", "requestsSent", "requestsReceived",
                "responsesSent", "responsesReceived", "consentRequestsSent", "packetsDiscardedOnSend", "concealedSamples",
                "silentConcealedSamples", "concealmentEvents", "totalSamplesReceived", "jitterBufferEmittedCount",
                "insertedSamplesForDeceleration", "removedSamplesForAcceleration", "fecPacketsReceived", "fecPacketsDiscarded",
                "freezeCount", "pauseCount", "dataChannelsOpened", "dataChannelsClosed", "retransmittedPacketsSent",
                "retransmittedPacketsReceived", "framesAssembledFromMultiplePackets", "roundTripTimeMeasurements",
                "reportsSent", "selectedCandidatePairChanges", "qualityLimitationResolutionChanges", "interruptionCount",
                "jitterBufferFlushes", "delayedPacketOutageSamples");
        def(Unit.COUNT, "NACK count", "nackCount");
        def(Unit.COUNT, "PLI count", "pliCount");
        def(Unit.COUNT, "FIR count", "firCount");
        def(Unit.COUNT, "QP sum", "qpSum");
        // Identifiers and ports are names, not amounts: no thousands separators.
        def(Unit.PLAIN, "SSRC (a=ssrc)", "ssrc");
        def(Unit.PLAIN, "RTX SSRC (a=ssrc-group:FID)", "rtxSsrc");
        def(Unit.PLAIN, "payload type (a=rtpmap)", "payloadType");
        def(Unit.PLAIN, "", "port", "priority", "encodingIndex", "dataChannelIdentifier");
        def(Unit.COUNT, "clock rate (Hz)", "clockRate");
        def(Unit.COUNT, "", "channels");
        def(Unit.PLAIN, "mid (a=mid)", "mid");
        def(Unit.PLAIN, "fraction lost", "fractionLost");
        def(Unit.PLAIN, "DTLS role", "dtlsRole");
        def(Unit.PLAIN, "DTLS state", "dtlsState");
        def(Unit.PLAIN, "DTLS cipher", "dtlsCipher");
        def(Unit.PLAIN, "SRTP cipher", "srtpCipher");
        def(Unit.PLAIN, "TLS version", "tlsVersion");
        def(Unit.PLAIN, "ICE role", "iceRole");
        def(Unit.PLAIN, "ICE state", "iceState");
        def(Unit.PLAIN, "ICE username fragment (a=ice-ufrag)", "iceLocalUsernameFragment");
        def(Unit.PLAIN, "selected candidate pair", "selectedCandidatePairId");
        def(Unit.PLAIN, "MIME type", "mimeType");
        def(Unit.PLAIN, "fmtp line (a=fmtp)", "sdpFmtpLine");
        def(Unit.PLAIN, "fingerprint (a=fingerprint)", "fingerprint");
        def(Unit.PLAIN, "IP", "ip");
        def(Unit.PLAIN, "VPN", "vpn");
        def(Unit.PLAIN, "TCP type", "tcpType");
        def(Unit.PLAIN, "URL", "url");
    }

    /** The label and unit of a member; unknown members get their camelCase name in words. */
    public static Metric of(String name) {
        Metric m = KNOWN.get(name);
        if (m != null) return m;
        return new Metric(name, words(name), Unit.PLAIN);
    }

    /** The member's label with its unit, e.g. {@code round-trip time (ms)}. */
    public static String label(String name) {
        Metric m = of(name);
        String unit = m.unit().suffix();
        return m.label() + (unit.isEmpty() || m.unit() == Unit.COUNT ? "" : " (" + unit + ")");
    }

    /** A value as shown in a table, in the member's unit: {@code 0.0012} s → {@code 1.2}. */
    public static String format(String name, Object value) {
        if (value == null) return "—";
        Unit u = of(name).unit();
        if (value instanceof Number n) {
            double d = n.doubleValue();
            return switch (u) {
                case BYTES, COUNT, PIXELS -> isWhole(n) ? String.format(Locale.ROOT, "%,d", n.longValue()) : String.format(Locale.ROOT, "%,.3f", d);
                case SECONDS -> String.format(Locale.ROOT, "%,.1f", d * 1000);
                case BITS_PER_SECOND -> String.format(Locale.ROOT, "%,.1f", d / 1000);
                case TIME -> d <= 0 ? "—" : DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC)
                        .format(Instant.ofEpochMilli((long) d));
                case FPS -> String.format(Locale.ROOT, "%.1f", d);
                case PLAIN -> isWhole(n) ? String.valueOf(n.longValue()) : String.format(Locale.ROOT, "%.4g", d);
            };
        }
        if (value instanceof Map<?, ?> m) {
            return m.entrySet().stream().map(e -> e.getKey() + " " + (e.getValue() instanceof Number x
                            ? String.format(Locale.ROOT, "%.1f", x.doubleValue()) : e.getValue()))
                    .collect(Collectors.joining(", "));
        }
        if (value instanceof List<?> l) return l.stream().map(String::valueOf).collect(Collectors.joining(", ", "[", "]"));
        String s = String.valueOf(value);
        if (name.equals("tlsVersion")) {
            // The engine reports the record-layer version in hex (RFC 6347 §4.1, RFC 9147).
            if (s.equalsIgnoreCase("FEFD")) return "FEFD (DTLS 1.2)";
            if (s.equalsIgnoreCase("FEFC")) return "FEFC (DTLS 1.3)";
        }
        return s.length() > 100 ? s.substring(0, 40) + "… (" + s.length() + " characters)" : s;
    }

    private static boolean isWhole(Number n) {
        return n instanceof Long || n instanceof Integer || n instanceof java.math.BigInteger
                || (n instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15);
    }

    /** {@code framesPerSecond} → {@code frames per second}; {@code codecId} → {@code codec id}. */
    static String words(String camel) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < camel.length(); i++) {
            char c = camel.charAt(i);
            if (Character.isUpperCase(c) && i > 0 && !Character.isUpperCase(camel.charAt(i - 1))) sb.append(' ');
            sb.append(Character.isUpperCase(c) && (i + 1 >= camel.length() || !Character.isUpperCase(camel.charAt(i + 1)))
                    ? Character.toLowerCase(c) : c);
        }
        return sb.toString();
    }
}

package org.webrtcprimer.sdp;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One row of an m-section's codec table: a payload type joined with its {@code rtpmap},
 * {@code fmtp} and {@code rtcp-fb} lines, and the RTX payload type that retransmits it.
 *
 * @param payloadType  the RTP payload type number listed on the m= line
 * @param name         encoding name (opus, VP8, H264, rtx, red …); for static payload types
 *                     without rtpmap, the RFC 3551 name
 * @param clockRate    RTP clock rate in Hz, 0 when unknown
 * @param channels     audio channels, or null
 * @param parameters   the fmtp parameters, in order
 * @param feedback     rtcp-fb types for this payload type and for {@code *}
 * @param rtxPayloadType the payload type of the rtx stream whose {@code apt} points here, or null
 * @param associatedPayloadType for an rtx (or other repair) codec, its {@code apt}: the payload type it repairs
 * @param staticType   true when the name came from the RFC 3551 static table, not an rtpmap
 */
public record Codec(int payloadType, String name, long clockRate, Integer channels,
                    Map<String, String> parameters, List<String> feedback, Integer rtxPayloadType,
                    Integer associatedPayloadType, boolean staticType) {
    public Codec {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        feedback = List.copyOf(feedback);
    }

    /** True for retransmission (RFC 4588) entries. */
    public boolean isRtx() {
        return "rtx".equalsIgnoreCase(name);
    }

    /** The fmtp parameters as written, joined with ';'. */
    public String fmtp() {
        StringBuilder b = new StringBuilder();
        parameters.forEach((k, v) -> {
            if (b.length() > 0) b.append(';');
            b.append(k);
            if (!v.isEmpty()) b.append('=').append(v);
        });
        return b.toString();
    }

    /** e.g. {@code opus/48000/2}. */
    public String mime() {
        return clockRate == 0 ? name : name + "/" + clockRate + (channels == null ? "" : "/" + channels);
    }

    @Override
    public String toString() {
        String f = fmtp();
        return payloadType + " " + mime() + (f.isEmpty() ? "" : " [" + f + "]")
                + (feedback.isEmpty() ? "" : " fb=" + feedback)
                + (rtxPayloadType == null ? "" : " rtx=" + rtxPayloadType);
    }

    /**
     * The static payload type {@code pt} as a format of an m-section of {@code mediaType}. RFC 3551 §6
     * gives each static type to audio (Table 4) or to video (Table 5): in a section of the other kind
     * the number names no codec, so it is shown for what it is — typically PT 0, the placeholder
     * format of a rejected video section — rather than as that table's codec.
     *
     * @return the codec, a row naming the mismatch, or null when {@code pt} is not a static type
     */
    static Codec staticCodec(int pt, String mediaType, boolean rejected) {
        Codec c = staticCodec(pt);
        if (c == null) return c;
        String kind = pt < 25 ? "audio" : pt == 33 ? "audio/video" : "video";
        boolean other = mediaType.equals("audio") && !kind.contains("audio") || mediaType.equals("video") && !kind.contains("video");
        if (!other) return c;
        String why = rejected ? "section rejected" : "no codec in " + (mediaType.equals("audio") ? "an " : "a ") + mediaType + " section";
        return new Codec(pt, "PT " + pt + " (static " + kind + " type; " + why + ")", 0, null, Map.of(), List.of(), null, null, false);
    }

    /** RFC 3551 §6 static payload types (and CN, RFC 3389): name, clock, channels. */
    static Codec staticCodec(int pt) {
        Object[] e = switch (pt) {
            case 0 -> new Object[]{"PCMU", 8000L, 1};
            case 3 -> new Object[]{"GSM", 8000L, 1};
            case 4 -> new Object[]{"G723", 8000L, 1};
            case 5 -> new Object[]{"DVI4", 8000L, 1};
            case 6 -> new Object[]{"DVI4", 16000L, 1};
            case 7 -> new Object[]{"LPC", 8000L, 1};
            case 8 -> new Object[]{"PCMA", 8000L, 1};
            case 9 -> new Object[]{"G722", 8000L, 1};
            case 10 -> new Object[]{"L16", 44100L, 2};
            case 11 -> new Object[]{"L16", 44100L, 1};
            case 12 -> new Object[]{"QCELP", 8000L, 1};
            case 13 -> new Object[]{"CN", 8000L, 1};
            case 14 -> new Object[]{"MPA", 90000L, null};
            case 15 -> new Object[]{"G728", 8000L, 1};
            case 16 -> new Object[]{"DVI4", 11025L, 1};
            case 17 -> new Object[]{"DVI4", 22050L, 1};
            case 18 -> new Object[]{"G729", 8000L, 1};
            case 25 -> new Object[]{"CelB", 90000L, null};
            case 26 -> new Object[]{"JPEG", 90000L, null};
            case 28 -> new Object[]{"nv", 90000L, null};
            case 31 -> new Object[]{"H261", 90000L, null};
            case 32 -> new Object[]{"MPV", 90000L, null};
            case 33 -> new Object[]{"MP2T", 90000L, null};
            case 34 -> new Object[]{"H263", 90000L, null};
            default -> null;
        };
        if (e == null) return null;
        return new Codec(pt, (String) e[0], (Long) e[1], (Integer) e[2], Map.of(), List.of(), null, null, true);
    }
}

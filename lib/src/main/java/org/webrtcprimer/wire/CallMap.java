package org.webrtcprimer.wire;

import org.webrtcprimer.sdp.Attributes;
import org.webrtcprimer.sdp.Codec;
import org.webrtcprimer.sdp.MediaSection;
import org.webrtcprimer.sdp.ParsedSdp;
import org.webrtcprimer.sdp.Sdp;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What the two descriptions of a call say the packets on its wire will carry: each peer's ICE
 * ufrag and password (RFC 8839 §5.4), its DTLS role (a=setup, RFC 8842 §5), the payload types
 * (a=rtpmap), the SSRCs with their mid, track and RTX pairing (a=ssrc, a=ssrc-group:FID,
 * RFC 5576, RFC 4588 §8) and the header extension ids (a=extmap, RFC 8285 §5). Made from pc1's
 * offer and pc2's answer.
 */
public final class CallMap {

    /** An RTP stream the SDP announces: who sends it, in which m-section, and what it repairs. */
    public record Stream(long ssrc, String peer, String mid, String media, String track, String cname, Long rtxOf) {
        /** e.g. "pc1 video (mid 1)" or "pc1 video RTX (mid 1)". */
        public String label() {
            return peer + " " + media + (rtxOf != null ? " RTX" : "") + (mid == null ? "" : " (mid " + mid + ")");
        }
    }

    /** Payload type → codec, as the a=rtpmap lines name it, with its m-section's media. */
    public record PayloadType(int payloadType, String media, Codec codec) {
        public String label() {
            return codec.name() + (codec.isRtx() && codec.associatedPayloadType() != null ? " (repairs PT " + codec.associatedPayloadType() + ")" : "");
        }
    }

    private final Map<String, String> ufrag = new LinkedHashMap<>(), pwd = new LinkedHashMap<>(), setup = new LinkedHashMap<>();
    private final Map<Integer, PayloadType> payloadTypes = new LinkedHashMap<>();
    private final Map<Long, Stream> streams = new LinkedHashMap<>();
    private final Map<Integer, String> extmaps = new LinkedHashMap<>();
    private final boolean described;

    private CallMap(String offer, String answer) {
        read("pc1", offer);
        read("pc2", answer); // the answer's payload types and extension ids are the ones both sides then use
        described = offer != null || answer != null;
    }

    /** The map of pc1's offer and pc2's answer (either may be null: then nothing of that side is known). Never throws. */
    public static CallMap of(String offer, String answer) {
        return new CallMap(offer, answer);
    }

    private void read(String peer, String text) {
        if (text == null || text.isBlank()) return;
        ParsedSdp sdp;
        try {
            sdp = Sdp.parse(text);
        } catch (RuntimeException e) {
            return; // a description that does not parse maps nothing; the packets still decode
        }
        for (MediaSection m : sdp.media()) {
            String u = sdp.effective(m, "ice-ufrag"), p = sdp.effective(m, "ice-pwd");
            if (u != null) ufrag.putIfAbsent(peer, u);
            if (p != null) pwd.putIfAbsent(peer, p);
            String s = sdp.setup(m);
            if (s != null) setup.putIfAbsent(peer, s);
            try {
                for (Codec c : m.codecs()) payloadTypes.put(c.payloadType(), new PayloadType(c.payloadType(), m.type(), c));
                for (Attributes.Extmap x : m.extmaps()) extmaps.put(x.id(), x.uri());
                Map<Long, Long> rtx = new LinkedHashMap<>();
                for (Attributes.SsrcGroup g : m.ssrcGroups()) {
                    if ("FID".equals(g.semantics()) && g.ssrcs().size() >= 2) rtx.put(g.ssrcs().get(1), g.ssrcs().get(0));
                }
                Map<Long, String> cname = new LinkedHashMap<>(), track = new LinkedHashMap<>();
                for (Attributes.SsrcAttribute a : m.ssrcs()) {
                    if ("cname".equals(a.attribute())) cname.put(a.ssrc(), a.value());
                    if ("msid".equals(a.attribute()) && a.value() != null) {
                        String[] f = a.value().split(" ");
                        track.put(a.ssrc(), f.length > 1 ? f[1] : f[0]);
                    }
                }
                String mTrack = m.msids().isEmpty() ? null : m.msids().get(0).trackId();
                for (Attributes.SsrcAttribute a : m.ssrcs()) {
                    streams.putIfAbsent(a.ssrc(), new Stream(a.ssrc(), peer, m.mid(), m.type(),
                            track.getOrDefault(a.ssrc(), mTrack), cname.get(a.ssrc()), rtx.get(a.ssrc())));
                }
            } catch (RuntimeException e) {
                // a malformed line in one m-section leaves the rest mapped
            }
        }
    }

    /** True when at least one description was given. */
    public boolean described() {
        return described;
    }

    /** A peer's a=ice-ufrag ("pc1" or "pc2"), or null. */
    public String ufrag(String peer) {
        return ufrag.get(peer);
    }

    /** A peer's a=ice-pwd, or null: the key of the STUN checks sent to that peer (RFC 8445 §7.2.2). */
    public String pwd(String peer) {
        return pwd.get(peer);
    }

    /** A peer's a=setup: actpass, active or passive. */
    public String setup(String peer) {
        return setup.get(peer);
    }

    /** The peer the SDP makes the DTLS client (a=setup:active, RFC 8842 §5.3), or null. */
    public String dtlsClient() {
        if ("active".equals(setup.get("pc2"))) return "pc2";
        if ("passive".equals(setup.get("pc2"))) return "pc1";
        if ("active".equals(setup.get("pc1"))) return "pc1";
        return null;
    }

    public PayloadType payloadType(int pt) {
        return payloadTypes.get(pt);
    }

    public Map<Integer, PayloadType> payloadTypes() {
        return java.util.Collections.unmodifiableMap(payloadTypes);
    }

    public Stream stream(long ssrc) {
        return streams.get(ssrc);
    }

    public Map<Long, Stream> streams() {
        return java.util.Collections.unmodifiableMap(streams);
    }

    /** The a=extmap URI of a header extension id, or null. */
    public String extmap(int id) {
        return extmaps.get(id);
    }

    public Map<Integer, String> extmaps() {
        return java.util.Collections.unmodifiableMap(extmaps);
    }

    /** A short name for an extension URI: "transport-wide-cc", "ssrc-audio-level", "abs-send-time", "mid" … */
    public static String shortName(String uri) {
        if (uri == null) return "?";
        String u = uri.toLowerCase(Locale.ROOT);
        if (u.contains("transport-wide-cc")) return "transport-wide-cc";
        if (u.endsWith("sdes:repaired-rtp-stream-id")) return "repaired-rtp-stream-id";
        int k = Math.max(u.lastIndexOf(':'), u.lastIndexOf('/'));
        return k >= 0 && k + 1 < uri.length() ? uri.substring(k + 1) : uri;
    }

    /**
     * A header extension's value as text, read as its a=extmap URI defines it: transport-wide
     * sequence number, audio level (RFC 6464 §3), abs-send-time (6.18 fixed-point seconds), mid and
     * stream ids (RFC 8843 §15.2, RFC 8852), transmission offset (RFC 5450), video orientation; hex
     * otherwise. Never throws.
     */
    public String extensionValue(int id, byte[] v) {
        String uri = extmaps.get(id);
        if (uri == null || v == null) return Bytes.hex(v);
        try {
            String u = uri.toLowerCase(Locale.ROOT);
            if (u.contains("transport-wide-cc") && v.length >= 2) return "seq " + Bytes.u16(v, 0);
            if (u.endsWith("ssrc-audio-level") && v.length >= 1) {
                return "−" + (v[0] & 0x7f) + " dBov" + ((v[0] & 0x80) != 0 ? ", voice" : "");
            }
            if (u.endsWith("abs-send-time") && v.length >= 3) return String.format(Locale.ROOT, "%.6f s", Bytes.u24(v, 0) / 262144.0);
            if (u.endsWith("sdes:mid") || u.endsWith("rtp-stream-id")) return "\"" + new String(v, java.nio.charset.StandardCharsets.US_ASCII) + "\"";
            if (u.endsWith(":toffset") && v.length >= 3) {
                int t = Bytes.u24(v, 0);
                return String.valueOf((t & 0x800000) != 0 ? t - 0x1000000 : t);
            }
            if (u.endsWith("video-orientation") && v.length >= 1) return ((v[0] & 3) * 90) + "°";
            if (u.endsWith("playout-delay") && v.length >= 3) {
                int x = Bytes.u24(v, 0);
                return "min " + ((x >> 12) * 10) + " ms, max " + ((x & 0xfff) * 10) + " ms";
            }
        } catch (RuntimeException e) {
            // fall through to hex
        }
        return Bytes.hex(v);
    }
}

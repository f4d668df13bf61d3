package org.webrtcprimer.sdp;

import org.webrtcprimer.ice.Candidate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One m-section: the {@code m=} line (RFC 8866 §5.14) and the lines after it up to the next
 * {@code m=}. In Unified Plan each m-section is one RtpTransceiver (or the data channel).
 *
 * @param index      0-based position among the m-sections
 * @param line       line number of the {@code m=} line
 * @param type       audio, video, application, text, message …
 * @param port       the port; 0 rejects (in an answer) or disables the section, 9 is the
 *                   discard port WebRTC writes before it has candidates; -1 if unreadable
 * @param portCount  the optional {@code /<number of ports>}, else null
 * @param protocol   e.g. {@code UDP/TLS/RTP/SAVPF}, {@code RTP/AVP}, {@code UDP/DTLS/SCTP}
 * @param formats    payload types (for RTP) or format names, in preference order
 * @param information {@code i=} or null
 * @param connections {@code c=} lines of this section
 * @param bandwidths  {@code b=} lines of this section
 * @param encryptionKey {@code k=} or null
 * @param attributes  every {@code a=} line of this section, in order, unknown ones included
 * @param sessionDirection the session-level direction attribute, which applies to every section
 *                   without its own (RFC 8866 §6.7); null when the session has none
 */
public record MediaSection(int index, int line, String type, int port, Integer portCount, String protocol,
                           List<String> formats, String information, List<Connection> connections,
                           List<Bandwidth> bandwidths, String encryptionKey, List<Attribute> attributes,
                           Direction sessionDirection) {

    public MediaSection {
        formats = formats == null ? List.of() : List.copyOf(formats);
        connections = connections == null ? List.of() : List.copyOf(connections);
        bandwidths = bandwidths == null ? List.of() : List.copyOf(bandwidths);
        attributes = attributes == null ? List.of() : attributes instanceof FrozenList ? attributes : List.copyOf(attributes);
    }

    /** The first value of an attribute ("" for a property attribute), or null when absent. */
    public String value(String name) {
        for (Attribute a : attributes) if (a.name().equals(name)) return a.value() == null ? "" : a.value();
        return null;
    }

    /** True when the attribute is present. */
    public boolean has(String name) {
        return value(name) != null;
    }

    /** All attributes of that name, in order. */
    public List<Attribute> attributes(String name) {
        List<Attribute> l = new ArrayList<>();
        for (Attribute a : attributes) if (a.name().equals(name)) l.add(a);
        return l;
    }

    /** {@code a=mid} (RFC 5888 §4), or null. */
    public String mid() {
        return value("mid");
    }

    /**
     * The section's direction: its own direction attribute, else the session-level one, else
     * sendrecv (RFC 8866 §6.7: a direction at session level applies to every media section
     * that does not give its own).
     */
    public Direction direction() {
        Direction own = ownDirection();
        return own != null ? own : sessionDirection != null ? sessionDirection : Direction.SENDRECV;
    }

    /** The section's own direction attribute, or null when it has none (and the session's or sendrecv applies). */
    public Direction ownDirection() {
        for (Attribute a : attributes) {
            Direction d = AttributeChecks.isDirection(a) ? Direction.of(a.name()) : null;
            if (d != null) return d;
        }
        return null;
    }

    /** True for port 0 without {@code a=bundle-only}: the section is rejected or disabled (RFC 3264 §6; bundle-only sections use port 0 too, RFC 9143 §6). */
    public boolean isRejected() {
        return port == 0 && !has("bundle-only");
    }

    /** True for RTP media (audio, video) as opposed to a data channel. */
    public boolean isRtp() {
        return protocol != null && protocol.contains("RTP");
    }

    public String iceUfrag() {
        return value("ice-ufrag");
    }

    public String icePwd() {
        return value("ice-pwd");
    }

    /** Tokens of {@code a=ice-options} (RFC 8839 §5.6), e.g. trickle, ice2, renomination. */
    public List<String> iceOptions() {
        String v = value("ice-options");
        return v == null || v.isBlank() ? List.of() : List.of(v.strip().split(" +"));
    }

    /** {@code a=setup} (RFC 4145 §4): actpass, active, passive, holdconn; or null. */
    public String setup() {
        return value("setup");
    }

    public List<Attributes.Fingerprint> fingerprints() {
        return typed("fingerprint", Attributes.Fingerprint::parse);
    }

    public List<Candidate> candidates() {
        return typed("candidate", Candidate::parse);
    }

    public boolean endOfCandidates() {
        return has("end-of-candidates");
    }

    public List<Attributes.Rtpmap> rtpmaps() {
        return typed("rtpmap", Attributes.Rtpmap::read);
    }

    public List<Attributes.Fmtp> fmtps() {
        return typed("fmtp", Attributes.Fmtp::parse);
    }

    public List<Attributes.RtcpFb> rtcpFeedback() {
        return typed("rtcp-fb", Attributes.RtcpFb::parse);
    }

    public List<Attributes.Extmap> extmaps() {
        return typed("extmap", Attributes.Extmap::parse);
    }

    public List<Attributes.SsrcAttribute> ssrcs() {
        return typed("ssrc", Attributes.SsrcAttribute::parse);
    }

    public List<Attributes.SsrcGroup> ssrcGroups() {
        return typed("ssrc-group", Attributes.SsrcGroup::parse);
    }

    public List<Attributes.Msid> msids() {
        return typed("msid", Attributes.Msid::parse);
    }

    public List<Attributes.Rid> rids() {
        return typed("rid", Attributes.Rid::parse);
    }

    /** {@code a=simulcast}, or null. */
    public Attributes.Simulcast simulcast() {
        List<Attributes.Simulcast> l = typed("simulcast", Attributes.Simulcast::parse);
        return l.isEmpty() ? null : l.get(0);
    }

    public List<Attributes.Crypto> crypto() {
        return typed("crypto", Attributes.Crypto::parse);
    }

    /** {@code a=rtcp}, or null. */
    public Attributes.Rtcp rtcp() {
        List<Attributes.Rtcp> l = typed("rtcp", Attributes.Rtcp::parse);
        return l.isEmpty() ? null : l.get(0);
    }

    public boolean rtcpMux() {
        return has("rtcp-mux");
    }

    public boolean rtcpMuxOnly() {
        return has("rtcp-mux-only");
    }

    public boolean rtcpRsize() {
        return has("rtcp-rsize");
    }

    public boolean bundleOnly() {
        return has("bundle-only");
    }

    /** {@code a=sctp-port} (RFC 8841 §5.1), or null. */
    public Integer sctpPort() {
        return intValue("sctp-port");
    }

    /** {@code a=max-message-size} (RFC 8841 §6.1) in bytes, or null. */
    public Long maxMessageSize() {
        String v = value("max-message-size");
        try {
            return v == null ? null : Attributes.number(v.strip(), 0, Long.MAX_VALUE, "max-message-size");
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** {@code a=sctpmap} (pre-RFC 8841 syntax), or null. */
    public Attributes.SctpMap sctpmap() {
        List<Attributes.SctpMap> l = typed("sctpmap", Attributes.SctpMap::parse);
        return l.isEmpty() ? null : l.get(0);
    }

    /** {@code a=ptime} in ms (may be fractional), or null. */
    public Double ptime() {
        return decimal("ptime");
    }

    /** {@code a=maxptime} in ms, or null. */
    public Double maxptime() {
        return decimal("maxptime");
    }

    /** {@code a=framerate}, or null. */
    public Double framerate() {
        return decimal("framerate");
    }

    /**
     * The codec table: one {@link Codec} per payload type on the m= line, in preference order,
     * joining rtpmap, fmtp, rtcp-fb (including {@code *}) and rtx {@code apt}.
     */
    public List<Codec> codecs() {
        if (!isRtp()) return List.of();
        Map<String, Attributes.Rtpmap> rtpmap = new HashMap<>();
        for (Attributes.Rtpmap r : rtpmaps()) rtpmap.putIfAbsent(String.valueOf(r.payloadType()), r);
        Map<String, Map<String, String>> fmtp = new HashMap<>();
        for (Attributes.Fmtp f : fmtps()) fmtp.computeIfAbsent(f.format(), k -> new LinkedHashMap<>()).putAll(f.parameterMap());
        Map<String, List<String>> fb = new HashMap<>();
        List<String> all = new ArrayList<>();
        for (Attributes.RtcpFb f : rtcpFeedback()) {
            if (f.payloadType().equals("*")) all.add(f.feedback());
            else fb.computeIfAbsent(f.payloadType(), k -> new ArrayList<>()).add(f.feedback());
        }
        Map<Integer, Integer> rtxFor = new HashMap<>();
        for (String pt : formats) {
            Attributes.Rtpmap r = rtpmap.get(pt);
            Map<String, String> p = fmtp.get(pt);
            if (r != null && p != null && p.containsKey("apt")) {
                try {
                    rtxFor.putIfAbsent(Integer.parseInt(p.get("apt")), r.payloadType());
                } catch (NumberFormatException ignored) {
                    // a broken apt is reported by the parser
                }
            }
        }
        List<Codec> out = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String pt : formats) {
            if (!seen.add(pt)) continue; // a payload type listed twice is one codec (the parser warns)
            int n;
            try {
                n = Integer.parseInt(pt);
            } catch (NumberFormatException e) {
                continue;
            }
            Attributes.Rtpmap r = rtpmap.get(pt);
            Map<String, String> params = fmtp.getOrDefault(pt, Map.of());
            List<String> feedback = new ArrayList<>(fb.getOrDefault(pt, List.of()));
            feedback.addAll(all);
            Integer apt = null;
            if (params.containsKey("apt")) {
                try {
                    apt = Integer.parseInt(params.get("apt"));
                } catch (NumberFormatException ignored) {
                    // reported by the parser
                }
            }
            if (r != null) {
                out.add(new Codec(n, r.encoding(), r.clockRate(), r.channels(), params, feedback, rtxFor.get(n), apt, false));
            } else {
                Codec s = Codec.staticCodec(n, type, isRejected());
                if (s != null) {
                    out.add(new Codec(n, s.name(), s.clockRate(), s.channels(), params, feedback, rtxFor.get(n), apt, s.staticType()));
                } else {
                    out.add(new Codec(n, "?", 0, null, params, feedback, rtxFor.get(n), apt, false));
                }
            }
        }
        return out;
    }

    /** A one-line summary, e.g. {@code m=1 video mid=1 sendrecv port 9 UDP/TLS/RTP/SAVPF, 23 formats}. */
    @Override
    public String toString() {
        return "m=" + index + " " + type + (mid() == null ? "" : " mid=" + mid()) + " " + direction().sdp()
                + (isRejected() ? " REJECTED" : "") + " port " + port + " " + protocol + ", " + formats.size() + " formats, "
                + attributes.size() + " attributes";
    }

    private <T> List<T> typed(String name, Function<String, T> parser) {
        List<T> l = new ArrayList<>();
        for (Attribute a : attributes) {
            if (!a.name().equals(name)) continue;
            try {
                l.add(parser.apply(a.value() == null ? "" : a.value()));
            } catch (IllegalArgumentException e) {
                // reported as a warning by the parser; skipped here
            }
        }
        return l;
    }

    private Integer intValue(String name) {
        String v = value(name);
        try {
            return v == null ? null : (int) Attributes.number(v.strip(), 0, Integer.MAX_VALUE, name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private Double decimal(String name) {
        String v = value(name);
        if (v == null) return null;
        try {
            return SdpParser.decimal(v.strip(), name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

package org.webrtcprimer.ice;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One ICE candidate: an address the peer can be reached at, as carried by an SDP
 * {@code a=candidate:} line or by {@code RTCIceCandidate.candidate} (RFC 8839 §5.1).
 *
 * <p>Parse one with {@link #parse(String)}; the leading {@code a=} and {@code candidate:} are
 * optional. Numbers that can exceed 2^31 (the priority) are {@code long}. Fields that a line does
 * not carry are {@code null}. Every extension pair after {@code typ} — known ones such as
 * {@code raddr}, {@code tcptype}, {@code generation}, {@code ufrag}, {@code network-id},
 * {@code network-cost}, and unknown ones — is kept in {@link #extensions()} in line order.
 *
 * @param foundation    groups candidates of the same type from the same base and server (RFC 8445 §5.1.1.3)
 * @param component     1 = RTP, 2 = RTCP (RFC 8445 §4)
 * @param transport     "udp" or "tcp", as written on the line
 * @param priority      32-bit priority (RFC 8445 §5.1.2); see {@link #typePreference()}
 * @param address       IP address or, for mDNS-obfuscated host candidates, a {@code .local} name
 * @param port          port, 0–65535 (TCP active candidates use 9 or 0)
 * @param type          host, srflx, prflx or relay (RFC 8445 §5.1.1)
 * @param relatedAddress {@code raddr}: the base of a reflexive or relayed candidate, else null
 * @param relatedPort   {@code rport}, else null
 * @param tcpType       {@code tcptype}: active, passive or so (RFC 6544 §4.5), else null
 * @param generation    libwebrtc's {@code generation} (incremented by ICE restarts), else null
 * @param ufrag         libwebrtc's {@code ufrag}: the ICE username fragment it belongs to, else null
 * @param networkId     libwebrtc's {@code network-id}, else null
 * @param networkCost   libwebrtc's {@code network-cost} (lower is cheaper, 999 = unknown), else null
 * @param extensions    every name/value pair after the candidate type, in order
 */
public record Candidate(String foundation, int component, String transport, long priority,
                        String address, int port, String type, String relatedAddress,
                        Integer relatedPort, String tcpType, Integer generation, String ufrag,
                        Integer networkId, Integer networkCost, Map<String, String> extensions) {

    /** The address shown for a candidate whose stats leave it out (a remote prflx candidate). */
    public static final String HIDDEN = "(hidden)";

    public Candidate {
        extensions = extensions == null ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
    }

    /**
     * Parses a candidate line.
     *
     * @param line {@code a=candidate:...}, {@code candidate:...} or just the value
     * @return the candidate
     * @throws IllegalArgumentException naming the field that is wrong, e.g.
     *         "candidate priority 'high' is not a number"
     */
    public static Candidate parse(String line) {
        if (line == null) throw new IllegalArgumentException("candidate is null");
        String s = line.strip();
        if (s.startsWith("a=")) s = s.substring(2);
        if (s.regionMatches(true, 0, "candidate:", 0, 10)) s = s.substring(10);
        if (s.isEmpty()) {
            throw new IllegalArgumentException("empty candidate (an end-of-candidates marker is not a candidate)");
        }
        String[] f = org.webrtcprimer.ice.Words.split(s);
        if (f.length < 8) {
            throw new IllegalArgumentException("candidate needs at least 8 fields "
                    + "(foundation component transport priority address port typ type), got " + f.length);
        }
        String foundation = f[0];
        if (foundation.length() > 32) {
            throw new IllegalArgumentException("candidate foundation '" + foundation + "' is longer than 32 characters");
        }
        int component = (int) number(f[1], 1, 256, "component id");
        String transport = f[2];
        long priority = number(f[3], 1, 0xFFFF_FFFFL, "priority");
        String address = f[4];
        int port = (int) number(f[5], 0, 65535, "port");
        if (!f[6].equals("typ")) {
            throw new IllegalArgumentException("candidate field 7 must be 'typ', got '" + f[6] + "'");
        }
        String type = f[7];
        if ((f.length - 8) % 2 != 0) {
            throw new IllegalArgumentException("candidate extension '" + f[f.length - 1] + "' has no value");
        }
        Map<String, String> ext = new LinkedHashMap<>();
        String raddr = null, tcptype = null, ufrag = null;
        Integer rport = null, generation = null, networkId = null, networkCost = null;
        for (int i = 8; i + 1 < f.length; i += 2) {
            String name = f[i], value = f[i + 1];
            ext.put(name, value);
            switch (name) {
                case "raddr" -> raddr = value;
                case "rport" -> rport = (int) number(value, 0, 65535, "rport");
                case "tcptype" -> tcptype = value;
                case "generation" -> generation = (int) number(value, 0, Integer.MAX_VALUE, "generation");
                case "ufrag" -> ufrag = value;
                case "network-id" -> networkId = (int) number(value, 0, Integer.MAX_VALUE, "network-id");
                case "network-cost" -> networkCost = (int) number(value, 0, Integer.MAX_VALUE, "network-cost");
                default -> { /* unknown extension: kept in ext */ }
            }
        }
        return new Candidate(foundation, component, transport, priority, address, port, type,
                raddr, rport, tcptype, generation, ufrag, networkId, networkCost, ext);
    }

    /**
     * A candidate from a {@code local-candidate} or {@code remote-candidate} stats object
     * (W3C webrtc-stats §7.15): its address, port, protocol, candidateType, priority, foundation,
     * usernameFragment, relatedAddress/relatedPort and tcpType. Stats carry no component id; it
     * is read from the priority's low byte.
     *
     * @throws IllegalArgumentException naming the value that is missing or wrong
     */
    public static Candidate fromStats(java.util.Map<String, Object> stats) {
        if (stats == null) throw new IllegalArgumentException("no candidate stats");
        String address = StatsValues.str(stats, "address");
        if (address == null) address = StatsValues.str(stats, "ip");
        String type = StatsValues.str(stats, "candidateType");
        // libwebrtc leaves out the address of a remote peer-reflexive candidate (the W3C stats
        // spec lets it hide addresses the application was never told): keep the candidate, say so.
        if (address == null && "prflx".equals(type)) address = HIDDEN;
        if (address == null || type == null) {
            throw new IllegalArgumentException("candidate stats " + StatsValues.str(stats, "id")
                    + " have no address or candidateType — pass a local-candidate or remote-candidate stats object");
        }
        long priority = StatsValues.lng(stats, "priority", 0);
        int component = priority > 0 ? 256 - (int) (priority & 0xFF) : 1;
        long port = StatsValues.lng(stats, "port", 0);
        String protocol = StatsValues.str(stats, "protocol");
        String ufrag = StatsValues.str(stats, "usernameFragment");
        String raddr = StatsValues.str(stats, "relatedAddress");
        long rport = StatsValues.lng(stats, "relatedPort", -1);
        String foundation = StatsValues.str(stats, "foundation");
        Map<String, String> ext = new LinkedHashMap<>();
        if (raddr != null) ext.put("raddr", raddr);
        if (rport >= 0) ext.put("rport", String.valueOf(rport));
        String tcpType = StatsValues.str(stats, "tcpType");
        if (tcpType != null) ext.put("tcptype", tcpType);
        if (ufrag != null) ext.put("ufrag", ufrag);
        return new Candidate(foundation == null ? "" : foundation, Math.max(1, Math.min(256, component)),
                protocol == null ? "udp" : protocol, priority, address, (int) port, type, raddr,
                rport >= 0 ? (int) rport : null, tcpType, null, ufrag, null, null, ext);
    }

    /** The priority formula of RFC 8445 §5.1.2.1: 2^24·type + 2^8·local + (256 − component). */
    public static long priority(int typePreference, int localPreference, int componentId) {
        if (typePreference < 0 || typePreference > 126) throw new IllegalArgumentException("type preference must be 0–126");
        if (localPreference < 0 || localPreference > 65535) throw new IllegalArgumentException("local preference must be 0–65535");
        if (componentId < 1 || componentId > 256) throw new IllegalArgumentException("component id must be 1–256");
        return ((long) typePreference << 24) + ((long) localPreference << 8) + (256 - componentId);
    }

    /** Type preference, {@code priority >> 24}: 126 host, 110 prflx, 100 srflx, 0 relay are RFC 8445's recommendations. */
    public long typePreference() {
        return priority >>> 24;
    }

    /** Local preference, {@code (priority >> 8) & 0xFFFF}: ranks the machine's interfaces (RFC 8445 §5.1.2.1). */
    public long localPreference() {
        return (priority >>> 8) & 0xFFFF;
    }

    /** The component id encoded in the priority's low byte: {@code 256 - (priority & 0xFF)}. */
    public int componentFromPriority() {
        return 256 - (int) (priority & 0xFF);
    }

    /** True for a host candidate whose address is an mDNS name ({@code ….local}) hiding the real IP. */
    public boolean isMdns() {
        return address.toLowerCase(Locale.ROOT).endsWith(".local");
    }

    /** A short English name of the candidate type. */
    public String typeDescription() {
        return switch (type) {
            case "host" -> "host (an address of this machine)";
            case "srflx" -> "server reflexive (the public address a STUN server saw)";
            case "prflx" -> "peer reflexive (an address learned from the peer's checks)";
            case "relay" -> "relay (an address on a TURN server)";
            default -> type;
        };
    }

    /** The candidate as it appears after {@code a=} in SDP. */
    public String toSdp() {
        StringBuilder b = new StringBuilder("candidate:").append(foundation).append(' ').append(component)
                .append(' ').append(transport).append(' ').append(priority).append(' ').append(address)
                .append(' ').append(port).append(" typ ").append(type);
        extensions.forEach((k, v) -> b.append(' ').append(k).append(' ').append(v));
        return b.toString();
    }

    @Override
    public String toString() {
        String rel = relatedAddress == null ? "" : " from " + relatedAddress + ":" + relatedPort;
        return type + " " + transport + " " + address + ":" + port + rel + " component " + component
                + " priority " + priority + " (type pref " + typePreference() + ", local pref "
                + localPreference() + ", component " + componentFromPriority() + ")";
    }

    private static long number(String s, long min, long max, String what) {
        if (s.isEmpty() || s.length() > 19) throw new IllegalArgumentException("candidate " + what + " '" + s + "' is not a number");
        long v = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') throw new IllegalArgumentException("candidate " + what + " '" + s + "' is not a number");
            v = v * 10 + (c - '0');
            if (v > max) throw new IllegalArgumentException("candidate " + what + " " + s + " is larger than " + max);
        }
        if (v < min) throw new IllegalArgumentException("candidate " + what + " " + s + " is smaller than " + min);
        return v;
    }
}

package org.webrtcprimer.call;

import dev.onvoid.webrtc.RTCIceCandidate;

/**
 * A trickled ICE candidate as signaling carries it — the article's {@code event.candidate}.
 *
 * @param sdpMid        the media section (by its {@code a=mid}) the candidate belongs to
 * @param sdpMLineIndex the same, as an index of the m= line
 * @param candidate     the candidate line, {@code candidate:… typ host …} (RFC 8839 §5.1)
 * @param serverUrl     the STUN/TURN server it came from, or null for host candidates
 */
public record IceCandidate(String sdpMid, int sdpMLineIndex, String candidate, String serverUrl) {

    static IceCandidate from(RTCIceCandidate c) {
        return new IceCandidate(c.sdpMid, c.sdpMLineIndex, c.sdp, c.serverUrl);
    }

    RTCIceCandidate toEngine() {
        return new RTCIceCandidate(sdpMid, sdpMLineIndex, candidate, serverUrl);
    }

    /** Whether it is the empty "end of candidates" marker rather than a candidate. */
    public boolean isEndOfCandidates() {
        return candidate == null || candidate.isBlank();
    }

    /** The candidate's type: {@code host}, {@code srflx}, {@code prflx} or {@code relay}. */
    public String type() {
        return field("typ");
    }

    /** {@code address:port} of the candidate. */
    public String address() {
        String[] f = isEndOfCandidates() ? new String[0] : candidate.split(" ");
        return f.length > 5 ? f[4] + ":" + f[5] : "";
    }

    /** The transport, {@code udp} or {@code tcp}. */
    public String protocol() {
        String[] f = isEndOfCandidates() ? new String[0] : candidate.split(" ");
        return f.length > 2 ? f[2].toLowerCase() : "";
    }

    private String field(String key) {
        if (isEndOfCandidates()) return "";
        String[] f = candidate.split(" ");
        for (int i = 0; i + 1 < f.length; i++) if (f[i].equals(key)) return f[i + 1];
        return "";
    }

    /** A short form for logs: {@code host 172.17.0.2:51234 udp}. */
    public String brief() {
        return isEndOfCandidates() ? "end of candidates" : type() + " " + address() + " " + protocol();
    }

    @Override
    public String toString() {
        return isEndOfCandidates() ? "(end of candidates)" : candidate;
    }
}

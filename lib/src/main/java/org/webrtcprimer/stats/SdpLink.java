package org.webrtcprimer.stats;

/**
 * A stats member traced back to the SDP line it comes from, e.g. the codec with payload type 111
 * ↔ {@code a=rtpmap:111 opus/48000/2}, or an outbound stream's ssrc ↔ {@code a=ssrc:…}.
 *
 * @param peer        whose stats and descriptions ("pc1", "pc2")
 * @param statsType   the stats object's type, e.g. {@code codec}
 * @param statsId     the stats object's id
 * @param member      the member that links, e.g. {@code payloadType}
 * @param value       its value, as text
 * @param description which description holds the line: {@code local offer}, {@code remote answer} …
 * @param mid         the m-section's mid (the transceiver), or "" for a session-level line
 * @param line        the line's number in that description (1-based)
 * @param sdpLine     the line itself, e.g. {@code a=rtpmap:111 opus/48000/2}
 */
public record SdpLink(String peer, String statsType, String statsId, String member, String value,
                      String description, String mid, int line, String sdpLine) {

    @Override
    public String toString() {
        return peer + " " + statsType + " " + member + "=" + value + " ↔ " + description + " line " + line + ": " + sdpLine;
    }
}

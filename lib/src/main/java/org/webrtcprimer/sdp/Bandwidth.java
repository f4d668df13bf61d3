package org.webrtcprimer.sdp;

/** A {@code b=} line (RFC 8866 §5.8): {@code AS}, {@code CT}, {@code TIAS} (RFC 3890), {@code RS}/{@code RR} (RFC 3556) … in kbit/s (TIAS: bit/s). */
public record Bandwidth(String type, long value) {
    @Override
    public String toString() {
        return type + ":" + value;
    }
}

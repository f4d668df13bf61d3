package org.webrtcprimer.sdp;

import java.math.BigInteger;

/**
 * The {@code o=} line (RFC 8866 §5.2): who made the description and which version it is.
 *
 * <p>{@code sessionId} and {@code sessionVersion} are kept as the decimal strings written in the
 * SDP: they may use all 64 bits (and some implementations write even larger numbers), so they
 * never overflow here. {@link #sessionIdValue()} gives the number.
 */
public record Origin(String username, String sessionId, String sessionVersion, String netType,
                     String addrType, String address) {

    /** The session id as a number (null if it is not a decimal number). */
    public BigInteger sessionIdValue() {
        return decimal(sessionId);
    }

    /** The session version as a number (null if it is not a decimal number). */
    public BigInteger sessionVersionValue() {
        return decimal(sessionVersion);
    }

    static BigInteger decimal(String s) {
        if (s == null || s.isEmpty() || s.length() > 40) return null;
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) < '0' || s.charAt(i) > '9') return null;
        return new BigInteger(s);
    }

    @Override
    public String toString() {
        return username + " " + sessionId + " " + sessionVersion + " " + netType + " " + addrType + " " + address;
    }
}

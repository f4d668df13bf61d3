package org.webrtcprimer.sdp;

/** The media direction attributes of RFC 8866 §6.7, seen from the side that wrote the SDP. */
public enum Direction {
    SENDRECV, SENDONLY, RECVONLY, INACTIVE;

    /** The SDP attribute name, e.g. {@code sendrecv}. */
    public String sdp() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The direction from the other side's point of view (sendonly ↔ recvonly). */
    public Direction reverse() {
        return switch (this) {
            case SENDONLY -> RECVONLY;
            case RECVONLY -> SENDONLY;
            default -> this;
        };
    }

    public boolean sends() {
        return this == SENDRECV || this == SENDONLY;
    }

    public boolean receives() {
        return this == SENDRECV || this == RECVONLY;
    }

    /** The direction for an attribute name, or null. */
    public static Direction of(String attribute) {
        return switch (attribute) {
            case "sendrecv" -> SENDRECV;
            case "sendonly" -> SENDONLY;
            case "recvonly" -> RECVONLY;
            case "inactive" -> INACTIVE;
            default -> null;
        };
    }
}

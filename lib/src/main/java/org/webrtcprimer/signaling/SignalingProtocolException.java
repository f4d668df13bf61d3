package org.webrtcprimer.signaling;

/**
 * A signaling message the protocol does not accept, with a short machine-readable code (the
 * {@code code} of the server's {@code error} reply) and a message that says what to send instead.
 */
public final class SignalingProtocolException extends RuntimeException {

    private final String code;

    public SignalingProtocolException(String code, String message) {
        super(message);
        this.code = code;
    }

    /** e.g. {@code malformed-json}, {@code unknown-type}, {@code room-full}. */
    public String code() {
        return code;
    }
}

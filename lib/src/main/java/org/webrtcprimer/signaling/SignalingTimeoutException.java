package org.webrtcprimer.signaling;

/** A signaling wait that ran out of time; the message says what did not arrive and where things stood. */
public final class SignalingTimeoutException extends IllegalStateException {
    public SignalingTimeoutException(String message) {
        super(message);
    }
}

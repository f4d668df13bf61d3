package org.webrtcprimer.turn;

/** coturn could not be started, or stopped working; the message says what and what to do. */
public final class TurnServerException extends RuntimeException {
    public TurnServerException(String message) {
        super(message);
    }

    public TurnServerException(String message, Throwable cause) {
        super(message, cause);
    }
}

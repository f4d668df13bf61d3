package org.webrtcprimer.call;

/**
 * A step of a call that could not be done: the message names the step, the peer and the state it
 * was in, and what to do next.
 */
public class CallException extends RuntimeException {
    public CallException(String message) {
        super(message);
    }

    public CallException(String message, Throwable cause) {
        super(message, cause);
    }
}

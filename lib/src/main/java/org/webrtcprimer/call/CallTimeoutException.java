package org.webrtcprimer.call;

/** Something a call waited for did not happen in time; the message says what, and where each peer stood. */
public class CallTimeoutException extends CallException {
    public CallTimeoutException(String message) {
        super(message);
    }
}

package org.webrtcprimer.signaling;

import org.java_websocket.WebSocket;
import org.java_websocket.framing.CloseFrame;

/**
 * How the signaling server sends to one connection: never more than {@code maxQueuedBytes}
 * waiting for a peer that does not read (past it that peer is dropped, so its backlog cannot fill
 * the server's memory), and never an exception for a peer that went away meanwhile.
 */
final class Outbox {
    private final long maxQueuedBytes;
    private final ServerLog log;

    Outbox(long maxQueuedBytes, ServerLog log) {
        this.maxQueuedBytes = maxQueuedBytes;
        this.log = log;
    }

    /** An error reply; {@code inReplyTo} is the refused message's type when it had one. */
    static Message error(String code, String message, String inReplyTo) {
        return Message.of(Protocol.ERROR, "code", code, "message", message, "inReplyTo", inReplyTo);
    }

    void send(WebSocket conn, Message msg) {
        try {
            if (!conn.isOpen()) return;
            String text = msg.json();
            if (conn instanceof InOrderClose.Connection c) {
                long waiting = c.queuedBytes();
                if (waiting + text.length() > maxQueuedBytes) {
                    notReading(c, waiting);
                    return;
                }
                c.queued(text.length());
            }
            conn.send(text);
        } catch (RuntimeException ignored) {
            // The peer went away between the check and the send; its onClose tells the room.
        }
    }

    /** A peer that does not read what is sent to it: disconnect it before its backlog fills the server's memory. */
    private void notReading(InOrderClose.Connection conn, long waiting) {
        Member m = conn.getAttachment();
        String why = "it did not read its messages (" + waiting + " bytes waiting, the limit is " + maxQueuedBytes + ")";
        if (m != null) m.closedBecause = "disconnected: " + why;
        log.note("closed a connection", (m == null ? "a peer" : m.who()) + ": " + why);
        // Its close frame would only wait behind the backlog: drop the connection at once.
        conn.closeConnection(CloseFrame.POLICY_VALIDATION, "not reading: " + waiting + " bytes waiting");
    }
}

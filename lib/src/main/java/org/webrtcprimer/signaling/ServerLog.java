package org.webrtcprimer.signaling;

import org.webrtcprimer.events.Event;
import org.webrtcprimer.events.EventLog;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The signaling server's log, bounded whatever peers send: past {@link #MAX_EVENTS} only joins,
 * departures and the server's own start and stop are added (for a while), with one line saying so.
 */
final class ServerLog {
    /** Most events the log keeps; past it, only joins, departures and stops are added. */
    static final int MAX_EVENTS = 20_000;

    private final EventLog log = new EventLog();
    private final AtomicInteger logged = new AtomicInteger();

    EventLog events() {
        return log;
    }

    /** Adds a line, grey as {@link SignalingServer#SOURCE}, within the bound. */
    void note(String what, String detail) {
        int n = logged.incrementAndGet();
        boolean always = what.equals("join") || what.equals("peer left") || what.startsWith("server");
        if (n < MAX_EVENTS || always && n < MAX_EVENTS + 10_000) {
            log.add(SignalingServer.SOURCE, Event.Kind.NOTE, what, detail);
        } else if (n == MAX_EVENTS) {
            log.add(SignalingServer.SOURCE, Event.Kind.NOTE, "log full", "the server's log keeps " + MAX_EVENTS
                    + " events; later relays and refusals are not logged");
        }
    }
}

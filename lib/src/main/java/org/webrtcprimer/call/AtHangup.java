package org.webrtcprimer.call;

import org.webrtcprimer.events.EventLog;

import java.util.ArrayList;
import java.util.List;

/**
 * What a call releases when it hangs up, once its peers have closed (e.g. the TURN server a lesson
 * started for the call, which the peers use until then): kept in the order they were added,
 * closed newest first, a failure logged and the rest still closed. Not lesson API:
 * {@link LocalCall#closeAtHangup}.
 */
final class AtHangup {
    private final List<AutoCloseable> resources = new ArrayList<>();
    private boolean done;

    /** Keeps {@code r} to close at hangup; false when the call has hung up already (the caller closes it now). */
    synchronized boolean keep(AutoCloseable r) {
        if (done) return false;
        resources.add(r);
        return true;
    }

    /** Closes everything kept, newest first; later {@link #keep} calls return false. */
    void closeAll(EventLog log) {
        List<AutoCloseable> owned;
        synchronized (this) {
            done = true;
            owned = List.copyOf(resources);
            resources.clear();
        }
        for (int i = owned.size() - 1; i >= 0; i--) {
            try {
                owned.get(i).close();
            } catch (Exception e) {
                log.note("Could not release at hangup", owned.get(i) + ": " + e.getMessage());
            }
        }
    }
}

package org.webrtcprimer.call;

import org.webrtcprimer.events.Event;
import org.webrtcprimer.events.EventLog;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A wait on a call's event log: the first event that matches, within the call's timeout — or a
 * {@link CallTimeoutException} that says what did not happen and where the call stood, with a
 * {@code timed out} note in the log so that a chart of a stuck call shows the wait. Not lesson
 * API: {@link LocalCall#await}.
 */
final class EventWait {
    private EventWait() {}

    /** @param where what to add to the timeout's message after "… within N ms." (e.g. each peer's diagnosis) */
    static Event await(EventLog log, Predicate<Event> condition, Duration timeout, String whatDidNotHappen, Supplier<String> where) {
        CompletableFuture<Event> f = log.when(condition);
        long ms = timeout.toMillis();
        try {
            return f.get(ms, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(false);
            // Without this the log would end at the last state change, and a chart of a stuck call would hide the wait.
            log.note(Event.TIMED_OUT, whatDidNotHappen + " within " + ms + " ms");
            throw new CallTimeoutException(whatDidNotHappen + " within " + ms + " ms." + where.get());
        } catch (InterruptedException e) {
            f.cancel(false);
            Thread.currentThread().interrupt();
            throw new CallException("interrupted while waiting: " + whatDidNotHappen + " yet");
        } catch (ExecutionException e) {
            throw new CallException(whatDidNotHappen + ": " + e.getCause().getMessage(), e.getCause());
        }
    }
}

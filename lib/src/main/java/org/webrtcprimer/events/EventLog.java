package org.webrtcprimer.events;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/**
 * The record of a call: every API step and engine callback, in order, on the kit's clock.
 *
 * <p>The engine's callbacks write here from its own threads; lessons, analyses and views only
 * read. Anything that waits for something to happen ({@code connected}, the first frame) waits
 * on this log through {@link #when(Predicate)}, so there is one source of truth for what happened.
 */
public final class EventLog {

    private record Waiter(Predicate<Event> condition, CompletableFuture<Event> future) {}

    private final List<Event> events = new ArrayList<>();
    private final List<Waiter> waiters = new ArrayList<>();

    /** Records an event stamped now and returns it. */
    public Event add(String source, Event.Kind kind, String name, String detail) {
        return add(new Event(KitClock.now(), source, kind, name, detail));
    }

    /** Records a line of narration, like the article's {@code weblog('Starting call')}. */
    public Event note(String text) {
        return add("call", Event.Kind.NOTE, text, "");
    }

    /** Records a line of narration with a value, printed as {@code text: detail}. */
    public Event note(String text, String detail) {
        return add("call", Event.Kind.NOTE, text, detail);
    }

    /** Records an event (keeping the log in time order even if callbacks race) and wakes its waiters. */
    public Event add(Event e) {
        List<Waiter> woken = new ArrayList<>();
        synchronized (this) {
            int i = events.size();
            while (i > 0 && events.get(i - 1).nanos() > e.nanos()) i--;
            events.add(i, e);
            for (Iterator<Waiter> it = waiters.iterator(); it.hasNext(); ) {
                Waiter w = it.next();
                if (w.condition().test(e)) {
                    woken.add(w);
                    it.remove();
                }
            }
        }
        // Complete outside the lock: a waiter's continuation may read the log.
        woken.forEach(w -> w.future().complete(e));
        return e;
    }

    /** A copy of the events so far, in time order. */
    public synchronized List<Event> events() {
        return List.copyOf(events);
    }

    /** How many events so far. */
    public synchronized int size() {
        return events.size();
    }

    /** The first event so far that matches. */
    public synchronized Optional<Event> first(Predicate<Event> condition) {
        return events.stream().filter(condition).findFirst();
    }

    /** The events so far that match, in time order. */
    public synchronized List<Event> all(Predicate<Event> condition) {
        return events.stream().filter(condition).toList();
    }

    /**
     * A future completed by the first event that matches — one already in the log, or the next
     * one to arrive. Callers wait on it with a timeout and say what did not happen.
     */
    public CompletableFuture<Event> when(Predicate<Event> condition) {
        synchronized (this) {
            for (Event e : events) {
                if (condition.test(e)) return CompletableFuture.completedFuture(e);
            }
            CompletableFuture<Event> f = new CompletableFuture<>();
            waiters.add(new Waiter(condition, f));
            // Drop the waiter if the caller gives up, so abandoned waits do not pile up.
            f.whenComplete((ev, err) -> {
                if (err != null) {
                    synchronized (EventLog.this) {
                        waiters.removeIf(w -> w.future() == f);
                    }
                }
            });
            return f;
        }
    }

    /** A log holding the given events (e.g. read back from a file), for the analyses and charts. */
    public static EventLog of(List<Event> events) {
        if (events == null) throw new IllegalArgumentException("no events");
        EventLog log = new EventLog();
        events.forEach(log::add);
        return log;
    }

    /** The log as JSON: {@code {"format": …, "version": 1, "events": [{nanos, stamp, source, kind, name, detail}, …]}}. */
    public String toJson() {
        return EventCodec.toJson(events());
    }

    /** The log as CSV with the header {@code nanos,stamp,source,kind,name,detail}. */
    public String toCsv() {
        return EventCodec.toCsv(events());
    }

    /**
     * Reads a log written by {@link #toJson()}.
     *
     * @throws IllegalArgumentException saying which event is wrong and how
     */
    public static EventLog fromJson(String json) {
        return of(EventCodec.fromJson(json, "event log JSON"));
    }

    /**
     * Reads a log written by {@link #toCsv()}.
     *
     * @throws IllegalArgumentException saying which record is wrong and how
     */
    public static EventLog fromCsv(String csv) {
        return of(EventCodec.fromCsv(csv, "event log CSV"));
    }

    /** The log as the article prints it, one {@code [72.743] pc1 createOffer start} line per event. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        for (Event e : events()) sb.append(e).append('\n');
        return sb.toString();
    }

    @Override
    public String toString() {
        return text();
    }
}

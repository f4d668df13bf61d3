package org.webrtcprimer.net;

import org.webrtcprimer.events.KitClock;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The relay's conditions over time: the two {@link Link}s, the {@link Schedule} playing (its
 * phase is checked as packets arrive) and every change so far, for charts.
 */
final class Conditions {
    private final Link[] links = new Link[2];
    private final List<Relay.Change> changes = Collections.synchronizedList(new ArrayList<>());
    private volatile Schedule schedule;
    private volatile long scheduleStart = -1;
    private volatile int lastPhase = -1;

    Conditions(Network network) {
        Random seeds = new Random(network.seed());
        for (Way w : Way.values()) {
            links[w.ordinal()] = new Link(w, new Random(seeds.nextLong()), network.way(w));
            changes.add(new Relay.Change(KitClock.now(), w, network.way(w), "start"));
        }
        schedule = network.schedule();
    }

    Link link(Way way) {
        return links[way.ordinal()];
    }

    /** One way's conditions now, by hand: a running schedule stops. */
    void set(Way way, Impairment impairment) {
        schedule = null;
        apply(way, impairment, "set");
    }

    void play(Schedule s) {
        scheduleStart = KitClock.now();
        lastPhase = -1;
        schedule = s;
        tick(scheduleStart);
    }

    Schedule schedule() {
        return schedule;
    }

    List<Relay.Change> changes() {
        synchronized (changes) {
            return List.copyOf(changes);
        }
    }

    private void apply(Way way, Impairment i, String why) {
        link(way).impairment(i);
        synchronized (changes) {
            if (changes.size() < 10_000) changes.add(new Relay.Change(KitClock.now(), way, i, why));
        }
    }

    /** Moves a playing schedule on to the phase of {@code now}. */
    void tick(long now) {
        Schedule s = schedule;
        if (s == null) return;
        if (scheduleStart < 0) scheduleStart = now;
        int p = s.phaseAt(now - scheduleStart);
        if (p != lastPhase) {
            lastPhase = p;
            Schedule.Phase phase = s.phases().get(p);
            for (Way w : Way.values()) apply(w, phase.way(w), "phase " + (p + 1) + " of " + s.phases().size());
        }
    }
}

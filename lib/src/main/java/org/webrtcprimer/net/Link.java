package org.webrtcprimer.net;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * One way of the relay as a link with an {@link Impairment}: decides each packet's fate (random
 * and bursty loss, the rate limiter's drop-tail queue, delay and jitter, reordering, duplication)
 * and keeps the queue's history. Its own monitor guards it; the receiving thread is its only writer
 * of packets, while conditions change from any thread.
 */
final class Link {
    private static final long SLOT_NANOS = 10_000_000L;

    /** A packet's fate on this link: {@code due} is when it leaves (for FORWARDED), {@code duplicate} whether a copy follows. */
    record Verdict(Fate fate, long due, boolean duplicate) {}

    final Way way;
    private final Random random;
    private volatile Impairment impairment;
    private boolean bad;          // Gilbert–Elliott state
    private long linkFree;        // when the limited link has sent all it holds
    private long lastDue;         // latest departure so far (packets keep their order)
    private final ArrayDeque<long[]> history = new ArrayDeque<>();
    private boolean historyWrapped;

    Link(Way way, Random random, Impairment impairment) {
        this.way = way;
        this.random = random;
        this.impairment = impairment;
    }

    Impairment impairment() {
        return impairment;
    }

    synchronized void impairment(Impairment i) {
        impairment = i;
    }

    /** What happens to a packet of {@code length} bytes arriving {@code now}. */
    synchronized Verdict decide(long now, int length) {
        Impairment imp = impairment;
        Fate lost = lossFate(imp);
        if (lost != null) return new Verdict(lost, 0, false);
        long depart = now;
        if (imp.rateKbps() > 0) {
            long backlog = backlog(now);
            boolean full = backlog + length > imp.queueBytes();
            if (!full) {
                depart = Math.max(now, linkFree) + (long) (length * 8e6 / imp.rateKbps());
                linkFree = depart;
            }
            sample(now, backlog(now));
            if (full) return new Verdict(Fate.DROPPED_QUEUE, 0, false);
        }
        boolean skip = imp.reorderPct() > 0 && random.nextDouble() * 100 < imp.reorderPct();
        long delay = (long) (imp.delayMs() * 1e6);
        if (imp.jitterMs() > 0) delay += (long) ((random.nextDouble() * 2 - 1) * imp.jitterMs() * 1e6);
        long due = skip ? depart : depart + Math.max(0, delay);
        if (!skip) {
            due = Math.max(due, lastDue); // jitter never reorders on its own
            lastDue = due;
        }
        boolean duplicate = imp.duplicatePct() > 0 && random.nextDouble() * 100 < imp.duplicatePct();
        return new Verdict(Fate.FORWARDED, due, duplicate);
    }

    private Fate lossFate(Impairment imp) {
        if (imp.lossPct() > 0 && random.nextDouble() * 100 < imp.lossPct()) return Fate.DROPPED_LOSS;
        BurstLoss b = imp.burst();
        if (b != null) {
            boolean lost = random.nextDouble() * 100 < (bad ? b.badLossPct() : b.goodLossPct());
            bad = bad ? !(random.nextDouble() * 100 < b.toGoodPct()) : random.nextDouble() * 100 < b.toBadPct();
            if (lost) return Fate.DROPPED_LOSS;
        }
        return null;
    }

    /** Bytes waiting in the rate limiter's queue at {@code now}. */
    synchronized long backlog(long now) {
        Impairment imp = impairment;
        if (imp.rateKbps() <= 0 || linkFree <= now) return 0;
        return (long) ((linkFree - now) * imp.rateKbps() / 8e6);
    }

    private void sample(long now, long bytes) {
        long slot = now / SLOT_NANOS;
        long[] last = history.peekLast();
        if (last != null && last[0] / SLOT_NANOS == slot) {
            last[1] = Math.max(last[1], bytes);
            return;
        }
        if (history.size() >= Relay.QUEUE_HISTORY) {
            history.pollFirst();
            historyWrapped = true;
        }
        history.addLast(new long[]{now, bytes});
    }

    synchronized List<QueueSample> queueHistory() {
        List<QueueSample> out = new ArrayList<>(history.size() + 1);
        for (long[] s : history) out.add(new QueueSample(s[0], way, s[1]));
        return out;
    }

    synchronized boolean historyWrapped() {
        return historyWrapped;
    }
}

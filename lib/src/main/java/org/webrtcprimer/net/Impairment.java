package org.webrtcprimer.net;

import java.util.ArrayList;
import java.util.List;

/**
 * What the relay does to the packets of one direction, in the order a packet meets it: loss
 * (random, then bursty), the rate limit with its drop-tail queue, then a fixed delay plus jitter,
 * then duplication; a share of the packets can skip the delay (reordering). Start from
 * {@link #none()} and change what a lesson needs: {@code Impairment.none().withDelay(50).withLoss(10)}.
 *
 * @param delayMs      fixed one-way delay added to every packet, in ms
 * @param jitterMs     each packet's delay varies uniformly by up to ± this, in ms; packets keep their
 *                     order (a packet never leaves before the one before it) unless {@code reorderPct} is set
 * @param lossPct      random loss: each packet is dropped with this probability, in percent
 * @param burst        bursty loss (Gilbert–Elliott), or null for none
 * @param rateKbps     the link's rate in kbit/s (0 = unlimited): packets wait their turn in a queue
 * @param queueBytes   how many bytes the rate limiter's queue holds; a packet that does not fit is
 *                     dropped (drop-tail, as netem's and tbf's {@code limit})
 * @param duplicatePct each forwarded packet is sent twice with this probability, in percent
 * @param reorderPct   this share of packets is sent at once, skipping the delay, so it overtakes
 *                     the ones held (as netem's {@code reorder}); needs a delay to show
 */
public record Impairment(double delayMs, double jitterMs, double lossPct, BurstLoss burst, double rateKbps,
                         int queueBytes, double duplicatePct, double reorderPct) {

    /** The queue when none is given: 64 KiB, about 0.2 s of a 2.5 Mbit/s link (netem/tbf use a few tens of KB). */
    public static final int DEFAULT_QUEUE_BYTES = 64 * 1024;

    public Impairment {
        check("delay", delayMs, 0, 10_000, "ms");
        check("jitter", jitterMs, 0, 10_000, "ms");
        check("loss", lossPct, 0, 100, "%");
        check("rate", rateKbps, 0, 10_000_000, "kbps");
        check("duplication", duplicatePct, 0, 100, "%");
        check("reordering", reorderPct, 0, 100, "%");
        if (rateKbps > 0 && rateKbps < 8) {
            throw new IllegalArgumentException("rate " + rateKbps + " kbps is too low to carry one packet a second — use 8 kbps or more, or 0 for no limit");
        }
        if (queueBytes < 1500 || queueBytes > 64 * 1024 * 1024) {
            throw new IllegalArgumentException("queue of " + queueBytes + " bytes is out of range — use 1500 (one packet) to 67108864 (64 MiB)");
        }
    }

    private static void check(String what, double v, double min, double max, String unit) {
        if (Double.isNaN(v) || v < min || v > max) {
            throw new IllegalArgumentException(what + " " + v + " " + unit + " is out of range — use " + (long) min + "–" + (long) max + " " + unit);
        }
    }

    /** A perfect link: nothing added, nothing lost. */
    public static Impairment none() {
        return new Impairment(0, 0, 0, null, 0, DEFAULT_QUEUE_BYTES, 0, 0);
    }

    public Impairment withDelay(double ms) {
        return new Impairment(ms, jitterMs, lossPct, burst, rateKbps, queueBytes, duplicatePct, reorderPct);
    }

    public Impairment withJitter(double ms) {
        return new Impairment(delayMs, ms, lossPct, burst, rateKbps, queueBytes, duplicatePct, reorderPct);
    }

    public Impairment withLoss(double pct) {
        return new Impairment(delayMs, jitterMs, pct, burst, rateKbps, queueBytes, duplicatePct, reorderPct);
    }

    /** Bursty loss; null turns it off. */
    public Impairment withBurst(BurstLoss b) {
        return new Impairment(delayMs, jitterMs, lossPct, b, rateKbps, queueBytes, duplicatePct, reorderPct);
    }

    public Impairment withRate(double kbps) {
        return new Impairment(delayMs, jitterMs, lossPct, burst, kbps, queueBytes, duplicatePct, reorderPct);
    }

    public Impairment withQueue(int bytes) {
        return new Impairment(delayMs, jitterMs, lossPct, burst, rateKbps, bytes, duplicatePct, reorderPct);
    }

    public Impairment withDuplicate(double pct) {
        return new Impairment(delayMs, jitterMs, lossPct, burst, rateKbps, queueBytes, pct, reorderPct);
    }

    public Impairment withReorder(double pct) {
        return new Impairment(delayMs, jitterMs, lossPct, burst, rateKbps, queueBytes, duplicatePct, pct);
    }

    /** Whether this changes nothing (the relay then forwards each packet at once). */
    public boolean isNone() {
        return delayMs == 0 && jitterMs == 0 && lossPct == 0 && burst == null && rateKbps == 0 && duplicatePct == 0
                && reorderPct == 0;
    }

    /** A short description, e.g. {@code delay 50 ms ± 5 ms, loss 10 %, rate 300 kbps (queue 64 KiB)}, or {@code none}. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (delayMs > 0 || jitterMs > 0) parts.add("delay " + num(delayMs) + " ms" + (jitterMs > 0 ? " ± " + num(jitterMs) + " ms" : ""));
        if (lossPct > 0) parts.add("loss " + num(lossPct) + " %");
        if (burst != null) parts.add(burst.toString());
        if (rateKbps > 0) parts.add("rate " + num(rateKbps) + " kbps (queue " + queueBytes / 1024 + " KiB)");
        if (duplicatePct > 0) parts.add("duplicate " + num(duplicatePct) + " %");
        if (reorderPct > 0) parts.add("reorder " + num(reorderPct) + " %");
        return parts.isEmpty() ? "none" : String.join(", ", parts);
    }

    static String num(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    @Override
    public String toString() {
        return describe();
    }
}

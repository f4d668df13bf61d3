package org.webrtcprimer.notebook;

import java.util.Locale;
import java.util.Map;

/**
 * A loop that may run for minutes in a notebook cell (N calls, a soak) asks this between
 * iterations whether to go on: it stops when the cell's thread was interrupted (Kernel &gt;
 * Interrupt) or when the kernel's per-cell time limit is about to end the cell.
 *
 * <p>Why both: rapaio's Interrupt cancels the cell's task (the thread is interrupted), but its
 * time limit only stops waiting for the cell — the thread would run on, making calls under the
 * cells that come next. A loop that checks here ends in both cases, with a message that says
 * how far it got.
 *
 * <pre>{@code
 * LongRun run = LongRun.start("soak", calls);
 * for (int i = 0; i < calls; i++) { run.check(i); oneCall(); }
 * }</pre>
 */
public final class LongRun {

    /** The kernels' per-cell time limits, in milliseconds: rapaio, IJava, JJava. */
    static final String[] TIMEOUT_VARIABLES = {"RJK_TIMEOUT_MILLIS", "IJAVA_TIMEOUT", "JJAVA_TIMEOUT"};

    private final String what;
    private final int total;
    private final long startNanos = System.nanoTime();
    private final long limitMillis;
    private final String limitSource;

    private LongRun(String what, int total, long limitMillis, String limitSource) {
        this.what = what;
        this.total = total;
        this.limitMillis = limitMillis;
        this.limitSource = limitSource;
    }

    /** Starts a run of {@code total} steps called {@code what} (e.g. "timing calls"), under the kernel's cell limit if any. */
    public static LongRun start(String what, int total) {
        return start(what, total, System.getenv());
    }

    static LongRun start(String what, int total, Map<String, String> env) {
        for (String v : TIMEOUT_VARIABLES) {
            String s = env.get(v);
            if (s == null || s.isBlank()) continue;
            try {
                long ms = Long.parseLong(s.trim());
                if (ms > 0) return new LongRun(what, total, ms, v);
            } catch (NumberFormatException ignored) {
                // not a number: the kernel ignores it too
            }
        }
        return new LongRun(what, total, -1, null);
    }

    /** The kernel's per-cell limit in ms, or -1 when there is none. */
    public long limitMillis() {
        return limitMillis;
    }

    /**
     * Throws {@link RunStoppedException} if the thread was interrupted or the cell's time is
     * (almost) up; otherwise returns at once.
     *
     * @param done steps completed so far, for the message
     */
    public void check(int done) {
        if (Thread.interrupted()) {
            Thread.currentThread().interrupt(); // keep the flag for whoever catches this
            throw new RunStoppedException(String.format(Locale.ROOT,
                    "%s stopped after %d of %d: the cell was interrupted (Kernel > Interrupt). What ran so far was "
                            + "released; run the cell again, with fewer steps if it was too long.", what, done, total));
        }
        if (limitMillis > 0) {
            long elapsed = (System.nanoTime() - startNanos) / 1_000_000;
            // A little before the limit: the kernel gives up on the cell at the limit, and this loop must be done by then.
            if (elapsed > limitMillis * 95 / 100) {
                throw new RunStoppedException(String.format(Locale.ROOT,
                        "%s stopped after %d of %d: the kernel's time limit for a cell (%s = %d ms) is nearly up. "
                                + "Run fewer steps per cell.", what, done, total, limitSource, limitMillis));
            }
        }
    }

    /** A long run that stopped early; the message says after how many steps and why. */
    public static final class RunStoppedException extends RuntimeException {
        RunStoppedException(String message) {
            super(message);
        }
    }
}

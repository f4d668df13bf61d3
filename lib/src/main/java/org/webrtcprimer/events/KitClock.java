package org.webrtcprimer.events;

/**
 * The kit's one clock: nanoseconds since the kit was first used in this JVM.
 *
 * <p>Like {@code performance.now()} in the article's page, which counts from page load, every
 * event of every call in a kernel is stamped on this clock, so logs of several calls, peers and
 * processes line up.
 */
public final class KitClock {
    private static final long ORIGIN = System.nanoTime();

    private KitClock() {}

    /** Nanoseconds since the kit's clock started. */
    public static long now() {
        return System.nanoTime() - ORIGIN;
    }

    /** The article's log stamp: seconds with milliseconds, e.g. {@code [72.743]}. */
    public static String stamp(long nanos) {
        return String.format("[%.3f]", nanos / 1e9);
    }

    /** Milliseconds with one decimal, the kit's unit in tables and charts, e.g. {@code 21.4 ms}. */
    public static String millis(long nanos) {
        return String.format("%.1f ms", nanos / 1e6);
    }
}

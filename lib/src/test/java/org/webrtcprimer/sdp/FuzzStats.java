package org.webrtcprimer.sdp;

import java.util.Locale;

/** Counts what a fuzz property fed its target and how long the slowest input took. */
final class FuzzStats {
    private final String name;
    private long inputs, bytes, nanos;
    private long worstNanos;
    private String worstInput = "";
    private double worstNsPerByte;
    private String worstPerByteInput = "";
    private int longest;

    FuzzStats(String name) {
        this.name = name;
    }

    synchronized void run(String input, Runnable target) {
        long t0 = System.nanoTime();
        try {
            target.run();
        } finally {
            long dt = System.nanoTime() - t0;
            inputs++;
            bytes += input.length();
            nanos += dt;
            longest = Math.max(longest, input.length());
            if (dt > worstNanos) {
                worstNanos = dt;
                worstInput = input;
            }
            // per byte only where the input is long enough for the clock to mean something
            if (input.length() >= 2048) {
                double perByte = dt / (double) input.length();
                if (perByte > worstNsPerByte) {
                    worstNsPerByte = perByte;
                    worstPerByteInput = input;
                }
            }
        }
    }

    synchronized long inputs() {
        return inputs;
    }

    synchronized String summary() {
        return String.format(Locale.ROOT, "%s: %,d inputs, %,d characters (longest %,d) in %.1f s (%.2f µs/input, %.1f ns/char); "
                        + "slowest input %.2f ms (%,d chars: %s); worst time per char (inputs ≥ 2 KB) %.1f ns (%,d chars)",
                name, inputs, bytes, longest, nanos / 1e9, inputs == 0 ? 0 : nanos / 1e3 / inputs, bytes == 0 ? 0 : nanos / (double) bytes,
                worstNanos / 1e6, worstInput.length(), preview(worstInput), worstNsPerByte, worstPerByteInput.length());
    }

    static String preview(String s) {
        String p = s.length() > 60 ? s.substring(0, 60) + "…" : s;
        return "'" + p.replace("\r", "\\r").replace("\n", "\\n") + "'";
    }
}

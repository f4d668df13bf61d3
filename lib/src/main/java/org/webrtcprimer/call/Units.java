package org.webrtcprimer.call;

/** Byte counts the way a learner reads them: {@code 512 B}, {@code 16 KiB}, {@code 1.5 MiB}. */
public final class Units {
    private Units() {}

    public static String bytes(long n) {
        if (n < 1024) return n + " B";
        if (n < 1024 * 1024) return n % 1024 == 0 ? n / 1024 + " KiB" : String.format("%.1f KiB", n / 1024.0);
        return n % (1024 * 1024) == 0 ? n / (1024 * 1024) + " MiB" : String.format("%.1f MiB", n / 1048576.0);
    }
}

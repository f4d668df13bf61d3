package org.webrtcprimer.turn;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** coturn's log (its standard output), read on a thread of its own, the last {@link #LINES} lines kept in memory. */
final class CoturnLog {
    static final int LINES = 4000;
    private final ArrayDeque<String> lines = new ArrayDeque<>();
    private long seen;

    /** Starts reading {@code out} until it ends (the process exits). */
    CoturnLog(InputStream out, long pid) {
        Thread reader = new Thread(() -> read(out), "webrtc-primer-coturn-log-" + pid);
        reader.setDaemon(true);
        reader.start();
    }

    private void read(InputStream out) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(out, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) continue;
                synchronized (this) {
                    if (lines.size() == LINES) lines.removeFirst();
                    lines.addLast(line);
                    seen++;
                }
            }
        } catch (IOException ignored) {
            // the process ended
        }
    }

    /** Lines logged so far, also those no longer kept. */
    synchronized long seen() {
        return seen;
    }

    synchronized List<String> all() {
        return List.copyOf(lines);
    }

    synchronized List<String> tail(int n) {
        List<String> all = new ArrayList<>(lines);
        return all.subList(Math.max(0, all.size() - n), all.size());
    }

    synchronized boolean contains(Predicate<String> p) {
        return lines.stream().anyMatch(p);
    }
}

package org.webrtcprimer.tools;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * What this process holds after {@code cycle} calls: resident memory, the Java heap, threads and
 * open file descriptors, read from Linux's {@code /proc/self} (proc(5)).
 *
 * @param cycle         calls completed when the sample was taken
 * @param seconds       since the run began
 * @param rssMb         resident set size ({@code VmRSS}), MB (10⁶ bytes)
 * @param heapUsedMb    Java heap in use after a full GC, MB
 * @param heapCommittedMb Java heap the JVM has reserved from the OS, MB (part of the RSS)
 * @param javaThreads   live Java threads
 * @param nativeThreads every thread of the process ({@code /proc/self/task}): Java's and libwebrtc's
 * @param fds           open file descriptors ({@code /proc/self/fd})
 */
public record Sample(int cycle, double seconds, double rssMb, double heapUsedMb, double heapCommittedMb,
                     int javaThreads, int nativeThreads, int fds) {

    /** Memory outside the Java heap: what native code (libwebrtc) and the JVM itself hold, MB. */
    public double outsideHeapMb() {
        return rssMb - heapCommittedMb;
    }

    /**
     * Takes a sample now. A full GC runs first, so that garbage the Java heap has not collected
     * yet does not read as growth.
     */
    public static Sample take(int cycle, long startNanos) {
        System.gc();
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return new Sample(cycle, (System.nanoTime() - startNanos) / 1e9, rssKb() / 1000.0,
                heap.getUsed() / 1e6, heap.getCommitted() / 1e6, Thread.activeCount(),
                count(Path.of("/proc/self/task")), count(Path.of("/proc/self/fd")));
    }

    /** {@code VmRSS} of {@code /proc/self/status}, in kB; -1 where there is no /proc (not Linux). */
    static long rssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        } catch (IOException | NumberFormatException ignored) {
            // not Linux: the figures then say -1
        }
        return -1;
    }

    private static int count(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return (int) s.count();
        } catch (IOException e) {
            return -1;
        }
    }

    /** One line for the soak's running output. */
    public String line() {
        return String.format("%6d %8.1f %9.1f %9.1f %9.1f %7d %7d %5d", cycle, seconds, rssMb, outsideHeapMb(), heapUsedMb,
                javaThreads, nativeThreads, fds);
    }

    /** The header that goes with {@link #line()}. */
    public static String header() {
        return String.format("%6s %8s %9s %9s %9s %7s %7s %5s", "calls", "s", "RSS MB", "off-heap", "heap MB",
                "Java th", "all th", "fds");
    }
}

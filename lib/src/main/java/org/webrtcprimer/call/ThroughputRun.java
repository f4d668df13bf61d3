package org.webrtcprimer.call;


import java.util.List;

/**
 * One measured transfer from one data channel end to the other.
 *
 * @param label          what was measured, e.g. {@code 64 KiB messages}
 * @param messageSize    bytes per message
 * @param bytes          payload bytes delivered
 * @param messages       messages delivered
 * @param elapsedNanos   first send → last byte received
 * @param peakBuffered   the largest bufferedAmount the sends produced (bytes)
 * @param flow           the flow control used
 * @param intact         every byte arrived unchanged (the CRC-32C checksums of the messages sent = of those received)
 *                       and, on an ordered channel, every message in order
 * @param outOfOrder     messages that arrived before an earlier one
 * @param series         received throughput over time: (ms since the first send, MB/s) per interval
 */
public record ThroughputRun(String label, int messageSize, long bytes, long messages, long elapsedNanos,
                            long peakBuffered, FlowControl flow, boolean intact, long outOfOrder, List<Point> series) {

    /** One interval of a throughput curve: its end in ms since the first send, and MB/s over it. */
    public record Point(double millis, double megabytesPerSecond) {}

    public ThroughputRun {
        series = List.copyOf(series);
    }

    /** Mean throughput in MB/s (10⁶ bytes per second), first send → last byte. */
    public double megabytesPerSecond() {
        return elapsedNanos <= 0 ? 0 : bytes / (elapsedNanos / 1e9) / 1e6;
    }

    /** First send → last byte received, in ms. */
    public double millis() {
        return elapsedNanos / 1e6;
    }

    @Override
    public String toString() {
        return String.format("%s: %s in %,d messages, %.1f ms → %.1f MB/s; peak bufferedAmount %s (high-water %s); %s",
                label, Units.bytes(bytes), messages, millis(), megabytesPerSecond(), Units.bytes(peakBuffered),
                Units.bytes(flow.highWaterMark()), intact ? "every byte intact" + (outOfOrder == 0 ? ", in order" : "")
                        : "DAMAGED (" + outOfOrder + " out of order)");
    }
}

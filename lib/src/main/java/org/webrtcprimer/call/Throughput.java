package org.webrtcprimer.call;


import org.webrtcprimer.events.KitClock;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.CRC32C;

/**
 * Measures how fast one end of a data channel delivers bytes to the other: a stream of
 * equal-size binary messages sent with flow control, counted and checksummed as they arrive.
 *
 * <pre>{@code
 * ThroughputRun r = Throughput.measure(sendChannel, receiveChannel, 64 * 1024, 32_000_000);
 * DataChannelCharts.throughput(List.of(r16, r64))
 * }</pre>
 *
 * While it runs, the receiving end counts messages instead of queueing them for {@code receive()}.
 */
public final class Throughput {
    private Throughput() {}

    /** Interval of the throughput curve. */
    public static final Duration INTERVAL = Duration.ofMillis(50);

    /** Sends {@code totalBytes} in {@code messageSize} messages with {@link FlowControl#defaults()}. */
    public static ThroughputRun measure(DataChannel sender, DataChannel receiver, int messageSize, long totalBytes) {
        return measure(sender, receiver, messageSize, totalBytes, FlowControl.defaults());
    }

    /**
     * Sends {@code totalBytes} from {@code sender} to {@code receiver} (the two ends of one channel)
     * in messages of {@code messageSize} bytes, waiting at the high-water mark, and waits until the
     * last byte has arrived.
     */
    public static ThroughputRun measure(DataChannel sender, DataChannel receiver, int messageSize, long totalBytes,
                                        FlowControl flow) {
        if (sender == null || receiver == null) throw new IllegalArgumentException("measure needs both ends of a channel");
        if (sender.peer().equals(receiver.peer()) || !sender.label().equals(receiver.label())) {
            throw new IllegalArgumentException("sender and receiver must be the two ends of one channel (same label, different peers), "
                    + "got " + sender.peer() + " '" + sender.label() + "' and " + receiver.peer() + " '" + receiver.label() + "'");
        }
        if (messageSize < 8) throw new IllegalArgumentException("messageSize must be at least 8 bytes (each carries its sequence number), got " + messageSize);
        if (totalBytes < messageSize) {
            throw new IllegalArgumentException("totalBytes (" + totalBytes + ") must be at least one message of " + messageSize + " bytes");
        }
        if (messageSize > sender.maxMessageSize()) {
            throw new IllegalArgumentException("messageSize " + messageSize + " is above the channel's maxMessageSize "
                    + sender.maxMessageSize() + " bytes");
        }
        if (!sender.options().reliableDelivery()) {
            throw new IllegalArgumentException("measure needs a reliable channel: '" + sender.label() + "' is "
                    + sender.options().describe() + ", so lost messages would never arrive");
        }
        FlowControl fc = flow == null ? FlowControl.defaults() : flow;
        if (fc.highWaterMark() < messageSize) {
            throw new IllegalArgumentException("the high-water mark (" + fc.highWaterMark() + " B) must hold at least one "
                    + messageSize + " B message");
        }
        sender.awaitOpen();
        receiver.awaitOpen();

        long full = totalBytes / messageSize;
        int rest = (int) (totalBytes % messageSize);
        long messages = full + (rest > 0 ? 1 : 0);
        Counter counter = new Counter(totalBytes, messages, sender.ordered());
        byte[] pattern = new byte[messageSize];
        new Random(messageSize).nextBytes(pattern); // incompressible, like a file
        ByteBuffer buffer = ByteBuffer.allocateDirect(messageSize); // exact size: the whole capacity is sent
        buffer.put(pattern).clear();
        ByteBuffer last = rest > 0 ? ByteBuffer.allocateDirect(rest).put(pattern, 0, rest).clear() : null;
        // What arrives must equal what was sent: each message's 8-byte header and body are checksummed
        // separately, so the sender computes the body's checksum once, the receiver every byte.
        long bodyFull = crc(buffer, 8, messageSize), bodyLast = last == null ? 0 : crc(last, Math.min(8, rest), rest);
        long sentSum = 0;
        CRC32C headCrc = new CRC32C();
        ByteBuffer fullView = buffer.duplicate(), lastView = last == null ? null : last.duplicate();

        receiver.sink(counter);
        try {
            counter.start = KitClock.now();
            for (long i = 0; i < messages; i++) {
                ByteBuffer b = i < full ? buffer : last;
                if (b.capacity() >= 8) b.putLong(0, i);
                ByteBuffer view = b == buffer ? fullView : lastView; // reused views: no allocation per message
                view.limit(Math.min(8, b.capacity())).position(0);
                headCrc.reset();
                headCrc.update(view);
                sentSum += headCrc.getValue() + (b == buffer ? bodyFull : bodyLast);
                sender.sendDirect(b, true, fc);
            }
            Duration limit = sender.timeout().plusMillis(totalBytes / 1000); // at least 1 MB/s, or something is wrong
            try {
                counter.done.get(limit.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                throw new CallTimeoutException(receiver.peer() + " received " + Units.bytes(counter.bytes) + " of " + Units.bytes(totalBytes)
                        + " within " + limit.toMillis() + " ms of the last send (channel " + receiver.readyState() + ", sender "
                        + sender.readyState() + ", bufferedAmount " + Units.bytes(sender.bufferedAmount()) + ")");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CallException("interrupted while waiting for the transfer to arrive");
            } catch (ExecutionException e) {
                throw new CallException("transfer failed: " + e.getCause().getMessage(), e.getCause());
            }
        } finally {
            receiver.sink(null);
        }
        long elapsed = counter.end - counter.start;
        boolean intact = counter.crcSum == sentSum && counter.bytes == totalBytes
                && (!sender.ordered() || counter.outOfOrder == 0);
        String label = Units.bytes(messageSize) + " messages";
        return new ThroughputRun(label, messageSize, counter.bytes, counter.messages, elapsed, sender.peakBufferedAmount(), fc,
                intact, counter.outOfOrder, counter.series());
    }

    /** CRC-32C — the checksum SCTP itself uses (RFC 9260 §6.8), one CPU instruction per 8 bytes — of bytes [from, to). */
    static long crc(ByteBuffer b, int from, int to) {
        CRC32C c = new CRC32C();
        c.update(b.duplicate().clear().position(from).limit(to));
        return c.getValue();
    }

    /** Counts, checksums and times messages on the engine's network thread. */
    static final class Counter implements DataChannel.Sink {
        final long expectedBytes;
        final long expectedMessages;
        final boolean ordered;
        final CRC32C crc = new CRC32C(); // used on the engine's network thread only
        long crcSum; // sum of per-message checksums: order does not matter, every byte does
        long[] perInterval = new long[64];
        int intervals;
        final CompletableFuture<Void> done = new CompletableFuture<>();
        volatile long start;
        long end;
        long bytes, messages, outOfOrder, nextSeq;

        Counter(long expectedBytes, long expectedMessages, boolean ordered) {
            this.expectedBytes = expectedBytes;
            this.expectedMessages = expectedMessages;
            this.ordered = ordered;
        }

        @Override
        public void accept(ByteBuffer data, boolean binary, long nanos) {
            int n = data.remaining();
            if (n >= 8) {
                long seq = data.getLong(data.position());
                if (seq != nextSeq) outOfOrder++;
                nextSeq = seq + 1;
            }
            int p = data.position(), limit = data.limit();
            crc.reset();
            data.limit(p + Math.min(8, n));
            crc.update(data);
            long head = crc.getValue();
            crc.reset();
            data.limit(limit);
            crc.update(data);
            crcSum += head + crc.getValue();
            bytes += n;
            messages++;
            int slot = (int) Math.max(0, (nanos - start) / INTERVAL.toNanos());
            if (slot >= perInterval.length) perInterval = java.util.Arrays.copyOf(perInterval, Math.max(slot + 1, perInterval.length * 2));
            perInterval[slot] += n;
            intervals = Math.max(intervals, slot + 1);
            if (bytes >= expectedBytes || messages >= expectedMessages) {
                end = nanos;
                done.complete(null); // publishes the fields above to the waiting thread
            }
        }

        List<ThroughputRun.Point> series() {
            List<ThroughputRun.Point> out = new ArrayList<>();
            double seconds = INTERVAL.toNanos() / 1e9;
            for (int i = 0; i < intervals; i++) {
                double endMs = Math.min((i + 1) * INTERVAL.toNanos(), end - start) / 1e6;
                double width = i == intervals - 1 ? Math.max(1e-3, (end - start) / 1e9 - i * seconds) : seconds;
                out.add(new ThroughputRun.Point(endMs, perInterval[i] / width / 1e6));
            }
            return out;
        }
    }
}

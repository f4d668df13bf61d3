package org.webrtcprimer.tools;

import dev.onvoid.webrtc.RTCDataChannel;
import dev.onvoid.webrtc.RTCDataChannelBuffer;
import dev.onvoid.webrtc.RTCDataChannelInit;
import dev.onvoid.webrtc.RTCDataChannelObserver;
import dev.onvoid.webrtc.RTCDataChannelState;
import org.webrtcprimer.call.DataChannelObserverRelay;
import org.webrtcprimer.call.LocalCall;
import org.webrtcprimer.media.MediaStream;
import org.webrtcprimer.tools.PerformanceReport.Row;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The report's "data channel" group, the kit's row: pc1 → pc2 over one reliable channel of a
 * {@code LocalCall}, driven through webrtc-java's own channel (a named exception in
 * {@code ArchitectureTest}), measured the way {@link RemoteRows} measures Chromium's row beside it.
 */
final class DataChannelRows {
    private DataChannelRows() {}

    static final String GROUP = "data channel";
    static final int ROUNDS = 5, MESSAGE = 64 * 1024, PER_ROUND = 8 * 1024 * 1024;

    /** 64 KB messages, the sender keeping at most 1 MB buffered. */
    static void add(List<Row> rows, MediaStream stream) {
        PerformanceReport.say("data channel: " + ROUNDS + " rounds of " + PER_ROUND / (1024 * 1024) + " MB pc1 → pc2 in 64 KB messages");
        LocalCall call = LocalCall.create(stream);
        AtomicLong received = new AtomicLong();
        List<DataChannelObserverRelay> relays = new ArrayList<>();
        RTCDataChannel[] remote = new RTCDataChannel[1];
        RTCDataChannel ch = null;
        try {
            ch = call.pc1().engine().createDataChannel("throughput", new RTCDataChannelInit());
            relays.add(DataChannelObserverRelay.register(ch, observer(b -> {})));
            call.pc2().onDataChannel(c -> {
                remote[0] = c;
                relays.add(DataChannelObserverRelay.register(c, observer(b -> received.addAndGet(b.data.remaining()))));
            });
            call.negotiate();
            call.awaitConnected();
            awaitOpen(ch);
            List<Double> rates = new ArrayList<>();
            for (int r = 0; r < ROUNDS; r++) rates.add(round(ch, received));
            rows.add(Row.of(GROUP, "the kit: pc1 → pc2 throughput, reliable, ordered", rates, "MB/s", "64 KB messages, loopback, ≤ 1 MB buffered"));
        } catch (Exception e) {
            rows.add(Row.missing(GROUP, "pc1 → pc2 throughput", "failed: " + e.getMessage()));
        } finally {
            relays.forEach(DataChannelObserverRelay::detach);
            for (RTCDataChannel c : new RTCDataChannel[]{ch, remote[0]}) {
                if (c == null) continue;
                try {
                    c.close();
                    c.dispose();
                } catch (Throwable ignored) {
                    // the engine may have released it with the call (engine-notes.md)
                }
            }
            call.hangup();
        }
    }

    private static void awaitOpen(RTCDataChannel ch) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (ch.getState() != RTCDataChannelState.OPEN) {
            if (System.nanoTime() > deadline) throw new IllegalStateException("the data channel did not open within 10 s");
            sleep(5);
        }
    }

    /** One round's MB/s: {@link #PER_ROUND} bytes sent, until pc2 has counted them all. */
    private static double round(RTCDataChannel ch, AtomicLong received) throws Exception {
        long start = received.get(), t = System.nanoTime();
        for (int sent = 0; sent < PER_ROUND; sent += MESSAGE) {
            while (ch.getBufferedAmount() > 1024 * 1024) sleep(1); // onBufferedAmountChange never fires (engine-notes.md)
            ByteBuffer b = ByteBuffer.allocateDirect(MESSAGE); // exact size: send() sends the whole capacity
            ch.send(new RTCDataChannelBuffer(b, true));
        }
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (received.get() - start < PER_ROUND) {
            if (System.nanoTime() > end) throw new IllegalStateException("pc2 received only " + (received.get() - start) + " bytes in 30 s");
            sleep(1);
        }
        return PER_ROUND / ((System.nanoTime() - t) / 1e9) / 1e6;
    }

    private static RTCDataChannelObserver observer(Consumer<RTCDataChannelBuffer> onMessage) {
        return new RTCDataChannelObserver() {
            @Override
            public void onBufferedAmountChange(long previousAmount) {
            }

            @Override
            public void onStateChange() {
            }

            @Override
            public void onMessage(RTCDataChannelBuffer buffer) {
                onMessage.accept(buffer);
            }
        };
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }
}

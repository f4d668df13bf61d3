package org.webrtcprimer.call.baseline;

import dev.onvoid.webrtc.RTCDataChannel;
import dev.onvoid.webrtc.RTCDataChannelBuffer;
import dev.onvoid.webrtc.RTCDataChannelInit;
import dev.onvoid.webrtc.RTCDataChannelState;
import org.webrtcprimer.call.DataChannelObserverRelay;
import org.webrtcprimer.call.LocalCall;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * pc1 → pc2 throughput over one reliable webrtc-java channel of a {@link LocalCall}, sent the
 * way the report's Chromium page sends (fixed-size messages, the sender keeping at most 1 MB
 * buffered, polled), so that the report's kit and Chromium rows measure the same thing.
 */
public final class ChannelRounds {
    private static final long MAX_BUFFERED = 1024 * 1024;

    private ChannelRounds() {}

    /**
     * Negotiates a fresh {@code call} with one channel, then sends {@code perRound} bytes in
     * {@code message}-byte messages {@code rounds} times; returns each round's MB/s (10⁶ bytes/s),
     * first send to pc2's last byte. Hangs the call up before it returns.
     */
    public static List<Double> measure(LocalCall call, int rounds, int message, int perRound) throws Exception {
        AtomicLong received = new AtomicLong();
        List<DataChannelObserverRelay> relays = new ArrayList<>();
        RTCDataChannel[] remote = new RTCDataChannel[1];
        RTCDataChannel ch = null;
        try {
            ch = call.pc1().engine().createDataChannel("throughput", new RTCDataChannelInit());
            relays.add(DataChannelObserverRelay.register(ch, EngineSteps.onMessage(b -> {})));
            call.pc2().onDataChannel(c -> {
                remote[0] = c;
                relays.add(DataChannelObserverRelay.register(c, EngineSteps.onMessage(b -> received.addAndGet(b.data.remaining()))));
            });
            call.negotiate();
            call.awaitConnected();
            awaitOpen(ch);
            List<Double> rates = new ArrayList<>();
            for (int r = 0; r < rounds; r++) rates.add(round(ch, received, message, perRound));
            return rates;
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

    private static double round(RTCDataChannel ch, AtomicLong received, int message, int perRound) {
        long start = received.get(), t = System.nanoTime();
        for (int sent = 0; sent < perRound; sent += message) {
            while (ch.getBufferedAmount() > MAX_BUFFERED) sleep(1); // onBufferedAmountChange never fires (engine-notes.md)
            ByteBuffer b = ByteBuffer.allocateDirect(message); // exact size: send() sends the whole capacity
            try {
                ch.send(new RTCDataChannelBuffer(b, true));
            } catch (Exception e) {
                throw new IllegalStateException("pc1 could not send message " + sent / message + ": " + e.getMessage(), e);
            }
        }
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (received.get() - start < perRound) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("pc2 received only " + (received.get() - start) + " of " + perRound + " bytes in 30 s");
            }
            sleep(1);
        }
        return perRound / ((System.nanoTime() - t) / 1e9) / 1e6;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while measuring the data channel");
        }
    }
}

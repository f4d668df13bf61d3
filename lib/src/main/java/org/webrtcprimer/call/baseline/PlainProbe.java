package org.webrtcprimer.call.baseline;

import dev.onvoid.webrtc.PeerConnectionObserver;
import dev.onvoid.webrtc.RTCConfiguration;
import dev.onvoid.webrtc.RTCDataChannel;
import dev.onvoid.webrtc.RTCDataChannelBuffer;
import dev.onvoid.webrtc.RTCDataChannelInit;
import dev.onvoid.webrtc.RTCDataChannelState;
import dev.onvoid.webrtc.RTCIceCandidate;
import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCSessionDescription;
import org.webrtcprimer.call.FlowControl;
import org.webrtcprimer.engine.Engine;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * The same transfer with nothing but webrtc-java: two peer connections, one channel, the sender
 * polling bufferedAmount with the same marks, the receiver counting bytes in onMessage.
 */
public final class PlainProbe implements AutoCloseable {
    private static final java.time.Duration STEP = java.time.Duration.ofSeconds(10);
    private static final String WHO = "plain probe";

    private final RTCPeerConnection pc1, pc2;
    private final RTCDataChannel send;
    private RTCDataChannel recv;
    private final AtomicLong received = new AtomicLong();
    private volatile long target = Long.MAX_VALUE;
    private volatile CompletableFuture<Long> done = new CompletableFuture<>();

    public PlainProbe() throws Exception {
        var factory = Engine.get().factory();
        // Candidates wait until the other side has its remote description: the engine refuses
        // earlier ones (addIceCandidate fails), and ICE would then settle on whatever pair is left.
        Trickle to2 = new Trickle(), to1 = new Trickle();
        CompletableFuture<RTCDataChannel> remote = new CompletableFuture<>();
        pc1 = factory.createPeerConnection(new RTCConfiguration(), observer(to2::offer, null));
        pc2 = factory.createPeerConnection(new RTCConfiguration(), observer(to1::offer, remote::complete));
        try {
            send = pc1.createDataChannel("plain", new RTCDataChannelInit());
            RTCSessionDescription offer = EngineSteps.create(pc1, true, STEP, WHO);
            EngineSteps.set(pc1, offer, true, STEP, WHO);
            EngineSteps.set(pc2, offer, false, STEP, WHO);
            to2.ready(pc2);
            RTCSessionDescription answer = EngineSteps.create(pc2, false, STEP, WHO);
            EngineSteps.set(pc2, answer, true, STEP, WHO);
            EngineSteps.set(pc1, answer, false, STEP, WHO);
            to1.ready(pc1);
            recv = remote.get(10, TimeUnit.SECONDS);
            recv.registerObserver(EngineSteps.onMessage(buffer -> {
                long n = received.addAndGet(buffer.data.remaining());
                if (n >= target) done.complete(System.nanoTime());
            }));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (send.getState() != RTCDataChannelState.OPEN) {
                if (System.nanoTime() > deadline) throw new IllegalStateException("plain probe: channel did not open in 10 s");
                Thread.sleep(1);
            }
        } catch (Exception e) {
            close();
            throw e;
        }
    }

    /** One transfer; returns MB/s from the first send to the last byte received. */
    public double run(int size, long bytes, FlowControl flow) {
        long messages = bytes / size;
        ByteBuffer buf = ByteBuffer.allocateDirect(size);
        received.set(0);
        done = new CompletableFuture<>();
        target = messages * size;
        long t0 = System.nanoTime();
        try {
            for (long i = 0; i < messages; i++) {
                if (send.getBufferedAmount() + size > flow.highWaterMark()) {
                    while (send.getBufferedAmount() > flow.lowWaterMark()) LockSupport.parkNanos(200_000);
                }
                send.send(new RTCDataChannelBuffer(buf, true));
            }
            long end = done.get(60, TimeUnit.SECONDS);
            return messages * size / ((end - t0) / 1e9) / 1e6;
        } catch (Exception e) {
            throw new IllegalStateException("plain probe transfer failed: " + e, e);
        }
    }

    @Override
    public void close() {
        for (RTCPeerConnection pc : new RTCPeerConnection[]{pc1, pc2}) {
            try {
                if (pc != null) pc.close();
            } catch (Throwable ignored) {
            }
        }
    }

    /** Candidates for one peer, held until it can take them. */
    private static final class Trickle {
        private final List<RTCIceCandidate> pending = new ArrayList<>();
        private RTCPeerConnection target;

        synchronized void offer(RTCIceCandidate c) {
            if (target != null) target.addIceCandidate(c);
            else pending.add(c);
        }

        synchronized void ready(RTCPeerConnection pc) {
            target = pc;
            pending.forEach(pc::addIceCandidate);
            pending.clear();
        }
    }

    private static PeerConnectionObserver observer(Consumer<RTCIceCandidate> candidates, Consumer<RTCDataChannel> channels) {
        return new PeerConnectionObserver() {
            @Override
            public void onIceCandidate(RTCIceCandidate candidate) {
                candidates.accept(candidate);
            }

            @Override
            public void onDataChannel(RTCDataChannel channel) {
                if (channels != null) channels.accept(channel);
            }
        };
    }
}

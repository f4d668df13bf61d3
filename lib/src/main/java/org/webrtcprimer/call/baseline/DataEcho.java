package org.webrtcprimer.call.baseline;

import dev.onvoid.webrtc.RTCDataChannel;
import dev.onvoid.webrtc.RTCDataChannelBuffer;
import dev.onvoid.webrtc.RTCDataChannelInit;
import dev.onvoid.webrtc.RTCDataChannelObserver;
import dev.onvoid.webrtc.RTCDataChannelState;
import dev.onvoid.webrtc.RTCPeerConnection;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A raw {@link RTCDataChannel} from pc1 to pc2 that carries one message there and back: the data
 * part of the soak's engine-only cycle (the kit's cycle uses its DataChannel). pc2 echoes what it receives. {@link #close()} unregisters the observers,
 * closes both ends and releases the Java side's native references (dispose), in that order.
 */
final class DataEcho {
    private static final byte[] PING = "ping".getBytes(StandardCharsets.UTF_8);

    private final RTCDataChannel local;
    private volatile RTCDataChannel remote;
    private final CompletableFuture<Void> open = new CompletableFuture<>();
    private final CompletableFuture<Void> echoed = new CompletableFuture<>();

    DataEcho(RTCPeerConnection pc1) {
        local = pc1.createDataChannel("soak", new RTCDataChannelInit());
        if (local == null) throw new IllegalStateException("pc1 could not create a data channel");
        local.registerObserver(new RTCDataChannelObserver() {
            @Override
            public void onBufferedAmountChange(long previousAmount) {
            }

            @Override
            public void onStateChange() {
                checkOpen();
            }

            @Override
            public void onMessage(RTCDataChannelBuffer buffer) {
                echoed.complete(null);
            }
        });
        checkOpen(); // it may already be open (engine-notes.md)
    }

    private void checkOpen() {
        try {
            if (local.getState() == RTCDataChannelState.OPEN) open.complete(null);
        } catch (Throwable ignored) {
            // disposed: the cycle is over
        }
    }

    /** pc2's {@code ondatachannel}: echo every message back. */
    void remote(RTCDataChannel channel) {
        remote = channel;
        channel.registerObserver(EngineSteps.onMessage(buffer -> {
            // The buffer is valid only inside this callback: copy it into an exact-size direct buffer.
            ByteBuffer copy = ByteBuffer.allocateDirect(buffer.data.remaining());
            copy.put(buffer.data).flip();
            try {
                channel.send(new RTCDataChannelBuffer(copy, buffer.binary));
            } catch (Throwable ignored) {
                // closing: the round trip then times out with a message
            }
        }));
    }

    /** Waits for the channel to open, sends "ping" and waits for it to come back. */
    void roundTrip(Duration timeout) throws Exception {
        await(open, timeout, "pc1's data channel did not open");
        ByteBuffer b = ByteBuffer.allocateDirect(PING.length);
        b.put(PING).flip();
        local.send(new RTCDataChannelBuffer(b, false));
        await(echoed, timeout, "pc2 did not echo the data channel message");
    }

    private static void await(CompletableFuture<Void> f, Duration timeout, String what) throws Exception {
        try {
            f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException(what + " within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            throw new IllegalStateException(what + ": " + e.getCause().getMessage(), e.getCause());
        }
    }

    /** Observers off, both ends closed, then our references released. Quiet: the pcs close next. */
    void close() {
        for (RTCDataChannel c : new RTCDataChannel[]{local, remote}) {
            if (c == null) continue;
            try {
                c.unregisterObserver();
            } catch (Throwable ignored) {
            }
            try {
                c.close();
            } catch (Throwable ignored) {
            }
        }
        for (RTCDataChannel c : new RTCDataChannel[]{local, remote}) {
            if (c == null) continue;
            try {
                c.dispose();
            } catch (Throwable ignored) {
                // "Native object was not deleted": the peer connection still holds it; our reference is gone.
            }
        }
    }
}

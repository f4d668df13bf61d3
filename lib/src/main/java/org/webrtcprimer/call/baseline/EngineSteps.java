package org.webrtcprimer.call.baseline;

import dev.onvoid.webrtc.CreateSessionDescriptionObserver;
import dev.onvoid.webrtc.RTCAnswerOptions;
import dev.onvoid.webrtc.RTCDataChannelBuffer;
import dev.onvoid.webrtc.RTCDataChannelObserver;
import dev.onvoid.webrtc.RTCOfferOptions;
import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCSessionDescription;
import dev.onvoid.webrtc.SetSessionDescriptionObserver;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The webrtc-java steps the baselines share: the offer/answer callbacks as waits with a timeout,
 * and a channel observer that only takes messages. {@code who} starts every error message.
 */
final class EngineSteps {
    private EngineSteps() {}

    /** createOffer (or createAnswer) with default options, waiting up to {@code timeout}. */
    static RTCSessionDescription create(RTCPeerConnection pc, boolean offer, Duration timeout, String who) throws Exception {
        CompletableFuture<RTCSessionDescription> f = new CompletableFuture<>();
        CreateSessionDescriptionObserver o = new CreateSessionDescriptionObserver() {
            @Override
            public void onSuccess(RTCSessionDescription d) {
                f.complete(d);
            }

            @Override
            public void onFailure(String error) {
                f.completeExceptionally(new IllegalStateException(error));
            }
        };
        if (offer) pc.createOffer(new RTCOfferOptions(), o);
        else pc.createAnswer(new RTCAnswerOptions(), o);
        return await(f, timeout, who, offer ? "createOffer did not complete" : "createAnswer did not complete");
    }

    /** setLocalDescription (or setRemoteDescription), waiting up to {@code timeout}. */
    static void set(RTCPeerConnection pc, RTCSessionDescription d, boolean local, Duration timeout, String who) throws Exception {
        CompletableFuture<Void> f = new CompletableFuture<>();
        SetSessionDescriptionObserver o = new SetSessionDescriptionObserver() {
            @Override
            public void onSuccess() {
                f.complete(null);
            }

            @Override
            public void onFailure(String error) {
                f.completeExceptionally(new IllegalStateException(error));
            }
        };
        if (local) pc.setLocalDescription(d, o);
        else pc.setRemoteDescription(d, o);
        await(f, timeout, who, (local ? "setLocalDescription" : "setRemoteDescription") + " did not complete");
    }

    /** An observer that hands every message to {@code onMessage} and ignores state and buffer changes. */
    static RTCDataChannelObserver onMessage(Consumer<RTCDataChannelBuffer> onMessage) {
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

    static <T> T await(CompletableFuture<T> f, Duration timeout, String who, String what) throws Exception {
        try {
            return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException(who + ": " + what + " within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            throw new IllegalStateException(who + ": " + what + ": " + e.getCause().getMessage(), e.getCause());
        }
    }
}

package org.webrtcprimer.call;

import dev.onvoid.webrtc.CreateSessionDescriptionObserver;
import dev.onvoid.webrtc.RTCSessionDescription;
import dev.onvoid.webrtc.SetSessionDescriptionObserver;
import org.webrtcprimer.events.Event;
import org.webrtcprimer.events.EventLog;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One peer's way of running an engine step that answers through a callback (createOffer,
 * setLocalDescription, getStats …): start it, wait for it with the call's timeout, and turn every
 * way it can fail — thrown at once as {@code java.lang.Error}, passed to {@code onFailure}, or no
 * answer at all — into a {@link CallException} that names the step, the peer, its signaling state
 * before the step, and a hint. Not lesson API.
 */
final class EngineStep {
    private final String peer;
    private final EventLog log;
    private final Duration timeout;
    private final Supplier<String> signalingState;
    private final Supplier<String> situation;

    /**
     * @param signalingState the peer's signaling state now, for the message of a failed step
     * @param situation      where the call stood, for the message of a step that timed out
     */
    EngineStep(String peer, EventLog log, Duration timeout, Supplier<String> signalingState, Supplier<String> situation) {
        this.peer = peer;
        this.log = log;
        this.timeout = timeout;
        this.signalingState = signalingState;
        this.situation = situation;
    }

    /** Starts an engine step and waits for its result, turning every way it can fail into a clear CallException. */
    <T> T run(String step, CompletableFuture<T> f, Consumer<CompletableFuture<T>> start) {
        String before = signalingState.get();
        try {
            start.accept(f);
        } catch (Throwable t) {
            // Malformed SDP is thrown synchronously as java.lang.Error by webrtc-java.
            throw failed(step, before, t.getMessage(), t);
        }
        try {
            return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            log.add(peer, Event.Kind.STEP_FAILED, step, "no answer from the engine within " + timeout.toMillis() + " ms");
            throw new CallTimeoutException(peer + "." + step + " did not complete within " + timeout.toMillis()
                    + " ms. " + situation.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CallException("interrupted while waiting for " + peer + "." + step);
        } catch (ExecutionException e) {
            throw failed(step, before, e.getCause().getMessage(), e.getCause());
        }
    }

    /**
     * Starts an engine step and waits at most {@code limit}, logging nothing — for a sampler that
     * skips a sample the engine is late with.
     *
     * @throws TimeoutException when the engine has not answered within {@code limit}
     */
    <T> T within(String step, Duration limit, CompletableFuture<T> f, Consumer<CompletableFuture<T>> start)
            throws TimeoutException, InterruptedException {
        try {
            start.accept(f);
            return f.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new CallException(peer + "." + step + " failed: " + e.getCause(), e.getCause());
        } catch (NullPointerException e) {
            throw new CallException(peer + " closed while " + step + " ran", e); // the handle is gone
        }
    }

    private CallException failed(String step, String signalingBefore, String engineMessage, Throwable cause) {
        log.add(peer, Event.Kind.STEP_FAILED, step, engineMessage);
        String hint = Hints.forStep(peer, step, signalingBefore, engineMessage);
        // The engine's messages often end with a full stop already.
        String said = engineMessage == null ? "" : engineMessage.strip();
        if (!said.endsWith(".")) said += ".";
        return new CallException(peer + "." + step + " failed: " + said + " " + peer
                + " was in signaling state '" + signalingBefore + "'." + (hint.isEmpty() ? "" : " " + hint), cause);
    }

    /** The engine's observer of createOffer / createAnswer, completing {@code f}. */
    static CreateSessionDescriptionObserver created(CompletableFuture<RTCSessionDescription> f) {
        return new CreateSessionDescriptionObserver() {
            @Override
            public void onSuccess(RTCSessionDescription d) {
                f.complete(d);
            }

            @Override
            public void onFailure(String error) {
                f.completeExceptionally(new EngineFailure(error));
            }
        };
    }

    /** The engine's observer of setLocalDescription / setRemoteDescription, completing {@code f}. */
    static SetSessionDescriptionObserver set(CompletableFuture<Void> f) {
        return new SetSessionDescriptionObserver() {
            @Override
            public void onSuccess() {
                f.complete(null);
            }

            @Override
            public void onFailure(String error) {
                f.completeExceptionally(new EngineFailure(error));
            }
        };
    }

    /** The engine's own failure message, passed to onFailure. */
    private static final class EngineFailure extends RuntimeException {
        EngineFailure(String message) {
            super(message, null, false, false);
        }
    }
}

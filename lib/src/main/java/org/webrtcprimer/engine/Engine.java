package org.webrtcprimer.engine;

import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.RTCRtpCodecCapability;
import dev.onvoid.webrtc.media.MediaType;
import dev.onvoid.webrtc.media.audio.HeadlessAudioDeviceModule;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The one libwebrtc engine of this JVM: a headless audio device module and a peer connection
 * factory, made on first use and shared by every stream and call.
 *
 * <p>Why one: in webrtc-java 0.14.0 a closed peer connection is never freed natively and keeps its
 * factory alive, and every factory owns native threads that never end. A factory per call would
 * leak threads; one per process leaks nothing more than the engine already does.
 *
 * <p>Why headless: the default audio module aborts the JVM when there is no audio server, which is
 * the normal case on Binder and CI. Audio comes from the kit's own sources instead.
 *
 * <p>Release order at JVM exit (a shutdown hook, or {@link #shutdown()}): live calls are hung up,
 * live streams stopped, then the factory disposed, then the audio module. A JVM whose factory is
 * left undisposed never exits.
 */
public final class Engine {

    /** Something holding native resources that must go before the factory does. */
    public interface Resource {
        /** Releases the resource; must be harmless when called twice and must not throw. */
        void release();
    }

    private static Engine instance;
    private static boolean shutDown;

    private final HeadlessAudioDeviceModule audioModule;
    private final PeerConnectionFactory factory;
    private final long createdNanos;
    // Calls first, then streams: a call holds tracks that belong to a stream.
    private final Set<Resource> calls = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<Resource> streams = Collections.newSetFromMap(new IdentityHashMap<>());

    private Engine() {
        long t0 = System.nanoTime();
        audioModule = new HeadlessAudioDeviceModule();
        // Playout pulls received audio (and drops it); recording lets custom audio sources flow.
        audioModule.initPlayout();
        audioModule.startPlayout();
        audioModule.initRecording();
        audioModule.startRecording();
        factory = new PeerConnectionFactory(audioModule);
        createdNanos = System.nanoTime() - t0;
    }

    /**
     * The codec names this engine can send for {@code "audio"} or {@code "video"}, in the engine's
     * order, each once (e.g. {@code VP8, VP9, H264, AV1, red, ulpfec, rtx} for video).
     */
    public List<String> sendCodecs(String kind) {
        MediaType type = switch (kind == null ? "" : kind) {
            case "audio" -> MediaType.AUDIO;
            case "video" -> MediaType.VIDEO;
            default -> throw new IllegalArgumentException("sendCodecs(\"audio\") or sendCodecs(\"video\"), not " + kind);
        };
        return factory.getRtpSenderCapabilities(type).getCodecs().stream()
                .map(RTCRtpCodecCapability::getName).distinct().toList();
    }

    /** The engine, made on first use. */
    public static synchronized Engine get() {
        if (shutDown) {
            throw new IllegalStateException(
                    "the WebRTC engine has been shut down in this JVM — restart the kernel to start a new one");
        }
        if (instance == null) {
            instance = new Engine();
            Runtime.getRuntime().addShutdownHook(new Thread(Engine::shutdown, "webrtc-primer-shutdown"));
            watchMainThread();
        }
        return instance;
    }

    /**
     * The engine's native threads keep a JVM alive after {@code main} returns (they are attached as
     * ordinary threads), so a program that forgets {@link #shutdown()} would never exit. A daemon
     * watcher shuts the engine down once the thread named "main" ends; where main never ends (a
     * kernel serving cells), it just waits.
     */
    private static void watchMainThread() {
        Thread main = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("main") && t.getThreadGroup() != null
                        && t.getThreadGroup().getName().equals("main"))
                .findFirst().orElse(null);
        if (main == null || main == Thread.currentThread() && !main.isAlive()) return;
        Thread watcher = new Thread(() -> {
            try {
                main.join();
                shutdown();
            } catch (InterruptedException ignored) {
            }
        }, "webrtc-primer-main-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }

    /** Whether the engine has been made in this JVM (without making it). */
    public static synchronized boolean isRunning() {
        return instance != null && !shutDown;
    }

    /** The shared peer connection factory. */
    public PeerConnectionFactory factory() {
        return factory;
    }

    /** How long making the engine took (loading the native library, starting its threads), in nanoseconds. */
    public long startupNanos() {
        return createdNanos;
    }

    /** Registers a call, to be hung up before the factory goes. */
    public synchronized void registerCall(Resource call) {
        calls.add(call);
    }

    /** Forgets a call that has hung up. */
    public synchronized void unregisterCall(Resource call) {
        calls.remove(call);
    }

    /** Registers a media stream, to be stopped before the factory goes. */
    public synchronized void registerStream(Resource stream) {
        streams.add(stream);
    }

    /** Forgets a stream that has stopped. */
    public synchronized void unregisterStream(Resource stream) {
        streams.remove(stream);
    }

    /** Number of calls not yet hung up. */
    public synchronized int liveCalls() {
        return calls.size();
    }

    /** Number of streams not yet stopped. */
    public synchronized int liveStreams() {
        return streams.size();
    }

    /**
     * Releases everything in the fixed order: calls, streams, factory, audio module. Safe to call
     * more than once; after it, {@link #get()} refuses to make a new engine.
     */
    public static void shutdown() {
        Engine e;
        synchronized (Engine.class) {
            if (shutDown) return;
            shutDown = true;
            e = instance;
        }
        if (e == null) return;
        List<Resource> calls, streams;
        synchronized (e) {
            calls = new ArrayList<>(e.calls);
            streams = new ArrayList<>(e.streams);
        }
        calls.forEach(Engine::quietly);
        streams.forEach(Engine::quietly);
        try {
            e.factory.dispose();
        } catch (Throwable ignored) {
            // Nothing useful to do at exit; the process is going away.
        }
        try {
            e.audioModule.stopPlayout();
            e.audioModule.stopRecording();
            e.audioModule.dispose();
        } catch (Throwable ignored) {
        }
    }

    private static void quietly(Resource r) {
        try {
            r.release();
        } catch (Throwable ignored) {
        }
    }
}

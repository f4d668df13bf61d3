package org.webrtcprimer.media;

import dev.onvoid.webrtc.media.audio.AudioTrack;
import dev.onvoid.webrtc.media.audio.AudioTrackSink;

import java.io.ByteArrayOutputStream;
import java.time.Duration;

/**
 * What a peer receives on an audio track, as the engine hands it out: 16-bit PCM in 10 ms chunks,
 * mixed to mono. It keeps at most {@link #MAX_SECONDS} seconds and only while {@link #record}
 * runs, so memory stays bounded however long a call lasts.
 *
 * <p>The engine delivers a chunk each time its audio module pulls playout. webrtc-java 0.14.0's
 * headless module pulls about 87 times a second instead of 100 (fixed in 0.15.0), so the engine
 * drops roughly one chunk in eight: a recording holds less audio than the time it took, and
 * {@link Recording#coverage()} says how much.
 */
public final class AudioCapture {
    public static final int MAX_SECONDS = 10;

    /**
     * One recording.
     *
     * @param pcm        mono 16-bit little-endian samples
     * @param sampleRate Hz, as the engine delivered them
     * @param chunks     how many 10 ms chunks arrived
     * @param wallMillis how long the recording took on the clock
     */
    public record Recording(byte[] pcm, int sampleRate, int chunks, double wallMillis) {
        /** Milliseconds of audio received. */
        public double audioMillis() {
            return sampleRate == 0 ? 0 : pcm.length / 2 * 1000.0 / sampleRate;
        }

        /** Audio received ÷ time taken: 1.0 when nothing was dropped. */
        public double coverage() {
            return wallMillis <= 0 ? 0 : audioMillis() / wallMillis;
        }

        /** The samples as numbers between -1 and 1. */
        public double[] samples() {
            double[] s = new double[pcm.length / 2];
            for (int i = 0; i < s.length; i++) s[i] = (short) ((pcm[2 * i] & 0xff) | (pcm[2 * i + 1] << 8)) / 32768.0;
            return s;
        }
    }

    private final Object lock = new Object();
    private ByteArrayOutputStream buffer;
    private int sampleRate, chunks;
    private AudioTrack track;
    private final AudioTrackSink sink = this::onData;

    /** Starts listening to a track (the engine calls back on its audio thread). */
    public synchronized void attach(AudioTrack t) {
        if (track != null) return;
        track = t;
        t.addSink(sink);
    }

    /** Stops listening; safe to call twice, and after the track is gone. */
    public synchronized void detach() {
        if (track == null) return;
        try {
            track.removeSink(sink);
        } catch (Throwable ignored) {
            // the peer connection was closed first: the native track no longer delivers anyway
        }
        track = null;
    }

    /** True once a remote audio track is attached. */
    public synchronized boolean attached() {
        return track != null;
    }

    /** Records for a while (at most {@value #MAX_SECONDS} s) and returns what arrived. */
    public Recording record(Duration length) {
        if (!attached()) throw new IllegalStateException("no remote audio track yet — make a call with audio (Constraints.audioVideo()) first");
        long ms = Math.min(Math.max(length.toMillis(), 100), MAX_SECONDS * 1000L);
        synchronized (lock) {
            buffer = new ByteArrayOutputStream();
            chunks = 0;
        }
        long t0 = System.nanoTime();
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        double wall = (System.nanoTime() - t0) / 1e6;
        synchronized (lock) {
            Recording r = new Recording(buffer.toByteArray(), sampleRate, chunks, wall);
            buffer = null;
            return r;
        }
    }

    private void onData(byte[] data, int bitsPerSample, int rate, int channels, int frames) {
        synchronized (lock) {
            if (buffer == null || bitsPerSample != 16 || channels < 1) return;
            if (buffer.size() >= MAX_SECONDS * 2 * Math.max(rate, 1) + 4096) return; // bounded
            sampleRate = rate;
            chunks++;
            for (int f = 0; f < frames && (f * channels + channels) * 2 <= data.length; f++) {
                int sum = 0;
                for (int c = 0; c < channels; c++) {
                    int i = (f * channels + c) * 2;
                    sum += (short) ((data[i] & 0xff) | (data[i + 1] << 8));
                }
                int mono = sum / channels;
                buffer.write(mono & 0xff);
                buffer.write((mono >> 8) & 0xff);
            }
        }
    }
}

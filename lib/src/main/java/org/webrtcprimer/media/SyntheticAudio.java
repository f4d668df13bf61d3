package org.webrtcprimer.media;

import dev.onvoid.webrtc.media.audio.CustomAudioSource;

/**
 * The kit's microphone when there is none: a 440 Hz sine tone (concert A), 48 kHz, mono, 16-bit,
 * pushed into a {@link CustomAudioSource} in 10 ms chunks — the chunk size libwebrtc works in.
 */
final class SyntheticAudio {
    static final int SAMPLE_RATE = 48_000;
    static final int CHUNK_FRAMES = SAMPLE_RATE / 100;

    private final CustomAudioSource source;
    private final double frequency;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long chunksPushed;

    SyntheticAudio(CustomAudioSource source, double frequency) {
        this.source = source;
        this.frequency = frequency;
        this.thread = new Thread(this::run, "primer-synthetic-audio");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    long chunksPushed() {
        return chunksPushed;
    }

    private void run() {
        byte[] pcm = new byte[CHUNK_FRAMES * 2];
        long sample = 0;
        long interval = 10_000_000L;
        long next = System.nanoTime();
        while (running) {
            for (int i = 0; i < CHUNK_FRAMES; i++, sample++) {
                // A quarter of full scale: clearly audible, never clipping.
                short s = (short) (0.25 * Short.MAX_VALUE * Math.sin(2 * Math.PI * frequency * sample / SAMPLE_RATE));
                pcm[2 * i] = (byte) s;          // little-endian, as the engine expects
                pcm[2 * i + 1] = (byte) (s >> 8);
            }
            try {
                source.pushAudio(pcm, 16, SAMPLE_RATE, 1, CHUNK_FRAMES);
                chunksPushed++;
            } catch (Throwable t) {
                running = false;
            }
            next += interval;
            long sleep = next - System.nanoTime();
            if (sleep < -5 * interval) {
                next = System.nanoTime();
            } else if (sleep > 0) {
                try {
                    Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
                } catch (InterruptedException e) {
                    running = false;
                }
            }
        }
    }

    void stop() {
        running = false;
        thread.interrupt();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

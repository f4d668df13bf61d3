package org.webrtcprimer.media;

import dev.onvoid.webrtc.media.audio.CustomAudioSource;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.Mixer;
import javax.sound.sampled.TargetDataLine;
import java.util.ArrayList;
import java.util.List;

/**
 * A real microphone, read through Java Sound and pushed into a {@link CustomAudioSource}.
 *
 * <p>Why not the engine's own audio module: it aborts the JVM when there is no audio server, and
 * its device listing hangs without one (engine-notes.md). Java Sound answers "no microphone" at
 * once instead, and the headless engine takes the audio we push.
 */
final class Microphone {
    static final AudioFormat FORMAT = new AudioFormat(SyntheticAudio.SAMPLE_RATE, 16, 1, true, false);

    private final CustomAudioSource source;
    private final TargetDataLine line;
    private final Thread thread;
    private volatile boolean running = true;

    private Microphone(CustomAudioSource source, TargetDataLine line) {
        this.source = source;
        this.line = line;
        this.thread = new Thread(this::run, "primer-microphone");
        thread.setDaemon(true);
    }

    /** Names of the inputs that can record in the kit's format; empty when there are none. */
    static List<String> names() {
        List<String> names = new ArrayList<>();
        DataLine.Info wanted = new DataLine.Info(TargetDataLine.class, FORMAT);
        for (Mixer.Info info : AudioSystem.getMixerInfo()) {
            Mixer mixer = AudioSystem.getMixer(info);
            if (mixer.isLineSupported(wanted)) names.add(info.getName());
        }
        return names;
    }

    /** Opens the named input (or the system default for null) and starts pushing its audio. */
    static Microphone open(String name, CustomAudioSource source) throws Exception {
        DataLine.Info wanted = new DataLine.Info(TargetDataLine.class, FORMAT);
        TargetDataLine line = null;
        if (name != null) {
            for (Mixer.Info info : AudioSystem.getMixerInfo()) {
                if (info.getName().equals(name)) line = (TargetDataLine) AudioSystem.getMixer(info).getLine(wanted);
            }
        }
        if (line == null) line = (TargetDataLine) AudioSystem.getLine(wanted);
        line.open(FORMAT, SyntheticAudio.CHUNK_FRAMES * 2 * 4);
        line.start();
        Microphone m = new Microphone(source, line);
        m.thread.start();
        return m;
    }

    private void run() {
        byte[] pcm = new byte[SyntheticAudio.CHUNK_FRAMES * 2];
        while (running) {
            int n = 0;
            while (running && n < pcm.length) {
                int r = line.read(pcm, n, pcm.length - n); // blocks: the device sets the pace
                if (r <= 0) break;
                n += r;
            }
            if (n < pcm.length) continue;
            try {
                source.pushAudio(pcm, 16, SyntheticAudio.SAMPLE_RATE, 1, SyntheticAudio.CHUNK_FRAMES);
            } catch (Throwable t) {
                running = false;
            }
        }
    }

    void stop() {
        running = false;
        line.stop();
        line.close();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

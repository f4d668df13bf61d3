package org.webrtcprimer.tools;

import org.webrtcprimer.call.baseline.CallKind;
import org.webrtcprimer.call.baseline.EngineCall;
import org.webrtcprimer.call.CallOptions;
import org.webrtcprimer.call.LocalCall;
import org.webrtcprimer.call.DataChannel;
import org.webrtcprimer.media.Constraints;
import org.webrtcprimer.media.MediaDevices;
import org.webrtcprimer.media.MediaStream;
import org.webrtcprimer.notebook.LongRun;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Call/hangup cycles in one JVM, watching what the process holds: resident memory, threads,
 * file descriptors. The same cycles run twice — through the kit ({@link LocalCall}) and written
 * directly against the engine ({@link EngineCall}) — so the growth per call can be split into the
 * engine's own (webrtc-java 0.14.0 never frees a closed peer connection) and the kit's.
 *
 * <pre>{@code
 * Soak.Run kit = Soak.run(CallKind.AV, false, 100, 10, 20, null);
 * Soak.Run engine = Soak.run(CallKind.AV, true, 100, 10, 20, null);
 * show(SoakReport.of(List.of(kit, engine)));
 * }</pre>
 */
public final class Soak {
    private Soak() {}

    /** How long one step of a cycle may take before the cycle fails. */
    static final Duration STEP_TIMEOUT = Duration.ofSeconds(15);

    /**
     * One run: {@code calls} cycles of one kind, by the kit or by the engine alone.
     *
     * @param samples taken at cycle 0, every {@code every} cycles and at the end
     * @param warmup  cycles left out of the fit (pools, codecs and caches fill up once)
     */
    public record Run(CallKind kind, boolean engineOnly, int calls, int warmup, List<Sample> samples, double seconds) {
        public Run {
            samples = List.copyOf(samples);
        }

        /** "kit" or "engine". */
        public String who() {
            return engineOnly ? "engine" : "kit";
        }

        List<Sample> afterWarmup() {
            List<Sample> s = samples.stream().filter(x -> x.cycle() >= warmup).toList();
            return s.size() >= 2 ? s : samples;
        }

        /** Resident memory growth per call after warm-up, MB (least-squares slope). */
        public double mbPerCall() {
            return slope(afterWarmup(), Sample::rssMb);
        }

        /** Growth outside the Java heap per call after warm-up, MB: native memory. */
        public double offHeapMbPerCall() {
            return slope(afterWarmup(), Sample::outsideHeapMb);
        }

        /** Java heap in use (after GC) growth per call after warm-up, MB. */
        public double heapMbPerCall() {
            return slope(afterWarmup(), Sample::heapUsedMb);
        }

        /** The first sample after warm-up. */
        public Sample settled() {
            return afterWarmup().get(0);
        }

        /** The last sample. */
        public Sample last() {
            return samples.get(samples.size() - 1);
        }

        /** Milliseconds per cycle. */
        public double msPerCall() {
            return calls == 0 ? 0 : seconds * 1000 / calls;
        }
    }

    /** Least-squares slope of y over the cycle number. */
    static double slope(List<Sample> s, java.util.function.ToDoubleFunction<Sample> y) {
        int n = s.size();
        if (n < 2) return Double.NaN;
        double mx = 0, my = 0;
        for (Sample x : s) {
            mx += x.cycle();
            my += y.applyAsDouble(x);
        }
        mx /= n;
        my /= n;
        double num = 0, den = 0;
        for (Sample x : s) {
            double dx = x.cycle() - mx;
            num += dx * (y.applyAsDouble(x) - my);
            den += dx * dx;
        }
        return den == 0 ? Double.NaN : num / den;
    }

    /**
     * Runs {@code calls} cycles of one kind, opening (and afterwards stopping) the media it needs.
     *
     * @param engineOnly true: the engine alone (the baseline); false: through the kit
     * @param every      take a sample every this many cycles (each one runs a full GC)
     * @param warmup     cycles left out of the fit
     * @param onSample   told each sample as it is taken (for running output), or null
     * @throws org.webrtcprimer.notebook.LongRun.RunStoppedException when interrupted, or when a notebook cell's time is up
     */
    public static Run run(CallKind kind, boolean engineOnly, int calls, int every, int warmup, Consumer<Sample> onSample) {
        if (kind == null) throw new IllegalArgumentException("say which kind of call: CallKind.AV, AUDIO, VIDEO, NONE or DATA");
        if (calls < 1) throw new IllegalArgumentException("calls must be at least 1, got " + calls);
        if (every < 1) throw new IllegalArgumentException("every must be at least 1, got " + every);
        if (warmup < 0 || warmup >= calls) {
            throw new IllegalArgumentException("warmup must be from 0 to calls − 1 (" + (calls - 1) + "), got " + warmup);
        }
        Constraints media = kind.media() != null ? kind.media() : Constraints.audioVideo().withSynthetic();
        MediaStream stream = MediaDevices.getUserMedia(media);
        LongRun budget = LongRun.start("soak (" + kind + ", " + (engineOnly ? "engine" : "kit") + ")", calls);
        List<Sample> samples = new ArrayList<>();
        long t0 = System.nanoTime();
        // Samples for the fit at least every twentieth of the run; printed only every 'every' cycles.
        int fitEvery = Math.max(1, Math.min(every, calls / 20));
        try {
            sample(samples, 0, t0, onSample);
            for (int i = 1; i <= calls; i++) {
                budget.check(i - 1);
                try {
                    if (engineOnly) EngineCall.run(kind, stream, STEP_TIMEOUT);
                    else kitCycle(kind, stream);
                } catch (LongRun.RunStoppedException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException("soak " + kind + " (" + (engineOnly ? "engine" : "kit") + "): call " + i
                            + " of " + calls + " failed: " + e.getMessage(), e);
                }
                if (i % fitEvery == 0 || i % every == 0 || i == calls || i == warmup) {
                    sample(samples, i, t0, i % every == 0 || i == calls ? onSample : null);
                }
            }
        } finally {
            stream.stop();
        }
        return new Run(kind, engineOnly, calls, warmup, samples, (System.nanoTime() - t0) / 1e9);
    }

    private static void sample(List<Sample> samples, int cycle, long t0, Consumer<Sample> onSample) {
        if (!samples.isEmpty() && samples.get(samples.size() - 1).cycle() == cycle) return;
        Sample s = Sample.take(cycle, t0);
        samples.add(s);
        if (onSample != null) onSample.accept(s);
    }

    private static CallOptions options() {
        return CallOptions.defaults().withTimeout(STEP_TIMEOUT);
    }

    /** One cycle through the kit. */
    static void kitCycle(CallKind kind, MediaStream stream) throws Exception {
        switch (kind) {
            case AV, AUDIO, VIDEO -> LocalCall.call(stream, options()).hangup();
            case NONE -> {
                LocalCall c = LocalCall.withoutMedia(options());
                try {
                    c.negotiate(); // no tracks: an offer and an answer with no m-section
                } finally {
                    c.hangup();
                }
            }
            case DATA -> {
                // The kit's data channel (lesson 08): created on pc1, received on pc2, a message there and back.
                LocalCall c = LocalCall.withoutMedia(options());
                try {
                    DataChannel ch = c.pc1().createDataChannel("soak");
                    c.negotiate();
                    c.awaitConnected();
                    DataChannel remote = c.pc2().awaitDataChannel("soak");
                    ch.awaitOpen(STEP_TIMEOUT);
                    ch.send("ping");
                    remote.receive(STEP_TIMEOUT);
                    remote.send("pong");
                    ch.receive(STEP_TIMEOUT);
                } finally {
                    c.hangup();
                }
            }
        }
    }
}

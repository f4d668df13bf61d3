package org.webrtcprimer.timing;

import org.webrtcprimer.call.CallException;
import org.webrtcprimer.call.CallOptions;
import org.webrtcprimer.call.LocalCall;
import org.webrtcprimer.media.MediaStream;
import org.webrtcprimer.notebook.LongRun;
import org.webrtcprimer.notebook.Progress;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * The part of the timing package that drives the engine: it makes the calls whose phases a
 * {@link SetupRuns} holds. {@link SetupRuns} itself is only the result (its phases, summaries,
 * tables, CSV and JSON), so it can be read back from a file without an engine.
 */
final class SetupRunner {
    private SetupRunner() {}

    /** Like {@link #measure(String, MediaStream, CallOptions, int, IntConsumer)}, showing a {@link Progress} while the calls run. */
    static SetupRuns measure(String name, MediaStream stream, CallOptions options, int calls) {
        if (calls < 1) throw new IllegalArgumentException("calls must be at least 1, got " + calls);
        try (Progress p = Progress.start(name + " calls", calls)) {
            return measure(name, stream, options, calls, p::set);
        }
    }

    /** One untimed warm-up call, then {@code calls} timed calls, each hung up before the next. */
    static SetupRuns measure(String name, MediaStream stream, CallOptions options, int calls, IntConsumer progress) {
        if (calls < 1) throw new IllegalArgumentException("calls must be at least 1, got " + calls);
        if (calls > 1000) throw new IllegalArgumentException("calls " + calls + " is more than a lesson needs — use up to 1000");
        LocalCall.call(stream, options).hangup(); // the first call of a JVM also loads codecs: not what we measure
        List<Phases> runs = new ArrayList<>();
        LongRun budget = LongRun.start(name + " calls", calls);
        for (int i = 0; i < calls; i++) {
            budget.check(i); // Kernel > Interrupt, or the cell's time limit, ends the run between calls
            LocalCall c;
            try {
                c = LocalCall.call(stream, options);
            } catch (RuntimeException e) {
                throw new CallException("call " + (i + 1) + " of " + calls + " (" + name + ") failed: " + e.getMessage(), e);
            }
            c.hangup();
            runs.add(Phases.of(c.log()));
            if (progress != null) progress.accept(i + 1);
        }
        return new SetupRuns(name, runs);
    }
}

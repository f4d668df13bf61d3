package org.webrtcprimer.tools;

import org.webrtcprimer.call.baseline.CallKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.webrtcprimer.call.LocalCall;
import org.webrtcprimer.media.Constraints;
import org.webrtcprimer.media.MediaDevices;
import org.webrtcprimer.media.MediaStream;
import org.webrtcprimer.notebook.LongRun;

import java.lang.ref.WeakReference;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The short, real soak of the default tests: a few dozen cycles through the kit and through the
 * engine alone (the long one is {@code java -jar webrtc-primer.jar soak}).
 */
@Timeout(240)
class SoakTest {

    /** Collects until the reference clears or ~5 s pass. */
    static boolean collected(WeakReference<?> ref) throws InterruptedException {
        for (int i = 0; i < 50 && ref.get() != null; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ref.get() == null;
    }

    @Test
    void aHungUpCallCanBeCollected() throws Exception {
        // webrtc-java keeps every closed peer connection and its observers for the life of the JVM;
        // the kit's relays must let the call, its log and its last frame go (0.47 MB of heap per video call before).
        MediaStream s = MediaDevices.getUserMedia(Constraints.audioVideo().withSynthetic());
        try {
            WeakReference<LocalCall> ref = oneCall(s);
            assertTrue(collected(ref), "a hung-up LocalCall is still reachable: something the engine holds refers to it");
        } finally {
            s.stop();
        }
    }

    private static WeakReference<LocalCall> oneCall(MediaStream s) {
        LocalCall c = LocalCall.call(s);
        assertTrue(c.remoteVideo().frames() > 0);
        c.hangup();
        return new WeakReference<>(c);
    }

    @Test
    void kitAndEngineCyclesLeaveThreadsDescriptorsAndHeapFlat() {
        List<Soak.Run> runs = List.of(
                Soak.run(CallKind.AV, false, 24, 8, 4, null),
                Soak.run(CallKind.AV, true, 24, 8, 4, null),
                Soak.run(CallKind.DATA, false, 24, 8, 4, null),
                Soak.run(CallKind.NONE, false, 24, 8, 4, null));
        SoakReport report = SoakReport.of(runs);
        System.out.println(report.toText());
        for (Soak.Run r : runs) {
            Sample a = r.settled(), b = r.last();
            String what = r.kind() + " (" + r.who() + "): " + a + " → " + b;
            assertEquals(24, b.cycle(), what);
            assertTrue(b.javaThreads() <= a.javaThreads() + 2, "Java threads grew: " + what);
            assertTrue(b.nativeThreads() <= a.nativeThreads() + 2, "native threads grew: " + what);
            assertTrue(b.fds() <= a.fds() + 4, "file descriptors grew: " + what);
            // The Java heap after a full GC: the kit keeps nothing per call (a retained call was ~0.47 MB).
            assertTrue(r.heapMbPerCall() < 0.1, String.format("Java heap grows %.3f MB per call: %s", r.heapMbPerCall(), what));
            assertTrue(b.rssMb() > 0, "VmRSS was read from /proc/self/status");
        }
        assertTrue(report.engine(CallKind.AV).isPresent());
        assertTrue(report.toText().contains("kit adds"), report.toText());
        assertTrue(report.verdict().contains("av: kit"), report.verdict());
    }

    /** Samples whose RSS moves by {@code mbPerCall} each call (figures as the soak's table reads them). */
    static Soak.Run run(boolean engineOnly, double mbPerCall) {
        List<Sample> samples = new java.util.ArrayList<>();
        for (int c = 0; c <= 100; c += 10) samples.add(new Sample(c, c * 0.1, 500 + c * mbPerCall, 8, 64, 6, 30, 17));
        return new Soak.Run(CallKind.AV, engineOnly, 100, 20, samples, 10);
    }

    @Test
    void theVerdictSaysWhichPartIsTheEnginesAndWhenARunWasTooShort() {
        String fine = SoakReport.of(List.of(run(false, 0.36), run(true, 0.39))).verdict();
        assertTrue(fine.contains("av: kit 0.36 MB/call (within the 0.8 MB target), the engine alone 0.39"), fine);
        assertFalse(fine.contains("negative figure"), fine);
        String over = SoakReport.of(List.of(run(false, 1.13))).verdict();
        assertTrue(over.contains("ABOVE the 0.8 MB target"), over);
        String shrank = SoakReport.of(List.of(run(false, 0.28), run(true, -0.31))).verdict();
        assertTrue(shrank.contains("A negative figure means resident memory fell"), shrank);
        assertTrue(shrank.contains("500"), "it says how to get a figure that can be trusted: " + shrank);
    }

    @Test
    void badArgumentsSayWhatToPass() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Soak.run(null, false, 10, 5, 1, null))
                .getMessage().contains("CallKind.AV"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Soak.run(CallKind.AV, false, 0, 5, 0, null))
                .getMessage().contains("at least 1"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Soak.run(CallKind.AV, false, 10, 5, 10, null))
                .getMessage().contains("warmup"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CallKind.of("fax")).getMessage().contains("none, audio"));
        assertEquals(2, SoakCommand.run(new String[]{"--calls", "x"}));
        assertEquals(2, SoakCommand.run(new String[]{"--kind", "fax"}));
        assertEquals(2, SoakCommand.run(new String[]{"--calls", "5", "--warmup", "5"}));
    }

    @Test
    void anInterruptedSoakStopsBetweenCallsAndSaysWhere() throws Exception {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                Soak.run(CallKind.AUDIO, false, 1000, 50, 0, null);
            } catch (Throwable e) {
                thrown.set(e);
            }
        }, "soak-to-interrupt");
        t.start();
        Thread.sleep(1500);
        t.interrupt();
        t.join(20_000);
        assertFalse(t.isAlive(), "the soak did not stop within 20 s of the interrupt");
        Throwable e = thrown.get();
        assertNotNull(e, "the soak ended without saying it was stopped");
        String chain = e + (e.getCause() == null ? "" : " / " + e.getCause());
        assertTrue(e instanceof LongRun.RunStoppedException || e.getMessage().contains("interrupted"), chain);
        assertTrue(e.getMessage().contains("of 1000"), chain);
    }
}

package org.webrtcprimer.call;


import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.webrtcprimer.media.Constraints;
import org.webrtcprimer.media.MediaDevices;
import org.webrtcprimer.media.MediaStream;
import org.webrtcprimer.stats.StatsSampler;

import java.io.IOException;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Call after call with a data channel and a stats sampler: no thread is left behind, and the
 * channels can be collected — the engine keeps their observers forever, so the observers must
 * let go of the channels when the call ends.
 */
class DataChannelLifetimeTest {

    static long tasks() throws IOException {
        try (var s = Files.list(Path.of("/proc/self/task"))) {
            return s.count();
        }
    }

    static List<WeakReference<Object>> oneCall(MediaStream s) {
        LocalCall call = LocalCall.create(s);
        try {
            DataChannel a = call.pc1().createDataChannel("life");
            call.negotiate();
            call.awaitConnected();
            DataChannel b = call.pc2().awaitDataChannel("life");
            a.awaitOpen();
            StatsSampler sampler = StatsSampler.start(call, Duration.ofMillis(20));
            a.send("ping");
            b.receive();
            b.send(new byte[1000]); // left unread in a's queue on purpose
            sampler.sampleFor(Duration.ofMillis(60));
            return List.of(new WeakReference<>(a), new WeakReference<>(b), new WeakReference<>(sampler));
        } finally {
            call.hangup();
        }
    }

    @Test
    @Timeout(180)
    void manyDataCallsLeaveNoThreadsAndLetTheirChannelsGo() throws Exception {
        MediaStream s = MediaDevices.getUserMedia(Constraints.audioOnly().withSynthetic());
        try {
            for (int i = 0; i < 3; i++) oneCall(s);
            Thread.sleep(300);
            long javaBefore = Thread.activeCount(), tasksBefore = tasks();
            List<WeakReference<Object>> refs = new ArrayList<>();
            for (int i = 0; i < 30; i++) refs.addAll(oneCall(s));
            Thread.sleep(300);
            long javaAfter = Thread.activeCount(), tasksAfter = tasks();
            for (int i = 0; i < 5 && refs.stream().anyMatch(r -> r.get() != null); i++) {
                System.gc();
                Thread.sleep(100);
            }
            long alive = refs.stream().filter(r -> r.get() != null).count();
            String figures = String.format("30 data calls: Java threads %d→%d, native threads %d→%d, %d of %d channels and samplers still reachable",
                    javaBefore, javaAfter, tasksBefore, tasksAfter, alive, refs.size());
            System.out.println(figures);
            assertTrue(javaAfter <= javaBefore + 2, figures);
            assertTrue(tasksAfter <= tasksBefore + 2, figures);
            assertTrue(alive <= 3, figures); // the last call's objects may still sit in a register or the log's last waiter
        } finally {
            s.stop();
        }
    }
}

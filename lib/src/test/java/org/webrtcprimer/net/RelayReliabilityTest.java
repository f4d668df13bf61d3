package org.webrtcprimer.net;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.webrtcprimer.call.CallOptions;
import org.webrtcprimer.call.IceCandidate;
import org.webrtcprimer.call.LocalCall;
import org.webrtcprimer.call.DataChannel;
import org.webrtcprimer.call.FlowControl;
import org.webrtcprimer.media.Constraints;
import org.webrtcprimer.media.MediaDevices;
import org.webrtcprimer.media.MediaStream;

import java.io.File;
import java.net.InetSocketAddress;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.*;

/** The relay's resources over many calls, under a flood, and where it sends. */
@Timeout(600)
class RelayReliabilityTest {

    static MediaStream localStream;

    @BeforeAll
    static void start() {
        localStream = MediaDevices.getUserMedia(Constraints.audioOnly().withSynthetic());
    }

    @AfterAll
    static void stop() {
        localStream.stop();
    }

    private static int fds() {
        String[] l = new File("/proc/self/fd").list();
        return l == null ? -1 : l.length;
    }

    private static long relayThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().contains("-relay-")).count();
    }

    @Test
    void twoHundredRelayedCallsLeaveThreadsAndDescriptorsFlat() {
        int threads0 = 0, fds0 = 0;
        long t0 = System.nanoTime();
        for (int i = 0; i < 200; i++) {
            LocalCall call = LocalCall.call(localStream, CallOptions.defaults().withNetwork(Network.perfect()));
            assertTrue(call.relay().seen(Way.PC1_TO_PC2) > 0);
            call.hangup();
            assertTrue(call.relay().isClosed());
            if (i == 19) { // after the engine's own warm-up
                threads0 = Thread.activeCount();
                fds0 = fds();
            }
        }
        int threads = Thread.activeCount(), fds = fds();
        System.out.printf("200 relayed calls in %.1f s; threads %d → %d, fds %d → %d%n", (System.nanoTime() - t0) / 1e9,
                threads0, threads, fds0, fds);
        assertEquals(0, relayThreads(), "every relay's threads ended at hangup");
        assertTrue(threads <= threads0 + 3, "threads flat: " + threads0 + " after 20 calls, " + threads + " after 200");
        assertTrue(fds <= fds0 + 10, "descriptors flat: " + fds0 + " after 20 calls, " + fds + " after 200");
    }

    @Test
    void aFloodThroughASmallRateCapKeepsTheRelayBoundedAndSendsOnlyToThePeers() throws Exception {
        Set<InetSocketAddress> targets = ConcurrentHashMap.newKeySet();
        LocalCall call = LocalCall.withoutMedia(CallOptions.defaults()
                .withNetwork(Network.of(Impairment.none().withRate(200)).withSink(p -> targets.add(p.to()))));
        try {
            DataChannel flood = call.pc1().createDataChannel("flood");
            call.negotiate();
            call.awaitConnected();
            flood.awaitOpen();
            DataChannel at2 = call.pc2().awaitDataChannel("flood");
            Runtime rt = Runtime.getRuntime();
            System.gc();
            long heap0 = rt.totalMemory() - rt.freeMemory();
            byte[] chunk = new byte[16 * 1024];
            long end = System.nanoTime() + 6_000_000_000L, sent = 0;
            FlowControl flow = FlowControl.of(128 << 10, 64 << 10);
            while (System.nanoTime() < end) {
                flood.send(chunk, flow); // as fast as the channel takes them
                sent += chunk.length;
            }
            System.gc();
            long heap = rt.totalMemory() - rt.freeMemory();
            Relay relay = call.relay();
            long maxQueue = relay.queueHistory(Way.PC1_TO_PC2).stream().mapToLong(QueueSample::bytes).max().orElse(0);
            System.out.printf("flood: %d KB offered, %d KB arrived, relay dropped %d (queue), max queue %d B, heap %+.1f MB%n",
                    sent / 1024, at2.bytesReceived() / 1024, relay.count(Way.PC1_TO_PC2, Fate.DROPPED_QUEUE), maxQueue, (heap - heap0) / 1e6);
            assertTrue(maxQueue <= Impairment.DEFAULT_QUEUE_BYTES, "the queue never holds more than its limit: " + maxQueue);
            assertTrue(relay.count(Way.PC1_TO_PC2, Fate.DROPPED_QUEUE) > 0, "a flood overflows the queue: " + relay);
            // 200 kbit/s for 6 s is 150 KB: what arrived is what the link carries, not what was offered.
            assertTrue(at2.bytesReceived() < 200 * 1000 / 8 * 8, "the cap holds: " + at2.bytesReceived() + " bytes in 6 s");
            assertTrue(heap - heap0 < 64_000_000, "memory stays bounded under the flood: " + (heap - heap0) + " bytes more");
            // Where the relay sent: only to the two peers' own candidate addresses.
            Set<InetSocketAddress> peers = new HashSet<>();
            for (var pc : java.util.List.of(call.pc1(), call.pc2())) {
                for (IceCandidate c : pc.localCandidates()) {
                    String[] f = c.candidate().split(" ");
                    peers.add(new InetSocketAddress(f[4], Integer.parseInt(f[5])));
                }
            }
            assertFalse(targets.isEmpty());
            assertTrue(peers.containsAll(targets), "the relay sent only to the peers' own addresses " + peers + ", not " + targets);
        } finally {
            call.hangup();
        }
    }
}

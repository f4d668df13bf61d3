package org.webrtcprimer.net;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * What the relay does, measured from outside with numbered, time-stamped UDP packets (no engine):
 * the accuracy targets — delay within 1 ms + 5 %, loss within ±1 point over 10,000
 * packets, rate within 5 % — and each other impairment doing what it says.
 */
@Timeout(120)
class ImpairmentAccuracyTest {

    private static Probe.Result run(Network n, Way way, int packets, int size, long intervalNanos, long quietMs) {
        try (Relay relay = Relay.start(n); Probe probe = Probe.through(relay)) {
            return probe.run(way, packets, size, intervalNanos, quietMs);
        }
    }

    @Test
    void aFixedDelayIsHeldWithinOneMillisecondPlusFivePercent() {
        for (double ms : new double[]{10, 50}) {
            Probe.Result r = run(Network.perfect().withWay(Way.PC1_TO_PC2, Impairment.none().withDelay(ms)), Way.PC1_TO_PC2, 300, 200, 2_000_000, 300);
            assertEquals(300, r.received(), "a delay loses nothing");
            double median = r.delayMs(0.5);
            assertTrue(Math.abs(median - ms) <= 1 + 0.05 * ms, "set " + ms + " ms, measured median " + median + " ms");
            assertTrue(r.delayMs(0) >= ms - 0.05, "never early: min " + r.delayMs(0) + " ms");
            assertEquals(0, r.reordered());
        }
        // The other way is untouched.
        Probe.Result back = run(Network.perfect().withWay(Way.PC1_TO_PC2, Impairment.none().withDelay(50)), Way.PC2_TO_PC1, 100, 200, 1_000_000, 200);
        assertTrue(back.delayMs(0.5) < 5, "pc2 → pc1 has no delay: " + back.delayMs(0.5) + " ms");
    }

    @Test
    void randomLossIsWithinOnePointOverTenThousandPackets() {
        for (double pct : new double[]{1, 10, 30}) {
            Probe.Result r = run(Network.perfect().withLoss(pct), Way.PC1_TO_PC2, 10_000, 100, 100_000, 200);
            assertEquals(pct, r.lossPct(), 1.0, "set " + pct + " %, measured " + r.lossPct() + " %");
        }
    }

    @Test
    void aRateLimitIsHeldWithinFivePercentAndItsQueueDropsTheTail() {
        for (double kbps : new double[]{300, 1000}) {
            try (Relay relay = Relay.start(Network.perfect().withRate(kbps)); Probe probe = Probe.through(relay)) {
                // Twice the link's rate for 2 s, 1000-byte packets: the queue fills, then drops the tail.
                long interval = (long) (1000 * 8e6 / (2 * kbps));
                int packets = (int) (2e9 / interval);
                Probe.Result r = probe.run(Way.PC1_TO_PC2, packets, 1000, interval, 600);
                assertEquals(kbps, r.arrivalKbps(), 0.05 * kbps, "set " + kbps + " kbps, arrived at " + r.arrivalKbps());
                assertTrue(relay.count(Way.PC1_TO_PC2, Fate.DROPPED_QUEUE) > 0, "a full queue drops: " + relay);
                assertEquals(packets - r.received(), relay.dropped(Way.PC1_TO_PC2), "what the relay says it dropped is what did not arrive");
                long maxQueue = relay.queueHistory(Way.PC1_TO_PC2).stream().mapToLong(QueueSample::bytes).max().orElse(0);
                assertTrue(maxQueue <= Impairment.DEFAULT_QUEUE_BYTES && maxQueue > Impairment.DEFAULT_QUEUE_BYTES / 2,
                        "the queue fills up to its limit: " + maxQueue);
            }
        }
    }

    @Test
    void burstyLossFollowsTheGilbertModel() {
        BurstLoss b = BurstLoss.gilbert(5, 40);
        try (Relay relay = Relay.start(Network.perfect().withBothWays(Impairment.none().withBurst(b))); Probe probe = Probe.through(relay)) {
            List<RelayedPacket> fates = new ArrayList<>();
            relay.addSink(p -> {
                synchronized (fates) {
                    fates.add(p);
                }
            });
            Probe.Result r = probe.run(Way.PC1_TO_PC2, 10_000, 100, 100_000, 200);
            assertEquals(b.meanLossPct(), r.lossPct(), 2.0, "mean loss " + b.meanLossPct() + " %, measured " + r.lossPct());
            int bursts = 0, lostInBursts = 0;
            boolean inBurst = false;
            synchronized (fates) {
                for (RelayedPacket p : fates) {
                    boolean lost = p.fate() == Fate.DROPPED_LOSS;
                    if (lost && !inBurst) bursts++;
                    if (lost) lostInBursts++;
                    inBurst = lost;
                }
            }
            double meanBurst = (double) lostInBursts / bursts;
            assertEquals(b.meanBurstPackets(), meanBurst, 0.5, "losses come in bursts of " + b.meanBurstPackets() + " on average: " + meanBurst);
        }
    }

    @Test
    void jitterVariesTheDelayWithoutReorderingUnlessAsked() {
        Probe.Result r = run(Network.perfect().withWay(Way.PC1_TO_PC2, Impairment.none().withDelay(20).withJitter(10)), Way.PC1_TO_PC2, 400, 200, 2_000_000, 300);
        assertEquals(0, r.reordered(), "jitter alone keeps the order");
        assertTrue(r.delayMs(0) >= 9.9, "never below delay − jitter: " + r.delayMs(0));
        assertTrue(r.delayMs(0.9) - r.delayMs(0.1) > 4, "the delay varies: p10 " + r.delayMs(0.1) + ", p90 " + r.delayMs(0.9));
        Probe.Result mixed = run(Network.perfect().withWay(Way.PC1_TO_PC2, Impairment.none().withDelay(20).withReorder(25)), Way.PC1_TO_PC2, 400, 200, 1_000_000, 300);
        assertTrue(mixed.reordered() > 40, "a quarter skip the delay and overtake: " + mixed.reordered() + " reordered");
    }

    @Test
    void duplicationSendsExtraCopies() {
        Probe.Result r = run(Network.perfect().withBothWays(Impairment.none().withDuplicate(10)), Way.PC1_TO_PC2, 10_000, 100, 100_000, 200);
        assertEquals(10_000, r.received());
        assertEquals(10.0, 100.0 * r.duplicates() / r.sent(), 1.0, r.duplicates() + " duplicates");
    }

    @Test
    void conditionsChangeLiveAndOnASchedule() throws Exception {
        try (Relay relay = Relay.start(Network.perfect()); Probe probe = Probe.through(relay)) {
            assertTrue(probe.run(Way.PC1_TO_PC2, 50, 100, 1_000_000, 100).delayMs(0.5) < 5);
            relay.set(Way.PC1_TO_PC2, Impairment.none().withDelay(30));
            assertEquals(30, probe.run(Way.PC1_TO_PC2, 50, 100, 1_000_000, 200).delayMs(0.5), 2.5);
            relay.play(Schedule.of(Duration.ofMillis(400), Impairment.none().withLoss(100)).then(Duration.ofSeconds(5), Impairment.none()));
            assertEquals(100, probe.run(Way.PC1_TO_PC2, 20, 100, 1_000_000, 100).lossPct(), 0.01, "phase 1 loses all");
            Thread.sleep(400);
            assertEquals(0, probe.run(Way.PC1_TO_PC2, 20, 100, 1_000_000, 100).lossPct(), 0.01, "phase 2 loses none");
            List<String> why = relay.changes().stream().map(Relay.Change::why).toList();
            assertTrue(why.contains("set") && why.contains("phase 1 of 2") && why.contains("phase 2 of 2"), why.toString());
        }
    }

    @Test
    void theRelayOnlyCarriesWhatItCanAndSaysWhy() {
        try (Relay relay = Relay.start(Network.perfect())) {
            assertNull(relay.handOver("candidate:1 1 tcp 1518280447 127.0.0.1 9 typ host tcptype active", Way.PC1_TO_PC2));
            assertNull(relay.handOver("candidate:1 1 udp 2122262783 fd00::2 40000 typ host", Way.PC1_TO_PC2));
            assertNull(relay.handOver("candidate:1 1 udp 2122262783 8.8.8.8 40000 typ host", Way.PC1_TO_PC2), "not on this machine");
            assertTrue(Relay.whyNot("candidate:1 1 tcp 1 127.0.0.1 9 typ host").contains("UDP only"));
            assertTrue(Relay.whyNot("candidate:1 1 udp 1 fd00::2 9 typ host").contains("IPv6"));
            String r = relay.handOver("a=candidate:1 1 udp 2122260223 127.0.0.1 40000 typ host generation 0", Way.PC1_TO_PC2);
            assertTrue(r.startsWith("a=candidate:1 1 udp 2122260223 127.0.0.1 ") && r.endsWith(" typ host generation 0"), r);
            assertFalse(r.contains(" 40000 "), "the port is the relay's: " + r);
            assertThrows(IllegalArgumentException.class, () -> relay.handOver("candidate:1 1 udp", Way.PC1_TO_PC2));
        }
        assertThrows(IllegalArgumentException.class, () -> Impairment.none().withLoss(120));
        assertThrows(IllegalArgumentException.class, () -> Impairment.none().withRate(2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Impairment.none().withDelay(-1));
        assertTrue(e.getMessage().contains("delay -1.0 ms is out of range"), e.getMessage());
    }
}

package org.webrtcprimer.wire;

import org.junit.jupiter.api.Test;
import org.webrtcprimer.net.Fate;
import org.webrtcprimer.net.RelayedPacket;
import org.webrtcprimer.net.Way;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.*;

/** The ring buffer: bounded, says when it wrapped, keeps the newest, safe with two writers; and a tshark read of built packets. */
class CaptureTest {
    static final InetSocketAddress A = new InetSocketAddress("192.0.2.1", 5000), B = new InetSocketAddress("192.0.2.2", 6000);

    static RelayedPacket packet(long i, byte[] d) {
        return new RelayedPacket(i, i * 1_000_000L, i % 2 == 0 ? Way.PC1_TO_PC2 : Way.PC2_TO_PC1, i % 2 == 0 ? A : B, i % 2 == 0 ? B : A,
                d, i % 10 == 9 ? Fate.DROPPED_LOSS : Fate.FORWARDED, 0);
    }

    @Test
    void keepsTheNewestAndSaysItWrapped() {
        Capture c = Capture.ofCapacity(100);
        for (int i = 0; i < 100; i++) c.packet(packet(i, Packets.rtp(96, i, i, 1, false, 10)));
        assertFalse(c.wrapped());
        for (int i = 100; i < 250; i++) c.packet(packet(i, Packets.rtp(96, i, i, 1, false, 10)));
        assertTrue(c.wrapped());
        assertEquals(150, c.overwritten());
        List<WirePacket> ps = c.packets();
        assertEquals(100, ps.size());
        assertEquals(150, ps.get(0).index());
        assertEquals(249, ps.get(99).index());
        assertTrue(c.toString().contains("wrapped: the first 150 of 250 were let go"), c.toString());
        assertThrows(IllegalArgumentException.class, () -> Capture.ofCapacity(0));
    }

    @Test
    void cutsLongDatagramsToTheSnapLength() {
        Capture c = Capture.ofCapacity(4);
        c.packet(packet(0, new byte[9000]));
        assertEquals(Capture.SNAP_LENGTH, c.packets().get(0).size());
    }

    @Test
    void twoWritersAtOnceLoseNothingWithinCapacity() throws Exception {
        Capture c = Capture.ofCapacity(50_000);
        CountDownLatch go = new CountDownLatch(1);
        Thread[] t = new Thread[2];
        for (int w = 0; w < 2; w++) {
            int base = w * 20_000;
            t[w] = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < 20_000; i++) c.packet(packet(base + i, new byte[]{0, 1}));
            });
            t[w].start();
        }
        go.countDown();
        for (Thread x : t) x.join(30_000);
        assertEquals(40_000, c.seen());
        assertEquals(40_000, c.packets().size());
        assertEquals(40_000, c.packets().stream().map(WirePacket::index).distinct().count());
    }

    /** Built packets through the pcap writer: tshark reads STUN (RFC 5769's request), a ClientHello, RTP over IPv4 and IPv6. */
    @Test
    void tsharkReadsBuiltPackets() throws Exception {
        Capture c = Capture.ofCapacity(10);
        InetSocketAddress v6a = new InetSocketAddress("2001:db8::1", 7000), v6b = new InetSocketAddress("2001:db8::2", 7001);
        c.packet(new RelayedPacket(0, 1_000, Way.PC1_TO_PC2, A, B, Rfc5769.REQUEST, Fate.FORWARDED, 0));
        c.packet(new RelayedPacket(1, 2_000, Way.PC2_TO_PC1, B, A, Packets.clientHello(), Fate.FORWARDED, 0));
        c.packet(new RelayedPacket(2, 3_000, Way.PC1_TO_PC2, A, B, Packets.rtp(96, 77, 1, 0xABCDL, true, 40), Fate.DROPPED_QUEUE, 0));
        c.packet(new RelayedPacket(3, 4_000, Way.PC1_TO_PC2, v6a, v6b, Packets.rtp(111, 78, 1, 0xABCEL, false, 40), Fate.FORWARDED, 0));
        Path dir = Files.createDirectories(Path.of("target/wire"));
        Path f = c.writePcap(dir.resolve("built.pcap"));
        assertEquals("evtj:h6vY", Tshark.fields(f, "stun", "stun.att.username").get(0)[0]);
        assertEquals("1", Tshark.fields(f, "dtls.handshake", "dtls.handshake.type").get(0)[0]);
        List<String[]> rtp = Tshark.fields(f, "rtp", "rtp.seq", "rtp.p_type", "udp.checksum.status");
        assertEquals(2, rtp.size());
        assertEquals("77", rtp.get(0)[0]);
        assertEquals("111", rtp.get(1)[1]);
        List<String[]> ip = Tshark.fields(f, "ip", "ip.checksum.status");
        assertEquals(3, ip.size());
        Path ng = c.writePcap(dir.resolve("built.pcapng"));
        assertEquals("pc1 → pc2, dropped: queue full", Tshark.fields(ng, "rtp", "frame.comment").get(0)[0]);
        assertThrows(java.io.IOException.class, () -> c.writePcap(dir.resolve("no-such-folder/x.pcap")));
    }
}

package org.webrtcprimer.wire;

import org.webrtcprimer.net.RelayedPacket;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes captured datagrams as a capture file Wireshark and tshark read: each datagram in an IP
 * and UDP header with the addresses it travelled between (pc1's and pc2's sockets; the relay in
 * the middle is left out), link type RAW (101, an IP packet with no link header). Classic pcap
 * with nanosecond timestamps (magic 0xA1B23C4D), or pcapng when the name ends in {@code .pcapng},
 * where each packet also carries a comment with its way and fate (dropped packets are in both: they
 * reached the relay).
 */
public final class Pcap {
    private Pcap() {}

    static final int LINKTYPE_RAW = 101;

    static Path write(List<RelayedPacket> packets, long epochOffsetNanos, Path file) throws IOException {
        if (file == null) throw new IllegalArgumentException("no file to write the capture to");
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new IOException("cannot write " + file + ": the folder " + parent + " does not exist");
        }
        boolean ng = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".pcapng");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            if (ng) {
                out.write(sectionHeader());
                out.write(interfaceDescription());
            } else {
                ByteBuffer h = le(24);
                h.putInt(0xA1B23C4D).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535).putInt(LINKTYPE_RAW);
                out.write(h.array());
            }
            for (RelayedPacket p : packets) {
                byte[] ip = ipUdp(p.from(), p.to(), p.data());
                long t = epochOffsetNanos + p.nanos();
                if (ng) {
                    out.write(enhancedPacket(t, ip, p.way().label() + ", " + p.fate().label()
                            + (p.delayNanos() > 0 ? String.format(java.util.Locale.ROOT, ", held %.1f ms", p.delayNanos() / 1e6) : "")));
                } else {
                    ByteBuffer r = le(16);
                    r.putInt((int) (t / 1_000_000_000L)).putInt((int) (t % 1_000_000_000L)).putInt(ip.length).putInt(ip.length);
                    out.write(r.array());
                    out.write(ip);
                }
            }
        }
        return file;
    }

    private static ByteBuffer le(int n) {
        return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static byte[] sectionHeader() {
        ByteBuffer b = le(28);
        b.putInt(0x0A0D0D0A).putInt(28).putInt(0x1A2B3C4D).putShort((short) 1).putShort((short) 0).putLong(-1L).putInt(28);
        return b.array();
    }

    private static byte[] interfaceDescription() {
        // options: if_tsresol (9) = 9 → nanoseconds; end of options
        ByteBuffer b = le(32);
        b.putInt(1).putInt(32).putShort((short) LINKTYPE_RAW).putShort((short) 0).putInt(65535)
                .putShort((short) 9).putShort((short) 1).put((byte) 9).put(new byte[3])
                .putShort((short) 0).putShort((short) 0).putInt(32);
        return b.array();
    }

    private static byte[] enhancedPacket(long t, byte[] data, String comment) {
        byte[] c = comment.getBytes(StandardCharsets.UTF_8);
        int dataPad = (4 - data.length % 4) % 4, cPad = (4 - c.length % 4) % 4;
        int len = 28 + data.length + dataPad + 4 + c.length + cPad + 4 + 4;
        ByteBuffer b = le(len);
        b.putInt(6).putInt(len).putInt(0).putInt((int) (t >>> 32)).putInt((int) t).putInt(data.length).putInt(data.length);
        b.put(data).put(new byte[dataPad]);
        b.putShort((short) 1).putShort((short) c.length).put(c).put(new byte[cPad]);
        b.putShort((short) 0).putShort((short) 0);
        b.putInt(len);
        return b.array();
    }

    /** The datagram inside an IPv4 (or IPv6) and UDP header, big-endian as on the wire. */
    static byte[] ipUdp(InetSocketAddress from, InetSocketAddress to, byte[] payload) {
        InetAddress s = address(from), d = address(to);
        boolean v4 = s instanceof Inet4Address && d instanceof Inet4Address;
        int sp = from == null ? 0 : from.getPort(), dp = to == null ? 0 : to.getPort();
        int udpLen = 8 + payload.length;
        if (v4) {
            ByteBuffer b = ByteBuffer.allocate(20 + udpLen);
            b.put((byte) 0x45).put((byte) 0).putShort((short) (20 + udpLen)).putShort((short) 0).putShort((short) 0x4000)
                    .put((byte) 64).put((byte) 17).putShort((short) 0).put(s.getAddress()).put(d.getAddress());
            b.putShort(10, (short) checksum(b.array(), 0, 20, 0));
            b.putShort((short) sp).putShort((short) dp).putShort((short) udpLen).putShort((short) 0).put(payload);
            return b.array();
        }
        byte[] s16 = v6(s), d16 = v6(d);
        ByteBuffer b = ByteBuffer.allocate(40 + udpLen);
        b.putInt(0x60000000).putShort((short) udpLen).put((byte) 17).put((byte) 64).put(s16).put(d16);
        b.putShort((short) sp).putShort((short) dp).putShort((short) udpLen).putShort((short) 0).put(payload);
        // UDP over IPv6 needs its checksum (RFC 8200 §8.1): pseudo-header of addresses, length and next header.
        long pseudo = sum(s16) + sum(d16) + udpLen + 17;
        int c = checksum(b.array(), 40, udpLen, pseudo);
        b.putShort(46, (short) (c == 0 ? 0xFFFF : c));
        return b.array();
    }

    private static InetAddress address(InetSocketAddress a) {
        if (a != null && a.getAddress() != null) return a.getAddress();
        try {
            return InetAddress.getByAddress(new byte[4]);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] v6(InetAddress a) {
        byte[] b = a.getAddress();
        if (b.length == 16) return b;
        byte[] m = new byte[16]; // an IPv4 address mapped into IPv6 (::ffff:a.b.c.d)
        m[10] = (byte) 0xff;
        m[11] = (byte) 0xff;
        System.arraycopy(b, 0, m, 12, 4);
        return m;
    }

    private static long sum(byte[] b) {
        long s = 0;
        for (int i = 0; i < b.length; i += 2) s += ((b[i] & 0xff) << 8) | (b[i + 1] & 0xff);
        return s;
    }

    /** The Internet checksum (RFC 1071) of a range, plus a pseudo-header sum. */
    private static int checksum(byte[] b, int off, int len, long initial) {
        long s = initial;
        for (int i = 0; i + 1 < len; i += 2) s += ((b[off + i] & 0xff) << 8) | (b[off + i + 1] & 0xff);
        if (len % 2 == 1) s += (b[off + len - 1] & 0xff) << 8;
        while ((s >> 16) != 0) s = (s & 0xffff) + (s >> 16);
        return (int) (~s & 0xffff);
    }
}

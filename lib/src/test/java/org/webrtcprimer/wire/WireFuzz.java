package org.webrtcprimer.wire;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

/** Inputs for the decoders' fuzz runs: valid datagrams of every kind, mutated, plus random bytes. */
final class WireFuzz {
    private WireFuzz() {}

    static final List<byte[]> SEEDS = List.of(Rfc5769.REQUEST, Rfc5769.RESPONSE_V4, Rfc5769.RESPONSE_V6, Rfc5769.LONG_TERM,
            new StunBuilder(0x0113).attr(Stun.ERROR_CODE, new byte[]{0, 0, 4, 1, 'x'}).attr(Stun.REALM, "r".getBytes()).build(),
            new StunBuilder(0x0009).attr(Stun.CHANNEL_NUMBER, new byte[]{0x40, 0, 0, 0})
                    .xorAddress(Stun.XOR_PEER_ADDRESS, new byte[]{10, 0, 0, 1}, 9).buildWithFingerprint(),
            new StunBuilder(0x0016).attr(Stun.DATA, Packets.rtp(96, 1, 2, 3, false, 20)).build(),
            Packets.rtp(96, 7, 8, 9, true, 40, new byte[]{1, 5}, new byte[]{3, 0, 1}, new byte[]{4, 'a', 'b'}),
            Packets.rtp(111, 7, 8, 9, false, 0),
            Packets.rtcpSrSdes(77, "cname"), Packets.pli(1, 2),
            Packets.clientHello(), Packets.serverHelloFlight(), Packets.ccsFinished(),
            new byte[]{0x40, 0x00, 0x00, 0x08, 0, 1, 0, 0, 0x21, 0x12, (byte) 0xa4, 0x42});

    /** One input: a mutated seed (19 in 20) or random bytes. */
    static byte[] next(SplittableRandom r) {
        if (r.nextInt(20) == 0) {
            byte[] b = new byte[r.nextInt(200)];
            r.nextBytes(b);
            return b;
        }
        byte[] d = SEEDS.get(r.nextInt(SEEDS.size())).clone();
        int n = 1 + r.nextInt(4);
        for (int k = 0; k < n && d.length > 0; k++) {
            switch (r.nextInt(6)) {
                case 0 -> d[r.nextInt(d.length)] ^= (byte) (1 << r.nextInt(8));
                case 1 -> d[r.nextInt(d.length)] = (byte) r.nextInt(256);
                case 2 -> d = java.util.Arrays.copyOf(d, r.nextInt(d.length + 1));
                case 3 -> { // a length field set to something large or small
                    int i = r.nextInt(d.length);
                    d[i] = (byte) (r.nextBoolean() ? 0xff : 0);
                }
                case 4 -> { // bytes appended
                    byte[] e = new byte[r.nextInt(16)];
                    r.nextBytes(e);
                    byte[] x = java.util.Arrays.copyOf(d, d.length + e.length);
                    System.arraycopy(e, 0, x, d.length, e.length);
                    d = x;
                }
                default -> d[0] = (byte) r.nextInt(256);
            }
        }
        return d;
    }

    private static final List<Function<byte[], Decoded>> DECODERS = List.of(Wire::decode, Stun::decode, Dtls::decode,
            ChannelData::decode, Rtp::decode, d -> Rtp.decodeRtcp(d, false), d -> Rtp.decodeRtcp(d, true));

    /** Every decoder on one input: none may throw, each returns a value whose summary can be made. */
    static void check(byte[] d) {
        for (Function<byte[], Decoded> f : DECODERS) {
            Decoded x;
            try {
                x = f.apply(d);
                if (x == null) throw new AssertionError("a decoder returned null");
                if (x.summary() == null) throw new AssertionError("a summary was null");
                if (x instanceof StunMessage m) {
                    m.xorMappedAddress();
                    m.xorPeerAddress();
                    m.errorCode();
                    m.integrityValid("pw");
                }
            } catch (RuntimeException e) {
                throw new AssertionError("a decoder threw on " + Bytes.hex(d) + ": " + e, e);
            }
        }
    }
}

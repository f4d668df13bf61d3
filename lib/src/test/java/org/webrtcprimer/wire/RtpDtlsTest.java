package org.webrtcprimer.wire;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.*;

/** RTP, RTCP and DTLS headers built per RFC 3550/8285/4585/6347, decoded back. */
class RtpDtlsTest {

    @Test
    void classifiesByFirstByteAsRfc7983Says() {
        assertEquals(Kind.STUN, Kind.of(new byte[]{0}));
        assertEquals(Kind.STUN, Kind.of(new byte[]{3}));
        assertEquals(Kind.UNKNOWN, Kind.of(new byte[]{4}));
        assertEquals(Kind.ZRTP, Kind.of(new byte[]{16}));
        assertEquals(Kind.DTLS, Kind.of(new byte[]{20}));
        assertEquals(Kind.DTLS, Kind.of(new byte[]{63}));
        assertEquals(Kind.CHANNEL_DATA, Kind.of(new byte[]{64}));
        assertEquals(Kind.CHANNEL_DATA, Kind.of(new byte[]{79}));
        assertEquals(Kind.UNKNOWN, Kind.of(new byte[]{80}));
        assertEquals(Kind.RTP, Kind.of(new byte[]{(byte) 128, 96}));
        assertEquals(Kind.RTCP, Kind.of(new byte[]{(byte) 128, (byte) 200}));
        assertEquals(Kind.RTCP, Kind.of(new byte[]{(byte) 191, (byte) 223}));
        assertEquals(Kind.RTP, Kind.of(new byte[]{(byte) 128, (byte) 224})); // PT 96 with the marker set
        assertEquals(Kind.UNKNOWN, Kind.of(new byte[]{(byte) 192}));
        assertEquals(Kind.UNKNOWN, Kind.of(new byte[0]));
        assertEquals(Kind.UNKNOWN, Kind.of(null));
    }

    @Test
    void rtpHeaderAndOneByteExtensions() {
        byte[] p = Packets.rtp(96, 65535, 3_000_000_000L, 0xDEADBEEFL, true, 100,
                new byte[]{3, 0x12, 0x34}, new byte[]{1, (byte) 0x85}, new byte[]{4, '0'});
        RtpHeader h = (RtpHeader) Wire.decode(p);
        assertEquals(2, h.version());
        assertEquals(96, h.payloadType());
        assertTrue(h.marker());
        assertEquals(65535, h.sequence());
        assertEquals(3_000_000_000L, h.timestamp());
        assertEquals(0xDEADBEEFL, h.ssrc());
        assertEquals("0xDEADBEEF", h.ssrcHex());
        assertEquals(0xBEDE, h.extensionProfile());
        assertEquals(3, h.extensions().size());
        assertEquals("1234", h.extension(3).hex());
        assertEquals("85", h.extension(1).hex());
        assertEquals("0", new String(h.extension(4).value()));
        assertEquals(100, h.payloadLength());
        assertEquals(12 + 4 + 8, h.headerLength());
        assertNull(h.problem());
    }

    @Test
    void rtpCutShortSaysWhere() {
        byte[] p = Packets.rtp(111, 1, 1, 1, false, 0, new byte[]{1, 1, 2, 3, 4, 5, 6});
        Decoded d = Wire.decode(Arrays.copyOf(p, 18));
        assertInstanceOf(RtpHeader.class, d);
        assertTrue(d.problem().contains("the extension says 8 bytes, 2 are left"), d.problem());
        assertInstanceOf(Decoded.Opaque.class, Wire.decode(Arrays.copyOf(p, 11)));
    }

    @Test
    void rtcpCompoundInClearAndAsSrtcp() {
        byte[] c = Packets.rtcpSrSdes(0x1234L, "kit");
        RtcpHeader plain = (RtcpHeader) Rtp.decodeRtcp(c, false);
        assertEquals(2, plain.packets().size());
        assertEquals("SR", plain.packets().get(0).name());
        assertEquals("SDES", plain.packets().get(1).name());
        assertEquals(0x1234L, plain.packets().get(1).senderSsrc());
        assertNull(plain.problem());

        RtcpHeader s = (RtcpHeader) Wire.decode(c);
        assertTrue(s.encrypted());
        assertEquals(1, s.packets().size());
        assertEquals(28, s.firstLength());
        assertTrue(s.summary().contains("SR from SSRC 0x00001234 + 16 more bytes"), s.summary());

        RtcpHeader pli = (RtcpHeader) Wire.decode(Packets.pli(5, 6));
        assertEquals("PSFB PLI", pli.first().name());
        assertEquals("RTPFB NACK", Rtp.rtcpName(205, 1));
        assertEquals("RTPFB transport-cc", Rtp.rtcpName(205, 15));
        assertEquals("PSFB AFB (REMB)", Rtp.rtcpName(206, 15));
    }

    @Test
    void dtlsHandshakeInClear() {
        DtlsDatagram ch = (DtlsDatagram) Wire.decode(Packets.clientHello());
        assertEquals(1, ch.records().size());
        DtlsRecord r = ch.records().get(0);
        assertEquals("DTLS 1.2", r.versionName());
        assertEquals(0, r.epoch());
        assertEquals("ClientHello", r.handshake().name());
        assertEquals(java.util.List.of("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"),
                r.handshake().cipherSuites());
        assertEquals(java.util.List.of("extended_master_secret", "use_srtp", "supported_groups"), r.handshake().extensions());
        assertEquals(java.util.List.of("SRTP_AES128_CM_HMAC_SHA1_80"), r.handshake().srtpProfiles());
        assertTrue(ch.handshake());
        assertNull(ch.problem());

        DtlsDatagram sh = (DtlsDatagram) Wire.decode(Packets.serverHelloFlight());
        assertEquals("DTLS 1.2 ServerHello, ServerHelloDone", sh.summary());
        assertEquals(java.util.List.of("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"), sh.records().get(0).handshake().cipherSuites());

        DtlsDatagram fin = (DtlsDatagram) Wire.decode(Packets.ccsFinished());
        assertEquals("DTLS 1.2 change_cipher_spec, encrypted handshake (Finished)", fin.summary());

        DtlsDatagram app = (DtlsDatagram) Wire.decode(Packets.record(23, 1, 5, new byte[30]));
        assertTrue(app.applicationData());
        assertFalse(app.handshake());

        Decoded cut = Wire.decode(Arrays.copyOf(Packets.serverHelloFlight(), 40));
        assertNotNull(cut.problem());
    }
}

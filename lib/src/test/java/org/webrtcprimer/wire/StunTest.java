package org.webrtcprimer.wire;

import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;

import static org.junit.jupiter.api.Assertions.*;

/** The STUN decoder against RFC 5769's test vectors, and TURN messages built per RFC 8656. */
class StunTest {

    private static StunMessage stun(byte[] d) {
        Decoded x = Wire.decode(d);
        assertInstanceOf(StunMessage.class, x, () -> x.summary());
        return (StunMessage) x;
    }

    @Test
    void sampleRequest() {
        StunMessage m = stun(Rfc5769.REQUEST);
        assertEquals(Kind.STUN, Kind.of(Rfc5769.REQUEST));
        assertEquals("Binding request", m.name());
        assertEquals("b7e7a701bc34d686fa87dfae", m.transactionId());
        assertEquals("evtj:h6vY", m.username());
        assertEquals(0x6e0001ffL, m.priority());
        assertEquals("tie-breaker 932ff9b151263b36", m.iceControlled());
        assertNull(m.iceControlling());
        assertFalse(m.useCandidate());
        assertEquals("STUN test client", m.software());
        assertTrue(m.hasIntegrity());
        assertTrue(m.hasFingerprint());
        assertEquals(Boolean.TRUE, m.fingerprintValid());
        assertTrue(m.integrityValid(Rfc5769.PASSWORD));
        assertFalse(m.integrityValid("wrong password"));
        assertNull(m.problem());
        assertEquals(6, m.attributes().size());
    }

    @Test
    void ipv4AndIpv6Responses() {
        StunMessage v4 = stun(Rfc5769.RESPONSE_V4);
        assertEquals("Binding success response", v4.name());
        assertEquals(new InetSocketAddress("192.0.2.1", 32853), v4.xorMappedAddress());
        assertEquals("test vector", v4.software());
        assertEquals(Boolean.TRUE, v4.fingerprintValid());
        assertTrue(v4.integrityValid(Rfc5769.PASSWORD));

        StunMessage v6 = stun(Rfc5769.RESPONSE_V6);
        assertEquals(new InetSocketAddress("2001:db8:1234:5678:11:2233:4455:6677", 32853), v6.xorMappedAddress());
        assertEquals(Boolean.TRUE, v6.fingerprintValid());
        assertTrue(v6.integrityValid(Rfc5769.PASSWORD));
        assertTrue(v6.summary().contains("XOR-MAPPED-ADDRESS [2001:db8:1234:5678:11:2233:4455:6677]:32853"), v6.summary());
    }

    @Test
    void longTermCredentials() {
        StunMessage m = stun(Rfc5769.LONG_TERM);
        assertEquals("マトリックス", m.username());
        assertEquals("example.org", m.realm());
        assertEquals("f//499k954d6OL34oL9FSTvy64sA", m.nonce());
        assertNull(m.fingerprintValid());
        // RFC 5769 §2.4: the password "The<U+00AD>M<U+00AA>tr<U+2168>" is "TheMatrIX" after SASLprep.
        assertTrue(m.integrityValid(Stun.longTermKey("マトリックス", "example.org", "TheMatrIX")));
    }

    @Test
    void aFlippedBitBreaksTheFingerprintAndTheIntegrity() {
        byte[] d = Rfc5769.REQUEST.clone();
        d[30] ^= 1; // inside SOFTWARE
        StunMessage m = stun(d);
        assertEquals(Boolean.FALSE, m.fingerprintValid());
        assertFalse(m.integrityValid(Rfc5769.PASSWORD));
        assertTrue(m.summary().contains("wrong CRC"));
    }

    @Test
    void truncatedMessagesKeepWhatWasRead() {
        byte[] d = java.util.Arrays.copyOf(Rfc5769.REQUEST, 50);
        StunMessage m = stun(d);
        assertNotNull(m.problem());
        assertTrue(m.problem().contains("says 88 bytes after the header, the datagram has 30"), m.problem());
        assertEquals("STUN test client", m.software());
        assertInstanceOf(Decoded.Opaque.class, Wire.decode(java.util.Arrays.copyOf(Rfc5769.REQUEST, 12)));
    }

    /** A TURN Allocate error response, a success with XOR-RELAYED-ADDRESS, ChannelBind and ChannelData, built per RFC 8656. */
    @Test
    void turnMethodsAndAttributes() {
        StunBuilder alloc = new StunBuilder(0x0003 | 0x0110) // Allocate error response
                .attr(Stun.ERROR_CODE, new byte[]{0, 0, 4, 1, 'U', 'n', 'a', 'u', 't', 'h', 'o', 'r', 'i', 'z', 'e', 'd'})
                .attr(Stun.REALM, "kit".getBytes()).attr(Stun.NONCE, "abcd1234".getBytes());
        StunMessage e = stun(alloc.build());
        assertEquals("Allocate error response", e.name());
        assertEquals(401, e.errorCode());
        assertEquals("Unauthorized", e.errorReason());
        assertEquals("kit", e.realm());
        assertEquals("abcd1234", e.nonce());

        StunBuilder ok = new StunBuilder(0x0103) // Allocate success
                .xorAddress(Stun.XOR_RELAYED_ADDRESS, new byte[]{(byte) 192, 0, 2, 15}, 50000)
                .xorAddress(Stun.XOR_MAPPED_ADDRESS, new byte[]{(byte) 192, 0, 2, 1}, 40000)
                .attr(Stun.LIFETIME, new byte[]{0, 0, 0x02, 0x58});
        StunMessage s = stun(ok.build());
        assertEquals("Allocate success response", s.name());
        assertEquals(new InetSocketAddress("192.0.2.15", 50000), s.xorRelayedAddress());
        assertEquals(600L, s.lifetime());

        StunMessage req = stun(new StunBuilder(0x0003).attr(Stun.REQUESTED_TRANSPORT, new byte[]{17, 0, 0, 0}).build());
        assertEquals(17, req.requestedTransport());
        assertTrue(req.summary().startsWith("Allocate request"));

        StunMessage bind = stun(new StunBuilder(0x0009).attr(Stun.CHANNEL_NUMBER, new byte[]{0x40, 0x01, 0, 0})
                .xorAddress(Stun.XOR_PEER_ADDRESS, new byte[]{(byte) 192, 0, 2, 7}, 6000).build());
        assertEquals("ChannelBind request", bind.name());
        assertEquals(0x4001, bind.channelNumber());
        assertEquals(new InetSocketAddress("192.0.2.7", 6000), bind.xorPeerAddress());

        assertEquals("Refresh request", stun(new StunBuilder(0x0004).build()).name());
        assertEquals("CreatePermission request", stun(new StunBuilder(0x0008).build()).name());
        StunMessage send = stun(new StunBuilder(0x0016).attr(Stun.DATA, Rfc5769.REQUEST).build()); // Send indication
        assertEquals("Send indication", send.name());
        assertArrayEquals(Rfc5769.REQUEST, send.data());
        assertEquals("Data indication", stun(new StunBuilder(0x0017).build()).name());

        byte[] cd = new byte[4 + Rfc5769.REQUEST.length];
        cd[0] = 0x40;
        cd[1] = 0x01;
        cd[2] = (byte) (Rfc5769.REQUEST.length >> 8);
        cd[3] = (byte) Rfc5769.REQUEST.length;
        System.arraycopy(Rfc5769.REQUEST, 0, cd, 4, Rfc5769.REQUEST.length);
        assertEquals(Kind.CHANNEL_DATA, Kind.of(cd));
        ChannelData c = (ChannelData) Wire.decode(cd);
        assertEquals(0x4001, c.channel());
        assertEquals("evtj:h6vY", ((StunMessage) c.inner()).username());
        assertNull(c.problem());
        assertTrue(c.summary().startsWith("ChannelData channel 0x4001, 108 bytes: Binding request"), c.summary());
    }
}

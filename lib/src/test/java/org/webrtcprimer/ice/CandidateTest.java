package org.webrtcprimer.ice;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class CandidateTest {

    @Test
    void parsesAChromeHostCandidateWithEveryLibwebrtcExtension() {
        Candidate c = Candidate.parse("a=candidate:1560499547 1 udp 2113937151 2cf0b2c0-0842-4fe3-aaa0-4556a2dfbadc.local 33192 typ host generation 0 ufrag gydc network-id 1 network-cost 999");
        assertEquals("1560499547", c.foundation());
        assertEquals(1, c.component());
        assertEquals("udp", c.transport());
        assertEquals(2113937151L, c.priority());
        assertEquals("2cf0b2c0-0842-4fe3-aaa0-4556a2dfbadc.local", c.address());
        assertTrue(c.isMdns());
        assertEquals(33192, c.port());
        assertEquals("host", c.type());
        assertEquals(0, c.generation());
        assertEquals("gydc", c.ufrag());
        assertEquals(1, c.networkId());
        assertEquals(999, c.networkCost());
        assertNull(c.relatedAddress());
        assertEquals(4, c.extensions().size());
    }

    @Test
    void parsesReflexiveAndTcpCandidatesInAnyExtensionOrder() {
        Candidate s = Candidate.parse("candidate:842163049 1 udp 1677729535 186.50.9.10 52200 typ srflx raddr 0.0.0.0 rport 0 generation 0 network-cost 999");
        assertEquals("srflx", s.type());
        assertEquals("0.0.0.0", s.relatedAddress());
        assertEquals(0, s.relatedPort());
        Candidate t = Candidate.parse("candidate:5 1 TCP 1684013055 192.0.2.3 45664 typ srflx raddr 10.0.1.1 rport 8998 tcptype passive generation 5");
        assertEquals("passive", t.tcpType());
        assertEquals(5, t.generation());
        assertEquals(8998, t.relatedPort());
        Candidate reordered = Candidate.parse("candidate:5 1 TCP 1684013055 192.0.2.3 45664 typ srflx generation 5 tcptype passive rport 8998 raddr 10.0.1.1 x-custom 7");
        assertEquals(t.tcpType(), reordered.tcpType());
        assertEquals(t.relatedAddress(), reordered.relatedAddress());
        assertEquals("7", reordered.extensions().get("x-custom"));
    }

    @Test
    void decomposesThePriorityPerRfc8445() {
        Candidate c = Candidate.parse("candidate:1 1 udp 2130706431 10.0.0.1 5000 typ host");
        assertEquals(126, c.typePreference());
        assertEquals(65535, c.localPreference());
        assertEquals(1, c.componentFromPriority());
        assertEquals(2130706431L, Candidate.priority(126, 65535, 1));
        // A real gateway (datasets/sdp/gateway-icelite-audio.sdp) that does not use the RFC formula: the low byte is not 256 - component.
        Candidate rtcp = Candidate.parse("candidate:X 2 UDP 659134 192.168.100.100 10019 typ host");
        assertEquals(0, rtcp.typePreference());
        assertEquals(2574, rtcp.localPreference());
        assertEquals(66, rtcp.componentFromPriority());
        assertEquals(2, rtcp.component());
        Candidate rfc = Candidate.parse("candidate:3348148302 2 udp 2113937150 203.0.113.100 10101 typ host");
        assertEquals(2, rfc.componentFromPriority());
        Candidate relay = Candidate.parse("candidate:1590270400 1 udp 33562623 203.0.113.9 34517 typ relay raddr 0.0.0.0 rport 0 generation 0 network-cost 999");
        assertEquals(2, relay.typePreference());
        assertEquals(Candidate.priority(2, (int) relay.localPreference(), 1), relay.priority());
        Candidate max = Candidate.parse("candidate:1 256 udp 4294967295 10.0.0.1 9 typ host");
        assertEquals(4294967295L, max.priority());
        assertEquals(255, max.typePreference());
    }

    @Test
    void rejectsBrokenCandidatesWithAMessageNamingTheField() {
        assertMessage("at least 8 fields", "candidate:1 1 udp 2130706431 10.0.0.1 5000 typ");
        assertMessage("priority 'high' is not a number", "candidate:1 1 udp high 10.0.0.1 5000 typ host");
        assertMessage("priority 4294967296 is larger", "candidate:1 1 udp 4294967296 10.0.0.1 5000 typ host");
        assertMessage("port 70000 is larger", "candidate:1 1 udp 1 10.0.0.1 70000 typ host");
        assertMessage("must be 'typ'", "candidate:1 1 udp 1 10.0.0.1 5000 type host");
        assertMessage("has no value", "candidate:1 1 udp 1 10.0.0.1 5000 typ host generation");
        assertMessage("component id", "candidate:1 0 udp 1 10.0.0.1 5000 typ host");
        assertMessage("end-of-candidates", "candidate:");
        assertThrows(IllegalArgumentException.class, () -> Candidate.parse(null));
    }

    @Test
    void printsSomethingUsefulAndRoundTripsToSdp() {
        String line = "candidate:3289912957 1 udp 1845501695 193.84.77.194 60017 typ srflx raddr 192.168.34.75 rport 60017 generation 0";
        Candidate c = Candidate.parse(line);
        assertEquals(line, c.toSdp());
        assertTrue(c.toString().contains("type pref 110"), c.toString());
    }

    private static void assertMessage(String expected, String line) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Candidate.parse(line));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}

package org.webrtcprimer.ice;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Candidate lines in the forms browsers and libwebrtc write them that the engine here does not
 * produce (no STUN or TURN server, no mDNS): server reflexive, relayed, mDNS hosts, TCP active,
 * IPv6, Firefox's upper-case transports. Addresses are from the documentation ranges
 * (RFC 5737, RFC 3849).
 */
class CandidateFormatsTest {

    @Test
    void everyTypeAndTransportAndFamily() {
        Candidates cs = Candidates.fromSdp("browser", String.join("\r\n",
                "v=0", "m=audio 9 UDP/TLS/RTP/SAVPF 111", "a=mid:0",
                "a=candidate:3510590512 1 udp 2113937151 5bc81191-dc9c-4920-854c-62755131fb5e.local 50027 typ host generation 0 network-cost 999",
                "a=candidate:4210984823 1 tcp 1518157311 5bc81191-dc9c-4920-854c-62755131fb5e.local 9 typ host tcptype active generation 0 network-cost 999",
                "a=candidate:842163049 1 udp 1677729535 203.0.113.45 50027 typ srflx raddr 0.0.0.0 rport 0 generation 0 network-cost 999",
                "a=candidate:1947208462 1 udp 1677732095 2001:db8:85a3::8a2e:370:7334 50028 typ srflx raddr :: rport 0 generation 0 network-cost 999",
                "a=candidate:3 1 UDP 41885695 198.51.100.9 3478 typ relay raddr 203.0.113.45 rport 50027",
                "a=candidate:1 1 UDP 1686052863 203.0.113.46 57601 typ srflx raddr 0.0.0.0 rport 0",
                "a=candidate:0 1 UDP 2122252543 2001:db8::7 61234 typ host",
                "m=video 9 UDP/TLS/RTP/SAVPF 96", "a=mid:1",
                "a=candidate:5 1 udp 1845501695 203.0.113.47 60017 typ prflx raddr 192.0.2.10 rport 60017 generation 0", ""));
        assertEquals(8, cs.size());
        assertEquals(3, cs.count("host"));
        assertEquals(3, cs.count("srflx"));
        assertEquals(1, cs.count("relay"));
        assertEquals(1, cs.count("prflx"));
        List<Candidates.Entry> e = cs.entries();
        assertEquals("mDNS", Candidates.family(e.get(0).candidate()));
        assertEquals("active", e.get(1).candidate().tcpType());
        assertEquals(9, e.get(1).candidate().port(), "an active TCP candidate does not listen: port 9 (RFC 6544 §4.5)");
        assertEquals("IPv6", Candidates.family(e.get(3).candidate()));
        assertEquals("::", e.get(3).candidate().relatedAddress());
        assertEquals(100, e.get(2).candidate().typePreference(), "srflx: RFC 8445's 100");
        assertEquals(2, e.get(4).candidate().typePreference(), "Chrome gives relayed candidates a low type preference");
        assertEquals("UDP", e.get(4).candidate().transport(), "written as on the line");
        assertEquals("1", e.get(7).mid(), "the m-section is remembered");
        assertEquals(110, e.get(7).candidate().typePreference(), "prflx: RFC 8445's 110");
        CandidateTable t = cs.table();
        assertTrue(t.headers().contains("related address") && t.headers().contains("tcptype") && t.headers().contains("mid"));
        assertFalse(t.headers().contains("time (ms)"), "candidates from SDP have no times");
        assertEquals(cs.toCsv(), Candidates.fromCsv(cs.toCsv()).toCsv());
    }

    @Test
    void candidateFromStatsTakesTheComponentFromThePriority() {
        Candidate c = Candidate.fromStats(Map.of("id", "I1", "address", "192.0.2.2", "port", 40000L, "protocol", "tcp",
                "candidateType", "host", "priority", 1518214911, "foundation", "661949565", "tcpType", "passive", "usernameFragment", "NPeh"));
        assertEquals(1, c.component());
        assertEquals("passive", c.tcpType());
        assertEquals("NPeh", c.ufrag());
        assertEquals(c, Candidate.parse(c.toSdp()), "a stats candidate writes and reads back as a line");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Candidate.fromStats(Map.of("id", "X", "port", 1)));
        assertTrue(e.getMessage().contains("no address or candidateType"), e.getMessage());
    }

    @Test
    void aRemotePeerReflexiveCandidateWithoutAnAddressIsKeptAsHidden() {
        // libwebrtc's stats leave out a remote prflx candidate's address (seen behind a symmetric NAT, lesson 13)
        Candidate c = Candidate.fromStats(Map.of("id", "Ig63", "port", 40001L, "protocol", "udp", "candidateType", "prflx",
                "priority", 1853824767L));
        assertEquals(Candidate.HIDDEN, c.address());
        assertEquals("prflx", c.type());
        assertThrows(IllegalArgumentException.class, () -> Candidate.fromStats(Map.of("id", "H", "candidateType", "host")),
                "only a prflx candidate may come without its address");
    }
}

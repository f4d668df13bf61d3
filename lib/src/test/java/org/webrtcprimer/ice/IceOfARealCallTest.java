package org.webrtcprimer.ice;

import com.google.gson.JsonParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.webrtcprimer.call.LocalCall;
import org.webrtcprimer.events.Event;
import org.webrtcprimer.media.Constraints;
import org.webrtcprimer.media.MediaDevices;
import org.webrtcprimer.media.MediaStream;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

/** Candidates and candidate pairs of real calls through the engine. */
@Timeout(120)
class IceOfARealCallTest {

    static MediaStream localStream;
    static LocalCall call;

    @BeforeAll
    static void start() throws Exception {
        localStream = MediaDevices.getUserMedia(Constraints.audioVideo().withSynthetic());
        call = LocalCall.call(localStream);
        Thread.sleep(300); // let media flow so the selected pair has counted bytes
    }

    @AfterAll
    static void stop() {
        call.hangup();
        localStream.stop();
    }

    @Test
    void everyGatheredCandidateIsReadWithItsPeerAndTime() {
        Candidates cs = Candidates.of(call.log());
        long events = call.log().all(e -> e.kind() == Event.Kind.CANDIDATE).size();
        assertEquals(events, cs.size(), "one entry per onicecandidate");
        assertFalse(cs.of("pc1").isEmpty());
        assertFalse(cs.of("pc2").isEmpty());
        double last = -1;
        for (Candidates.Entry e : cs.entries()) {
            assertTrue(e.timed() && e.millis() >= last, "times are in order: " + e);
            last = e.millis();
            Candidate c = e.candidate();
            assertEquals("host", c.type(), "no STUN/TURN server: host candidates only");
            // libwebrtc writes priorities with RFC 8445's formula.
            assertEquals(c.priority(), Candidate.priority((int) c.typePreference(), (int) c.localPreference(), c.component()), c.toString());
            assertEquals(c.component(), c.componentFromPriority());
            assertNotNull(c.ufrag(), "libwebrtc adds ufrag");
            assertEquals(0, c.generation());
            if (c.transport().equals("udp")) assertEquals(126, c.typePreference(), "host UDP: RFC 8445's host type preference");
            else {
                assertEquals("tcp", c.transport());
                assertEquals("passive", c.tcpType(), "libwebrtc's host TCP candidates listen");
                assertTrue(c.typePreference() < 126, "libwebrtc ranks TCP below UDP: " + c);
            }
        }
        // Both address families of this machine, when it has both.
        Set<String> families = cs.entries().stream().map(e -> Candidates.family(e.candidate())).collect(Collectors.toSet());
        assertTrue(families.contains("IPv4") || families.contains("IPv6"), families.toString());
        // pc1 and pc2 each use one ufrag for all their candidates.
        assertEquals(1, cs.of("pc1").stream().map(e -> e.candidate().ufrag()).distinct().count());
    }

    @Test
    void candidatesInTheRemoteDescriptionAreTheTrickledOnes() {
        // The engine writes the candidates it was given into the remote description it shows.
        Candidates inSdp = Candidates.fromSdp("pc1", call.pc2().remoteDescription().sdp());
        Set<String> trickled = Candidates.of(call.log()).of("pc1").stream().map(e -> e.candidate().address() + ":" + e.candidate().port())
                .collect(Collectors.toSet());
        assertFalse(inSdp.entries().isEmpty());
        for (Candidates.Entry e : inSdp.entries()) {
            assertFalse(e.timed(), "an SDP has no times");
            assertFalse(e.mid().isEmpty(), "each a=candidate belongs to an m-section");
            assertTrue(trickled.contains(e.candidate().address() + ":" + e.candidate().port()), e.toString());
        }
    }

    @Test
    void theTableShowsEveryCandidateWithItsPriorityTakenApart() {
        Candidates cs = Candidates.of(call.log());
        CandidateTable t = cs.table();
        assertEquals(cs.size(), t.rows().size());
        assertTrue(t.headers().containsAll(List.of("time (ms)", "peer", "type", "protocol", "address", "port", "priority",
                "type | local | component", "ufrag")), t.headers().toString());
        assertFalse(t.headers().contains("related address"), "no row has one, so the column is left out");
        Candidate first = cs.entries().get(0).candidate();
        List<String> row = t.rows().get(0);
        assertEquals(first.typePreference() + " | " + first.localPreference() + " | " + first.componentFromPriority(),
                row.get(t.headers().indexOf("type | local | component")));
        String html = t.toHtml();
        assertTrue(html.contains("primer-table") && html.contains("RFC 8445"), html);
        assertTrue(html.contains("#1f77b4") && html.contains("#ff7f0e"), "rows striped in the peers' colours");
        assertTrue(t.toText().contains(first.address()));
    }

    @Test
    void pairsComeFromStatsWithTheSelectedPairJoined() {
        CandidatePairs p1 = call.pc1().candidatePairs();
        CandidatePairs p2 = call.pc2().candidatePairs();
        assertEquals("controlling", p1.iceRole(), "the offerer controls (RFC 8445 §6.1.1)");
        assertEquals("controlled", p2.iceRole());
        assertEquals("connected", p1.dtlsState());
        CandidatePair s1 = p1.selected().orElseThrow(() -> new AssertionError("pc1 has no selected pair: " + p1));
        CandidatePair s2 = p2.selected().orElseThrow(() -> new AssertionError("pc2 has no selected pair: " + p2));
        assertEquals(p1.pairs().get(0), s1, "the selected pair comes first");
        assertTrue(s1.succeeded() && s1.nominated(), s1.toString());
        assertTrue(s1.bytesSent() > 0 && s1.packetsSent() > 0, "media flows on the selected pair: " + s1);
        assertTrue(s1.requestsSent() > 0 && s1.responsesReceived() > 0, "ICE checks were answered: " + s1);
        // The two peers selected the two ends of the same path.
        assertEquals(s1.local().address() + ":" + s1.local().port(), s2.remote().address() + ":" + s2.remote().port());
        assertEquals(s1.remote().address() + ":" + s1.remote().port(), s2.local().address() + ":" + s2.local().port());
        // pc1's local candidate is one it gathered.
        Set<String> gathered = Candidates.of(call.log()).of("pc1").stream().map(e -> e.candidate().address() + ":" + e.candidate().port())
                .collect(Collectors.toSet());
        assertTrue(gathered.contains(s1.local().address() + ":" + s1.local().port()));
        assertEquals(p1.localUfrag(), s1.local().ufrag());
        // Pair priority, RFC 8445 §6.1.2.3: G is the controlling agent's candidate priority.
        for (CandidatePair p : p1.pairs()) {
            assertEquals(CandidatePair.priority(p.local().priority(), p.remote().priority()), p.priority(), p.toString());
        }
        for (CandidatePair p : p2.pairs()) {
            assertEquals(CandidatePair.priority(p.remote().priority(), p.local().priority()), p.priority(), p.toString());
        }
        PairTable t = p1.table();
        assertEquals("selected", t.rows().get(0).get(0));
        assertTrue(t.toHtml().contains("color:" + org.webrtcprimer.notebook.Style.hex(org.webrtcprimer.notebook.Style.OK)), "the selected mark in green");
        assertTrue(t.toText().startsWith("pc1's candidate pairs"), t.toText());
    }

    @Test
    void pairsReadTheSameFromAStatsDumpAsFromTheEngine() {
        CandidatePairs live = call.pc1().candidatePairs();
        // A dump has every number as a JSON number: no BigInteger, no Integer.
        String json = new com.google.gson.Gson().toJson(call.pc1().getStats().w3c());
        List<Map<String, Object>> dumped = new ArrayList<>();
        JsonParser.parseString(json).getAsJsonArray().forEach(el -> dumped.add(new com.google.gson.Gson().fromJson(el, Map.class)));
        CandidatePairs reread = CandidatePairs.of("pc1", dumped);
        assertEquals(live.selected().get().route(), reread.selected().get().route());
        // A 64-bit pair priority does not fit a double's 53 bits: a JSON number keeps it only approximately
        // (the kit's own toJson() writes it as an integer and keeps it exactly).
        assertEquals((double) live.selected().get().priority(), (double) reread.selected().get().priority());
        assertEquals(live.pairs().size(), reread.pairs().size());
    }

    @Test
    void candidatesAndPairsRoundTripThroughCsvAndJson() {
        Candidates cs = Candidates.of(call.log());
        Candidates fromCsv = Candidates.fromCsv(cs.toCsv()), fromJson = Candidates.fromJson(cs.toJson());
        assertEquals(cs.entries().stream().map(Candidates.Entry::candidate).toList(), fromJson.entries().stream().map(Candidates.Entry::candidate).toList());
        assertEquals(cs.toCsv(), fromCsv.toCsv());
        assertEquals(cs.table().rows(), fromJson.table().rows());

        CandidatePairs ps = call.pc1().candidatePairs();
        CandidatePairs j = CandidatePairs.fromJson(ps.toJson());
        assertEquals(ps, j, "JSON keeps everything");
        CandidatePairs c = CandidatePairs.fromCsv(ps.toCsv());
        assertEquals(ps.toCsv(), c.toCsv());
        assertEquals(ps.table().rows(), c.table().rows());
    }

    @Test
    void badInputSaysWhatIsWrongAndWhere() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Candidates.fromSdp("pc1", "v=0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=candidate:1 1 udp high 10.0.0.1 9 typ host\r\n"));
        assertTrue(e.getMessage().startsWith("SDP line 3: candidate priority 'high' is not a number"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Candidates.fromCsv("peer,ms\r\npc1,1\r\n"));
        assertTrue(e.getMessage().contains("expected the header"), e.getMessage());
        String csv = Candidates.of(call.log()).toCsv();
        String broken = csv.replaceFirst("typ host", "typ");
        e = assertThrows(IllegalArgumentException.class, () -> Candidates.fromCsv(broken));
        assertTrue(e.getMessage().startsWith("candidates CSV: record 2:"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> CandidatePairs.fromJson("[1,2]"));
        assertTrue(e.getMessage().contains("\"pairs\" array"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> CandidatePairs.of("pc1",
                List.of(Map.of("id", "CP1", "type", "candidate-pair", "localCandidateId", "L", "remoteCandidateId", "R"))));
        assertTrue(e.getMessage().contains("candidate pair CP1: its local candidate (L) is not in the stats"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> CandidatePair.priority(-1, 5));
        assertTrue(e.getMessage().contains("32-bit"));
    }
}

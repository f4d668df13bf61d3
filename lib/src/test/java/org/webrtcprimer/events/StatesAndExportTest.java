package org.webrtcprimer.events;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.webrtcprimer.call.LocalCall;
import org.webrtcprimer.charts.Swimlanes;
import org.webrtcprimer.charts.Waterfall;
import org.webrtcprimer.media.Constraints;
import org.webrtcprimer.media.MediaDevices;
import org.webrtcprimer.media.MediaStream;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The state machines a real call goes through, and the event log written out and read back. */
@Timeout(120)
class StatesAndExportTest {

    static MediaStream localStream;
    static LocalCall call;

    @BeforeAll
    static void start() {
        localStream = MediaDevices.getUserMedia(Constraints.audioVideo().withSynthetic());
        call = LocalCall.call(localStream);
        call.hangup();
    }

    @AfterAll
    static void stop() {
        localStream.stop();
    }

    @Test
    void aRealCallGoesThroughTheW3cStatesInOrder() {
        StateTimeline t = StateTimeline.of(call.log());
        assertEquals(List.of("pc1", "pc2"), t.peers());
        assertTrue(t.chain("pc1", Event.SIGNALING).startsWith("stable → have-local-offer → stable"), t.chain("pc1", Event.SIGNALING));
        assertTrue(t.chain("pc2", Event.SIGNALING).startsWith("stable → have-remote-offer → stable"), t.chain("pc2", Event.SIGNALING));
        for (String p : List.of("pc1", "pc2")) {
            assertTrue(t.chain(p, Event.ICE_GATHERING).startsWith("new → gathering → complete"), t.chain(p, Event.ICE_GATHERING));
            assertTrue(t.chain(p, Event.ICE_CONNECTION).startsWith("new → checking → connected"), t.chain(p, Event.ICE_CONNECTION));
            assertTrue(t.chain(p, Event.CONNECTION).startsWith("new → connecting → connected"), t.chain(p, Event.CONNECTION));
            assertTrue(t.states(p, Event.DTLS).contains("connected"), t.chain(p, Event.DTLS));
            assertTrue(t.changes(p, Event.ICE_CONNECTION).get(0).implied(), "the engine never reports the initial 'new'");
            // Offer/answer first: a peer connects only once it is back in 'stable' with both descriptions.
            double stableAgain = t.changes(p, Event.SIGNALING).stream().filter(c -> !c.implied() && c.state().equals("stable"))
                    .mapToDouble(StateTimeline.Change::millis).findFirst().orElseThrow();
            assertTrue(stableAgain <= t.when(p, Event.CONNECTION, "connected"), p + ": " + t);
        }
        assertTrue(t.when("pc1", Event.SIGNALING, "have-local-offer") < t.when("pc2", Event.SIGNALING, "have-remote-offer"));
        assertTrue(t.when("pc2", Event.ICE_CONNECTION, "checking") <= t.when("pc2", Event.ICE_CONNECTION, "connected"));
        // Segments tile each lane: each starts where the one before ended.
        for (String p : t.peers()) {
            for (String m : StateTimeline.MACHINES) {
                List<StateTimeline.Segment> s = t.segments().stream().filter(x -> x.peer().equals(p) && x.machine().equals(m)).toList();
                assertEquals(0.0, s.get(0).startMs());
                for (int i = 1; i < s.size(); i++) assertEquals(s.get(i - 1).endMs(), s.get(i).startMs());
                double end = Double.isNaN(t.closedMs(p)) ? t.endMs() : t.closedMs(p); // a closed peer's lanes end at its close
                assertEquals(end, s.get(s.size() - 1).endMs());
            }
        }
        assertTrue(t.toString().contains("pc1  ICE state"), t.toString());
    }

    @Test
    void iceStatesReportedAfterDtlsConnectedAreDrawnThereAndLanesEndAtClose() {
        // The order a busy signaling thread delivers them in (measured in lesson 10's merged log):
        // DTLS connected at 10 ms, ICE checking reported at 17 ms and connected at 18 ms.
        List<Event> events = List.of(
                new Event(0, "pc1", Event.Kind.NOTE, "Starting call", ""),
                new Event(9_000_000, "pc1", Event.Kind.STATE, Event.DTLS, "connecting"),
                new Event(10_000_000, "pc1", Event.Kind.STATE, Event.DTLS, "connected"),
                new Event(17_000_000, "pc1", Event.Kind.STATE, Event.ICE_CONNECTION, "checking"),
                new Event(18_000_000, "pc1", Event.Kind.STATE, Event.ICE_CONNECTION, "connected"),
                new Event(18_500_000, "pc1", Event.Kind.STATE, Event.CONNECTION, "connected"),
                new Event(30_000_000, "pc1", Event.Kind.STATE, Event.SIGNALING, "closed"),
                new Event(31_000_000, "pc1", Event.Kind.STATE, Event.CONNECTION, "closed"),
                new Event(50_000_000, "pc1", Event.Kind.NOTE, "something later", ""));
        StateTimeline t = StateTimeline.of(events);
        assertEquals(10.0, t.when("pc1", Event.ICE_CONNECTION, "checking"));
        assertEquals(10.0, t.when("pc1", Event.ICE_CONNECTION, "connected"));
        StateTimeline.Change connected = t.changes("pc1", Event.ICE_CONNECTION).get(2);
        assertTrue(connected.moved());
        assertEquals(18.0, connected.reportedMs());
        assertEquals(18.5, t.when("pc1", Event.CONNECTION, "connected"), "states that need DTLS stay where they were reported");
        assertEquals("new → connecting → connected → closed", t.chain("pc1", Event.DTLS), "close() closes DTLS too");
        assertEquals(30.0, t.closedMs("pc1"));
        for (StateTimeline.Segment s : t.segments()) {
            assertTrue(s.endMs() <= 30.0, "every lane ends at close: " + s);
        }
        assertTrue(t.toString().contains("reported at 18.0 ms"), t.toString());
    }

    @Test
    void repeatedReportsAreOneStateAndALogWithoutAStartCountsFromItsFirstEvent() {
        List<Event> events = List.of(
                new Event(5_000_000, "pc1", Event.Kind.STATE, Event.ICE_CONNECTION, "checking"),
                new Event(6_000_000, "pc1", Event.Kind.STATE, Event.ICE_CONNECTION, "checking"),
                new Event(9_000_000, "pc1", Event.Kind.STATE, Event.ICE_CONNECTION, "failed"));
        StateTimeline t = StateTimeline.of(events);
        assertEquals("new → checking → failed", t.chain("pc1", Event.ICE_CONNECTION));
        assertEquals(4.0, t.when("pc1", Event.ICE_CONNECTION, "failed"), 1e-9);
        assertEquals("stable", t.chain("pc1", Event.SIGNALING), "a machine never reported stays in its initial state");
        assertTrue(Double.isNaN(t.when("pc1", Event.ICE_CONNECTION, "connected")));
    }

    @Test
    void theLogRoundTripsThroughJsonAndCsvAndRedrawsTheSameCharts() {
        EventLog log = call.log();
        EventLog fromJson = EventLog.fromJson(log.toJson());
        EventLog fromCsv = EventLog.fromCsv(log.toCsv());
        assertEquals(log.events(), fromJson.events());
        assertEquals(log.events(), fromCsv.events());
        assertEquals(log.text(), fromCsv.text());
        // No engine is needed to draw them again, and the drawings are the same.
        assertArrayEquals(Swimlanes.of(log).png(), Swimlanes.of(fromJson).png());
        assertArrayEquals(Waterfall.of(log).png(), Waterfall.of(fromCsv).png());
    }

    @Test
    void badFilesSayWhatIsWrongAndWhere() {
        assertMessage("event log JSON: not JSON", () -> EventLog.fromJson("{nope"));
        assertMessage("no \"events\" array", () -> EventLog.fromJson("{\"x\": 1}"));
        assertMessage("events[0] has no \"kind\"", () -> EventLog.fromJson("{\"events\": [{\"nanos\": 1, \"source\": \"pc1\", \"name\": \"x\"}]}"));
        assertMessage("kind 'LOUD' is not one of", () -> EventLog.fromJson("{\"events\": [{\"nanos\": 1, \"source\": \"pc1\", \"kind\": \"LOUD\", \"name\": \"x\"}]}"));
        String csv = call.log().toCsv();
        assertMessage("event log CSV: record 2: nanos 'soon'", () -> EventLog.fromCsv(csv.replaceFirst("\r\n\\d+,", "\r\nsoon,")));
        assertMessage("expected the header", () -> EventLog.fromCsv("a,b\r\n"));
        assertMessage("event log CSV:3: a quoted field is never closed", () -> EventLog.fromCsv(csv.split("\r\n")[0] + "\r\n1,x,pc1,NOTE,a,b\r\n2,\"x,pc1,NOTE,a,b\r\n"));
    }

    @Test
    void csvQuotesWhatNeedsQuoting() {
        List<String> fields = List.of("plain", "a,b", "say \"hi\"", "two\r\nlines", "", "末尾");
        String row = Csv.row(fields);
        assertEquals("plain,\"a,b\",\"say \"\"hi\"\"\",\"two\r\nlines\",,末尾\r\n", row);
        assertEquals(List.of(fields), Csv.parse(row, "test"));
        assertEquals(List.of(List.of("x", "y")), Csv.parse("\uFEFFx,y\n\n", "test"), "a BOM and blank lines are skipped");
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable e) {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, e);
        assertTrue(ex.getMessage().contains(expected), ex.getMessage());
    }
}

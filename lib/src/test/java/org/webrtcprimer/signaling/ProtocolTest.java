package org.webrtcprimer.signaling;

import org.junit.jupiter.api.Test;
import org.webrtcprimer.events.Event;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.*;

/** The message model, the clock estimate's arithmetic and the log's paging, without a network. */
class ProtocolTest {

    @Test
    void messagesKeepTheirFieldsAndSayWhatIsWrong() {
        Message m = Message.of("candidate", "candidate", "candidate:1 1 udp 1 127.0.0.1 9 typ host", "sdpMid", "0",
                "sdpMLineIndex", 0, "skipped", null);
        assertEquals("candidate", m.type());
        assertEquals(0L, m.number("sdpMLineIndex").orElseThrow());
        assertFalse(m.has("skipped"));
        assertEquals(m.json(), Message.parse(m.json()).json());
        assertEquals("candidate (" + m.bytes() + " bytes)", m.brief());
        assertThrows(IllegalArgumentException.class, () -> Message.of("x", "odd"));
        assertThrows(IllegalArgumentException.class, () -> Message.of("x", "list", List.of()));

        SignalingProtocolException e = assertThrows(SignalingProtocolException.class, () -> Message.parse("{\"type\":\"offer\",}x"));
        assertEquals("malformed-json", e.code());
        SignalingProtocolException noSdp = assertThrows(SignalingProtocolException.class, () -> Protocol.validate(Message.of("answer")));
        assertEquals("a 'answer' message needs a \"sdp\" field", noSdp.getMessage());
        SignalingProtocolException badIndex = assertThrows(SignalingProtocolException.class,
                () -> Protocol.validate(Message.of("candidate", "candidate", "", "sdpMLineIndex", "zero")));
        assertEquals("bad-field", badIndex.code());
        Protocol.validate(Message.of("candidate", "candidate", "")); // end of candidates is fine
        SignalingProtocolException longName = assertThrows(SignalingProtocolException.class,
                () -> Protocol.validate(Message.of("join", "room", "r", "name", "n".repeat(33))));
        assertTrue(longName.getMessage().contains("1–32"), longName.getMessage());
    }

    @Test
    void theClockEstimateUsesTheShortestRoundTripAndItsBoundHolds() {
        // The other clock is 1000 ns ahead. Sample 1: symmetric 100 ns each way. Sample 2: 10 ns
        // there, 500 back (estimate off by 245, within its bound of 255). The first is kept.
        var symmetric = new ClockOffset.Sample(0, 100 + 1000, 200);
        var skewed = new ClockOffset.Sample(1000, 1010 + 1000, 1510);
        ClockOffset o = ClockOffset.of(List.of(skewed, symmetric));
        assertEquals(1000, o.offsetNanos());
        assertEquals(200, o.rttNanos());
        assertEquals(755, skewed.offsetNanos(), "the slow way back makes the other clock look less ahead");
        assertTrue(Math.abs(skewed.offsetNanos() - 1000) <= skewed.rttNanos() / 2);
        assertEquals(500, o.toLocal(1500), "an event at 1500 on the other clock happened at 500 on ours");
        assertTrue(o.toString().contains("ahead of ours"), o.toString());
        assertThrows(IllegalArgumentException.class, () -> ClockOffset.of(List.of()));
    }

    @Test
    void aLongLogTravelsInPagesUnderTheLimitAndComesBackWhole() {
        List<Event> events = new ArrayList<>();
        IntStream.range(0, 1000).forEach(i -> events.add(new Event(i * 1000L, i % 2 == 0 ? "pc2" : "signaling",
                Event.Kind.NOTE, "note " + i, "x".repeat(i == 500 ? 100_000 : 300))));
        List<Message> pages = LogExchange.pages(events, 100);
        assertTrue(pages.size() >= 10, pages.size() + " pages");
        int total = 0;
        for (int i = 0; i < pages.size(); i++) {
            Message p = pages.get(i);
            Protocol.validate(p);
            assertTrue(p.bytes() < SignalingServer.Options.defaults().maxMessageBytes(), "page " + i + " has " + p.bytes() + " bytes");
            assertEquals(i == pages.size() - 1, p.bool("last").orElseThrow());
            total += p.raw("events").getAsJsonArray().size();
        }
        assertEquals(1000, total);
        assertTrue(pages.get(pages.size() - 1).number("origin").isPresent());
        assertEquals(1, LogExchange.pages(List.of(), 100).size(), "an empty log is one last page");
    }
}

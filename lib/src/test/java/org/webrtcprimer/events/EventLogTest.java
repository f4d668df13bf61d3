package org.webrtcprimer.events;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

class EventLogTest {

    @Test
    void printsEventsTheArticlesWay() {
        Event start = new Event(72_747_000_000L, "pc1", Event.Kind.STEP_START, "createOffer", "");
        assertEquals("[72.747] pc1 createOffer start", start.toString());
        Event state = new Event(73_294_000_000L, "pc2", Event.Kind.STATE, Event.ICE_CONNECTION, "checking");
        assertEquals("[73.294] pc2 ICE state: checking", state.toString());
        Event note = new Event(72_743_000_000L, "call", Event.Kind.NOTE, "Starting call", "");
        assertEquals("[72.743] Starting call", note.toString());
        Event failed = new Event(1_000_000_000L, "pc2", Event.Kind.STEP_FAILED, "setRemoteDescription", "bad");
        assertEquals("[1.000] pc2 setRemoteDescription failed: bad", failed.toString());
    }

    @Test
    void keepsTimeOrderWhenCallbacksRace() {
        EventLog log = new EventLog();
        log.add(new Event(300, "pc1", Event.Kind.NOTE, "c", ""));
        log.add(new Event(100, "pc1", Event.Kind.NOTE, "a", ""));
        log.add(new Event(200, "pc1", Event.Kind.NOTE, "b", ""));
        assertEquals("abc", log.events().stream().map(Event::name).reduce("", String::concat));
    }

    @Test
    void whenCompletesForPastAndFutureEvents() throws Exception {
        EventLog log = new EventLog();
        log.add("pc1", Event.Kind.STATE, Event.SIGNALING, "have-local-offer");
        CompletableFuture<Event> past = log.when(e -> e.isState(Event.SIGNALING, "have-local-offer"));
        assertTrue(past.isDone());
        CompletableFuture<Event> future = log.when(e -> e.isState(Event.CONNECTION, "connected"));
        assertFalse(future.isDone());
        log.add("pc2", Event.Kind.STATE, Event.CONNECTION, "connecting");
        assertFalse(future.isDone());
        log.add("pc2", Event.Kind.STATE, Event.CONNECTION, "connected");
        assertEquals("pc2", future.get(1, TimeUnit.SECONDS).source());
    }

    @Test
    void cancelledWaitsAreDropped() {
        EventLog log = new EventLog();
        CompletableFuture<Event> f = log.when(e -> false);
        f.cancel(false);
        // A later event must not try to complete the cancelled waiter (nor throw).
        assertDoesNotThrow(() -> log.add("pc1", Event.Kind.NOTE, "x", ""));
        assertEquals(1, log.size());
    }

    @Test
    void clockStampsSecondsWithMilliseconds() {
        assertEquals("[0.005]", KitClock.stamp(5_000_000));
        assertEquals("21.4 ms", KitClock.millis(21_400_000));
        long a = KitClock.now(), b = KitClock.now();
        assertTrue(b >= a);
    }
}

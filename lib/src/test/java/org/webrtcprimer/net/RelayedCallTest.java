package org.webrtcprimer.net;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.webrtcprimer.call.CallException;
import org.webrtcprimer.call.CallOptions;
import org.webrtcprimer.call.LocalCall;
import org.webrtcprimer.events.Event;
import org.webrtcprimer.ice.CandidatePair;
import org.webrtcprimer.ice.CandidatePairs;
import org.webrtcprimer.media.Constraints;
import org.webrtcprimer.media.MediaDevices;
import org.webrtcprimer.media.MediaStream;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.*;

/** Calls through the kit's relay against the real engine: every packet passes through it, both ways. */
@Timeout(120)
class RelayedCallTest {

    static MediaStream localStream;

    @BeforeAll
    static void start() {
        localStream = MediaDevices.getUserMedia(Constraints.audioVideo().withSynthetic());
    }

    @AfterAll
    static void stop() {
        localStream.stop();
    }

    @Test
    void aTrickleCallGoesThroughTheRelayBothWays() throws Exception {
        checkRelayed(CallOptions.defaults());
    }

    @Test
    void aGatherFirstCallGoesThroughTheRelayToo() throws Exception {
        checkRelayed(CallOptions.defaults().withTrickle(false));
    }

    private void checkRelayed(CallOptions base) throws Exception {
        List<RelayedPacket> seen = new CopyOnWriteArrayList<>();
        LocalCall call = LocalCall.call(localStream, base.withNetwork(Network.perfect().withSink(seen::add)));
        try {
            Relay relay = call.relay();
            Thread.sleep(500);
            for (var pc : List.of(call.pc1(), call.pc2())) {
                CandidatePair p = pc.candidatePairs().selected().orElseThrow();
                // The peer sends to the relay's face on 127.0.0.1, and sees its own packets come from another face (prflx).
                assertEquals("127.0.0.1", p.remote().address(), pc.name() + " talks to the relay: " + p);
                assertEquals("prflx", p.local().type(), pc.name() + " learned its relay face as peer-reflexive: " + p);
            }
            for (Way w : Way.values()) {
                assertTrue(relay.count(w, Fate.FORWARDED) > (w == Way.PC1_TO_PC2 ? 50 : 5), w + " forwarded " + relay.count(w, Fate.FORWARDED));
                assertEquals(0, relay.dropped(w));
            }
            assertTrue(relay.seen(Way.PC1_TO_PC2) > relay.seen(Way.PC2_TO_PC1), "media flows pc1 → pc2: " + relay);
            // The sink saw every packet the counters count, in order, from the first (a STUN binding request, RFC 7983: first byte 0–3).
            // (the sink is called after the counters move, and the call goes on meanwhile: read the sink first)
            int reported = seen.size();
            long counted = relay.seen(Way.PC1_TO_PC2) + relay.seen(Way.PC2_TO_PC1);
            assertTrue(reported <= counted && reported >= counted - 60, reported + " reported vs " + counted + " counted");
            assertEquals(0, seen.get(0).index());
            assertTrue(seen.get(0).data()[0] <= 3, "the first packet is STUN");
            for (int i = 1; i < reported; i++) assertEquals(i, seen.get(i).index());
            assertTrue(seen.stream().allMatch(p -> p.fate() == Fate.FORWARDED && p.delayNanos() == 0));
            assertTrue(call.log().events().stream().anyMatch(e -> e.kind() == Event.Kind.NOTE && e.name().startsWith("Relay")),
                    "the log says how the relay stands in");
        } finally {
            call.hangup();
        }
        assertTrue(call.relay().isClosed(), "hangup closes the relay");
    }

    @Test
    void aCallWithoutANetworkGoesDirectAsBefore() {
        LocalCall call = LocalCall.call(localStream, CallOptions.defaults());
        try {
            assertFalse(call.hasRelay());
            CallException e = assertThrows(CallException.class, call::relay);
            assertTrue(e.getMessage().contains("withNetwork(Network.perfect())"), e.getMessage());
            CandidatePair p = call.pc1().candidatePairs().selected().orElseThrow();
            assertEquals("host", p.local().type());
            assertNotEquals("127.0.0.1", p.remote().address());
        } finally {
            call.hangup();
        }
    }
}

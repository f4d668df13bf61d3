package org.webrtcprimer.call;

import org.webrtcprimer.ice.CandidatePair;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.webrtcprimer.call.CallException;
import org.webrtcprimer.call.CallOptions;
import org.webrtcprimer.call.LocalCall;
import org.webrtcprimer.events.Event;
import org.webrtcprimer.events.StateTimeline;
import org.webrtcprimer.media.Constraints;
import org.webrtcprimer.media.MediaDevices;
import org.webrtcprimer.media.MediaStream;

import static org.junit.jupiter.api.Assertions.*;

/** ICE restarts on live calls: new credentials, a new selected pair, the media going on. */
@Timeout(120)
class IceRestartTest {

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
    void restartIceGivesNewCredentialsAndANewPairWhileMediaGoesOn() throws Exception {
        check(CallOptions.defaults(), IceRestart.How.RESTART_ICE);
    }

    @Test
    void theOfferOptionDoesTheSame() throws Exception {
        check(CallOptions.defaults(), IceRestart.How.OFFER_OPTION);
    }

    @Test
    void gatherFirstCallsRestartToo() throws Exception {
        check(CallOptions.defaults().withTrickle(false), IceRestart.How.RESTART_ICE);
    }

    private static void check(CallOptions options, IceRestart.How how) throws Exception {
        LocalCall call = LocalCall.call(localStream, options);
        try {
            IceRestart.Result r = IceRestart.run(call, how);
            assertNotEquals(r.ufragBefore(), r.ufragAfter());
            assertNotEquals(r.pwdBefore(), r.pwdAfter());
            assertTrue(r.ufragAfter().length() >= 4 && r.pwdAfter().length() >= 22, "RFC 8839 §5.4 lengths");
            assertTrue(r.diff().iceRestart(), "the SDP diff calls it an ICE restart");
            assertTrue(r.diff().sameSession());
            CandidatePair after = r.selectedAfter().orElseThrow();
            assertEquals(r.ufragAfter(), after.local().ufrag(), "the selected pair uses the new credentials");
            assertEquals(r.ufragBefore(), r.selectedBefore().orElseThrow().local().ufrag());
            assertEquals(r.ufragAfter(), r.pairsAfter().localUfrag());
            assertTrue(r.pairsAfter().selectedPairChanges() >= 2, r.pairsAfter().toString());
            assertTrue(r.switchMs() >= 0);
            // Candidates of the new generation were gathered after the restart.
            assertTrue(call.log().all(e -> e.kind() == Event.Kind.CANDIDATE && e.detail().contains("generation 1")).size() > 0
                    || !options.trickle(), "trickled candidates of generation 1");
            // The connection stayed up; media goes on.
            assertEquals("connected", call.pc1().state().connectionState());
            long frames = call.remoteVideo().frames();
            Thread.sleep(300);
            assertTrue(call.remoteVideo().frames() > frames, "frames keep arriving after the restart");
            StateTimeline t = StateTimeline.of(call.log());
            assertEquals(2, t.changes("pc1", Event.SIGNALING).stream().filter(c -> c.state().equals("have-local-offer")).count(),
                    "two offers: the first call and the restart");
            assertTrue(r.toText().contains("ufrag  " + r.ufragBefore() + " → " + r.ufragAfter()), r.toText());
            assertTrue(r.toHtml().contains("a=ice-pwd"));
            // The restart's own window: starts where asked, the restart marked in it, nothing before it drawn.
            org.webrtcprimer.charts.Chart window = org.webrtcprimer.charts.Swimlanes.from(call.log(), r.startMs() - 10);
            assertTrue(window.title().endsWith(String.format(java.util.Locale.ROOT, "from %.1f ms on", r.startMs() - 10)), window.title());
            assertTrue(window.image().getWidth() > 0);
            assertThrows(IllegalArgumentException.class, () -> org.webrtcprimer.charts.Swimlanes.from(call.log(), -1));
            assertThrows(IllegalArgumentException.class, () -> org.webrtcprimer.charts.Swimlanes.from(call.log(), 1e9));
        } finally {
            call.hangup();
        }
    }

    @Test
    void aRestartNeedsALiveConnectedCall() {
        LocalCall call = LocalCall.create(localStream);
        try {
            CallException e = assertThrows(CallException.class, () -> IceRestart.run(call));
            assertTrue(e.getMessage().contains("needs a connected call"), e.getMessage());
        } finally {
            call.hangup();
        }
        CallException e = assertThrows(CallException.class, () -> IceRestart.run(call));
        assertTrue(e.getMessage().contains("has hung up"), e.getMessage());
    }
}

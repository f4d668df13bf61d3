package org.webrtcprimer.turn;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.webrtcprimer.call.CallOptions;
import org.webrtcprimer.call.CallTimeoutException;
import org.webrtcprimer.call.IceCandidateError;
import org.webrtcprimer.call.IceServer;
import org.webrtcprimer.call.LocalCall;
import org.webrtcprimer.events.Event;
import org.webrtcprimer.media.Constraints;
import org.webrtcprimer.media.MediaDevices;
import org.webrtcprimer.media.MediaStream;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * TURN failures reproduced on purpose against the real coturn: each one ends with the engine's
 * {@code icecandidateerror} in the log (code, text, URL) and a one-line diagnosis that names the cause.
 */
@Timeout(180)
public class TurnFailuresTest {

    static MediaStream localStream;
    static TurnServer turn;        // long-term users; 'visitor' has a key made for another realm
    static TurnServer timeLimited; // use-auth-secret
    static TurnServer noUdp;       // UDP "blocked": no UDP listener

    @BeforeAll
    static void start() {
        assumeTrue(Coturn.installed(), Coturn.missingNote());
        localStream = MediaDevices.getUserMedia(Constraints.audioVideo().withSynthetic());
        turn = TurnServer.start(TurnConfig.defaults().withoutTransport("tls").withUserKeyedFor("visitor", "right-password", "other-realm"));
        timeLimited = TurnServer.start(TurnConfig.defaults().withoutTransport("tls").withTimeLimited());
        noUdp = TurnServer.start(TurnConfig.defaults().withoutTransport("udp").withoutTransport("tls"));
    }

    @AfterAll
    static void stop() {
        for (TurnServer t : new TurnServer[]{turn, timeLimited, noUdp}) if (t != null) t.stop();
        if (localStream != null) localStream.stop();
        assertEquals(0, TurnServer.running());
    }

    /** A relay-only call through {@code server}; negotiated, not yet connected. */
    static LocalCall relayCall(IceServer server) {
        LocalCall c = LocalCall.create(localStream, CallOptions.defaults().withIceServers(server).withRelayOnly().withTimeout(Duration.ofMillis(2500)));
        c.addLocalStream();
        c.negotiate();
        return c;
    }

    /** Waits for pc1's icecandidateerror, checks its fields, the call's failure and the diagnosis. */
    static String fails(TurnServer server, IceServer ice, int code, String diagnosisPart) {
        LocalCall c = relayCall(ice);
        try {
            Event ev = c.await(e -> e.source().equals("pc1") && e.name().equals(IceCandidateError.EVENT), "pc1 reported no icecandidateerror");
            IceCandidateError err = IceCandidateError.of(ev);
            assertNotNull(err, ev.detail());
            assertEquals(code, err.code(), err.toString());
            assertEquals(ice.urls().get(0), err.url());
            assertFalse(err.text().isBlank());
            CallTimeoutException timeout = assertThrows(CallTimeoutException.class, c::awaitConnected);
            assertTrue(timeout.getMessage().contains("pc1 gathered no relay candidate: the TURN server " + ice.urls().get(0)),
                    timeout.getMessage());
            String diagnosis = server.diagnose(c).orElseThrow(() -> new AssertionError("no diagnosis for " + c.log().text()));
            assertTrue(diagnosis.contains(diagnosisPart), diagnosis);
            assertFalse(diagnosis.contains("\n"), "a diagnosis is one line: " + diagnosis);
            return diagnosis;
        } finally {
            c.hangup();
        }
    }

    @Test
    void wrongPassword() {
        String d = fails(turn, turn.iceServer("udp").withCredential("not-the-password"), 401, "wrong password for user 'learner'");
        assertTrue(turn.log().stream().anyMatch(l -> l.contains("user learner credentials are incorrect")), turn.tail(10).toString());
        System.out.println(d);
    }

    @Test
    void wrongRealm() {
        String d = fails(turn, turn.iceServer("udp", "visitor", "right-password"), 401, "wrong realm");
        assertTrue(d.contains("'other-realm'") && d.contains("'" + TurnConfig.REALM + "'"), d);
        System.out.println(d);
    }

    @Test
    void unknownUser() {
        fails(turn, turn.iceServer("udp", "ghost", "whatever"), 401, "has no user 'ghost'");
        assertTrue(turn.log().stream().anyMatch(l -> l.contains("Cannot find credentials of user <ghost>")));
    }

    @Test
    void expiredTimeLimitedCredentials() {
        var expired = TurnCredentials.issue(timeLimited.config().sharedSecret(), "ana", Instant.now().minusSeconds(60));
        String d = fails(timeLimited, timeLimited.iceServer("udp", expired), 401, "expired at");
        System.out.println(d);
    }

    @Test
    void credentialsFromAnotherSecret() {
        var forged = TurnCredentials.issue("some-other-secret", "ana", Duration.ofMinutes(5));
        fails(timeLimited, timeLimited.iceServer("udp", forged), 401, "made with another secret");
    }

    @Test
    void validTimeLimitedCredentialsConnect() {
        var c = timeLimited.timeLimitedCredentials("ana", Duration.ofMinutes(5));
        assertTrue(c.username().endsWith(":ana") && c.username().startsWith(String.valueOf(c.expires().getEpochSecond())));
        LocalCall call = LocalCall.call(localStream, CallOptions.defaults().withIceServers(timeLimited.iceServer("udp", c)).withRelayOnly()
                .withTimeout(Duration.ofSeconds(15)));
        try {
            assertEquals("relay", SelectedPath.of(call.pc1()).orElseThrow().localType());
            assertTrue(timeLimited.log().stream().anyMatch(l -> l.contains("user <" + c.username() + ">") && l.contains("success")));
        } finally {
            call.hangup();
        }
    }

    @Test
    void blockedTransportIsSilent() throws Exception {
        // The URL asks for UDP, but this server has no UDP listener: nothing answers, nothing is reported quickly.
        IceServer udp = new IceServer(List.of(noUdp.url("tcp").replace("?transport=tcp", "?transport=udp")), "learner",
                noUdp.config().users().get("learner"), false);
        LocalCall c = relayCall(udp);
        try {
            CallTimeoutException e = assertThrows(CallTimeoutException.class, c::awaitConnected);
            assertTrue(e.getMessage().contains("pc1 gathered no relay candidate and heard no icecandidateerror"), e.getMessage());
            assertTrue(c.pc1().localCandidates().isEmpty());
            String d = noUdp.diagnose(c).orElseThrow();
            assertTrue(d.contains("TURN over udp, which is blocked here"), d);
            System.out.println(d);
        } finally {
            c.hangup();
        }
        // The same server over TCP, the transport it does have, connects.
        LocalCall ok = LocalCall.call(localStream, CallOptions.defaults().withIceServers(noUdp.iceServer("tcp")).withRelayOnly()
                .withTimeout(Duration.ofSeconds(15)));
        try {
            assertEquals("tcp", SelectedPath.of(ok.pc1()).orElseThrow().relayProtocol());
        } finally {
            ok.hangup();
        }
    }
}

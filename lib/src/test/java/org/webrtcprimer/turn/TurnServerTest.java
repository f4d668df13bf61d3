package org.webrtcprimer.turn;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.webrtcprimer.call.CallOptions;
import org.webrtcprimer.call.LocalCall;
import org.webrtcprimer.media.Constraints;
import org.webrtcprimer.media.MediaDevices;
import org.webrtcprimer.media.MediaStream;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** TURN on each transport with the real coturn and the real engine. */
@Timeout(180)
public class TurnServerTest {

    static MediaStream localStream;
    static TurnServer turn;

    @BeforeAll
    static void start() {
        assumeTrue(Coturn.installed(), Coturn.missingNote());
        localStream = MediaDevices.getUserMedia(Constraints.audioVideo().withSynthetic());
        turn = TurnServer.start();
    }

    @AfterAll
    static void stop() {
        if (turn != null) turn.stop();
        if (localStream != null) localStream.stop();
    }

    void relayCallOver(String transport) {
        CallOptions o = CallOptions.defaults().withIceServers(turn.iceServer(transport)).withRelayOnly().withTimeout(Duration.ofSeconds(15));
        LocalCall call = LocalCall.call(localStream, o);
        try {
            SelectedPath p1 = SelectedPath.of(call.pc1()).orElseThrow();
            SelectedPath p2 = SelectedPath.of(call.pc2()).orElseThrow();
            assertTrue(call.log().text().contains("iceTransportPolicy: relay"), "the configuration is not in the log");
            // What coturn saw: an allocation, permissions and channels for this call's user.
            assertFalse(turn.log("ALLOCATE processed, success").isEmpty(), turn.tail(10).toString());
            assertFalse(turn.log("CHANNEL_BIND processed, success").isEmpty(), turn.tail(10).toString());
            assertEquals("relay", p1.localType(), p1.toString());
            assertEquals("relay", p1.remoteType(), p1.toString());
            assertEquals(transport, p1.relayProtocol(), p1.toString());
            assertEquals(transport, p2.relayProtocol(), p2.toString());
            assertTrue(call.iceCandidateErrors().isEmpty(), call.iceCandidateErrors().toString());
        } finally {
            call.hangup();
        }
    }

    @Test
    void relayOverUdp() {
        relayCallOver("udp");
    }

    @Test
    void relayOverTcp() {
        relayCallOver("tcp");
    }

    @Test
    void relayOverTls() {
        relayCallOver("tls");
    }

    @Test
    void tlsWithCertificateCheckRefusesTheSelfSignedCertificate() {
        LocalCall c = LocalCall.create(localStream, CallOptions.defaults().withIceServers(turn.iceServer("tls").acceptAnyCertificate(false))
                .withRelayOnly().withTimeout(Duration.ofSeconds(5)));
        try {
            c.addLocalStream();
            c.negotiate();
            c.await(e -> e.source().equals("pc1") && e.name().equals(org.webrtcprimer.call.IceCandidateError.EVENT), "no icecandidateerror");
            var err = c.iceCandidateErrors().get(0);
            assertEquals(701, err.code(), err.toString());
            assertTrue(err.url().startsWith("turns:"), err.url());
            String d = turn.diagnose(c).orElseThrow();
            assertTrue(d.contains("self-signed"), d);
        } finally {
            c.hangup();
        }
    }

    @Test
    void iceServerUrlsAreChecked() {
        var e = assertThrows(IllegalArgumentException.class, () -> org.webrtcprimer.call.IceServer.turn("http://x", "u", "p"));
        assertTrue(e.getMessage().contains("must start with stun:, turn: or turns:"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> org.webrtcprimer.call.IceServer.turn(turn.url("udp"), "", ""));
        assertTrue(e.getMessage().contains("needs a username and a credential"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> CallOptions.defaults().withRelayOnly());
        assertTrue(e.getMessage().contains("needs a TURN server"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> org.webrtcprimer.call.IceServer.turn(turn.url("udp") + "x", "u", "p"));
        assertTrue(e.getMessage().contains("?transport=udp or ?transport=tcp"), e.getMessage());
    }
}

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
        localStream = MediaDevices.getUserMedia(Constraints.audioVideo().synthetic());
        turn = TurnServer.start();
    }

    @AfterAll
    static void stop() {
        if (turn != null) turn.stop();
        if (localStream != null) localStream.stop();
    }

    void relayCallOver(String transport) {
        CallOptions o = CallOptions.defaults().iceServers(turn.iceServer(transport)).relayOnly().timeout(Duration.ofSeconds(5));
        LocalCall call;
        try {
            call = LocalCall.call(localStream, o);
        } catch (RuntimeException e) {
            turn.log().forEach(System.out::println);
            throw e;
        }
        try {
            SelectedPath p1 = SelectedPath.of(call.pc1()).orElseThrow();
            SelectedPath p2 = SelectedPath.of(call.pc2()).orElseThrow();
            System.out.println(transport + ": " + p1 + " / " + p2 + " " + call.setupTime());
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
}

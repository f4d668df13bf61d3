package org.webrtcprimer.signaling;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.webrtcprimer.media.Constraints;
import org.webrtcprimer.media.MediaDevices;
import org.webrtcprimer.media.MediaStream;

import java.time.Duration;

/**
 * What the tests of calls over signaling share (RemoteCallTest, CallIsolationTest,
 * RelayedRemoteCallTest): one synthetic audio+video stream and one signaling server on loopback
 * for the whole class, released in a fixed order (the server, then the stream), and a callee in
 * a second JVM when a test needs one.
 */
public abstract class SignalingFixture {

    protected static MediaStream localStream;
    protected static SignalingServer server;

    @BeforeAll
    static void startStreamAndServer() {
        localStream = MediaDevices.getUserMedia(Constraints.audioVideo().withSynthetic());
        server = SignalingServer.start();
    }

    @AfterAll
    static void stopServerAndStream() {
        server.close();
        localStream.stop();
    }

    /** A kit callee in another JVM that answers one call in {@code room}, and ends within two minutes whatever happens. */
    protected static CalleeProcess calleeProcess(String room) {
        return CalleeProcess.start(server.url(), room, 1, Duration.ofMinutes(2));
    }
}

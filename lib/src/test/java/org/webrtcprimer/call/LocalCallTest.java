package org.webrtcprimer.call;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.webrtcprimer.engine.Engine;
import org.webrtcprimer.events.Event;
import org.webrtcprimer.media.Constraints;
import org.webrtcprimer.media.MediaDevices;
import org.webrtcprimer.media.MediaStream;
import org.webrtcprimer.call.SetupTime;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

@Timeout(120)
class LocalCallTest {

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
    void theArticlesCallOneStepAtATime() {
        LocalCall call = LocalCall.create(localStream, CallOptions.articleDefaults());
        try {
            Peer pc1 = call.pc1(), pc2 = call.pc2();
            assertEquals("pc1", pc1.name());
            localStream.getTracks().forEach(track -> pc1.addTrack(track, localStream));

            SessionDescription offer = pc1.createOffer(OfferOptions.defaults());
            assertEquals("offer", offer.type());
            assertTrue(offer.sdp().startsWith("v=0"));
            assertEquals(2, offer.lines().stream().filter(l -> l.startsWith("m=")).count(), "audio and video sections");
            assertTrue(offer.sdp().contains("a=setup:actpass"));

            assertEquals("have-local-offer", pc1.setLocalDescription(offer).signalingState());
            assertEquals("have-remote-offer", pc2.setRemoteDescription(offer).signalingState());
            SessionDescription answer = pc2.createAnswer();
            assertEquals("answer", answer.type());
            assertTrue(answer.sdp().contains("a=recvonly"), "pc2 has no media of its own, so it answers recvonly");
            assertEquals("stable", pc2.setLocalDescription(answer).signalingState());
            assertEquals("stable", pc1.setRemoteDescription(answer).signalingState());

            call.awaitConnected();
            call.awaitFirstFrame();
            assertEquals("connected", pc1.state().connectionState());
            assertEquals("connected", pc2.state().connectionState());
            assertEquals(640, call.remoteVideo().videoWidth());
            assertEquals(480, call.remoteVideo().videoHeight());
            assertFalse(pc1.localCandidates().isEmpty(), "pc1 gathered host candidates");
            assertTrue(pc1.localCandidates().stream().allMatch(c -> c.type().equals("host")));

            // The log reads like the article's, in the article's order.
            List<String> lines = call.log().events().stream().map(Event::message).toList();
            assertEquals("Starting call", lines.get(0));
            assertBefore(lines, "Created local peer connection object pc1", "Created remote peer connection object pc2");
            assertBefore(lines, "pc1 createOffer start", "pc1 createOffer complete (offer, " + offer.sdp().length() + " bytes)");
            assertBefore(lines, "pc1 setLocalDescription complete", "pc2 setRemoteDescription start (offer)");
            assertBefore(lines, "pc2 createAnswer start", "pc1 setRemoteDescription start (answer)");
            assertBefore(lines, "pc2 received remote stream", "pc2 setRemoteDescription complete");
            assertTrue(lines.contains("pc1 ICE state: checking"));
            assertTrue(lines.contains("pc2 ICE state: connected"));
            assertTrue(lines.contains("pc1 DTLS state: connected"));

            SetupTime t = call.setupTime();
            assertTrue(t.toConnectedMillis().isPresent());
            assertTrue(t.toFirstFrameMillis().getAsDouble() >= t.toConnectedMillis().getAsDouble());
            assertTrue(t.toString().startsWith("Setup time: "));
        } finally {
            call.hangup();
        }
        assertTrue(call.isHungUp());
        assertEquals("closed", call.pc1().state().signalingState());
        assertEquals(640, call.remoteVideo().snapshot().getWidth(), "the last remote picture outlives the call");
    }

    private static void assertBefore(List<String> lines, String first, String second) {
        int a = lines.indexOf(first), b = lines.indexOf(second);
        assertTrue(a >= 0, "missing log line: " + first + "\n" + String.join("\n", lines));
        assertTrue(b >= 0, "missing log line: " + second + "\n" + String.join("\n", lines));
        assertTrue(a < b, "'" + first + "' should come before '" + second + "'");
    }

    @Test
    void remoteFramesShowWhatPc1Sends() throws Exception {
        LocalCall call = LocalCall.call(localStream);
        try {
            Thread.sleep(300); // let the encoder leave its first low-quality frames behind
            BufferedImage remote = call.remoteVideo().snapshot();
            Color red = new Color(remote.getRGB(500, 40));
            assertTrue(red.getRed() > 130 && red.getGreen() < 80 && red.getBlue() < 80, "the red bar arrives red: " + red);
            Color blue = new Color(remote.getRGB(600, 40));
            assertTrue(blue.getBlue() > 130 && blue.getRed() < 80, "the blue bar arrives blue: " + blue);
            assertTrue(call.log().events().stream().anyMatch(e -> e.message().startsWith("Setup time: ")));
        } finally {
            call.hangup();
        }
    }

    @Test
    void quickCallLogsItsSignalingEdit() {
        LocalCall call = LocalCall.call(localStream);
        try {
            assertTrue(call.log().events().stream().anyMatch(e -> e.message().contains("x-google-start-bitrate=1000")));
            assertTrue(call.pc1().remoteDescription().sdp().contains("x-google-start-bitrate=1000"));
        } finally {
            call.hangup();
        }
    }

    @Test
    void hangupTwiceAndStepsAfterHangupAreClear() {
        int liveBefore = Engine.get().liveCalls();
        LocalCall call = LocalCall.call(localStream);
        assertEquals(liveBefore + 1, Engine.get().liveCalls());
        call.hangup();
        assertDoesNotThrow(call::hangup);
        CallException e = assertThrows(CallException.class, () -> call.pc1().createOffer());
        assertTrue(e.getMessage().contains("pc1 is closed"), e.getMessage());
        assertTrue(e.getMessage().contains("LocalCall.create(localStream)"), e.getMessage());
        CallException w = assertThrows(CallException.class, call::awaitConnected);
        assertTrue(w.getMessage().contains("hung up"), w.getMessage());
        assertDoesNotThrow(() -> call.pc2().addIceCandidate(new IceCandidate("0", 0, "candidate:1 1 udp 1 1.2.3.4 5 typ host", null)));
        assertEquals(liveBefore, Engine.get().liveCalls(), "the engine forgets a call that hung up");
    }

    @Test
    void stepsOutOfOrderSayWhatToDoNext() {
        LocalCall call = LocalCall.create(localStream);
        try {
            CallException answerFirst = assertThrows(CallException.class, () -> call.pc2().createAnswer());
            assertTrue(answerFirst.getMessage().contains("pc2.createAnswer failed"), answerFirst.getMessage());
            assertTrue(answerFirst.getMessage().contains("signaling state 'stable'"), answerFirst.getMessage());
            assertTrue(answerFirst.getMessage().contains("run pc2.setRemoteDescription(offer) first"), answerFirst.getMessage());

            call.addLocalStream();
            SessionDescription offer = call.pc1().createOffer();
            call.pc1().setLocalDescription(offer);
            CallException offerToOfferer = assertThrows(CallException.class, () -> call.pc1().setRemoteDescription(offer));
            assertTrue(offerToOfferer.getMessage().contains("have-local-offer"), offerToOfferer.getMessage());
            assertTrue(call.log().events().stream().anyMatch(e -> e.kind() == Event.Kind.STEP_FAILED));
        } finally {
            call.hangup();
        }
    }

    @Test
    void badInputGetsClearErrorsNotCrashes() {
        LocalCall call = LocalCall.create(localStream);
        try {
            CallException garbage = assertThrows(CallException.class,
                    () -> call.pc2().setRemoteDescription(SessionDescription.offer("this is not SDP")));
            assertTrue(garbage.getMessage().contains("could not parse the SDP"), garbage.getMessage());
            assertThrows(IllegalArgumentException.class, () -> call.pc1().setLocalDescription(null));
            assertThrows(IllegalArgumentException.class, () -> call.pc1().addTrack(null, localStream));
            assertThrows(IllegalArgumentException.class, () -> new SessionDescription("hello", "v=0"));

            call.addLocalStream();
            SessionDescription offer = call.pc1().createOffer();
            call.pc1().setLocalDescription(offer);
            call.pc2().setRemoteDescription(offer);
            CallException badCandidate = assertThrows(CallException.class,
                    () -> call.pc2().addIceCandidate(new IceCandidate("0", 0, "candidate:garbage", null)));
            assertTrue(badCandidate.getMessage().contains("addIceCandidate failed"), badCandidate.getMessage());
            // The end-of-candidates marker is not an error.
            assertDoesNotThrow(() -> call.pc2().addIceCandidate(new IceCandidate("0", 0, "", null)));
        } finally {
            call.hangup();
        }
    }

    @Test
    void gatherFirstPutsCandidatesInTheDescriptions() {
        LocalCall call = LocalCall.call(localStream, CallOptions.defaults().withTrickle(false));
        try {
            assertTrue(call.pc2().remoteDescription().sdp().contains("a=candidate:"), "pc2 got pc1's candidates inside the offer");
            assertTrue(call.pc1().remoteDescription().sdp().contains("a=candidate:"), "pc1 got pc2's candidates inside the answer");
            assertTrue(call.log().all(e -> e.message().contains("addIceCandidate")).isEmpty(), "no trickled candidates");
        } finally {
            call.hangup();
        }
    }

    @Test
    void aTimeoutNamesWhatDidNotHappenAndWhereEachPeerStood() {
        // Gather-first without waiting for gathering: the offer carries no candidates, nobody can connect.
        LocalCall call = LocalCall.create(localStream, CallOptions.defaults().withTrickle(false).withTimeout(Duration.ofMillis(1500)));
        try {
            call.addLocalStream();
            SessionDescription offer = call.pc1().createOffer();
            call.pc1().setLocalDescription(offer);
            call.pc2().setRemoteDescription(offer);
            SessionDescription answer = call.pc2().createAnswer();
            call.pc2().setLocalDescription(answer);
            call.pc1().setRemoteDescription(answer);
            CallTimeoutException e = assertThrows(CallTimeoutException.class, call::awaitConnected);
            assertTrue(e.getMessage().startsWith("pc1 did not reach connectionState 'connected' within 1500 ms"), e.getMessage());
            assertTrue(e.getMessage().contains("pc1 — signaling: stable"), e.getMessage());
            assertTrue(e.getMessage().contains("pc2 — signaling: stable"), e.getMessage());
            assertTrue(e.getMessage().contains("candidates gathered"), e.getMessage());
        } finally {
            call.hangup();
        }
    }

    @Test
    void aCallNeedsLiveMedia() {
        assertThrows(IllegalArgumentException.class, () -> LocalCall.create(null));
        MediaStream stopped = MediaDevices.getUserMedia(Constraints.audioOnly().withSynthetic());
        stopped.stop();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LocalCall.create(stopped));
        assertTrue(e.getMessage().contains("was stopped"));
    }

    @Test
    void audioOnlyCallConnectsAndSaysThereIsNoVideo() {
        MediaStream audio = MediaDevices.getUserMedia(Constraints.audioOnly().withSynthetic());
        try {
            LocalCall call = LocalCall.call(audio);
            try {
                assertEquals("connected", call.pc2().state().connectionState());
                CallException e = assertThrows(CallException.class, call::awaitFirstFrame);
                assertTrue(e.getMessage().contains("sends no video"));
            } finally {
                call.hangup();
            }
        } finally {
            audio.stop();
        }
    }

    @Test
    void stoppingTheStreamDuringACallIsHarmless() {
        MediaStream s = MediaDevices.getUserMedia(Constraints.audioVideo().withSynthetic());
        LocalCall call = LocalCall.call(s);
        s.stop();
        assertDoesNotThrow(call::hangup);
        assertEquals("ended", s.getVideoTracks().get(0).readyState());
    }
}

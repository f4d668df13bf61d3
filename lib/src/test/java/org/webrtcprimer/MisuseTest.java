package org.webrtcprimer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;
import org.webrtcprimer.call.CallException;
import org.webrtcprimer.call.CallOptions;
import org.webrtcprimer.call.IceCandidate;
import org.webrtcprimer.call.LocalCall;
import org.webrtcprimer.net.Network;
import org.webrtcprimer.call.OfferOptions;
import org.webrtcprimer.call.Peer;
import org.webrtcprimer.call.SessionDescription;
import org.webrtcprimer.events.EventLog;
import org.webrtcprimer.exercises.Exercises;
import org.webrtcprimer.exercises.Verdict;
import org.webrtcprimer.ice.Candidate;
import org.webrtcprimer.media.Constraints;
import org.webrtcprimer.media.MediaDevices;
import org.webrtcprimer.media.MediaStream;
import org.webrtcprimer.media.Track;
import org.webrtcprimer.media.VideoView;
import org.webrtcprimer.notebook.Notebook;
import org.webrtcprimer.sdp.Sdp;
import org.webrtcprimer.sdp.SdpParseException;
import org.webrtcprimer.signaling.Message;
import org.webrtcprimer.signaling.SignalingClient;
import org.webrtcprimer.signaling.SignalingServer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Every public step of the kit called out of order, twice, after hangup or stop, with null or
 * garbage: each gets an exception of the kit's kinds (never a bare NullPointerException or a
 * java.lang.Error from the engine) whose message names the step and the state, and the engine
 * keeps working afterwards. The native misuse also runs in a child JVM
 * (NativeMisuseTest), where a crash would show as an exit code instead of killing the
 * test fork.
 */
@Timeout(120)
class MisuseTest {

    static MediaStream stream;

    @BeforeAll
    static void open() {
        stream = MediaDevices.getUserMedia(Constraints.audioVideo().withSynthetic());
    }

    @AfterAll
    static void close() {
        stream.stop();
    }

    /** Runs a misuse; it must throw one of the kit's clear exceptions whose message has every fragment. */
    static RuntimeException clear(Executable misuse, String... fragments) {
        Throwable t = assertThrows(Throwable.class, misuse);
        assertFalse(t instanceof NullPointerException, "a bare NullPointerException: " + t);
        assertFalse(t instanceof Error, "an Error escaped (the engine's kind of failure): " + t);
        assertTrue(t instanceof RuntimeException, "not a RuntimeException: " + t);
        String m = t.getMessage();
        assertNotNull(m, "no message: " + t);
        for (String f : fragments) assertTrue(m.contains(f), "message lacks '" + f + "': " + m);
        return (RuntimeException) t;
    }

    @Test
    void aCallAfterHangupSaysItHasHungUpForEveryStep() {
        LocalCall call = LocalCall.call(stream);
        call.hangup();
        call.hangup(); // harmless twice
        Peer pc1 = call.pc1(), pc2 = call.pc2();
        clear(() -> pc1.createOffer(OfferOptions.defaults()), "pc1.createOffer", "closed", "hangup()");
        clear(pc2::createAnswer, "pc2.createAnswer", "closed");
        clear(() -> pc1.setLocalDescription(SessionDescription.offer("v=0\r\n")), "pc1.setLocalDescription", "closed");
        clear(() -> pc2.setRemoteDescription(SessionDescription.offer("v=0\r\n")), "pc2.setRemoteDescription", "closed");
        clear(pc1::getStats, "pc1.getStats", "closed");
        clear(pc1::restartIce, "pc1.restartIce", "closed");
        clear(pc1::engine, "pc1.engine", "closed");
        clear(() -> pc1.addTrack(stream.getTracks().get(0), stream), "pc1.addTrack", "closed");
        clear(call::awaitConnected, "hung up");
        clear(call::awaitFirstFrame, "hung up");
        clear(call::negotiate, "closed");
        clear(call::addLocalStream, "closed");
        pc1.addIceCandidate(pc1.localCandidates().get(0)); // late candidates after hangup are harmless
        assertEquals("closed", pc1.state().connectionState());
        assertNull(pc1.localDescription());
        pc1.close();
        assertTrue(call.toString().contains("hung up"));
        assertTrue(call.remoteVideo().frames() > 0, "the remote view keeps its count");
        assertNotNull(call.remoteVideo().snapshot(), "and its last picture, after hangup");
    }

    @Test
    void stepsOutOfOrderNameTheStepAndTheSignalingState() {
        LocalCall call = LocalCall.create(stream);
        try {
            Peer pc1 = call.pc1(), pc2 = call.pc2();
            // createAnswer before any offer
            clear(pc2::createAnswer, "pc2.createAnswer", "'stable'");
            // the answer's side applied first: pc1 sets an answer while stable
            SessionDescription offer = pc1.createOffer(OfferOptions.defaults());
            SessionDescription asAnswer = SessionDescription.answer(offer.sdp());
            clear(() -> pc2.setRemoteDescription(asAnswer), "pc2.setRemoteDescription", "'stable'");
            // setRemoteDescription(offer) twice is fine in JSEP; setLocalDescription of an offer pc2 never made is not
            pc2.setRemoteDescription(offer);
            clear(() -> pc2.setLocalDescription(offer), "pc2.setLocalDescription", "have-remote-offer");
            // createOffer twice is allowed (JSEP §4.1.8); the second offer replaces nothing until set
            pc1.createOffer(OfferOptions.defaults());
            // first frame before any media was sent
            clear(() -> call.await(e -> false, "nothing"), "nothing");
        } finally {
            call.hangup();
        }
        // 1 ms with 200 ms of delay each way, so the call cannot be up before its first wait starts, however busy the machine
        clear(() -> LocalCall.call(stream, CallOptions.defaults().withNetwork(Network.perfect().withDelay(200)).withTimeout(Duration.ofMillis(1))),
                "within 1 ms");
    }

    @Test
    void nullAndGarbageArguments() {
        clear(() -> LocalCall.create(null), "getUserMedia");
        clear(() -> MediaDevices.getUserMedia(null), "Constraints.audioVideo()");
        clear(() -> new Constraints(false, false, Constraints.Source.AUTO, 640, 480, 30, 440), "audio, video or both");
        clear(() -> Constraints.audioVideo().withSize(641, 480), "641×480");
        clear(() -> Peer.create(null, new EventLog(), null), "name");
        clear(() -> Peer.create("pc9", null, null), "event log");
        clear(() -> CallOptions.defaults().withTimeout(Duration.ZERO), "timeout");
        LocalCall call = LocalCall.create(stream);
        try {
            Peer pc1 = call.pc1(), pc2 = call.pc2();
            clear(() -> pc1.setLocalDescription(null), "pc1.setLocalDescription", "needs a description");
            clear(() -> pc2.setRemoteDescription(null), "pc2.setRemoteDescription", "needs a description");
            clear(() -> pc1.addTrack(null, stream), "pc1.addTrack");
            clear(() -> pc1.addIceCandidate(null), "pc1.addIceCandidate");
            clear(() -> pc2.setRemoteDescription(SessionDescription.offer("this is not SDP")), "pc2.setRemoteDescription", "failed");
            clear(() -> pc2.setRemoteDescription(SessionDescription.offer("")), "pc2.setRemoteDescription");
            clear(() -> SessionDescription.offer(null), "sdp");
            SessionDescription offer = pc1.createOffer(OfferOptions.defaults());
            pc1.setLocalDescription(offer);
            pc2.setRemoteDescription(offer);
            clear(() -> pc2.addIceCandidate(new IceCandidate("0", 0, "candidate:garbage", null)), "pc2.addIceCandidate", "garbage");
            clear(() -> pc2.addIceCandidate(new IceCandidate("nope", 9, "candidate:1 1 udp 1 1.2.3.4 5 typ host", null)), "pc2.addIceCandidate");
            pc2.addIceCandidate(new IceCandidate("0", 0, "", null)); // end of candidates: ignored, as the W3C spec says
        } finally {
            call.hangup();
        }
        // a call still works after all that
        LocalCall.call(stream).hangup();
    }

    @Test
    void mediaAfterStopAndViewsOutOfOrder() {
        MediaStream s = MediaDevices.getUserMedia(Constraints.audioOnly().withSynthetic());
        clear(s::localVideo, "no video");
        s.stop();
        s.stop(); // harmless twice
        assertFalse(s.active());
        for (Track t : s.getTracks()) {
            assertEquals("ended", t.readyState());
            assertNotNull(t.toString());
        }
        assertTrue(s.toString().contains("stopped"));
        assertTrue(s.toHtml().contains("ended"));
        clear(() -> LocalCall.create(s), "stopped", "getUserMedia");
        clear(() -> LocalCall.call(s), "stopped");

        LocalCall audioOnly = LocalCall.create(MediaDevices.getUserMedia(Constraints.audioOnly().withSynthetic()));
        try {
            clear(audioOnly::awaitFirstFrame, "no video");
        } finally {
            audioOnly.hangup();
            audioOnly.localStream().stop();
        }

        VideoView v = new VideoView("remoteVideo", "pc2", null);
        clear(v::snapshot, "remoteVideo has no frame yet", "nothing is attached");
        clear(() -> v.awaitFirstFrame(Duration.ofMillis(50)), "remoteVideo received no video frame", "no track");
        v.close();
        v.close();
        clear(() -> v.attach(null), "closed");
        clear(() -> v.awaitFirstFrame(Duration.ofMillis(50)), "closed before a frame arrived");
        VideoView local = stream.localVideo();
        clear(() -> local.attach((dev.onvoid.webrtc.media.video.VideoTrack) stream.getVideoTracks().get(0).engineTrack()),
                "localVideo already shows a track");
    }

    @Test
    void analysesRefuseNullAndGarbage() {
        clear(() -> Sdp.parse(null));
        assertInstanceOf(SdpParseException.class, clear(() -> Sdp.parse("")));
        assertInstanceOf(SdpParseException.class, clear(() -> Sdp.parse("<html><body>404</body></html>"), "line"));
        assertInstanceOf(SdpParseException.class, clear(() -> Sdp.parseStrict("v=0\r\nbogus\r\n"), "line 2"));
        clear(() -> Sdp.diff(null, Sdp.parse("v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\n")));
        clear(() -> Sdp.fromJson("{not json"));
        clear(() -> Candidate.parse(null), "candidate is null");
        clear(() -> Candidate.parse("candidate:1 1 udp high 1.2.3.4 5 typ host"), "priority");
        clear(() -> EventLog.fromJson("[1,2"));
        clear(() -> EventLog.fromCsv("not,a,log"));
    }

    @Test
    void exercisesAndNotebookTakeAnything() {
        clear(() -> Exercises.check("99.9", 1), "no exercise '99.9'");
        clear(() -> Exercises.check(null, 1), "no exercise");
        for (String id : List.of("03.1", "02.1", "00.1")) {
            assertEquals(Verdict.Outcome.UNANSWERED, Exercises.check(id, (Object[]) null).outcome(), id);
            assertEquals(Verdict.Outcome.UNANSWERED, Exercises.check(id).outcome(), id);
            assertEquals(Verdict.Outcome.WRONG, Exercises.check(id, new Object()).outcome(), id);
            assertEquals(Verdict.Outcome.WRONG, Exercises.check(id, "garbage", "more garbage", 42).outcome(), id);
        }
        // show() never throws into a learner's cell: null, a value whose toString throws, a huge string
        Notebook.show(null);
        Notebook.show(new Object() {
            @Override
            public String toString() {
                throw new IllegalStateException("boom");
            }
        });
        Notebook.show("x".repeat(100_000));
        Notebook.show(new ArrayList<>(List.of(1, 2, 3)));
    }

    @Test
    void signalingOutOfOrderAndAfterClose() throws Exception {
        clear(() -> SignalingClient.connect(null, "r", "pc1"), "ws://");
        clear(() -> SignalingClient.connect("http://127.0.0.1:1", "r", "pc1"), "ws://");
        clear(() -> SignalingClient.connect("ws://127.0.0.1:1", "r", "pc1", Duration.ofSeconds(2)), "could not connect");
        try (SignalingServer server = SignalingServer.start()) {
            clear(() -> SignalingClient.connect(server.url(), "bad room!", "pc1"), "room");
            clear(() -> SignalingClient.connect(server.url(), "r", ""), "name");
            SignalingClient a = SignalingClient.connect(server.url(), "r", "pc1");
            clear(() -> SignalingClient.connect(server.url(), "r", "pc1"), "name");
            clear(() -> a.next("offer", Duration.ofMillis(100)), "no 'offer' message arrived");
            clear(() -> a.awaitPeer(Duration.ofMillis(100)), "nobody else joined");
            a.close();
            a.close(); // harmless twice
            clear(() -> a.send(Message.of("bye")), "bye");
            clear(() -> a.next("offer", Duration.ofMillis(100)));
            clear(() -> a.syncClock(3));
        }
    }
}

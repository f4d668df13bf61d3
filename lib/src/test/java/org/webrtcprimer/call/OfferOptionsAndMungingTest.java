package org.webrtcprimer.call;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.webrtcprimer.datasets.Datasets;
import org.webrtcprimer.media.Constraints;
import org.webrtcprimer.media.MediaDevices;
import org.webrtcprimer.media.MediaStream;
import org.webrtcprimer.sdp.Direction;
import org.webrtcprimer.sdp.MediaSection;
import org.webrtcprimer.sdp.ParsedSdp;
import org.webrtcprimer.sdp.Sdp;
import org.webrtcprimer.sdp.SdpDiff;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Lesson 07 against the real engine: the offer options, receive-only transceivers, SDP munging that
 * the engine follows (a codec dropped, a direction changed) and munging it refuses, with the kit's hints.
 */
@Timeout(120)
class OfferOptionsAndMungingTest {

    static MediaStream localStream;

    @BeforeAll
    static void start() {
        localStream = MediaDevices.getUserMedia(Constraints.audioVideo().withSynthetic());
    }

    @AfterAll
    static void stop() {
        localStream.stop();
    }

    static ParsedSdp parse(SessionDescription d) {
        return Sdp.parse(d.sdp());
    }

    @Test
    void voiceActivityDetectionOffTakesCnOutAndIceRestartChangesTheCredentials() {
        LocalCall call = LocalCall.call(localStream);
        try {
            ParsedSdp on = parse(call.pc1().createOffer(new OfferOptions(false, true)));
            ParsedSdp off = parse(call.pc1().createOffer(new OfferOptions(false, false)));
            List<String> onNames = on.media().get(0).codecs().stream().map(c -> c.name()).toList();
            List<String> offNames = off.media().get(0).codecs().stream().map(c -> c.name()).toList();
            assertTrue(onNames.contains("CN"), onNames.toString());
            assertFalse(offNames.contains("CN"), offNames.toString());
            assertEquals(onNames.stream().filter(n -> !n.equals("CN")).toList(), offNames, "nothing else changes");

            ParsedSdp restart = parse(call.pc1().createOffer(new OfferOptions(true, true)));
            SdpDiff d = Sdp.diff(on, restart);
            assertTrue(d.iceRestart(), d.toText());
            for (int i = 0; i < 2; i++) {
                assertNotEquals(on.media().get(i).iceUfrag(), restart.media().get(i).iceUfrag());
                assertNotEquals(on.media().get(i).icePwd(), restart.media().get(i).icePwd());
            }
            assertEquals("connected", call.pc1().state().connectionState(), "offers that are not set change nothing");
        } finally {
            call.hangup();
        }
    }

    @Test
    void aPeerWithNothingOffersNoMediaAndRecvonlyTransceiversAskToReceive() {
        LocalCall c = LocalCall.create(localStream);
        try {
            Peer pc = c.pc1();
            ParsedSdp empty = parse(pc.createOffer());
            assertTrue(empty.media().isEmpty(), empty.toString());
            assertTrue(empty.bundle().isEmpty());

            assertEquals("pc1 added an audio transceiver (recvonly, no track)", pc.addTransceiver("audio", "recvonly"));
            assertEquals("pc1 added a video transceiver (recvonly, no track)", pc.addTransceiver("video", "recvonly"));
            SessionDescription offer = pc.createOffer();
            ParsedSdp p = parse(offer);
            assertEquals(List.of("audio", "video"), p.media().stream().map(MediaSection::type).toList());
            for (MediaSection m : p.media()) {
                assertEquals(Direction.RECVONLY, m.direction());
                assertTrue(m.msids().isEmpty() && m.ssrcs().isEmpty(), "a receive-only section announces no track: " + m);
            }
            // pc2 can only send what it has: a video track, no audio
            c.pc2().setRemoteDescription(offer);
            c.pc2().addTrack(localStream.getVideoTracks().get(0), localStream);
            ParsedSdp answer = parse(c.pc2().createAnswer());
            assertEquals(Direction.INACTIVE, answer.media().get(0).direction());
            assertEquals(Direction.SENDONLY, answer.media().get(1).direction());
        } finally {
            c.hangup();
        }
    }

    @Test
    void addTransceiverSaysWhatIsWrong() {
        LocalCall c = LocalCall.create(localStream);
        try {
            IllegalArgumentException kind = assertThrows(IllegalArgumentException.class, () -> c.pc1().addTransceiver("data", "recvonly"));
            assertTrue(kind.getMessage().contains("kind must be \"audio\" or \"video\", not 'data'"), kind.getMessage());
            IllegalArgumentException dir = assertThrows(IllegalArgumentException.class, () -> c.pc1().addTransceiver("audio", "receive"));
            assertTrue(dir.getMessage().contains("not 'receive'"), dir.getMessage());
        } finally {
            c.hangup();
        }
        CallException closed = assertThrows(CallException.class, () -> c.pc1().addTransceiver("audio", "recvonly"));
        assertTrue(closed.getMessage().contains("pc1 is closed"), closed.getMessage());
    }

    @Test
    void withoutVp8TheAnswerNarrowsAndPc1SendsVp9ThenInactiveStopsTheVideo() throws Exception {
        LocalCall c = LocalCall.create(localStream);
        try {
            c.addLocalStream();
            SessionDescription offer = c.pc1().createOffer();
            c.pc1().setLocalDescription(offer);
            c.pc2().setRemoteDescription(offer.withoutCodec("VP8"));
            SessionDescription answer = c.pc2().createAnswer();
            SdpDiff d = Sdp.diff(parse(offer), parse(answer));
            assertTrue(d.offerAnswer());
            assertTrue(d.changes(SdpDiff.Kind.REMOVED).stream().anyMatch(x -> x.key().equals("codecs") && x.before().contains("VP8")), d.toText());
            assertEquals("VP9", parse(answer).media().get(1).codecs().get(0).name());
            c.pc2().setLocalDescription(answer);
            c.pc1().setRemoteDescription(answer);
            c.awaitConnected().awaitFirstFrame();

            List<String> sent = waitForVideo(c.pc1(), "sends video");
            assertTrue(sent.stream().anyMatch(s -> s.startsWith("sends video VP9/90000 (payload type ")), sent.toString());
            assertTrue(sent.stream().anyMatch(s -> s.startsWith("sends audio opus/48000")), sent.toString());
            assertTrue(waitForVideo(c.pc2(), "receives video").stream().anyMatch(s -> s.startsWith("receives video VP9")));

            // Renegotiate with the video section made inactive on its way to pc2: the video stops, the call stays up.
            SessionDescription offer2 = c.pc1().createOffer();
            c.pc1().setLocalDescription(offer2);
            c.pc2().setRemoteDescription(offer2.withDirection("1", "inactive"));
            SessionDescription answer2 = c.pc2().createAnswer();
            assertEquals(Direction.INACTIVE, parse(answer2).media().get(1).direction(), "an answer to inactive is inactive");
            c.pc2().setLocalDescription(answer2);
            c.pc1().setRemoteDescription(answer2);
            Thread.sleep(300); // frames already on their way may still land
            long before = c.remoteVideo().frames();
            Thread.sleep(700);
            assertTrue(c.remoteVideo().frames() - before <= 1, "video keeps arriving: " + (c.remoteVideo().frames() - before) + " frames");
            assertEquals("connected", c.pc1().state().connectionState());
        } finally {
            c.hangup();
        }
    }

    static List<String> waitForVideo(Peer p, String prefix) throws InterruptedException {
        List<String> l = List.of();
        for (int i = 0; i < 50; i++) {
            l = p.codecsInUse();
            if (l.stream().anyMatch(s -> s.startsWith(prefix))) return l;
            Thread.sleep(100);
        }
        fail(p.name() + " never reported '" + prefix + "': " + l);
        return l;
    }

    @Test
    void editsTheEngineRefusesComeBackWithTheEnginesMessageAndAHint() {
        LocalCall c = LocalCall.create(localStream);
        try {
            c.addLocalStream();
            SessionDescription offer = c.pc1().createOffer();

            CallException syntax = assertThrows(CallException.class,
                    () -> c.pc2().setRemoteDescription(offer.withSdp(offer.sdp().replace("a=rtpmap:96 VP8/90000", "a=rtpmap:96 VP8"))));
            assertTrue(syntax.getMessage().startsWith("pc2.setRemoteDescription failed: Create session description failed"), syntax.getMessage());
            assertTrue(syntax.getMessage().contains("[a=rtpmap:96 VP8]"), syntax.getMessage());
            assertTrue(syntax.getMessage().contains("could not parse the SDP"), syntax.getMessage());

            CallException noFingerprint = assertThrows(CallException.class,
                    () -> c.pc2().setRemoteDescription(offer.withSdp(offer.sdp().replaceAll("a=fingerprint:[^\r\n]*\r\n", ""))));
            String m = noFingerprint.getMessage();
            assertTrue(m.contains("without DTLS fingerprint"), m);
            assertTrue(m.contains("has no a=fingerprint line"), m);
            assertFalse(m.contains("is not a hash"), "the hint for a missing fingerprint is not the one for a malformed one: " + m);
            assertFalse(m.contains(".."), "one full stop after the engine's message: " + m);

            CallException notMine = assertThrows(CallException.class,
                    () -> c.pc1().setLocalDescription(offer.withSdp(offer.sdp().replaceAll("(a=fingerprint:sha-256 )..", "$100"))));
            assertTrue(notMine.getMessage().contains("does not match identity"), notMine.getMessage());
            assertTrue(notMine.getMessage().contains("own certificate"), notMine.getMessage());
            assertEquals("stable", c.pc1().state().signalingState(), "a refused description changes nothing");
        } finally {
            c.hangup();
        }
    }

    @Test
    void thePlanBAndSipOffersAreRefusedForWantOfAFingerprint() {
        for (String file : List.of("sdp/chrome-planb-sdes.sdp", "sdp/sip-pjsua-audio-offer.sdp")) {
            LocalCall c = LocalCall.create(localStream);
            try {
                SessionDescription offer = SessionDescription.offer(Datasets.read(file));
                CallException e = assertThrows(CallException.class, () -> c.pc2().setRemoteDescription(offer));
                assertTrue(e.getMessage().contains("without DTLS fingerprint") && e.getMessage().contains("RFC 8827 §6.5"), file + ": " + e.getMessage());
            } finally {
                c.hangup();
            }
        }
    }

    @Test
    void todaysEngineAnsweringTheArticlesOfferDropsWhatItNoLongerHas() {
        LocalCall c = LocalCall.create(localStream);
        try {
            SessionDescription chrome2020 = SessionDescription.offer(Datasets.read("article/offer.sdp"));
            c.pc2().setRemoteDescription(chrome2020);
            ParsedSdp answer = parse(c.pc2().createAnswer());
            List<String> audio = answer.media().get(0).codecs().stream().map(x -> x.name()).toList();
            assertFalse(audio.contains("ISAC"), audio.toString());
            assertTrue(audio.contains("opus"));
            assertTrue(answer.media().get(1).codecs().stream().noneMatch(x -> "64001f".equals(x.parameters().get("profile-level-id"))),
                    "H264 High is not in today's engine");
        } finally {
            c.hangup();
        }
    }

    @Test
    void theAnswersBundledVideoSectionIsExplainedByBundleNotTrickle() {
        LocalCall call = LocalCall.call(localStream);
        try {
            ParsedSdp offer = parse(call.pc1().localDescription());
            ParsedSdp answer = parse(call.pc2().localDescription());
            SdpDiff d = Sdp.diff(offer, answer, "offer", "answer");
            SdpDiff.Change video = d.changes().stream().filter(x -> x.scope().startsWith("m=1") && x.key().equals("a=candidate"))
                    .findFirst().orElseThrow(() -> new AssertionError(d.toText()));
            assertTrue(video.english().contains("bundled") && video.english().contains("mid 0"), video.english());
            assertTrue(video.reference().startsWith("RFC 9143"), video.reference());
        } finally {
            call.hangup();
        }
    }
}

package org.webrtcprimer.ice;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.webrtcprimer.engine.Engine;
import org.webrtcprimer.call.CallException;
import org.webrtcprimer.call.CallOptions;
import org.webrtcprimer.call.CallTimeoutException;
import org.webrtcprimer.call.LocalCall;
import org.webrtcprimer.call.SessionDescription;
import org.webrtcprimer.events.Event;
import org.webrtcprimer.events.StateTimeline;
import org.webrtcprimer.media.Constraints;
import org.webrtcprimer.media.MediaDevices;
import org.webrtcprimer.media.MediaStream;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.*;

/**
 * What the engine does when ICE or DTLS cannot succeed: candidates never exchanged, a wrong
 * ICE password, a certificate that does not match the fingerprint. Each call ends with an error
 * that names the state it is stuck in, and hangup leaves nothing behind.
 */
@Timeout(180)
public class FailuresTest {

    static MediaStream localStream;

    @BeforeAll
    static void start() {
        localStream = MediaDevices.getUserMedia(Constraints.audioVideo().withSynthetic());
    }

    @AfterAll
    static void stop() {
        localStream.stop();
    }

    /** The six JSEP steps by hand, pc2's answer edited on its way to pc1. */
    static LocalCall callWithAnswer(CallOptions options, UnaryOperator<String> edit) {
        LocalCall c = LocalCall.create(localStream, options);
        c.addLocalStream();
        SessionDescription offer = c.pc1().createOffer();
        c.pc1().setLocalDescription(offer);
        c.pc2().setRemoteDescription(offer);
        SessionDescription answer = c.pc2().createAnswer();
        c.pc2().setLocalDescription(answer);
        c.pc1().setRemoteDescription(answer.withSdp(edit.apply(answer.sdp())));
        return c;
    }

    /** The same certificate hash with its first byte changed: well-formed, but not the certificate pc2 will present. */
    public static String otherFingerprint(String sdp) {
        return java.util.regex.Pattern.compile("(a=fingerprint:sha-256 )(..)").matcher(sdp)
                .replaceAll(m -> m.group(1) + (m.group(2).equals("00") ? "FF" : "00"));
    }

    @Test
    void candidatesNeverExchangedLeaveIceWithNothingToCheck() {
        // Gather-first, but the descriptions leave before gathering: no candidates travel at all.
        LocalCall c = callWithAnswer(CallOptions.defaults().withTrickle(false).withTimeout(Duration.ofMillis(2000)), sdp -> sdp);
        try {
            assertFalse(c.pc2().remoteDescription().sdp().contains("a=candidate"));
            CallTimeoutException e = assertThrows(CallTimeoutException.class, c::awaitConnected);
            assertTrue(e.getMessage().startsWith("pc1 did not reach connectionState 'connected' within 2000 ms."), e.getMessage());
            assertTrue(e.getMessage().contains("pc2: stuck in ICE 'new': pc2 has no remote candidates"), e.getMessage());
            assertTrue(e.getMessage().contains("has no remote candidates — none were trickled"), e.getMessage());
            StateTimeline t = StateTimeline.of(c.log());
            assertFalse(t.states("pc2", Event.ICE_CONNECTION).contains("connected"));
        } finally {
            c.hangup();
        }
    }

    @Test
    void aWrongIcePasswordIsAcceptedAndEveryCheckFails() {
        // Same length, other characters: the engine takes it (only the length is checked), then no check is answered.
        LocalCall c = callWithAnswer(CallOptions.defaults().withTimeout(Duration.ofMillis(2500)),
                sdp -> java.util.regex.Pattern.compile("a=ice-pwd:(\\S)").matcher(sdp)
                        .replaceAll(m -> "a=ice-pwd:" + (m.group(1).equals("A") ? "B" : "A")));
        try {
            CallTimeoutException e = assertThrows(CallTimeoutException.class, c::awaitConnected);
            assertTrue(e.getMessage().contains("stuck in ICE 'checking'"), e.getMessage());
            assertTrue(e.getMessage().contains("a=ice-ufrag/a=ice-pwd"), e.getMessage());
            assertEquals("checking", c.pc1().state().iceConnectionState());
            assertTrue(c.log().all(e2 -> e2.source().equals("pc1") && e2.isState(Event.ICE_CONNECTION, "connected")).isEmpty());
            // pc1 sends checks and gets nothing back.
            CandidatePairs pairs = c.pc1().candidatePairs();
            assertTrue(pairs.pairs().stream().mapToLong(CandidatePair::requestsSent).sum() > 0, pairs.toString());
            assertEquals(0, pairs.pairs().stream().mapToLong(CandidatePair::responsesReceived).sum(), pairs.toString());
            assertTrue(pairs.selected().isEmpty());
            // The log records the wait, so the states' chart runs to the timeout instead of stopping at the last change.
            assertTrue(c.log().first(ev -> ev.kind() == Event.Kind.NOTE && ev.name().equals(Event.TIMED_OUT)
                    && ev.detail().endsWith("within 2500 ms")).isPresent(), c.log().text());
            assertTrue(StateTimeline.of(c.log()).endMs() >= 2500, "the timeline ends at " + StateTimeline.of(c.log()).endMs());
        } finally {
            c.hangup();
        }
    }

    @Test
    void anIcePasswordOfTheWrongLengthIsRejectedAtOnce() {
        CallException e = assertThrows(CallException.class,
                () -> callWithAnswer(CallOptions.defaults(), sdp -> sdp.replaceAll("a=ice-pwd:\\S+", "a=ice-pwd:short")).hangup());
        assertFalse(e instanceof CallTimeoutException);
        assertTrue(e.getMessage().contains("pc1.setRemoteDescription failed"), e.getMessage());
        assertTrue(e.getMessage().contains("ICE pwd must be between 22 and 256 characters"), e.getMessage());
        assertTrue(e.getMessage().contains("RFC 8839 §5.4"), e.getMessage());
        assertFalse(e.getMessage().contains("glare"), "the hint is about the value, not the order of steps: " + e.getMessage());
    }

    @Test
    void aFingerprintMismatchFailsDtlsAndTheCallAtOnce() {
        LocalCall c = callWithAnswer(CallOptions.defaults(), FailuresTest::otherFingerprint);
        try {
            CallException e = assertThrows(CallException.class, c::awaitConnected);
            assertFalse(e instanceof CallTimeoutException, "no need to wait: DTLS says it failed");
            assertTrue(e.getMessage().contains("connection failed"), e.getMessage());
            assertTrue(e.getMessage().contains("DTLS failed: the certificate the other peer presented does not match the a=fingerprint"), e.getMessage());
            StateTimeline t = StateTimeline.of(c.log());
            assertTrue(t.states("pc1", Event.DTLS).contains("failed"), t.toString());
            assertTrue(t.states("pc1", Event.CONNECTION).contains("failed"), t.toString());
        } finally {
            c.hangup();
        }
    }

    @Test
    void aMalformedFingerprintIsRejectedWhenTheAnswerIsApplied() {
        CallException e = assertThrows(CallException.class,
                () -> callWithAnswer(CallOptions.defaults(), sdp -> sdp.replaceAll("(a=fingerprint:sha-256 )\\S+", "$1XYZ")).hangup());
        assertTrue(e.getMessage().contains("Failed to create fingerprint from the digest"), e.getMessage());
    }

    @Test
    void failedCallsLeaveThreadsAndDescriptorsFlat() throws Exception {
        int liveBefore = Engine.get().liveCalls();
        for (int i = 0; i < 3; i++) failOnce(); // warm-up: the engine's pools fill up once
        Thread.sleep(300);
        long threads = Thread.activeCount(), tasks = count("/proc/self/task"), fds = count("/proc/self/fd");
        for (int i = 0; i < 15; i++) failOnce();
        Thread.sleep(300);
        String figures = String.format("Java threads %d→%d, native threads %d→%d, descriptors %d→%d", threads, Thread.activeCount(),
                tasks, count("/proc/self/task"), fds, count("/proc/self/fd"));
        assertTrue(Thread.activeCount() <= threads + 2, figures);
        assertTrue(count("/proc/self/task") <= tasks + 2, figures);
        assertTrue(count("/proc/self/fd") <= fds + 4, figures);
        assertEquals(liveBefore, Engine.get().liveCalls(), "hangup releases every failed call");
    }

    private static void failOnce() {
        LocalCall c = callWithAnswer(CallOptions.defaults(), FailuresTest::otherFingerprint);
        try {
            assertThrows(CallException.class, c::awaitConnected);
        } finally {
            c.hangup();
        }
    }

    private static long count(String dir) throws Exception {
        try (var s = Files.list(Path.of(dir))) {
            return s.count();
        }
    }
}

package org.webrtcprimer.signaling;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.webrtcprimer.call.Call;
import org.webrtcprimer.call.TextChannel;
import org.webrtcprimer.stats.StatsRecording;
import org.webrtcprimer.stats.StatsSampler;
import org.webrtcprimer.call.CallException;
import org.webrtcprimer.events.KitClock;
import org.webrtcprimer.events.Event;
import org.webrtcprimer.events.EventLog;
import org.webrtcprimer.call.SetupTime;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** Calls through the signaling server against the real engine: in one JVM, and between two JVMs. */
@Timeout(180)
class RemoteCallTest extends SignalingFixture {

    @Test
    void aCallThroughTheServerCarriesVideoBothWaysAndDataBothWays() {
        try (Callee callee = Callee.start(server.url(), localStream, Callee.Options.in("both-ways").withMaxCalls(1));
             SignalingClient signaling = SignalingClient.connect(server.url(), "both-ways", "pc1")) {
            assertEquals("pc2", signaling.awaitPeer(Duration.ofSeconds(5)));
            RemoteCall call = RemoteCall.create(signaling, localStream);
            assertEquals("pc1", call.peer().name());
            call.addLocalStream();
            TextChannel chat = call.openChannel("chat");
            var offer = call.peer().createOffer();
            call.peer().setLocalDescription(offer);
            call.send(offer);
            var answer = call.awaitAnswer();
            assertTrue(answer.sdp().contains("a=sendrecv"), "pc2 answers with media of its own");
            assertEquals("stable", call.peer().setRemoteDescription(answer).signalingState());
            call.awaitConnected().awaitFirstFrame();

            RemoteCall theirs = callee.awaitCall(1, Duration.ofSeconds(10));
            assertEquals("pc2", theirs.peer().name());
            assertEquals("pc2 received offer", theirs.log().events().get(0).name(),
                    "the callee's log starts when the offer arrived, before its call existed");
            assertEquals(RemoteCall.ANSWER_NOTE, theirs.log().events().get(1).name());
            theirs.awaitFirstFrame();
            assertEquals(640, theirs.remoteVideo().videoWidth(), "pc2 sees pc1's test pattern");
            assertEquals(480, theirs.remoteVideo().videoHeight());
            assertEquals(640, call.remoteVideo().videoWidth(), "pc1 sees pc2's test pattern");

            chat.awaitOpen(Duration.ofSeconds(10));
            assertEquals("hello from Java (pc2)", chat.awaitMessage("hello", Duration.ofSeconds(10)));
            chat.send("hello from pc1");
            assertEquals("hello from pc1", theirs.channel().awaitMessage("pc1", Duration.ofSeconds(10)));

            SetupTime t = call.setupTime();
            assertTrue(t.toConnectedMillis().isPresent() && t.toFirstFrameMillis().isPresent(), t.toString());
            assertTrue(t.toString().contains("first remote video frame at pc1") && t.toString().contains("call() → pc1 connected"),
                    "one side's setup time names its own peer: " + t);
            assertTrue(theirs.setupTime().toString().contains("at pc2"), theirs.setupTime().toString());
            assertEquals(theirs.log().first(e -> e.name().equals(RemoteCall.ANSWER_NOTE)).orElseThrow().nanos(),
                    theirs.setupTime().startNanos(), "the callee's setup time starts at 'Answering call'");
            assertTrue(call.toHtml().contains("RemoteCall pc1 in room both-ways (active)") && call.toHtml().contains("connected"),
                    call.toHtml());
            assertTrue(call.log().text().contains("pc1 sent offer"), "signaling steps are in the caller's log");
            assertTrue(call.log().text().contains("pc1 received answer"), call.log().text());

            // The shared Call type: one side's peer, its states and stats, and the views that take a Call.
            Call asCall = call;
            assertEquals(List.of(call.peer()), asCall.peers());
            assertEquals("connected", asCall.states().get(0).connectionState());
            assertFalse(asCall.stats().get(0).ofType("candidate-pair").isEmpty(), "getStats through the Call");
            StatsRecording rec = StatsSampler.record(asCall, Duration.ofMillis(100), Duration.ofMillis(450));
            assertTrue(rec.size("pc1") >= 2, "the sampler samples a remote call's one peer: " + rec.size("pc1"));
            assertEquals(0, rec.size("pc2"), "the other side's peer is in another process");
            assertTrue(asCall.log().text().contains("getStats on pc1 every 100 ms"), asCall.log().text());
            assertTrue(org.webrtcprimer.Primer.logTable(asCall).toHtml().contains("pc1 sent offer"));
            assertFalse(asCall.isEnded());

            call.hangup();
            assertTrue(asCall.isEnded());
            call.hangup(); // harmless twice
            List<Event> remote = call.remoteLog();
            assertTrue(remote.stream().anyMatch(e -> e.source().equals("pc2") && e.isState(Event.CONNECTION, "connected")),
                    "the callee's log came back with its connection states");
            assertTrue(remote.stream().anyMatch(e -> e.message().contains("hung up (bye)")), "the callee saw the bye");
            assertEquals("answered 1 call", callee.stopped().get(10, TimeUnit.SECONDS));
            assertThrows(CallException.class, () -> call.send(offer), "a hung-up call refuses to send");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void whenTheCalleeProcessDiesMidCallTheCallerIsTold() throws Exception {
        try (CalleeProcess process = calleeProcess("vanish");
             SignalingClient signaling = SignalingClient.connect(server.url(), "vanish", "pc1")) {
            RemoteCall call = RemoteCall.call(signaling, localStream);
            ProcessHandle.of(process.pid()).orElseThrow().destroyForcibly(); // no bye, no closing handshake
            String why = call.ended().get(20, TimeUnit.SECONDS);
            assertEquals("pc2 left the room (disconnected) mid-call", why);
            assertTrue(call.isEnded());
            assertEquals("closed", call.peer().state().connectionState(), "pc1 is closed when pc2 goes");
            CallException late = assertThrows(CallException.class, call::awaitFirstFrame);
            assertTrue(late.getMessage().contains("the other side ended this call"), late.getMessage());
            call.hangup();
            assertTrue(call.log().text().contains("Call ended: pc2 left the room (disconnected) mid-call"), call.log().text());
        }
    }

    @Test
    void aCalleeThatClosesSaysByeFirst() throws Exception {
        Callee callee = Callee.start(server.url(), localStream, Callee.Options.in("polite"));
        try (SignalingClient signaling = SignalingClient.connect(server.url(), "polite", "pc1")) {
            RemoteCall call = RemoteCall.call(signaling, localStream);
            callee.awaitCall(1, Duration.ofSeconds(10));
            callee.close();
            assertEquals("pc2 hung up (bye)", call.ended().get(10, TimeUnit.SECONDS));
            assertEquals("closed", callee.stopped().get(5, TimeUnit.SECONDS));
            call.hangup();
        } finally {
            callee.close();
        }
    }

    @Test
    void aCallWithNobodyToAnswerFailsClearly() {
        try (SignalingClient signaling = SignalingClient.connect(server.url(), "empty", "pc1", Duration.ofSeconds(5))) {
            RuntimeException e = assertThrows(RuntimeException.class,
                    () -> RemoteCall.call(signaling, localStream, org.webrtcprimer.call.CallOptions.defaults().withTimeout(Duration.ofSeconds(1))));
            assertTrue(e.getMessage().contains("nobody else joined room empty"), e.getMessage());
        }
    }

    @Test
    void twoJavaProcessesCallEachOtherAndTheirClocksAreAligned() throws Exception {
        try (CalleeProcess process = calleeProcess("two-jvms");
             SignalingClient signaling = SignalingClient.connect(server.url(), "two-jvms", "pc1")) {
            assertTrue(process.isAlive());
            assertNotEquals(ProcessHandle.current().pid(), process.pid());
            ClockOffset offset = signaling.syncClock(10);
            assertEquals(10, offset.samples().size());

            RemoteCall call = RemoteCall.call(signaling, localStream);
            call.awaitFirstFrame();
            assertEquals(640, call.remoteVideo().videoWidth(), "the other process's test pattern arrives");
            call.hangup();
            List<Event> theirs = call.remoteLog(Duration.ofSeconds(10));

            // The truth, available only because both processes share this machine's monotonic
            // clock: each kit clock counts from its JVM's start, so the offset is the difference
            // of the two origins. The ping estimate must lie within half its round trip of it.
            long ourOrigin = System.nanoTime() - KitClock.now();
            long theirOrigin = call.remoteClockOrigin().orElseThrow(() -> new AssertionError("the callee's log has no clock origin"));
            long trueOffset = ourOrigin - theirOrigin;
            long error = Math.abs(offset.offsetNanos() - trueOffset);
            assertTrue(error <= offset.rttNanos() / 2 + 50_000, "estimate " + offset + " vs true offset "
                    + trueOffset / 1e6 + " ms: off by " + error / 1e6 + " ms");

            CallLogs both = CallLogs.of(call.log(), theirs, offset);
            EventLog merged = both.merged();
            SetupTime t = SetupTime.of(merged);
            assertTrue(t.toConnectedMillis().isPresent(), "with both logs on one clock, both peers' connections are seen: " + t);
            // Causality on the aligned clock: pc2 set the offer after pc1 sent it.
            double sent = both.millisOf(true, e -> e.name().equals("pc1 sent offer"));
            double applied = both.millisOf(false, e -> e.source().equals("pc2") && e.kind() == Event.Kind.STEP_START
                    && e.name().equals("setRemoteDescription"));
            assertTrue(applied > sent, "pc2 applies the offer (" + applied + " ms) after pc1 sent it (" + sent + " ms)");
            assertTrue(both.toText().contains("pc2 setRemoteDescription start"), both.toText());
            assertTrue(both.toHtml().contains("#ff7f0e"), "pc2's lines are orange");
            double received = both.millisOf(false, e -> e.name().equals("pc2 received offer"));
            assertTrue(sent < received && received <= applied, "on one clock the offer is sent (" + sent + " ms), then received ("
                    + received + " ms), then applied (" + applied + " ms)");

            CallLogs shorter = both.withoutCandidates();
            assertTrue(shorter.rows().size() < both.rows().size());
            assertTrue(shorter.rows().stream().noneMatch(r -> r.event().kind() == Event.Kind.CANDIDATE
                    || r.event().name().contains("candidate") || r.event().name().startsWith("addIceCandidate")), shorter.toText());
            assertTrue(shorter.toText().contains("pc2 createAnswer complete") && shorter.toText().contains("pc1 sent offer"));

            String probe = offset.toHtml();
            assertEquals(1, probe.split("kept \\(shortest\\)", -1).length - 1, "one round trip is kept: " + probe);
            assertEquals(10, offset.table().rows().size(), "a row per round trip");
            assertTrue(offset.toText().contains("round trip (ms)"), offset.toText());

            assertEquals(0, process.awaitExit(Duration.ofSeconds(20)), String.join("\n", process.output()));
            assertFalse(process.isAlive());
            Thread.sleep(200); // the output reader may still be at the last lines
            assertTrue(process.output().stream().noneMatch(l -> l.contains("attach")),
                    "the native library's exit lines are left out: " + process.output());
        }
    }

    @Test
    void theCalleeProcessEndsWithItsParentsClose() {
        CalleeProcess process = calleeProcess("closing");
        long pid = process.pid();
        process.close();
        assertFalse(process.isAlive());
        assertTrue(ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true), "no process " + pid + " is left behind");
        assertTrue(process.output().stream().anyMatch(l -> l.startsWith("callee: stopped")), String.join("\n", process.output()));
    }
}

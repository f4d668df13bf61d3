package org.webrtcprimer.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.webrtcprimer.events.Event;
import org.webrtcprimer.media.Constraints;
import org.webrtcprimer.media.MediaDevices;
import org.webrtcprimer.media.MediaStream;
import org.webrtcprimer.signaling.CallLogs;
import org.webrtcprimer.signaling.Callee;
import org.webrtcprimer.signaling.ClockOffset;
import org.webrtcprimer.signaling.RemoteCall;
import org.webrtcprimer.signaling.SignalingServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The kit's page in headless Chromium (fake camera and microphone) calls the Java peer through
 * the signaling server: video both ways, data both ways, SDP shown, hang-up seen by Java.
 * Needs Debian's chromium (.ci/run installs it; by hand: sudo apt-get install chromium).
 */
@Timeout(180)
class BrowserCallTest {

    static MediaStream localStream;
    static SignalingServer server;

    @BeforeAll
    static void start() {
        assertTrue(Chromium.find().isPresent(), Chromium.INSTALL_HINT);
        localStream = MediaDevices.getUserMedia(Constraints.audioVideo().withSynthetic());
        server = SignalingServer.start();
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
        if (localStream != null) localStream.stop();
    }

    @Test
    void theBrowserPageCallsTheJavaPeer() throws Exception {
        Callee callee = Callee.start(server.url(), localStream, Callee.Options.in("browser").withMaxCalls(1));
        List<ProcessHandle> browserProcesses;
        try (Chromium browser = Chromium.launch()) {
            browser.open(server.pageUrl("browser"));
            assertEquals("Call the Java peer", browser.string("document.querySelector('h1').firstChild.textContent.trim()"));

            browser.click("startButton");
            browser.waitFor("primer.state === 'started'", Duration.ofSeconds(15));
            browser.click("callButton");
            browser.waitFor("primer.state === 'connected'", Duration.ofSeconds(20));

            // Browser → Java: Chromium's fake camera reaches the Java peer.
            RemoteCall java = callee.awaitCall(1, Duration.ofSeconds(10));
            java.awaitFirstFrame();
            // Chromium's encoder may start below the camera's 640×480 while its bandwidth estimate
            // ramps up (seen: 320×240 first): wait for the full size.
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while ((java.remoteVideo().frames() < 10 || java.remoteVideo().videoWidth() < 640) && System.nanoTime() < end) Thread.sleep(50);
            assertTrue(java.remoteVideo().frames() >= 10, "Java counted " + java.remoteVideo().frames() + " frames from the browser");
            assertEquals(640, java.remoteVideo().videoWidth(), "Chromium's fake camera is 640 wide");
            assertEquals(480, java.remoteVideo().videoHeight());

            // Java → browser: the synthetic test pattern plays in the page's remoteVideo.
            browser.waitFor("primer.remote.frames >= 10 && primer.remote.width === 640", Duration.ofSeconds(20));
            assertEquals(640, browser.number("primer.remote.width"));
            assertEquals(480, browser.number("primer.remote.height"));
            assertEquals(640, browser.number("document.getElementById('remoteVideo').videoWidth"));
            assertTrue(browser.number("primer.setupMs") > 0, "the page printed a setup time");
            assertTrue(browser.string("primer.log.join('\\n')").contains("Remote video size changed to 640x480"),
                    browser.string("primer.log.join('\\n')"));

            // Data both ways.
            browser.waitFor("primer.received.includes('hello from Java (pc2)')", Duration.ofSeconds(15));
            browser.evaluate("primer.send('hello from Chromium')");
            assertEquals("hello from Chromium", java.channel().awaitMessage("Chromium", Duration.ofSeconds(15)));

            // Display SDP shows both descriptions.
            browser.click("sdpButton");
            String sdp = browser.string("document.getElementById('sdp').textContent");
            assertTrue(sdp.contains("Offer from pc1") && sdp.contains("Answer from pc2"), sdp);
            assertTrue(sdp.lines().filter(l -> l.startsWith("a=fingerprint:")).count() >= 2, "both descriptions carry a DTLS fingerprint");
            assertTrue(sdp.contains("m=application"), "the offer carries the data channel");

            byte[] png = browser.screenshot();
            Path shot = Path.of("target", "browser-call.png");
            Files.write(shot, png);
            assertTrue(png.length > 10_000, "a screenshot of the page with both videos");

            // The page answers the kit's clock pings: the browser's clock against Java's.
            ClockOffset offset = callee.signaling().syncClock(5);

            // Hang up in the page: Java hears the bye, and the page sends its log.
            browser.click("hangupButton");
            assertEquals("pc1 hung up (bye)", java.ended().get(10, TimeUnit.SECONDS));
            List<Event> pageLog = java.remoteLog(Duration.ofSeconds(10));
            assertTrue(pageLog.stream().anyMatch(e -> e.message().equals("pc1 connection state: connected")), pageLog.toString());
            CallLogs both = CallLogs.of(java.log(), pageLog, offset).titled("pc2 — Java", "pc1 — Chromium");
            double started = both.millisOf(false, e -> e.message().equals("Starting call"));
            double answering = both.millisOf(true, e -> e.name().equals(RemoteCall.ANSWER_NOTE));
            assertTrue(started < answering, "on one clock, the page started the call (" + started + " ms) before Java "
                    + "began answering (" + answering + " ms); " + offset);
            assertTrue(java.log().events().stream().anyMatch(e -> e.source().equals("pc2") && e.isState(Event.CONNECTION, "connected")));
            browser.waitFor("primer.state === 'ended'", Duration.ofSeconds(5));
            assertTrue(browser.string("primer.errors.join(';')").isEmpty(), browser.string("primer.errors.join(';')"));
            browserProcesses = browser.processes();
            assertFalse(browserProcesses.isEmpty());
        } finally {
            callee.close();
        }
        for (ProcessHandle p : browserProcesses) {
            assertFalse(p.isAlive(), "Chromium process " + p.pid() + " " + p.info().command().orElse("") + " is left behind");
        }
        assertEquals("answered 1 call", callee.stopped().get(10, TimeUnit.SECONDS));
    }

    @Test
    void theLessonsBrowserCallRunsStartToFinishAndLeavesNoProcess() throws Exception {
        try (Callee javaPeer = Callee.start(server.url(), localStream, Callee.Options.in("lesson-browser"))) {
            BrowserCall call = BrowserCall.run(server, javaPeer);
            assertTrue(call.ran(), call.toText());
            assertTrue(call.javaFrames() >= 10, "Java decoded frames of the fake camera: " + call.toText());
            assertTrue(call.javaSize().matches("\\d+×\\d+") && !call.javaSize().startsWith("0"), call.javaSize());
            assertEquals("640×480", call.pageSize(), "the page played the Java test pattern at its size");
            assertTrue(call.pageFrames() >= 10, call.toText());
            assertTrue(call.pageConnectedMs() > 0 && call.pageSetupMs() >= call.pageConnectedMs(), call.toText());
            assertEquals(0, call.processesLeft(), "closing the browser ended every process it started");
            assertTrue(call.page().getWidth() > 300 && call.javaReceived().getWidth() > 100);
            // Both sides' logs on one clock: the page started its call before Java answered it.
            double started = call.logs().millisOf(false, e -> e.message().equals("Starting call"));
            double answering = call.logs().millisOf(true, e -> e.name().equals(RemoteCall.ANSWER_NOTE));
            assertTrue(started < answering, started + " ms vs " + answering + " ms");
            String html = call.toHtml();
            assertEquals(2, html.split("<img ", -1).length - 1, "the page and Java's frame");
            assertTrue(html.contains("primer-browser-call") && html.contains("Chromium processes still running"));
            assertEquals(1, javaPeer.calls().size());
            assertTrue(javaPeer.calls().get(0).isEnded(), "the Java side of the call ended with the page's Hang Up");
        }
    }

    @Test
    void withoutChromiumTheLessonSaysSoAndGoesOn() {
        BrowserCall skipped = BrowserCall.skipped(Chromium.INSTALL_HINT);
        assertFalse(skipped.ran());
        assertTrue(skipped.toText().startsWith("Chromium is not installed here, so the browser part is skipped"), skipped.toText());
        assertTrue(skipped.toHtml().contains("apt-get install -y chromium") && !skipped.toHtml().contains("<img"), skipped.toHtml());
        assertThrows(IllegalArgumentException.class, () -> BrowserCall.run(server, null));
    }

    @Test
    void theArticlesLocalCallRunsInThePageToo() {
        try (Chromium browser = Chromium.launch()) {
            browser.open(server.localPageUrl());
            browser.evaluate("primer.start()");
            String times = browser.evaluate("primer.call().then(t => { primer.hangup(); return t; })");
            assertTrue(times.contains("connectedMs") && times.contains("setupMs"), times);
            assertTrue(browser.number("primer.remote.width") == 640, "pc2 in the page sees the fake camera");
        }
    }

    @Test
    void aPageErrorIsReportedWithThePagesMessage() {
        try (Chromium browser = Chromium.launch()) {
            browser.open(server.pageUrl("nobody-here") + "&wait=1500");
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> browser.click("hangupButton"));
            assertTrue(e.getMessage().contains("#hangupButton is disabled"), e.getMessage());
            browser.click("startButton");
            browser.waitFor("primer.state === 'started'", Duration.ofSeconds(15));
            browser.click("callButton");
            browser.waitFor("primer.errors.length > 0", Duration.ofSeconds(20));
            assertTrue(browser.string("primer.errors[0]").contains("nobody else is in room nobody-here"),
                    browser.string("primer.errors[0]"));
        }
    }
}

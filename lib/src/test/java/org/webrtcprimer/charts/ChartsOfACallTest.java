package org.webrtcprimer.charts;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.webrtcprimer.datasets.Datasets;
import org.webrtcprimer.call.CallOptions;
import org.webrtcprimer.call.LocalCall;
import org.webrtcprimer.events.Event;
import org.webrtcprimer.events.TextLog;
import org.webrtcprimer.media.Constraints;
import org.webrtcprimer.media.MediaDevices;
import org.webrtcprimer.media.MediaStream;
import org.webrtcprimer.notebook.Style;
import org.webrtcprimer.timing.Phases;
import org.webrtcprimer.timing.SetupRuns;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The charts and diagrams of real calls: drawn, not blank, titled, in the peers' colours, in the right places. */
@Timeout(180)
class ChartsOfACallTest {

    static MediaStream localStream;
    static LocalCall call;

    @BeforeAll
    static void start() {
        localStream = MediaDevices.getUserMedia(Constraints.audioVideo().withSynthetic());
        call = LocalCall.call(localStream);
        call.hangup();
    }

    @AfterAll
    static void stop() {
        localStream.stop();
    }

    /** Pixels of exactly this colour, and their mean row. */
    record Found(int count, double meanY) {}

    static Found find(BufferedImage img, Color c) {
        int n = 0;
        double y = 0;
        for (int j = 0; j < img.getHeight(); j++) {
            for (int i = 0; i < img.getWidth(); i++) {
                if ((img.getRGB(i, j) & 0xFFFFFF) == (c.getRGB() & 0xFFFFFF)) {
                    n++;
                    y += j;
                }
            }
        }
        return new Found(n, n == 0 ? Double.NaN : y / n);
    }

    /** Pixels within a small distance of a colour: lines and text are anti-aliased. */
    static int near(BufferedImage img, Color c, int tolerance) {
        int n = 0;
        for (int j = 0; j < img.getHeight(); j++) {
            for (int i = 0; i < img.getWidth(); i++) {
                Color p = new Color(img.getRGB(i, j));
                if (Math.abs(p.getRed() - c.getRed()) + Math.abs(p.getGreen() - c.getGreen()) + Math.abs(p.getBlue() - c.getBlue()) <= tolerance) n++;
            }
        }
        return n;
    }

    static double inked(BufferedImage img) {
        long n = 0;
        for (int j = 0; j < img.getHeight(); j++) for (int i = 0; i < img.getWidth(); i++) if ((img.getRGB(i, j) & 0xFFFFFF) != 0xFFFFFF) n++;
        return n / (double) (img.getWidth() * img.getHeight());
    }

    @Test
    void swimlanesHaveALaneForEachPeerAndMachineInThePeersColours() {
        Chart c = Swimlanes.of(call.log());
        assertEquals("States of pc1 and pc2 over time", c.title());
        assertEquals(Charts.WIDTH, c.image().getWidth());
        assertEquals(130 + 34 * 10, c.image().getHeight(), "ten lanes: two peers × five machines");
        assertTrue(inked(c.image()) > 0.1, "not blank");
        Found blue = find(c.image(), Style.PC1), orange = find(c.image(), Style.PC2);
        assertTrue(blue.count() > 2000 && orange.count() > 2000, blue + " " + orange);
        assertTrue(blue.meanY() < orange.meanY(), "pc1's lanes are above pc2's");
        assertEquals(0, find(c.image(), Style.FAIL).count() - legendSwatch(c.image()), "nothing failed");
        assertTrue(c.caption().contains("pc1: ICE connected at"), c.caption());
        assertTrue(c.toHtml().startsWith("<figure class=\"primer-chart\""));
    }

    /** The legend's 'failed' swatch is red too: count it so a chart without failures reads 0. */
    private static int legendSwatch(BufferedImage img) {
        int n = 0;
        for (int j = img.getHeight() - 30; j < img.getHeight(); j++) {
            for (int i = 0; i < img.getWidth(); i++) if ((img.getRGB(i, j) & 0xFFFFFF) == (Style.FAIL.getRGB() & 0xFFFFFF)) n++;
        }
        return n;
    }

    @Test
    void aFailedCallShowsRedInItsLanes() {
        LocalCall failed = LocalCall.create(localStream, CallOptions.defaults());
        try {
            failed.addLocalStream();
            var offer = failed.pc1().createOffer();
            failed.pc1().setLocalDescription(offer);
            failed.pc2().setRemoteDescription(offer);
            var answer = failed.pc2().createAnswer();
            failed.pc2().setLocalDescription(answer);
            failed.pc1().setRemoteDescription(answer.withSdp(org.webrtcprimer.ice.FailuresTest.otherFingerprint(answer.sdp())));
            assertThrows(RuntimeException.class, failed::awaitConnected);
            // the lanes run to the last event: hold the failed state a while, so its red has a length
            // however long a busy machine took to get there (171 px once at load 9, when hung up at once)
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            failed.hangup();
        }
        Chart c = Swimlanes.of(failed.log());
        int red = find(c.image(), Style.FAIL).count() - legendSwatch(c.image());
        assertTrue(red > 100, "failed DTLS and connection lanes are red: " + red);
        assertTrue(c.caption().contains("connection failed"), c.caption());
    }

    @Test
    void theWaterfallShowsEachPhaseAndTheArticleBesideIt() {
        Chart w = Waterfall.of(call.log());
        assertEquals("Where the setup time goes", w.title());
        assertTrue(find(w.image(), Style.PC1).count() > 200 && find(w.image(), Style.PC2).count() > 200);
        assertTrue(find(w.image(), Style.SIGNALING).count() > 50, "DTLS, done by both, in grey");
        assertTrue(w.caption().startsWith("The longest phase is "), w.caption());

        List<Event> article = TextLog.parse(Datasets.read("article/log.txt"), "article/log.txt");
        Chart cmp = Waterfall.compare(Phases.of(call.log()), "this JVM", Phases.of(article), "Chrome 2020 (the article)");
        assertEquals("Setup phases: this JVM beside Chrome 2020 (the article)", cmp.title());
        assertTrue(find(cmp.image(), LaneChart.lighter(Style.PC2, 0.6)).count() > 500, "the article's long setRemoteDescription, light orange");
        assertTrue(cmp.caption().contains("Chrome 2020 (the article): at 554.0 ms"), cmp.caption());
    }

    @Test
    void boxPlotsOfManyCallsAndOfTwoConfigurations() {
        SetupRuns trickle = SetupRuns.measure("trickle", localStream, CallOptions.defaults(), 3, null);
        SetupRuns gather = SetupRuns.measure("gather-first", localStream, CallOptions.defaults().withTrickle(false), 3, null);
        Chart d = Distributions.of(trickle);
        assertEquals("How long each phase takes over 3 calls", d.title());
        assertTrue(find(d.image(), LaneChart.lighter(Style.PC1, 0.35)).count() > 100, "pc1's phases in light blue");
        Chart cmp = Distributions.compare(trickle, gather);
        assertTrue(find(cmp.image(), LaneChart.lighter(Distributions.CONFIGS[0], 0.25)).count() > 100, "trickle in the first configuration colour");
        assertTrue(find(cmp.image(), LaneChart.lighter(Distributions.CONFIGS[1], 0.25)).count() > 100, "gather-first in the second");
        assertEquals(0, find(cmp.image(), Style.PC1).count(), "configurations are not drawn in a peer's colour");
        assertTrue(cmp.caption().contains("trickle — connected"), cmp.caption());
        assertThrows(IllegalArgumentException.class, Distributions::compare);
    }

    @Test
    void lessonOnesDiagrams() {
        Chart o = Diagrams.objects();
        assertEquals("WebRTC in one picture: three objects", o.title());
        assertTrue(inked(o.image()) > 0.15);
        assertTrue(find(o.image(), LaneChart.lighter(Style.PC1, 0.75)).count() > 1000
                && find(o.image(), LaneChart.lighter(Style.PC2, 0.75)).count() > 1000, "pc1 and pc2 boxes filled in their colours");
        Chart s = Diagrams.protocolStack();
        assertEquals("The WebRTC protocol stack", s.title());
        assertTrue(inked(s.image()) > 0.2);
        assertEquals(0, near(s.image(), Style.PC1, 20), "layers belong to both peers: no peer colour");
        assertEquals(0, near(s.image(), Style.PC2, 20), "layers belong to both peers: no peer colour");

        Chart f = Diagrams.callFlow(call.log());
        assertEquals("The call flow, from this call's log", f.title());
        long candidates = call.log().all(e -> e.kind() == Event.Kind.CANDIDATE).size();
        assertTrue(f.caption().contains("the offer, the answer and " + candidates + " candidates"), f.caption());
        Found blue = find(f.image(), Style.PC1), orange = find(f.image(), Style.PC2);
        assertTrue(blue.count() > 300 && orange.count() > 100, blue + " " + orange);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Diagrams.callFlow(List.of(new Event(1, "call", Event.Kind.NOTE, "Starting call", ""))));
        assertTrue(e.getMessage().contains("no offer that pc2 applied"), e.getMessage());
    }
}

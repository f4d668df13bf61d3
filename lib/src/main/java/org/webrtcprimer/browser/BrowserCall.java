package org.webrtcprimer.browser;

import org.webrtcprimer.notebook.Html;
import org.webrtcprimer.notebook.Renderable;
import org.webrtcprimer.notebook.Style;
import org.webrtcprimer.notebook.Table;
import org.webrtcprimer.signaling.CallLogs;
import org.webrtcprimer.signaling.Callee;
import org.webrtcprimer.signaling.ClockOffset;
import org.webrtcprimer.signaling.RemoteCall;
import org.webrtcprimer.signaling.SignalingServer;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One call from the kit's page, in headless Chromium with its fake camera, to a Java peer
 * waiting in this process — start to finish, browser closed before it returns — and what
 * crossed: lesson 10's browser demo.
 *
 * <pre>{@code
 * var javaPeer = Callee.start(server.url(), localStream, Callee.Options.in("browser"));
 * BrowserCall.run(server, javaPeer)   // Start, Call, frames both ways, Hang Up, close
 * }</pre>
 *
 * <p>Without Chromium it does nothing and says so ({@link #ran()} is false): the browser is an
 * optional part of the lesson.
 *
 * @param skipped         why nothing ran (Chromium missing), or null when the call ran
 * @param page            the page as Chromium drew it, during the call
 * @param javaReceived    the last frame of Chromium's fake camera that the Java peer decoded
 * @param javaFrames      frames the Java peer decoded from the browser
 * @param javaSize        their size, e.g. {@code 640×480}
 * @param pageFrames      frames of the Java test pattern the page's {@code remoteVideo} played
 * @param pageSize        their size
 * @param pageConnectedMs the page's Call → pc1 connected, on its own clock
 * @param pageSetupMs     the page's Call → first remote frame
 * @param logs            the Java peer's log beside the page's, on one clock
 * @param processesLeft   Chromium processes still alive after the browser was closed
 */
public record BrowserCall(String skipped, BufferedImage page, BufferedImage javaReceived, long javaFrames, String javaSize,
                          long pageFrames, String pageSize, double pageConnectedMs, double pageSetupMs, CallLogs logs,
                          int processesLeft) implements Renderable {

    /**
     * The page at {@code server.pageUrl(room of javaPeer)} calls {@code javaPeer} once: Start, Call,
     * wait for video both ways, measure the page's clock against Java's, Hang Up, close the browser.
     *
     * @throws IllegalStateException saying which step did not happen, with the page's own errors
     */
    public static BrowserCall run(SignalingServer server, Callee javaPeer) {
        if (server == null || javaPeer == null) {
            throw new IllegalArgumentException("BrowserCall.run needs the server and a Java peer waiting in a room — "
                    + "Callee.start(server.url(), localStream, Callee.Options.in(\"browser\"))");
        }
        if (Chromium.find().isEmpty()) return skipped(Chromium.INSTALL_HINT);
        String room = javaPeer.signaling().room();
        int n = javaPeer.calls().size() + 1;
        BrowserCall result;
        List<ProcessHandle> processes;
        Chromium launched;
        try {
            launched = Chromium.launch();
        } catch (RuntimeException e) {
            // e.g. Ubuntu's chromium package in a container (a Binder image): a snap stub that cannot start
            return skipped("Chromium was found (" + Chromium.find().map(Object::toString).orElse("?") + ") but did not start: "
                    + e.getMessage() + " — on Ubuntu the chromium package is a snap stub that does not run in a container; "
                    + "install a Chromium that runs there or set CHROMIUM to one. The Java half of this lesson does not need it.");
        }
        try (Chromium browser = launched) {
            browser.open(server.pageUrl(room));
            browser.click("startButton");                                     // getUserMedia: the fake camera
            waitInPage(browser, "primer.state === 'started'", "the page did not open Chromium's fake camera", 15);
            browser.click("callButton");                                      // offer → server → the Java peer
            waitInPage(browser, "primer.state === 'connected'", "the page did not connect to the Java peer in room " + room, 20);
            RemoteCall java = javaPeer.awaitCall(n, Duration.ofSeconds(10)).awaitFirstFrame();
            // Chromium's encoder may start small while its bandwidth estimate ramps up: give it a moment.
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while ((java.remoteVideo().frames() < 10 || java.remoteVideo().videoWidth() < 640) && System.nanoTime() < end) sleep(50);
            waitInPage(browser, "primer.remote.frames >= 10", "the page's remoteVideo played no Java video", 15);
            BufferedImage javaReceived = java.remoteVideo().snapshot();
            BufferedImage page = image(browser.screenshot());
            long javaFrames = java.remoteVideo().frames();
            String javaSize = java.remoteVideo().videoWidth() + "×" + java.remoteVideo().videoHeight();
            long pageFrames = (long) browser.number("primer.remote.frames");
            String pageSize = (long) browser.number("primer.remote.width") + "×" + (long) browser.number("primer.remote.height");
            double connected = browser.number("primer.connectedMs");
            double setup = browser.number("primer.setupMs === null ? NaN : primer.setupMs");
            ClockOffset offset = javaPeer.signaling().syncClock(5);            // the page answers pings too
            browser.click("hangupButton");                                    // bye, then the page's log
            try {
                java.ended().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("the Java peer did not hear the page hang up within 10 s: " + java.situation(), e);
            }
            CallLogs logs = CallLogs.of(java.log(), java.remoteLog(Duration.ofSeconds(10)), offset)
                    .titled("pc2 — Java (this process)", "pc1 — Chromium (the page)");
            processes = browser.processes();
            result = new BrowserCall(null, page, javaReceived, javaFrames, javaSize, pageFrames, pageSize, connected, setup, logs, 0);
        }
        // close() ended the browser and every process it started: count any that did not end.
        int left = (int) processes.stream().filter(ProcessHandle::isAlive).count();
        return left == 0 ? result : new BrowserCall(null, result.page, result.javaReceived, result.javaFrames, result.javaSize,
                result.pageFrames, result.pageSize, result.pageConnectedMs, result.pageSetupMs, result.logs, left);
    }

    /** Nothing ran, for this reason. */
    static BrowserCall skipped(String why) {
        return new BrowserCall(why, null, null, 0, "", 0, "", Double.NaN, Double.NaN, null, 0);
    }

    /** Whether the browser call ran (false when Chromium is not installed). */
    public boolean ran() {
        return skipped == null;
    }

    private static void waitInPage(Chromium browser, String condition, String whatDidNotHappen, int seconds) {
        try {
            browser.waitFor(condition + " || primer.errors.length > 0", Duration.ofSeconds(seconds));
        } catch (IllegalStateException e) {
            throw new IllegalStateException(whatDidNotHappen + " within " + seconds + " s", e);
        }
        String errors = browser.string("primer.errors.join('; ')");
        if (!errors.isEmpty()) throw new IllegalStateException(whatDidNotHappen + " — the page says: " + errors);
    }

    private static BufferedImage image(byte[] png) {
        try {
            return ImageIO.read(new ByteArrayInputStream(png));
        } catch (IOException e) {
            throw new IllegalStateException("Chromium's screenshot is not a readable PNG: " + e.getMessage(), e);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during the browser call");
        }
    }

    /** What crossed, one row per direction, in the callers' colours (the page is pc1, Java pc2). */
    public Table table() {
        if (!ran()) return Table.of("browser call").row("skipped: " + skipped);
        return Table.of("from", "to", "what", "measured")
                .title("The page in headless Chromium called the Java peer")
                .row("Chromium (pc1)", "Java (pc2)", "video frames Java decoded from the fake camera", javaFrames + " frames, " + javaSize)
                .rowColor(Style.PC1)
                .row("Java (pc2)", "Chromium (pc1)", "frames of the Java test pattern the page played", pageFrames + " frames, " + pageSize)
                .rowColor(Style.PC2)
                .row("the page", "", "Call → pc1 connected", String.format("%.1f ms", pageConnectedMs))
                .row("the page", "", "Call → first remote video frame", Double.isNaN(pageSetupMs) ? "—" : String.format("%.1f ms", pageSetupMs))
                .row("after close()", "", "Chromium processes still running", processesLeft)
                .note("The page's times are on its own clock (performance.now()); logs() lays its log beside Java's on one clock.");
    }

    @Override
    public String toHtml() {
        if (!ran()) {
            return Style.wrap("primer-browser-call", "<p class=\"primer-note\" style=\"font-size:13px\">Chromium is not installed here, "
                    + "so the browser part is skipped — " + Html.escape(skipped) + ". The rest of the lesson does not need it.</p>");
        }
        return Style.wrap("primer-browser-call", table().toHtml()
                + "<div style=\"display:flex;gap:16px;align-items:flex-start;flex-wrap:wrap;margin-top:6px\">"
                + figure(page, "The page in headless Chromium: its fake camera (localVideo) and the Java test pattern (remoteVideo)")
                + figure(javaReceived, "What the Java peer decoded from Chromium's fake camera (" + javaSize + ")")
                + "</div>");
    }

    private static String figure(BufferedImage image, String caption) {
        return "<figure style=\"margin:0;max-width:48%\">" + Html.img(image, caption)
                + "<figcaption class=\"primer-note\">" + Html.escape(caption) + "</figcaption></figure>";
    }

    @Override
    public String toText() {
        return ran() ? table().toText() : "Chromium is not installed here, so the browser part is skipped — " + skipped + ".";
    }

    @Override
    public String toString() {
        return toText();
    }
}

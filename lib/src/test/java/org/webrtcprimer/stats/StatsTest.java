package org.webrtcprimer.stats;

import org.webrtcprimer.call.StatsObject;
import org.webrtcprimer.call.StatsReport;

import org.webrtcprimer.tools.DumpCommand;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.webrtcprimer.call.CallException;
import org.webrtcprimer.call.LocalCall;
import org.webrtcprimer.call.SessionDescription;
import org.webrtcprimer.charts.Chart;
import org.webrtcprimer.call.DataChannel;
import org.webrtcprimer.media.Constraints;
import org.webrtcprimer.media.MediaDevices;
import org.webrtcprimer.media.MediaStream;
import org.webrtcprimer.notebook.Table;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

/** One media call with a data channel, sampled while it runs; every test reads that recording. */
@Timeout(120)
class StatsTest {

    static MediaStream localStream;
    static LocalCall call;
    static StatsRecording rec;
    static final Path CHARTS = Path.of("target", "charts");

    @BeforeAll
    static void recordACall() throws Exception {
        localStream = MediaDevices.getUserMedia(Constraints.audioVideo().withSynthetic());
        call = LocalCall.call(localStream);
        DataChannel chat = call.pc1().createDataChannel("stats");
        call.negotiate();
        DataChannel remote = call.pc2().awaitDataChannel("stats");
        chat.awaitOpen();
        StatsSampler sampler = StatsSampler.start(call, Duration.ofMillis(200));
        // Until RTCP has reported back (remote-inbound-rtp) and a few intervals of media have flowed.
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        int sent = 0;
        while (System.nanoTime() < deadline) {
            chat.send(new byte[32 * 1024]);
            sent++;
            StatsRecording r = sampler.recording();
            boolean rtcp = r.last("pc1").map(x -> !x.ofType("remote-inbound-rtp").isEmpty()).orElse(false);
            if (rtcp && r.size("pc1") >= 12 && r.size("pc2") >= 12) break;
            Thread.sleep(50);
        }
        remote.receive(sent, Duration.ofSeconds(10));
        rec = sampler.stop();
        assertFalse(sampler.isRunning());
        Files.createDirectories(CHARTS);
    }

    @AfterAll
    static void end() {
        if (call != null) call.hangup();
        if (localStream != null) localStream.stop();
    }

    @Test
    void statsContainTheExpectedTypesDuringACall() {
        StatsReport pc1 = rec.latest("pc1"), pc2 = rec.latest("pc2");
        assertTrue(pc1.types().containsAll(List.of("outbound-rtp", "remote-inbound-rtp", "media-source", "codec", "transport",
                "candidate-pair", "local-candidate", "remote-candidate", "certificate", "data-channel", "peer-connection")), pc1.types().toString());
        assertTrue(pc2.types().containsAll(List.of("inbound-rtp", "codec", "transport", "candidate-pair", "local-candidate",
                "remote-candidate", "certificate", "data-channel")), pc2.types().toString());
        assertEquals(Set.of("audio", "video"), pc1.ofType("outbound-rtp").stream().map(StatsObject::kind).collect(Collectors.toSet()));
        assertEquals(Set.of("audio", "video"), pc2.ofType("inbound-rtp").stream().map(StatsObject::kind).collect(Collectors.toSet()));
        assertEquals(2, pc1.ofType("certificate").size(), "pc1's own certificate and pc2's");
        assertTrue(pc1.selectedCandidatePair().isPresent());
        assertEquals("stats", pc2.ofType("data-channel").get(0).string("label"));
        // 64-bit counters arrive as BigInteger and are kept as Long.
        assertInstanceOf(Long.class, pc1.ofType("outbound-rtp").get(0).get("bytesSent"));
        assertInstanceOf(Double.class, pc1.selectedCandidatePair().get().get("availableOutgoingBitrate"));
        // The engine's µs timestamps become a browser's ms since 1970.
        assertTrue(pc1.timestamp() > 1.5e12 && pc1.timestamp() < 1e13, String.valueOf(pc1.timestamp()));
        assertEquals(StatsReport.TYPE_ORDER.get(0), pc1.types().get(0), "tables list RTP first");
    }

    @Test
    void derivedRatesArePositiveWhileMediaFlows() {
        Series sent = only(Rates.bitrate(rec), "pc1 sends video");
        Series received = only(Rates.bitrate(rec), "pc2 receives video");
        Series audio = only(Rates.bitrate(rec), "pc1 sends audio");
        assertTrue(sent.points().size() >= 5, sent.toString());
        assertTrue(sent.mean().getAsDouble() > 0 && received.mean().getAsDouble() > 0 && audio.mean().getAsDouble() > 0);
        assertEquals("kbps", sent.unit());
        assertEquals("pc1", sent.peer());
        assertEquals("video", sent.kind());
        assertTrue(only(Rates.framesPerSecond(rec), "pc1 encodes video").mean().getAsDouble() > 0);
        assertTrue(only(Rates.framesPerSecond(rec), "pc2 decodes video").mean().getAsDouble() > 0);
        assertTrue(only(Rates.availableOutgoingBitrate(rec), "pc1 may send").last().getAsDouble() > 0);
        assertFalse(Rates.roundTripTime(rec).isEmpty());
        assertTrue(Rates.roundTripTime(rec).stream().flatMap(s -> s.points().stream()).allMatch(p -> p.value() >= 0));
        assertFalse(Rates.jitter(rec).isEmpty());
        assertTrue(Rates.packetsLost(rec).stream().anyMatch(s -> s.name().equals("pc2 lost receiving video")));
        Series dc = only(Rates.dataChannels(rec), "pc2 receives on 'stats'");
        assertTrue(dc.max().getAsDouble() > 0, dc.toString());
        // Points are in time order, on the call's clock.
        for (int i = 1; i < sent.points().size(); i++) assertTrue(sent.points().get(i).millis() > sent.points().get(i - 1).millis());
        assertTrue(sent.points().get(0).millis() > 0);
    }

    static Series only(List<Series> all, String name) {
        return all.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no series '" + name + "' in " + all.stream().map(Series::name).toList()));
    }

    @Test
    void statsLinkBackToTheirSdpLines() {
        List<SdpLink> links = SdpLinks.of(rec, "pc1");
        StatsRecording.Descriptions d = rec.descriptions().get("pc1");
        assertEquals("offer", d.local().type());
        assertEquals("answer", d.remote().type());
        // Every link points at the very line it quotes.
        for (SdpLink l : links) {
            SessionDescription sd = l.description().startsWith("local") ? d.local() : d.remote();
            assertEquals(l.sdpLine(), sd.lines().get(l.line() - 1), l.toString());
        }
        assertTrue(links.stream().anyMatch(l -> l.statsType().equals("codec") && l.member().equals("payloadType")
                && l.sdpLine().matches("a=rtpmap:\\d+ opus/48000/2")), links.toString());
        assertTrue(links.stream().anyMatch(l -> l.statsType().equals("codec") && l.sdpLine().startsWith("a=rtpmap:") && l.sdpLine().contains("VP8")));
        StatsObject video = rec.latest("pc1").ofType("outbound-rtp").stream().filter(o -> o.kind().equals("video")).findFirst().orElseThrow();
        assertTrue(links.stream().anyMatch(l -> l.statsId().equals(video.id()) && l.member().equals("ssrc")
                && l.sdpLine().startsWith("a=ssrc:" + video.string("ssrc") + " ")));
        assertTrue(links.stream().anyMatch(l -> l.statsId().equals(video.id()) && l.member().equals("mid")
                && l.sdpLine().equals("a=mid:" + video.string("mid")) && l.mid().equals(video.string("mid"))));
        assertTrue(links.stream().anyMatch(l -> l.statsId().equals(video.id()) && l.member().equals("rtxSsrc")
                && l.sdpLine().startsWith("a=ssrc-group:FID ")));
        assertTrue(links.stream().anyMatch(l -> l.statsType().equals("local-candidate") && l.sdpLine().startsWith("a=candidate:")
                && l.description().equals("local offer")));
        assertTrue(links.stream().anyMatch(l -> l.statsType().equals("remote-candidate") && l.description().equals("remote answer")));
        assertEquals(2, links.stream().filter(l -> l.statsType().equals("certificate")).count(), "both fingerprints found");
        assertTrue(links.stream().anyMatch(l -> l.member().equals("dtlsRole") && l.sdpLine().equals("a=setup:active")
                && l.description().equals("remote answer")), "pc2 answered active, so pc1 is the DTLS server");
        assertTrue(links.stream().anyMatch(l -> l.statsType().equals("media-source") && l.sdpLine().startsWith("a=msid:")));
        // pc2 receives: its inbound streams are described in its remote description (pc1's offer).
        List<SdpLink> pc2 = SdpLinks.of(rec, "pc2");
        assertTrue(pc2.stream().anyMatch(l -> l.statsType().equals("inbound-rtp") && l.member().equals("ssrc")
                && l.description().equals("remote offer")), pc2.toString());
        Table t = StatsTables.sdpLinks(links);
        assertEquals(links.size(), t.rows().size());
        assertTrue(t.toHtml().contains("a=rtpmap:"));
    }

    @Test
    void tablesPerTypeHaveReadableLabelsAndUnits() {
        StatsReport pc2 = rec.latest("pc2");
        Table in = StatsTables.of(pc2, "inbound-rtp");
        assertEquals(3, in.headers().size(), "member + audio + video: " + in.headers());
        assertTrue(in.headers().stream().anyMatch(c -> c.startsWith("video ")));
        List<String> labels = in.rows().stream().map(r -> String.valueOf(r.get(0))).toList();
        assertTrue(labels.contains("bytes received (B)"), labels.toString());
        assertTrue(labels.contains("interarrival jitter (ms)"), labels.toString());
        assertTrue(labels.contains("frames per second (fps)"), labels.toString());
        assertEquals("id", labels.get(0));
        Table codecs = StatsTables.of(pc2, "codec");
        assertTrue(codecs.headers().contains("payload type (a=rtpmap)"));
        Table pairs = StatsTables.of(rec.latest("pc1"), "candidate-pair");
        assertTrue(pairs.headers().stream().anyMatch(c -> c.endsWith("(selected)")), pairs.headers().toString());
        Table certs = StatsTables.of(rec.latest("pc1"), "certificate");
        assertEquals(List.of("member", "local (pc1)", "remote (pc2)"), certs.headers());
        assertEquals(rec.latest("pc1").types().size(), StatsTables.all(rec.latest("pc1")).size());
        assertTrue(StatsTables.overview(pc2).toText().contains("inbound-rtp"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StatsTables.of(pc2, "inbound_rtp"));
        assertTrue(e.getMessage().contains("written like inbound-rtp"), e.getMessage());
        String html = in.toHtml();
        assertTrue(html.contains("primer-table") && !html.contains("<script"));
    }

    @Test
    void chartsAreDrawnFromTheRecording() throws Exception {
        List<Chart> charts = StatsCharts.all(rec);
        List<String> titles = charts.stream().map(Chart::title).toList();
        assertTrue(titles.containsAll(List.of("Bitrate per RTP stream", "Video frames per second", "Round-trip time", "Jitter",
                "Available outgoing bitrate (bandwidth estimate)", "Packets lost (cumulative)", "Data channel throughput (from stats)")), titles.toString());
        for (Chart c : charts) {
            assertEquals(900, c.image().getWidth());
            assertFalse(c.caption().isEmpty());
            c.save(CHARTS.resolve("stats-" + DumpCommand.slug(c.title()) + ".png"));
        }
        // Both peers' colours appear in the bitrate chart (pc1 blue sends, pc2 orange receives).
        var img = charts.get(0).image();
        assertTrue(hasColour(img, 0x1f77b4) && hasColour(img, 0xff7f0e));
    }

    static boolean hasColour(java.awt.image.BufferedImage img, int rgb) {
        for (int y = 0; y < img.getHeight(); y += 1) {
            for (int x = 0; x < img.getWidth(); x += 1) if ((img.getRGB(x, y) & 0xffffff) == rgb) return true;
        }
        return false;
    }

    @Test
    void aDumpRoundTrips(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("call-dump.json");
        CallDump dump = CallDump.of(call, rec);
        dump.write(file);
        CallDump back = CallDump.read(file);
        assertEquals(dump.events(), back.events());
        assertEquals(rec.interval(), back.stats().interval());
        assertEquals(rec.originNanos(), back.stats().originNanos());
        assertEquals(rec.reports(), back.stats().reports(), "every sample, object and value, with its type (Long, Double …)");
        assertEquals(rec.descriptions(), back.stats().descriptions());
        assertEquals(dump.created(), back.created());
        assertEquals(call.log().text(), back.log().text());
        List<Chart> a = dump.charts(), b = back.charts();
        assertEquals(a.stream().map(Chart::title).toList(), b.stream().map(Chart::title).toList());
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(pixels(a.get(i)), pixels(b.get(i)), "chart '" + a.get(i).title() + "' redrawn identically");
        }
        assertEquals(SdpLinks.of(rec, "pc1"), SdpLinks.of(back.stats(), "pc1"));
        assertEquals(dump.toJson(), back.toJson(), "writing what was read gives the same file");
        // The log inside is the event log's own format: EventLog reads it alone.
        String log = com.google.gson.JsonParser.parseString(Files.readString(file)).getAsJsonObject().get("log").toString();
        assertEquals(call.log().text(), org.webrtcprimer.events.EventLog.fromJson(log).text());
    }

    static int[] pixels(Chart c) {
        var img = c.image();
        return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
    }

    @Test
    void aDumpLoadsAndRedrawsInAJvmWithoutTheEngine(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path file = CallDump.of(call, rec).write(dir.resolve("call.json"));
        Path png = dir.resolve("png");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), NoEngineRedraw.class.getName(), file.toString(), png.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), "the redraw finished");
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("engine started: false"), out);
        assertTrue(out.contains("chart: Bitrate per RTP stream"), out);
        try (var files = Files.list(png)) {
            List<String> names = files.map(x -> x.getFileName().toString()).sorted().toList();
            assertTrue(names.contains("bitrate-per-rtp-stream.png") && names.contains("jitter.png"), names.toString());
            assertEquals(StatsCharts.all(rec).size(), names.size());
        }
    }

    @Test
    void brokenDumpsGetClearErrors() throws Exception {
        String good = CallDump.of(call, rec).toJson();
        assertMessage("not JSON", () -> CallDump.parse("{\"format\": "));
        assertMessage("member 'format' is missing (this looks like a Chrome webrtc-internals dump",
                () -> CallDump.parse("{\"PeerConnections\": {}, \"UserAgent\": \"Chrome\"}"));
        assertMessage("format is 'other', expected 'webrtc-primer-call-dump'", () -> CallDump.parse("{\"format\": \"other\"}"));
        assertMessage("dump format version 2 — this kit reads version 1; update the kit",
                () -> CallDump.parse(good.replace("\"version\": 1,", "\"version\": 2,")));
        assertMessage("stats.samples[0].objects[0]: 'type' is missing",
                () -> CallDump.parse(good.replaceFirst("\"type\": \"outbound-rtp\",", "")));
        assertMessage("events[0]: kind 'NOPE' is not one of", () -> CallDump.parse(good.replaceFirst("\"kind\": \"NOTE\"", "\"kind\": \"NOPE\"")));
        Path missing = Path.of("target", "no-such-dump.json");
        assertMessage("no dump at", () -> CallDump.read(missing));
        assertEquals(2, DumpCommand.run(new String[]{missing.toString()}));
        assertEquals(2, DumpCommand.run(new String[]{}));
    }

    static void assertMessage(String expected, org.junit.jupiter.api.function.Executable e) {
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class, e);
        assertTrue(x.getMessage().contains(expected), x.getMessage());
    }

    @Test
    void theSamplerIsBoundedStopsWithTheCallAndLeavesNoThread() throws Exception {
        LocalCall c = LocalCall.call(localStream);
        StatsSampler s = StatsSampler.start(c, Duration.ofMillis(20), 3);
        Thread.sleep(400);
        StatsRecording r = s.recording();
        assertEquals(3, r.size("pc1"), "at most maxSamples per peer");
        assertTrue(r.dropped() > 0);
        assertTrue(s.isRunning());
        c.hangup();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (s.isRunning() && System.nanoTime() < deadline) Thread.sleep(10);
        assertFalse(s.isRunning(), "the sampler ended with the call");
        assertTrue(c.log().text().contains("stats sampler stopped (the call hung up)"), c.log().text());
        s.stop(); // harmless after it ended
        assertEquals(1, c.log().all(e -> e.name().startsWith("stats sampler stopped")).size());
        assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().startsWith("webrtc-primer-stats-") && t.isAlive()),
                "no sampler thread left");
        CallException late = assertThrows(CallException.class, () -> StatsSampler.start(c));
        assertTrue(late.getMessage().contains("hung up"), late.getMessage());
        assertThrows(IllegalArgumentException.class, () -> StatsSampler.start(call, Duration.ofMillis(1)));
        assertThrows(IllegalStateException.class, () -> new StatsRecording(Duration.ofSeconds(1), 0, List.of(), null, 0).latest("pc1"));
    }

    @Test
    void metricsReadLikeAPerson() {
        assertEquals("round-trip time (ms)", Metrics.label("roundTripTime"));
        assertEquals("1.5", Metrics.format("roundTripTime", 0.0015));
        assertEquals("3,714.5", Metrics.format("availableOutgoingBitrate", 3714461.0));
        assertEquals("FEFD (DTLS 1.2)", Metrics.format("tlsVersion", "FEFD"));
        assertEquals("1,234,567", Metrics.format("bytesSent", 1234567L));
        assertEquals("2606627612", Metrics.format("ssrc", 2606627612L), "an SSRC is a name, not an amount");
        assertEquals("frames per second (fps)", Metrics.label("framesPerSecond"));
        assertEquals("quality limitation reason", Metrics.label("qualityLimitationReason"));
        assertEquals("bandwidth 0.0, none 2.2", Metrics.format("qualityLimitationDurations", new java.util.TreeMap<>(java.util.Map.of("none", 2.227, "bandwidth", 0.0))));
        assertEquals("—", Metrics.format("jitter", null));
    }
}

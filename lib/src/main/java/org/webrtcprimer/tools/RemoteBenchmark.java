package org.webrtcprimer.tools;

import org.webrtcprimer.browser.Chromium;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.webrtcprimer.engine.Engine;
import org.webrtcprimer.call.CallOptions;
import org.webrtcprimer.media.Constraints;
import org.webrtcprimer.media.MediaDevices;
import org.webrtcprimer.media.MediaStream;
import org.webrtcprimer.signaling.Callee;
import org.webrtcprimer.signaling.RemoteCall;
import org.webrtcprimer.signaling.SignalingServer;
import org.webrtcprimer.tools.SetupBenchmark;
import org.webrtcprimer.call.Summary;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code bench-remote [--calls N] [--warmup W]}: setup time of the same call in three setups —
 * Java pc1/pc2 in one process, Chromium pc1/pc2 in one page, and Chromium calling Java through
 * the signaling server — as min/median/p90 over N calls each.
 */
public final class RemoteBenchmark {
    private RemoteBenchmark() {}

    /** One setup's figures: call() → connected, call() → first remote frame, in ms. */
    public record Result(String name, Summary connected, Summary firstFrame) {}

    /** Chromium pc1 → pc2 in one page, {@code calls} times after {@code warmup}. */
    public static Result chromiumLocal(Chromium browser, SignalingServer server, int warmup, int calls) {
        browser.open(server.localPageUrl());
        browser.evaluate("primer.start()");
        List<Double> connected = new ArrayList<>(), frame = new ArrayList<>();
        for (int i = 0; i < warmup + calls; i++) {
            JsonObject t = JsonParser.parseString(browser.evaluate("primer.call().then(t => { primer.hangup(); return t; })"))
                    .getAsJsonObject();
            if (i < warmup) continue;
            connected.add(t.get("connectedMs").getAsDouble());
            frame.add(t.get("setupMs").getAsDouble());
        }
        return new Result("Chromium pc1 → pc2, one page", Summary.of(connected), Summary.of(frame));
    }

    /**
     * Chromium's pc1 → pc2 data channel in one page, as the report's own row for the kit measures it:
     * one reliable ordered channel, {@code rounds} rounds of {@code perRound} bytes in {@code message}-byte
     * messages, the sender keeping at most 1 MB buffered (it waits for {@code bufferedamountlow} at that
     * threshold). A round ends when pc2 has received all of it; returns MB/s per round.
     */
    public static List<Double> chromiumDataChannel(Chromium browser, SignalingServer server, int rounds, int message, int perRound) {
        browser.open(server.localPageUrl());
        String script = DATA_CHANNEL_JS.replace("$ROUNDS", "" + rounds).replace("$MESSAGE", "" + message).replace("$PER_ROUND", "" + perRound);
        String json = browser.evaluate(script, Duration.ofSeconds(30L + 30L * rounds));
        List<Double> rates = new ArrayList<>();
        for (var e : JsonParser.parseString(JsonParser.parseString(json).getAsString()).getAsJsonArray()) rates.add(e.getAsDouble());
        return rates;
    }

    static final String DATA_CHANNEL_JS = """
            (async () => {
              const ROUNDS = $ROUNDS, MESSAGE = $MESSAGE, PER_ROUND = $PER_ROUND, HIGH = 1024 * 1024;
              const pc1 = new RTCPeerConnection(), pc2 = new RTCPeerConnection();
              try {
                pc1.onicecandidate = e => { if (e.candidate) pc2.addIceCandidate(e.candidate); };
                pc2.onicecandidate = e => { if (e.candidate) pc1.addIceCandidate(e.candidate); };
                const ch = pc1.createDataChannel('throughput');
                ch.bufferedAmountLowThreshold = HIGH;
                let received = 0, wanted = 0, arrived = null;
                const remoteOpen = new Promise(ok => pc2.ondatachannel = e => {
                  e.channel.binaryType = 'arraybuffer';
                  e.channel.onmessage = m => { received += m.data.byteLength; if (arrived && received >= wanted) arrived(); };
                  ok();
                });
                const open = new Promise(ok => ch.onopen = ok);
                await pc1.setLocalDescription(await pc1.createOffer());
                await pc2.setRemoteDescription(pc1.localDescription);
                await pc2.setLocalDescription(await pc2.createAnswer());
                await pc1.setRemoteDescription(pc2.localDescription);
                const timeout = (what, ms) => new Promise((_, no) => setTimeout(() => no(new Error(what)), ms));
                await Promise.race([Promise.all([open, remoteOpen]), timeout('the data channel did not open within 10 s', 10000)]);
                const payload = new Uint8Array(MESSAGE);
                const rates = [];
                for (let r = 0; r < ROUNDS; r++) {
                  const t = performance.now();
                  wanted = received + PER_ROUND;
                  const done = new Promise(ok => arrived = ok);
                  for (let sent = 0; sent < PER_ROUND; sent += MESSAGE) {
                    if (ch.bufferedAmount > HIGH) await new Promise(ok => ch.onbufferedamountlow = ok);
                    ch.send(payload);
                  }
                  if (received < wanted) await Promise.race([done, timeout('pc2 received only ' + (received - wanted + PER_ROUND) + ' bytes in 30 s', 30000)]);
                  rates.push(PER_ROUND / ((performance.now() - t) / 1000) / 1e6);
                }
                return JSON.stringify(rates);
              } finally {
                pc1.close();
                pc2.close();
              }
            })()
            """;

    /** The kit's page in Chromium calls a Java callee in this process, through the server. */
    public static Result chromiumToJava(Chromium browser, SignalingServer server, MediaStream stream, int warmup, int calls) {
        String room = "bench-" + ProcessHandle.current().pid();
        List<Double> connected = new ArrayList<>(), frame = new ArrayList<>();
        try (Callee callee = Callee.start(server.url(), stream, Callee.Options.in(room).withIdleTimeout(Duration.ofSeconds(30))
                .withCallOptions(CallOptions.articleDefaults()))) {
            browser.open(server.pageUrl(room));
            browser.evaluate("primer.start()");
            for (int i = 0; i < warmup + calls; i++) {
                browser.evaluate("primer.call()");
                browser.waitFor("primer.connectedMs !== null && primer.setupMs !== null", Duration.ofSeconds(20));
                double c = browser.number("primer.connectedMs"), f = browser.number("primer.setupMs");
                browser.evaluate("primer.hangup()");
                RemoteCall java = callee.awaitCall(i + 1, Duration.ofSeconds(10));
                waitUntilEnded(java);
                if (i < warmup) continue;
                connected.add(c);
                frame.add(f);
            }
        }
        return new Result("Chromium pc1 → Java pc2, signaling over WebSocket", Summary.of(connected), Summary.of(frame));
    }

    private static void waitUntilEnded(RemoteCall call) {
        try {
            call.ended().get(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the Java callee did not see the browser hang up within 10 s: " + call.situation(), e);
        }
    }

    /** The command. */
    public static int main(String[] args) {
        int calls = 20, warmup = 3;
        for (int i = 0; i < args.length; i++) {
            try {
                switch (args[i]) {
                    case "--calls" -> calls = Integer.parseInt(args[++i]);
                    case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                    default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "'");
                }
            } catch (RuntimeException e) {
                System.err.println("bench-remote: " + e.getMessage() + "\nusage: bench-remote [--calls N] [--warmup W]");
                return 2;
            }
        }
        if (calls < 1 || warmup < 0) {
            System.err.println("bench-remote: --calls must be at least 1 and --warmup at least 0");
            return 2;
        }
        if (Chromium.find().isEmpty()) {
            System.err.println("bench-remote: " + Chromium.INSTALL_HINT);
            return 1;
        }
        MediaStream stream = MediaDevices.getUserMedia(Constraints.audioVideo().withSynthetic());
        List<Result> results = new ArrayList<>();
        try (SignalingServer server = SignalingServer.start()) {
            System.out.printf("Setup time, %d warm-up + %d timed calls per setup; 640×480 video + audio each way "
                    + "(Java: synthetic pattern and tone; Chromium: its fake camera and microphone)%n", warmup, calls);
            System.out.println("Each setup runs on its own engine defaults (no start-bitrate hint); ms on each caller's clock.");
            System.out.flush();
            var local = SetupBenchmark.run("Java", stream, CallOptions.articleDefaults(), warmup, calls, null);
            results.add(new Result("Java pc1 → pc2, one process", local.connected(), local.firstFrame()));
            try (Chromium browser = Chromium.launch()) {
                results.add(chromiumLocal(browser, server, warmup, calls));
                results.add(chromiumToJava(browser, server, stream, warmup, calls));
            }
            System.out.println();
            System.out.printf("%-52s | %-27s | %-27s%n", "setup", "call() → connected", "call() → first remote frame");
            System.out.printf("%-52s | %-27s | %-27s%n", "", "   min  median     p90", "   min  median     p90");
            System.out.println("-".repeat(52) + "-+-" + "-".repeat(27) + "-+-" + "-".repeat(27));
            for (Result r : results) {
                System.out.printf("%-52s | %s | %s%n", r.name(), row(r.connected()), row(r.firstFrame()));
            }
            System.out.println();
            System.out.println("connected: the caller's connectionState 'connected' (both peers for the one-process setups);");
            System.out.println("first remote frame: the first frame decoded by the receiving side of the caller's video "
                    + "(one-process setups), or of the callee's video at the caller (Chromium → Java).");
        } finally {
            stream.stop();
            Engine.shutdown();
        }
        return 0;
    }

    private static String row(Summary s) {
        return String.format("%6.1f %7.1f %7.1f    ", s.min(), s.median(), s.p90());
    }
}

package org.webrtcprimer.signaling;

import org.webrtcprimer.tools.SignalingCommand;

import org.junit.jupiter.api.AfterEach;
import org.webrtcprimer.tools.SignalingCommand;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * What a hostile or careless peer on the same machine can send, and what the server does about
 * it: nothing a client sends may stop the server, wedge it for the others or grow its memory
 * without bound. Real sockets, the real server; no engine.
 */
@Timeout(60)
class HostilePeerTest {

    SignalingServer server;

    @BeforeEach
    void start() {
        server = SignalingServer.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** The server still serves: a new peer can connect and join within a few seconds. */
    private void assertStillServing(String after) throws Exception {
        try (SignalingClient probe = SignalingClient.connect(server.url(), "probe", "p" + System.nanoTime() % 1000, Duration.ofSeconds(5))) {
            assertTrue(probe.isOpen(), after);
        }
        assertFalse(server.isClosed(), after + ": " + server);
    }

    @Test
    void aDeeplyNestedMessageGetsAnErrorAndTheServerLivesOn() throws Exception {
        RawClient pc1 = RawClient.joined(server.url(), "deep", "pc1");
        RawClient pc2 = RawClient.joined(server.url(), "deep", "pc2");
        pc1.next("peer-joined");
        // ~8 KB: 4,000 arrays in one another. Relaying it used to copy and print it recursively:
        // the worker thread's stack overflowed and the library stopped the whole server.
        String deep = "{\"type\":\"log\",\"events\":[" + "[".repeat(4000) + "]".repeat(4000) + "]}";
        pc1.send(deep);
        Message e = pc1.next();
        assertEquals("error", e.type(), e.toString());
        assertEquals("too-deep", e.string("code").orElseThrow());
        assertTrue(e.string("message").orElseThrow().contains(String.valueOf(Message.MAX_DEPTH)), "names the limit: " + e);
        assertNull(pc2.poll(300), "nothing of it reached the other peer");
        assertStillServing("after a deeply nested message");
        // A message at the limit is still relayed, and relaying it copies only its top level.
        String deepest = "{\"type\":\"log\",\"events\":" + "[".repeat(Message.MAX_DEPTH - 1) + "]".repeat(Message.MAX_DEPTH - 1) + "}";
        pc1.send(deepest);
        assertEquals("log", pc2.next().type());
        pc1.close();
        pc2.close();
    }

    @Test
    void aServerWhoseWorkerDiesSaysSo() throws Exception {
        // Inject what a stack overflow on the library's worker thread does (before the depth limit,
        // one message could): the library stops the server. It must not pretend to be running.
        server.beforeHandling = text -> {
            if (text.contains("crash")) throw new StackOverflowError("injected");
        };
        RawClient pc1 = RawClient.joined(server.url(), "doomed", "pc1");
        pc1.send("{\"type\":\"bye\",\"crash\":true}");
        ExecutionException dead = assertThrows(ExecutionException.class, () -> server.stopped().get(10, TimeUnit.SECONDS));
        String why = dead.getCause().getMessage();
        assertTrue(why.contains("fatal error") && why.contains("StackOverflowError"), why);
        assertTrue(server.isClosed());
        assertTrue(server.isDown());
        assertTrue(server.toString().startsWith("Signaling server DOWN"), server.toString());
        assertNotNull(pc1.closeCode.get(5, TimeUnit.SECONDS), "its peers were disconnected");
    }

    @Test
    void anUnboundedNumberIsAnErrorReplyNotAnUncaughtException() throws Exception {
        RawClient pc1 = RawClient.joined(server.url(), "numbers", "pc1");
        long t = System.nanoTime();
        pc1.send("{\"type\":\"ping\",\"t0\":1e999999999}");
        Message e = pc1.next();
        assertEquals("bad-field", e.string("code").orElseThrow(), e.toString());
        assertTrue(System.nanoTime() - t < TimeUnit.SECONDS.toNanos(5), "answered at once");
        pc1.send("{\"type\":\"pong\",\"t0\":1,\"t1\":123456789012345678901234567890}");
        assertEquals("bad-field", pc1.next().string("code").orElseThrow());
        assertStillServing("after huge numbers");
        pc1.close();
    }

    @Test
    void anUpgradeRequestWhoseHeadersNeverEndIsCutAtTheLimit() throws Exception {
        URI uri = new URI(server.url());
        long sent = 0;
        String status = null;
        try (Socket s = new Socket(uri.getHost(), uri.getPort())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            byte[] line = ("X-Padding: " + "a".repeat(1000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            out.write(("GET /?token=" + server.token() + " HTTP/1.1\r\nHost: " + uri.getHost() + "\r\n").getBytes(StandardCharsets.US_ASCII));
            try {
                while (sent < 3_000_000) { // 3 MB of header that never ends, as fast as the socket takes it
                    out.write(line);
                    sent += line.length;
                }
            } catch (IOException refused) {
                // the server closed the connection: expected long before 3 MB
            }
            InputStream in = s.getInputStream();
            byte[] head = in.readNBytes(60);
            status = new String(head, StandardCharsets.US_ASCII);
        } catch (IOException reset) {
            // a reset may come before the status line could be read; the checks below still hold
        }
        // Loopback's socket buffers may take all 3 MB before the server closes; then its 431 says it cut them.
        boolean refused = status != null && status.startsWith("HTTP/1.1 431");
        assertTrue(refused || sent < 3_000_000, "the server cut the header (sent " + sent + " bytes, reply '" + status + "')");
        assertStillServing("after 3 MB of header");
    }

    @Test
    void anUpgradeRequestThatStallsIsDroppedAfterTheHandshakeTimeout() throws Exception {
        server.close();
        server = SignalingServer.start(SignalingServer.Options.defaults().withHandshakeTimeout(Duration.ofMillis(500)));
        URI uri = new URI(server.url());
        try (Socket s = new Socket(uri.getHost(), uri.getPort())) {
            s.setSoTimeout(5000);
            s.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
            long t = System.nanoTime();
            String reply = new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            long ms = (System.nanoTime() - t) / 1_000_000;
            assertTrue(reply.startsWith("HTTP/1.1 408"), reply);
            assertTrue(ms < 4000, "dropped after " + ms + " ms");
        }
    }

    @Test
    void aPeerThatNeverReadsIsDisconnectedAndTheOtherPeerIsTold() throws Exception {
        server.close();
        server = SignalingServer.start(SignalingServer.Options.defaults().withMaxQueuedBytes(1 << 20));
        RawClient pc1 = RawClient.joined(server.url(), "slow", "pc1");
        try (StallingPeer pc2 = StallingPeer.join(server, "slow", "pc2")) {
            pc1.next("peer-joined");
            String page = Message.of("log", "events", new com.google.gson.JsonArray(), "pad", "x".repeat(60_000)).json();
            Message left = null;
            // 60 KB at a time to a peer that reads nothing: the kernel's socket buffers take a few
            // MB, then the server's queue would grow without bound (2,000 of them: +345…540 MB RSS).
            for (int i = 0; i < 2000 && left == null; i++) {
                pc1.send(page);
                Message m = pc1.poll(i % 20 == 19 ? 50 : 0);
                if (m != null && m.type().equals("peer-left")) left = m;
            }
            if (left == null) left = pc1.next("peer-left");
            String reason = left.string("reason").orElseThrow();
            assertTrue(reason.contains("did not read"), reason);
            assertTrue(server.log().text().contains("did not read its messages"), server.log().text());
        }
        assertStillServing("after a peer that never read");
        pc1.close();
    }

    @Test
    void joiningNeedsTheRoomToken() throws Exception {
        assertTrue(server.url().contains("token=" + server.token()), server.url());
        assertTrue(server.pageUrl("lesson10").endsWith("?room=lesson10&token=" + server.token()), server.pageUrl("lesson10"));
        SignalingProtocolException none = assertThrows(SignalingProtocolException.class,
                () -> SignalingClient.connect(server.baseUrl(), "lesson10", "pc2"));
        assertEquals("not-authorized", none.code());
        SignalingProtocolException wrong = assertThrows(SignalingProtocolException.class,
                () -> SignalingClient.connect(server.baseUrl() + "/?token=guessed-wrong", "lesson10", "pc2"));
        assertEquals("not-authorized", wrong.code());
        // The token can also travel in the join itself.
        RawClient c = RawClient.open(server.baseUrl());
        c.send(Message.of("join", "room", "lesson10", "name", "pc2", "token", server.token()).json());
        assertEquals("joined", c.next().type());
        assertTrue(server.log().text().contains("without the room token"), server.log().text());
        assertFalse(server.log().text().contains(server.token()), "the token stays out of the log");
        assertFalse(server.options().toString().contains(server.token()), server.options().toString());
        c.close();
    }

    @Test
    void connectionsThatDoNotJoinOrGoSilentAreClosed() throws Exception {
        server.close();
        server = SignalingServer.start(SignalingServer.Options.defaults().withJoinTimeout(Duration.ofMillis(500))
                .withSilentTimeout(Duration.ofMillis(1500)));
        RawClient idle = RawClient.open(server.url());
        Message e = idle.next();
        assertEquals("join-timeout", e.string("code").orElseThrow(), e.toString());
        assertEquals(1008, idle.closeCode.get(5, TimeUnit.SECONDS));

        RawClient silent = RawClient.joined(server.url(), "quiet", "pc1");
        RawClient talker = RawClient.joined(server.url(), "quiet", "pc2");
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        while (System.nanoTime() < end) { // pc2 keeps talking (pings, which the server relays and counts); pc1 says nothing
            assertFalse(talker.closeCode.isDone(), () -> "the talking peer was closed too: code "
                    + talker.closeCode.getNow(null) + "; server log:\n" + server.log().text());
            talker.send(Message.of("ping").json());
            Thread.sleep(200);
        }
        assertNotNull(silent.closeCode.get(5, TimeUnit.SECONDS), "the silent one was closed");
        assertFalse(talker.closeCode.isDone(), "the one that talks stays");
        Message left = talker.next("peer-left");
        assertTrue(left.string("reason").orElseThrow().contains("silent"), left.toString());
        talker.close();
    }

    @Test
    void oneAddressCannotTakeEveryConnection() throws Exception {
        server.close();
        server = SignalingServer.start(SignalingServer.Options.defaults().withMaxConnectionsPerAddress(3));
        List<RawClient> mine = new ArrayList<>();
        for (int i = 0; i < 3; i++) mine.add(RawClient.open(server.url()));
        RawClient fourth = new RawClient(server.url(), java.util.Map.of());
        fourth.connectBlocking(5, TimeUnit.SECONDS);
        assertEquals(1013, fourth.closeCode.get(10, TimeUnit.SECONDS));
        assertTrue(server.log().text().contains("already 3 connections from 127.0.0.1"), server.log().text());
        for (RawClient c : mine) c.close();
    }

    @Test
    void thePageServerAnswersOnlyToItsOwnNameAndSaysItsCharset() throws Exception {
        URI page = new URI(server.pageOrigin());
        try (Socket s = new Socket(page.getHost(), page.getPort())) {
            s.setSoTimeout(5000);
            s.getOutputStream().write(("GET /config.json HTTP/1.1\r\nHost: rebound.example:" + page.getPort()
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String reply = new String(s.getInputStream().readNBytes(200), StandardCharsets.UTF_8);
            assertTrue(reply.startsWith("HTTP/1.1 421"), reply);
            assertFalse(reply.contains("signaling"), "no config for a rebound name: " + reply);
        }
        HttpResponse<String> missing = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.pageOrigin() + "/nothing"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, missing.statusCode());
        assertEquals("text/plain; charset=utf-8", missing.headers().firstValue("Content-Type").orElseThrow());
    }

    @Test
    void aWrongHostIsCalledWrong() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SignalingServer.start(SignalingServer.Options.defaults().withHost("no-such-host.invalid")));
        assertTrue(e.getMessage().contains("host 'no-such-host.invalid'") && !e.getMessage().contains("in use"), e.getMessage());
        IllegalArgumentException foreign = assertThrows(IllegalArgumentException.class,
                () -> SignalingServer.start(SignalingServer.Options.defaults().withHost("192.0.2.7")));
        assertTrue(foreign.getMessage().contains("not an address of this machine"), foreign.getMessage());
        assertEquals(2, SignalingCommand.run(new String[]{"--host", "192.0.2.7"}));
        assertEquals(2, SignalingCommand.run(new String[]{"--port", "abc"}));
        assertEquals(2, SignalingCommand.run(new String[]{"--room", "<bad>"}));
    }

    @Test
    void theServersLogStaysBoundedWhateverPeersSend() throws Exception {
        // Three connections (each may send 10,000 messages), each message refused, each refusal a log line.
        List<RawClient> noisy = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            RawClient c = RawClient.open(server.url());
            for (int i = 0; i < 7000; i++) c.send("{\"type\":\"join\"}");
            noisy.add(c);
        }
        for (int k = 0; k < 3; k++) {
            RawClient c = noisy.get(k);
            c.send(Message.of("join", "room", "r" + k, "name", "pc1").json());
            c.next("joined");
        }
        assertTrue(server.log().size() <= ServerLog.MAX_EVENTS + 10, server.log().size() + " events");
        assertTrue(server.log().text().contains("log full"));
        assertTrue(server.log().text().contains("pc1 joined room r2"), "joins are still logged");
        for (RawClient c : noisy) c.close();
    }

    /** A peer that completes the upgrade and joins, then never reads a byte (a tiny receive buffer). */
    static final class StallingPeer implements AutoCloseable {
        final Socket socket;

        private StallingPeer(Socket socket) {
            this.socket = socket;
        }

        static StallingPeer join(SignalingServer server, String room, String name) throws Exception {
            URI uri = new URI(server.url());
            Socket s = new Socket();
            s.setReceiveBufferSize(4096);
            s.connect(new java.net.InetSocketAddress(uri.getHost(), uri.getPort()), 5000);
            s.setSoTimeout(5000);
            OutputStream out = s.getOutputStream();
            out.write(("GET /?token=" + server.token() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                    + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + "Sec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            InputStream in = s.getInputStream();
            StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) head.append((char) in.read());
            assertTrue(head.toString().startsWith("HTTP/1.1 101"), head.toString());
            out.write(SignalingServerTest.maskedText(Message.of("join", "room", room, "name", name).json()));
            out.flush();
            assertEquals(0x81, in.read(), "a text frame from the server");
            in.readNBytes(in.read() & 0x7F); // 'joined'; from now on, nothing more is read
            return new StallingPeer(s);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}

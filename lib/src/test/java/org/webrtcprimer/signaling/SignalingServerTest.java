package org.webrtcprimer.signaling;

import org.webrtcprimer.tools.SignalingCommand;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.net.Socket;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** The signaling protocol over real WebSocket connections: no engine needed. */
@Timeout(60)
class SignalingServerTest {

    SignalingServer server;

    @BeforeEach
    void start() {
        server = SignalingServer.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void listensOnLoopbackAndServesThePage() throws Exception {
        assertTrue(server.url().startsWith("ws://127.0.0.1:"), server.url());
        assertTrue(server.pageUrl().startsWith("http://127.0.0.1:"), server.pageUrl());
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(server.pageUrl())).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        for (String id : List.of("id=\"startButton\"", "id=\"callButton\"", "id=\"hangupButton\"", "id=\"stopButton\"", "id=\"sdpButton\"")) {
            assertTrue(page.body().contains(id), "the page has " + id);
        }
        HttpResponse<String> config = http.send(HttpRequest.newBuilder(URI.create(server.pageOrigin() + "/config.json")).build(), HttpResponse.BodyHandlers.ofString());
        Message c = Message.parse(config.body());
        assertEquals(server.baseUrl(), c.string("signaling").orElseThrow(), "config.json, which anyone may read, has no token");
        assertFalse(config.body().contains(server.token()), config.body());
        assertEquals("lesson10", c.string("room").orElseThrow());
        HttpResponse<String> missing = http.send(HttpRequest.newBuilder(URI.create(server.pageOrigin() + "/../etc/passwd")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, missing.statusCode());
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create(server.pageUrl())).POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(405, post.statusCode());
    }

    @Test
    void malformedJsonGetsAClearErrorAndTheConnectionStaysUsable() throws Exception {
        RawClient c = RawClient.open(server.url());
        c.send("{\"type\": \"join\", \"room\": ");
        Message e = c.next();
        assertEquals("error", e.type());
        assertEquals("malformed-json", e.string("code").orElseThrow());
        assertTrue(e.string("message").orElseThrow().contains("not valid JSON"), e.toString());

        c.send("[1,2,3]");
        assertEquals("not-an-object", c.next().string("code").orElseThrow());
        c.send("{\"room\":\"r\"}");
        assertEquals("missing-field", c.next().string("code").orElseThrow());
        c.send("{\"type\":42}");
        assertEquals("bad-field", c.next().string("code").orElseThrow());

        c.send(Message.of("join", "room", "r1", "name", "pc1").json());
        assertEquals("joined", c.next().type(), "after errors, the same connection can still join");
        c.close();
    }

    @Test
    void unknownTypesAndBadFieldsAreNamed() throws Exception {
        RawClient c = RawClient.joined(server.url(), "r1", "pc1");
        c.send(Message.of("hello", "x", 1).json());
        Message e = c.next();
        assertEquals("unknown-type", e.string("code").orElseThrow());
        assertEquals("hello", e.string("inReplyTo").orElseThrow());
        assertTrue(e.string("message").orElseThrow().contains("offer"), "the error lists the known types: " + e);

        c.send(Message.of("offer", "sdp", "not sdp").json());
        Message bad = c.next();
        assertEquals("bad-field", bad.string("code").orElseThrow());
        assertTrue(bad.string("message").orElseThrow().contains("v=0"), bad.toString());

        c.send(Message.of("offer").json());
        assertEquals("missing-field", c.next().string("code").orElseThrow());
        c.send(Message.of("ping", "t0", "soon").json());
        assertEquals("bad-field", c.next().string("code").orElseThrow());
        c.send(Message.of("join", "room", "bad room!", "name", "x").json());
        Message again = c.next();
        assertEquals("bad-field", again.string("code").orElseThrow(), "the field is checked before the already-joined state");
        c.close();
    }

    @Test
    void messagesBeforeJoinAndWithNobodyToReceiveThemAreRefused() throws Exception {
        RawClient c = RawClient.open(server.url());
        c.send(Message.of("offer", "sdp", "v=0\r\n").json());
        Message e = c.next();
        assertEquals("not-joined", e.string("code").orElseThrow());
        c.send(Message.of("join", "room", "alone", "name", "pc1").json());
        assertEquals(0, c.next().raw("peers").getAsJsonArray().size());
        c.send(Message.of("offer", "sdp", "v=0\r\n").json());
        assertEquals("no-peer", c.next().string("code").orElseThrow());
        c.send(Message.of("join", "room", "other", "name", "pc1").json());
        assertEquals("already-joined", c.next().string("code").orElseThrow());
        c.close();
    }

    @Test
    void anOversizeMessageGetsAnErrorAndClosesWith1009() throws Exception {
        RawClient c = RawClient.joined(server.url(), "big", "pc1");
        String huge = "v=0\r\n" + "a=x".repeat(server.options().maxMessageBytes() / 3 + 10);
        c.send(Message.of("offer", "sdp", huge).json());
        Message e = c.next();
        assertEquals("too-big", e.string("code").orElseThrow());
        assertTrue(e.string("message").orElseThrow().contains(String.valueOf(server.options().maxMessageBytes())), e.toString());
        assertEquals(1009, c.closeCode.get(5, TimeUnit.SECONDS));
    }

    @Test
    void roomsAreIsolatedAndRelayAddsTheSender() throws Exception {
        RawClient a1 = RawClient.joined(server.url(), "a", "pc1");
        RawClient a2 = RawClient.joined(server.url(), "a", "pc2");
        RawClient b1 = RawClient.joined(server.url(), "b", "pc1");
        RawClient b2 = RawClient.joined(server.url(), "b", "pc2");
        assertEquals("pc2", a1.next("peer-joined").string("name").orElseThrow());
        assertEquals("pc2", b1.next("peer-joined").string("name").orElseThrow());
        assertEquals(Map.of("a", List.of("pc1", "pc2"), "b", List.of("pc1", "pc2")), server.rooms());

        a1.send(Message.of("offer", "sdp", "v=0\r\no=room-a\r\n").json());
        b1.send(Message.of("offer", "sdp", "v=0\r\no=room-b\r\n").json());
        Message inA = a2.next("offer");
        Message inB = b2.next("offer");
        assertEquals("pc1", inA.from());
        assertTrue(inA.require("sdp").contains("room-a"));
        assertTrue(inB.require("sdp").contains("room-b"));
        assertNull(a2.poll(300), "room a hears nothing of room b");
        assertNull(b2.poll(300), "room b hears nothing of room a");
        assertNull(a1.poll(100), "the sender does not get its own message back");

        a2.send(Message.of("candidate", "candidate", "", "sdpMid", "0", "sdpMLineIndex", 0).json());
        assertEquals("", a1.next("candidate").require("candidate"), "the end-of-candidates marker is relayed as is");

        RawClient third = RawClient.open(server.url());
        third.send(Message.of("join", "room", "a", "name", "pc3").json());
        Message full = third.next();
        assertEquals("room-full", full.string("code").orElseThrow());
        RawClient twin = RawClient.open(server.url());
        twin.send(Message.of("join", "room", "c", "name", "x").json());
        twin.next("joined");
        RawClient twin2 = RawClient.open(server.url());
        twin2.send(Message.of("join", "room", "c", "name", "x").json());
        assertEquals("name-taken", twin2.next().string("code").orElseThrow());
        for (RawClient c : List.of(a1, a2, b1, b2, third, twin, twin2)) c.close();
    }

    /**
     * A peer that says its last message and closes properly (close frame out, the server's close
     * frame back, as browsers and the JDK's client do): the message arrives and the room reads
     * 'left', every time.
     */
    @Test
    void aLastMessageAndACleanCloseAreNeverLost() throws Exception {
        RawClient pc1 = RawClient.joined(server.url(), "call", "pc1");
        int left = 0;
        for (int i = 0; i < 50; i++) {
            JdkPeer pc2 = JdkPeer.joined(server.url(), "call", "pc2");
            pc1.next("peer-joined");
            pc2.send(Message.of("bye"));
            pc2.closeCleanly();
            Message bye = pc1.next();
            assertEquals("bye", bye.type(), "round " + i + ": the message sent just before closing");
            Message gone = pc1.next("peer-left");
            if (gone.string("reason").orElseThrow().equals("left")) left++;
        }
        assertEquals(50, left, "every clean close reads as 'left'\n" + server.log().text().lines()
                .filter(l -> l.contains("peer left") && !l.contains(" left (")).limit(5).toList());
        pc1.close();
    }

    /**
     * A peer that sends a message and drops its connection at once (a crash right after its last
     * words; the message's bytes and the end of the stream arrive together): the message still
     * reaches the room. The server reads on one thread and decodes on another; it used to end the
     * connection at the end of the stream before decoding what had arrived just before it.
     */
    @Test
    void aMessageSentJustBeforeTheConnectionDropsIsStillRelayed() throws Exception {
        RawClient pc1 = RawClient.joined(server.url(), "call", "pc1");
        URI uri = new URI(server.url());
        for (int i = 0; i < 100; i++) {
            try (Socket s = new Socket(uri.getHost(), uri.getPort())) {
                s.setSoTimeout(5000);
                OutputStream out = s.getOutputStream();
                out.write(("GET /?token=" + server.token() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort() + "\r\nUpgrade: websocket\r\n"
                        + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                InputStream in = s.getInputStream();
                StringBuilder head = new StringBuilder();
                while (!head.toString().endsWith("\r\n\r\n")) head.append((char) in.read());
                assertTrue(head.toString().startsWith("HTTP/1.1 101"), head.toString());
                out.write(maskedText(Message.of("join", "room", "call", "name", "pc2").json()));
                out.flush();
                assertEquals(0x81, in.read(), "a text frame from the server");
                in.readNBytes(in.read() & 0x7F); // 'joined' (shorter than 126 bytes)
                pc1.next("peer-joined");
                out.write(maskedText(Message.of("bye").json()));
                out.flush();
            } // closed right after the last write: no closing handshake
            assertEquals("bye", pc1.next().type(), "round " + i + ": the last message before the drop");
            assertEquals("disconnected", pc1.next("peer-left").string("reason").orElseThrow());
        }
        pc1.close();
    }

    /** A client's text frame (RFC 6455 §5.2): FIN + text, masked with the key 0 0 0 0, under 126 bytes. */
    static byte[] maskedText(String text) {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        byte[] frame = new byte[6 + payload.length];
        frame[0] = (byte) 0x81;
        frame[1] = (byte) (0x80 | payload.length);
        System.arraycopy(payload, 0, frame, 6, payload.length);
        return frame;
    }

    @Test
    void aPeerThatDisconnectsMidCallIsReportedToTheOther() throws Exception {
        RawClient pc1 = RawClient.joined(server.url(), "call", "pc1");
        RawClient pc2 = RawClient.joined(server.url(), "call", "pc2");
        pc1.next("peer-joined");
        pc1.send(Message.of("offer", "sdp", "v=0\r\n").json());
        pc2.next("offer");
        pc2.getSocket().close(); // the process died: no closing handshake
        Message left = pc1.next("peer-left");
        assertEquals("pc2", left.string("name").orElseThrow());
        assertEquals("disconnected", left.string("reason").orElseThrow());
        assertEquals(Map.of("call", List.of("pc1")), server.rooms());

        JdkPeer back = JdkPeer.joined(server.url(), "call", "pc2");
        pc1.next("peer-joined");
        back.closeCleanly();
        assertEquals("left", pc1.next("peer-left").string("reason").orElseThrow(), () -> "a clean close reads as 'left'\n" + server.log().text());
        pc1.close();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!server.rooms().isEmpty() && System.nanoTime() < end) Thread.sleep(20);
        assertTrue(server.rooms().isEmpty(), "an empty room is forgotten");
        assertTrue(server.log().text().contains("pc2 disconnected"), server.log().text());
    }

    @Test
    void pagesFromOtherOriginsAreRefused() throws Exception {
        RawClient evil = new RawClient(server.url(), Map.of("Origin", "http://evil.example"));
        assertFalse(evil.connectBlocking(5, TimeUnit.SECONDS), "a page from elsewhere may not connect");
        String own = server.pageOrigin();
        RawClient page = new RawClient(server.url(), Map.of("Origin", own));
        assertTrue(page.connectBlocking(5, TimeUnit.SECONDS), "the kit's own page may");
        page.close();
    }

    @Test
    void theServerStopsByItselfWhenIdle() throws Exception {
        SignalingServer quick = SignalingServer.start(SignalingServer.Options.defaults().withIdleTimeout(Duration.ofSeconds(1)));
        RawClient c = RawClient.joined(quick.url(), "r", "pc1");
        String why = quick.stopped().get(10, TimeUnit.SECONDS);
        assertTrue(why.contains("idle"), why);
        assertTrue(quick.isClosed());
        assertNotNull(c.closeCode.get(5, TimeUnit.SECONDS), "its peers are disconnected");
        assertThrows(IllegalStateException.class, () -> SignalingClient.connect(quick.url(), "r", "pc2", Duration.ofSeconds(2)));
    }

    @Test
    void tooManyConnectionsAreTurnedAway() throws Exception {
        SignalingServer small = SignalingServer.start(SignalingServer.Options.defaults().withMaxConnections(2));
        try {
            RawClient a = RawClient.open(small.url()), b = RawClient.open(small.url());
            RawClient c = new RawClient(small.url(), Map.of());
            c.connectBlocking(5, TimeUnit.SECONDS); // may report false: the server closes it straight away
            assertEquals(1013, c.closeCode.get(10, TimeUnit.SECONDS), "closed with 'try again later'");
            Message reply = c.poll(0);
            if (reply != null) assertEquals("server-full", reply.string("code").orElseThrow());
            assertTrue(small.log().text().contains("refused a connection"), small.log().text());
            a.close();
            b.close();
        } finally {
            small.close();
        }
    }

    @Test
    void optionsAreChecked() {
        var d = SignalingServer.Options.defaults();
        assertThrows(IllegalArgumentException.class, () -> d.withPort(70000));
        assertThrows(IllegalArgumentException.class, () -> d.withMaxMessageBytes(10));
        assertThrows(IllegalArgumentException.class, () -> d.withIdleTimeout(Duration.ZERO));
        IllegalStateException busy = assertThrows(IllegalStateException.class,
                () -> SignalingServer.start(d.withPort(server.port())));
        assertTrue(busy.getMessage().contains("in use"), busy.getMessage());
    }

    @Test
    void theClientJoinsWaitsAndReportsRefusals() throws Exception {
        try (SignalingClient pc1 = SignalingClient.connect(server.url(), "r", "pc1");
             SignalingClient pc2 = SignalingClient.connect(server.url(), "r", "pc2")) {
            assertEquals("pc2", pc1.awaitPeer(Duration.ofSeconds(5)));
            assertEquals(List.of("pc1"), pc2.peers());
            SignalingProtocolException full = assertThrows(SignalingProtocolException.class, () -> SignalingClient.connect(server.url(), "r", "pc3"));
            assertEquals("room-full", full.code());
            pc1.send(Message.of("offer", "sdp", "v=0\r\n"));
            assertEquals("pc1", pc2.next("offer", Duration.ofSeconds(5)).from());
            SignalingTimeoutException none = assertThrows(SignalingTimeoutException.class, () -> pc2.next("answer", Duration.ofMillis(200)));
            assertTrue(none.getMessage().contains("no 'answer' message arrived within 200 ms"), none.getMessage());

            ClockOffset same = pc1.syncClock(5);
            assertEquals(5, same.samples().size());
            // One JVM, one kit clock: the true offset is 0, and it must lie within the bound.
            assertTrue(Math.abs(same.offsetNanos()) <= same.rttNanos() / 2 + 1, same.toString());
        }
        IllegalStateException nobody = assertThrows(IllegalStateException.class,
                () -> SignalingClient.connect("ws://127.0.0.1:1", "r", "x", Duration.ofSeconds(2)));
        assertTrue(nobody.getMessage().contains("could not connect"), nobody.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SignalingClient.connect("http://127.0.0.1:1", "r", "x"));
    }

    @Test
    void serversAndClientsLeaveNoThreadsBehind() throws Exception {
        // By identity: threads an earlier test left winding down may end (or not) meanwhile; only
        // the ones this test's servers and clients start count (6 before and 5 after at load 12,
        // 4 before and 7 after at load 9 when counted by name alone).
        java.util.Set<Thread> existing = new java.util.HashSet<>(Thread.getAllStackTraces().keySet());
        for (int r = 0; r < 3; r++) {
            try (SignalingServer s = SignalingServer.start()) {
                for (int i = 0; i < 10; i++) {
                    // a room per round: a client's close() may return before the server has seen it leave,
                    // and the next round's "a" must not meet the last one's
                    String room = "r" + i;
                    try (SignalingClient a = SignalingClient.connect(s.url(), room, "a"); SignalingClient b = SignalingClient.connect(s.url(), room, "b")) {
                        a.syncClock(2);
                        assertFalse(newSignalingThreads(existing).isEmpty(), "the count sees the library's threads while they run");
                    }
                }
            }
        }
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (newSignalingThreads(existing).size() > 0 && System.nanoTime() < end) Thread.sleep(50);
        List<String> left = newSignalingThreads(existing);
        assertEquals(List.of(), left, "this test's servers and clients left threads behind; all threads: " + Thread.getAllStackTraces().keySet().stream().map(Thread::getName).sorted().toList());
    }

    /** The library's signaling threads alive now that were not in {@code existing}, by name. */
    private static List<String> newSignalingThreads(java.util.Set<Thread> existing) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> !existing.contains(t)).map(Thread::getName)
                .filter(n -> n.startsWith("WebSocket") || n.startsWith("primer-signaling") || n.startsWith("connectionLostChecker"))
                .sorted().toList();
    }


    @Test
    void theCommandsCheckTheirArgumentsAndTheServerCommandStopsWhenIdle() {
        assertEquals(2, SignalingCommand.run(new String[]{"--bogus"}));
        assertEquals(2, SignalingCommand.run(new String[]{"--port"}));
        assertEquals(2, SignalingCommand.run(new String[]{"--port", "99999"}));
        assertEquals(0, SignalingCommand.run(new String[]{"--help"}));
        assertEquals(2, Callee.main(new String[]{"--room", "r"}), "--server is required");
        assertEquals(2, Callee.main(new String[]{"--server"}));
        assertEquals(0, Callee.main(new String[]{"--help"}));
        assertEquals(1, SignalingCommand.run(new String[]{"--port", String.valueOf(server.port())}), "the port is taken");
        assertEquals(0, SignalingCommand.run(new String[]{"--idle", "1", "--room", "cli"}), "runs, then stops by itself (the class timeout catches a hang)");
    }
}

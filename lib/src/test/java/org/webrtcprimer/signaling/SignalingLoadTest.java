package org.webrtcprimer.signaling;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The signaling server under load, bounded in count and time: 40 rooms of two peers trading 150
 * messages each way at once, while others send malformed, binary and oversize frames, connect and
 * never join, stall half-way through a handshake or a frame, or vanish without closing. Every
 * well-formed message arrives, once, in order, in its own room only.
 */
@Timeout(120)
class SignalingLoadTest {

    static final int ROOMS = 40, MESSAGES = 150;

    static Message candidate(String from, int seq) {
        return Message.of(Protocol.CANDIDATE, "candidate", "candidate:" + seq + " 1 udp 2122260223 10.0.0." + (seq % 250 + 1)
                + " " + (10_000 + seq) + " typ host ufrag " + from, "sdpMid", "0", "sdpMLineIndex", 0);
    }

    @Test
    void manyRoomsUnderAbuseLoseNoWellFormedMessage() throws Exception {
        SignalingServer.Options o = SignalingServer.Options.defaults().withHttpPort(-1).withMaxConnections(200);
        try (SignalingServer server = SignalingServer.start(o)) {
            String url = server.url();
            URI uri = new URI(url);
            List<AutoCloseable> abusers = new ArrayList<>();
            ExecutorService pool = Executors.newFixedThreadPool(16);
            try {
                // Abuse first, and it stays connected while the rooms talk.
                for (int i = 0; i < 8; i++) { RawClient c = RawClient.open(url); abusers.add(c::close); } // connected, never join
                for (int i = 0; i < 4; i++) abusers.add(halfHandshake(uri)); // stalled in the HTTP upgrade
                for (int i = 0; i < 4; i++) abusers.add(halfFrame(uri));     // stalled inside a frame
                RawClient noisy = RawClient.joined(url, "noise", "n1");
                abusers.add(noisy::close);

                List<RawClient[]> pairs = new ArrayList<>();
                for (int r = 0; r < ROOMS; r++) {
                    RawClient a = RawClient.joined(url, "room" + r, "pc1");
                    RawClient b = RawClient.joined(url, "room" + r, "pc2");
                    a.next(Protocol.PEER_JOINED);
                    pairs.add(new RawClient[]{a, b});
                }
                assertEquals(ROOMS + 1, server.rooms().size(), server.rooms().toString());

                // The noisy peer sends garbage all along; each gets an error and its connection stays usable.
                Future<Integer> noise = pool.submit(() -> {
                    int errors = 0;
                    String[] junk = {"{not json", "[1,2,3]", "42", "{\"type\":\"teleport\"}", "{\"type\":\"offer\"}",
                            "{\"type\":\"candidate\",\"candidate\":7}", "{\"type\":\"join\",\"room\":\"x\",\"name\":\"y\"}", ""};
                    for (int i = 0; i < 120; i++) {
                        if (i % 10 == 9) noisy.send(ByteBuffer.wrap(new byte[]{1, 2, 3}));
                        else noisy.send(junk[i % junk.length]);
                    }
                    for (int i = 0; i < 120; i++) if (noisy.next(Protocol.ERROR) != null) errors++;
                    return errors;
                });

                // Every room talks at once, both ways.
                List<Future<?>> talks = new ArrayList<>();
                for (RawClient[] p : pairs) {
                    talks.add(pool.submit(() -> {
                        for (int i = 0; i < MESSAGES; i++) {
                            p[0].send(candidate("pc1", i).json());
                            p[1].send(candidate("pc2", i).json());
                        }
                        return null;
                    }));
                }
                for (Future<?> f : talks) f.get(60, TimeUnit.SECONDS);
                // One oversize message in the middle of it all: an error, then close 1009; nobody else notices.
                RawClient big = RawClient.joined(url, "big", "pc1");
                big.send("{\"type\":\"ping\",\"t0\":1,\"pad\":\"" + "x".repeat(70_000) + "\"}");
                assertEquals("too-big", big.next(Protocol.ERROR).string("code").orElseThrow());
                assertEquals(1009, big.closeCode.get(10, TimeUnit.SECONDS));

                for (int r = 0; r < ROOMS; r++) {
                    RawClient[] p = pairs.get(r);
                    expectInOrder(p[1], "pc1", r);
                    expectInOrder(p[0], "pc2", r);
                }
                assertEquals(120, noise.get(30, TimeUnit.SECONDS), "every malformed frame got an error");
                // the noisy connection still works
                RawClient partner = RawClient.joined(url, "noise", "n2");
                partner.send(candidate("n2", 1).json());
                assertEquals("n2", noisy.next(Protocol.CANDIDATE).string("from").orElseThrow());

                // A peer that vanishes without closing (its socket reset): the other is told it left.
                RawClient[] first = pairs.get(0);
                first[0].getSocket().setSoLinger(true, 0);
                first[0].getSocket().close();
                Message left = first[1].next(Protocol.PEER_LEFT);
                assertEquals("pc1", left.string("name").orElseThrow());
                System.out.printf("[signaling load] %d rooms × 2 peers × %d messages each way delivered in order; "
                                + "120 malformed frames answered; oversize closed with 1009; %d connections open at the end%n",
                        ROOMS, MESSAGES, server.connections());
                for (RawClient[] p : pairs) {
                    p[0].close();
                    p[1].close();
                }
                partner.close();
            } finally {
                pool.shutdownNow();
                for (AutoCloseable a : abusers) {
                    try {
                        a.close();
                    } catch (Exception ignored) {
                    }
                }
            }
            // The server is still healthy: a new pair can meet and talk.
            RawClient a = RawClient.joined(url, "after", "pc1");
            RawClient b = RawClient.joined(url, "after", "pc2");
            b.send(candidate("pc2", 0).json());
            assertEquals("pc2", a.next(Protocol.CANDIDATE).string("from").orElseThrow());
            a.close();
            b.close();
        }
    }

    /** All of a peer's messages arrived at the other, each once and in order, from the room's other peer only. */
    static void expectInOrder(RawClient receiver, String from, int room) throws InterruptedException {
        for (int i = 0; i < MESSAGES; i++) {
            Message m = receiver.next(Protocol.CANDIDATE);
            assertEquals(from, m.string("from").orElseThrow(), "room" + room);
            String c = m.string("candidate").orElseThrow();
            assertTrue(c.startsWith("candidate:" + i + " ") && c.endsWith("ufrag " + from),
                    "room" + room + ": expected message " + i + " from " + from + ", got " + c);
        }
        Message extra = receiver.poll(50);
        assertTrue(extra == null || !extra.type().equals(Protocol.CANDIDATE), "room" + room + ": an extra message " + extra);
    }

    /** A TCP connection that sends half an HTTP upgrade request and then nothing. */
    static Socket halfHandshake(URI uri) throws Exception {
        Socket s = new Socket(uri.getHost(), uri.getPort());
        s.getOutputStream().write(("GET / HTTP/1.1\r\nHost: " + uri.getHost() + "\r\nUpgrade: websocket\r\n").getBytes(StandardCharsets.US_ASCII));
        s.getOutputStream().flush();
        return s;
    }

    /** A completed WebSocket handshake, then the first bytes of a masked frame that claims 60 KB, then nothing. */
    static Socket halfFrame(URI uri) throws Exception {
        Socket s = new Socket(uri.getHost(), uri.getPort());
        s.setSoTimeout(5000);
        OutputStream out = s.getOutputStream();
        out.write(("GET / HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort() + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = s.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) throw new AssertionError("the server closed during the handshake: " + head);
            head.append((char) c);
        }
        assertTrue(head.toString().startsWith("HTTP/1.1 101"), head.toString());
        // FIN + text, masked, 16-bit length 60000, mask key, then only 10 bytes of the payload.
        out.write(new byte[]{(byte) 0x81, (byte) (0x80 | 126), (byte) (60000 >> 8), (byte) (60000 & 0xFF), 1, 2, 3, 4,
                'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x'});
        out.flush();
        return s;
    }
}

package org.webrtcprimer.signaling;

import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** A bare WebSocket client for protocol tests: sends any text, records what comes back and how it closed. */
final class RawClient extends WebSocketClient {
    final BlockingQueue<Message> received = new LinkedBlockingQueue<>();
    final CompletableFuture<Integer> closeCode = new CompletableFuture<>();

    RawClient(String url, Map<String, String> headers) throws Exception {
        super(new URI(url), headers);
        setDaemon(true);
    }

    static RawClient open(String url) throws Exception {
        return open(url, Map.of());
    }

    static RawClient open(String url, Map<String, String> headers) throws Exception {
        RawClient c = new RawClient(url, headers);
        // 30 s, not 5: on a busy 2-core machine (load 25 measured) a handshake among 80 clients can take seconds;
        // the tests using this check what arrives, not how fast
        assertTrue(c.connectBlocking(30, TimeUnit.SECONDS), "could not connect to " + url + " within 30 s");
        return c;
    }

    static RawClient joined(String url, String room, String name) throws Exception {
        RawClient c = open(url);
        c.send(Message.of("join", "room", room, "name", name).json());
        Message m = c.next();
        if (!m.type().equals("joined")) fail(name + " could not join " + room + ": " + m);
        return c;
    }

    /** The next message, failing after 10 s. */
    Message next() throws InterruptedException {
        Message m = received.poll(10, TimeUnit.SECONDS);
        assertNotNull(m, "no message arrived within 10 s");
        return m;
    }

    /** The next message of a type, skipping others, failing after 10 s. */
    Message next(String type) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < end) {
            Message m = received.poll(end - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (m != null && m.type().equals(type)) return m;
        }
        return fail("no '" + type + "' message arrived within 10 s");
    }

    /** Nothing arrives within the given time (for isolation checks). */
    Message poll(long ms) throws InterruptedException {
        return received.poll(ms, TimeUnit.MILLISECONDS);
    }

    @Override
    public void onOpen(ServerHandshake handshake) {
    }

    @Override
    public void onMessage(String message) {
        received.add(Message.parse(message));
    }

    @Override
    public void onClose(int code, String reason, boolean remote) {
        closeCode.complete(code);
    }

    @Override
    public void onError(Exception ex) {
    }
}

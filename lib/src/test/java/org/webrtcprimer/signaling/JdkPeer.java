package org.webrtcprimer.signaling;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * A peer on the JDK's own WebSocket client, for the tests of a clean close: it sends its close
 * frame and waits for the server's, as browsers do. (Java-WebSocket's client stops reading as
 * soon as it starts closing and may drop the connection before its close frame is out: a server
 * then rightly sees an abnormal close.)
 */
final class JdkPeer implements WebSocket.Listener {
    final BlockingQueue<Message> received = new LinkedBlockingQueue<>();
    final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket ws;

    static JdkPeer joined(String url, String room, String name) throws Exception {
        JdkPeer p = new JdkPeer();
        p.ws = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(URI.create(url), p).get(5, TimeUnit.SECONDS);
        p.send(Message.of("join", "room", room, "name", name));
        Message m = p.received.poll(10, TimeUnit.SECONDS);
        assertNotNull(m, name + ": no reply to join within 10 s");
        assertEquals("joined", m.type(), name + " could not join " + room + ": " + m);
        return p;
    }

    void send(Message m) throws Exception {
        ws.sendText(m.json(), true).get(5, TimeUnit.SECONDS);
    }

    /** The closing handshake: our close frame, then the server's; fails after 5 s. */
    void closeCleanly() throws Exception {
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);
        closed.get(5, TimeUnit.SECONDS);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            received.add(Message.parse(partial.toString()));
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.completeExceptionally(error);
    }
}

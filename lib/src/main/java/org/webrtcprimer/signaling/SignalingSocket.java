package org.webrtcprimer.signaling;

import org.java_websocket.WebSocket;
import org.java_websocket.drafts.Draft;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.ServerHandshakeBuilder;
import org.java_websocket.server.WebSocketServer;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.webrtcprimer.signaling.Outbox.error;

/**
 * The signaling server's WebSocket side: who may connect (origin, room token, connection limits),
 * what a message must be before {@link Rooms} sees it (size, count, JSON, {@link Protocol}'s
 * checks), and why a connection ended (for the room's {@code peer-left}). Every refusal is an
 * {@code error} message that says what was wrong.
 */
final class SignalingSocket extends WebSocketServer {
    final CompletableFuture<Void> started = new CompletableFuture<>();
    private final SignalingServer server;
    private final SignalingServer.Options options;
    private final ServerLog log;
    private final Outbox out;
    private final Rooms rooms;
    private final Predicate<String> allowedOrigin;
    private volatile long lastActivity = System.nanoTime(); // a connection opened or a message arrived

    SignalingSocket(SignalingServer server, InetSocketAddress address, ServerLog log, Outbox out, Rooms rooms,
                    Predicate<String> allowedOrigin) {
        // The library's own frame limit is a backstop against memory blow-ups; the protocol's
        // limit (with a readable error) is checked per message in receive.
        super(address, 1, List.<Draft>of(new Draft_6455(Collections.emptyList(),
                Math.max(server.options().maxMessageBytes() * 4, 256 * 1024))));
        this.server = server;
        this.options = server.options();
        this.log = log;
        this.out = out;
        this.rooms = rooms;
        this.allowedOrigin = allowedOrigin;
        setDaemon(true);
        setReuseAddr(true);
        // Signaling messages are small and each waits for the last: without TCP_NODELAY, Nagle's
        // algorithm and delayed ACKs hold them up to ~40 ms per hop (measured: offer → answer 260 ms).
        setTcpNoDelay(true);
        setConnectionLostTimeout(10); // pings find peers whose process died without closing
        // A peer's last messages and its close frame are read before it is gone; upgrade
        // requests are bounded in size and time.
        setWebSocketFactory(new InOrderClose.Factory(options.maxHeaderBytes(), options.handshakeTimeout()));
    }

    static InetAddress checkedHost(String host) {
        InetAddress a;
        try {
            a = InetAddress.getByName(host);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException("host '" + host + "' is not a known name or address — use 127.0.0.1 (this machine only) "
                    + "or one of this machine's addresses");
        }
        try {
            if (!a.isAnyLocalAddress() && !a.isLoopbackAddress() && java.net.NetworkInterface.getByInetAddress(a) == null) {
                throw new IllegalArgumentException("host '" + host + "' (" + a.getHostAddress() + ") is not an address of this machine — "
                        + "use 127.0.0.1 (this machine only) or one of this machine's addresses");
            }
        } catch (java.net.SocketException e) {
            // cannot list the interfaces: let the bind say what is wrong
        }
        return a;
    }

    /** How long since the last connection opened or message arrived (the server's idle timeout). */
    long quietNanos() {
        return System.nanoTime() - lastActivity;
    }

    /** Starts listening and waits (10 s at most) until it does; fails saying why (a port in use). */
    void listen() {
        start();
        try {
            started.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IllegalStateException("the signaling server could not listen on " + options.host() + ":" + options.port()
                    + ": " + cause.getMessage() + " — is the port in use? Use port 0 for any free one", cause);
        }
    }

    void stopQuietly() {
        try {
            stop(1000, "server stopped");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Also called by the library itself after a fatal error on its threads: then the server has died. */
    @Override
    public void stop(int timeout, String closeMessage) throws InterruptedException {
        try {
            super.stop(timeout, closeMessage);
        } finally {
            // The library's own stop may be interrupted half-way (it interrupts its threads): report it all the same.
            if (!server.isStopping()) server.died(closeMessage);
        }
    }

    @Override
    public ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(WebSocket conn, Draft draft, ClientHandshake request)
            throws InvalidDataException {
        ServerHandshakeBuilder b = super.onWebsocketHandshakeReceivedAsServer(conn, draft, request);
        // A web page from anywhere could open a WebSocket to loopback; only our own page may.
        String origin = request.getFieldValue("Origin");
        if (origin != null && !origin.isEmpty() && !allowedOrigin.test(origin)) {
            log.note("refused a page from another origin", origin);
            throw new InvalidDataException(CloseFrame.POLICY_VALIDATION, "origin " + origin + " is not the kit's page");
        }
        return b;
    }

    @Override
    public void onStart() {
        started.complete(null);
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        lastActivity = System.nanoTime();
        String token = Protocol.tokenIn(handshake.getResourceDescriptor());
        Member m = new Member(conn.getRemoteSocketAddress(), options.token().equals(token));
        conn.setAttachment(m);
        if (token != null && !m.tokenInUrl) {
            log.note("refused a connection", m.address + ": wrong room token");
            out.send(conn, error("not-authorized", "the token in the address is not this server's — use the address "
                    + "the server printed (server.url())", null));
            m.closedBecause = "not authorized";
            conn.close(CloseFrame.POLICY_VALIDATION, "not authorized");
            return;
        }
        if (getConnections().size() > options.maxConnections()) {
            log.note("refused a connection", m.address + ": already " + options.maxConnections() + " connections");
            out.send(conn, error("server-full", "the server already has " + options.maxConnections()
                    + " connections — hang up an old call first", null));
            conn.close(CloseFrame.TRY_AGAIN_LATER, "server full");
            return;
        }
        long fromThere = getConnections().stream().filter(c -> {
            Member o = c.getAttachment();
            return o != null && o.ip != null && o.ip.equals(m.ip);
        }).count();
        if (fromThere > options.maxConnectionsPerAddress()) {
            log.note("refused a connection", m.address + ": already "
                    + options.maxConnectionsPerAddress() + " connections from " + (m.ip == null ? "there" : m.ip.getHostAddress()));
            out.send(conn, error("too-many-connections", "already " + options.maxConnectionsPerAddress()
                    + " connections from your address — close old ones first", null));
            conn.close(CloseFrame.TRY_AGAIN_LATER, "too many connections from one address");
        }
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        Member m = conn.getAttachment();
        if (m == null) return;
        rooms.leave(conn, m, closeReason(m, code, reason), code);
    }

    /** The {@code reason} of the room's {@code peer-left}: left, timed out, disconnected, or why the server closed it. */
    private static String closeReason(Member m, int code, String reason) {
        if (m.closedBecause != null) return m.closedBecause;
        if (m.saidGoodbye || code == CloseFrame.NORMAL || code == CloseFrame.GOING_AWAY || code == CloseFrame.NOCODE) return "left";
        return code == CloseFrame.ABNORMAL_CLOSE && reason != null && reason.contains("pong") ? "timed out" : "disconnected";
    }

    @Override
    public void onClosing(WebSocket conn, int code, String reason, boolean remote) {
        Member m = conn.getAttachment();
        if (m != null && remote && (code == CloseFrame.NORMAL || code == CloseFrame.GOING_AWAY)) m.saidGoodbye = true;
    }

    @Override
    public void onMessage(WebSocket conn, String text) {
        try {
            receive(conn, text);
        } catch (RuntimeException e) {
            // Never let one message end the library's worker thread: it serves every connection.
            Member m = conn.getAttachment();
            log.note("could not handle a message", (m == null ? "" : m.who() + ": ") + e);
            out.send(conn, error("internal", "the server could not handle this message (" + e.getClass().getSimpleName()
                    + ") — it was dropped; the connection stays usable", null));
        }
    }

    /** Checks one text message against the limits and the protocol, then gives it to the rooms. */
    private void receive(WebSocket conn, String text) {
        long now = System.nanoTime();
        lastActivity = now;
        Member m = conn.getAttachment();
        if (m == null) return;
        m.lastMessage = now;
        var hook = server.beforeHandling;
        if (hook != null) hook.accept(text);
        if (++m.messages > options.maxMessagesPerConnection()) {
            out.send(conn, error("too-many", m.who() + " sent more than " + options.maxMessagesPerConnection()
                    + " messages on one connection — reconnect for a new session", null));
            conn.close(CloseFrame.POLICY_VALIDATION, "too many messages");
            return;
        }
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > options.maxMessageBytes()) {
            log.note("refused a message", m.who() + " sent " + bytes + " bytes, over the "
                    + options.maxMessageBytes() + "-byte limit");
            out.send(conn, error("too-big", "the message has " + bytes + " bytes; the limit is " + options.maxMessageBytes()
                    + " — send the log in smaller pages, or start the server with a larger maxMessageBytes", null));
            conn.close(CloseFrame.TOOBIG, "message too big");
            return;
        }
        Message msg;
        try {
            msg = Message.parse(text);
            Protocol.validate(msg);
        } catch (SignalingProtocolException e) {
            log.note("refused a message", m.who() + ": " + e.getMessage());
            out.send(conn, error(e.code(), e.getMessage(), typeOf(text)));
            return;
        }
        rooms.handle(conn, m, msg);
    }

    @Override
    public void onMessage(WebSocket conn, ByteBuffer bytes) {
        lastActivity = System.nanoTime();
        out.send(conn, error("binary", "the protocol is JSON text; a binary message of " + bytes.remaining()
                + " bytes was ignored", null));
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {
        // The library wraps a fatal error of its threads (stack overflow, out of memory) in an
        // Exception, calls this, then stops itself (stop above).
        if (ex.getCause() instanceof VirtualMachineError || ex.getCause() instanceof LinkageError) {
            server.fatal(ex.getCause()); // at once: the library's own stop that follows can stall on its threads
        }
        if (conn == null) {
            started.completeExceptionally(ex); // could not bind
            return;
        }
        Member m = conn.getAttachment();
        log.note("connection error", (m == null ? "" : m.who() + ": ") + ex.getMessage());
    }

    /** Closes connections that never joined within the join timeout, or went silent for too long. */
    void closeLapsed() {
        long now = System.nanoTime();
        long join = options.joinTimeout().toNanos(), silent = options.silentTimeoutOrIdle().toNanos();
        for (WebSocket conn : getConnections()) {
            Member m = conn.getAttachment();
            if (m == null || !conn.isOpen()) continue;
            boolean joined = rooms.joined(m);
            if (!joined && now - m.opened > join) {
                log.note("closed a connection", m.who() + " did not join a room within "
                        + options.joinTimeout().toSeconds() + " s");
                out.send(conn, error("join-timeout", "no join within " + options.joinTimeout().toSeconds()
                        + " s of connecting — send {\"type\":\"join\",…} first thing", null));
                m.closedBecause = "join timeout";
                conn.close(CloseFrame.POLICY_VALIDATION, "no join within " + options.joinTimeout().toSeconds() + " s");
            } else if (joined && now - m.lastMessage > silent) {
                log.note("closed a connection", m.who() + " sent nothing for "
                        + options.silentTimeoutOrIdle().toSeconds() + " s");
                out.send(conn, error("silent-timeout", "nothing sent for " + options.silentTimeoutOrIdle().toSeconds()
                        + " s — connect again for a new call", null));
                m.closedBecause = "silent for " + options.silentTimeoutOrIdle().toSeconds() + " s";
                conn.close(CloseFrame.GOING_AWAY, "silent for " + options.silentTimeoutOrIdle().toSeconds() + " s");
            }
        }
    }

    private static String typeOf(String text) {
        try {
            return Message.parse(text).type();
        } catch (RuntimeException e) {
            return null;
        }
    }
}

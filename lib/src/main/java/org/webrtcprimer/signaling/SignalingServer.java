package org.webrtcprimer.signaling;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.java_websocket.WebSocket;
import org.java_websocket.drafts.Draft;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.ServerHandshakeBuilder;
import org.java_websocket.server.WebSocketServer;
import org.webrtcprimer.events.Event;
import org.webrtcprimer.events.EventLog;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The signaling server: the part of a call that WebRTC leaves to the application. Peers join a
 * room over WebSocket (RFC 6455) and the server passes each offer, answer and candidate to the
 * other peer of the room, as JSON ({@link Protocol}). It also serves the kit's browser page over
 * HTTP, so a browser can call a Java peer through it.
 *
 * <pre>{@code
 * var server = SignalingServer.start();   // ws://127.0.0.1:PORT, page on http://127.0.0.1:PORT2/
 * server.url();                            // for the peers
 * server.pageUrl("lesson10");              // for a browser
 * server.close();
 * }</pre>
 *
 * <p>It listens on loopback only unless told otherwise, refuses messages over a size limit,
 * answers malformed JSON and unknown types with an {@code error} message, tells the other peer
 * when one disconnects, and stops by itself after a quiet spell ({@link Options#idleTimeout()}).
 */
public final class SignalingServer implements AutoCloseable {

    /**
     * How the server runs. Start from {@link #defaults()}.
     *
     * @param host            address to listen on; loopback ({@code 127.0.0.1}) keeps every call on this machine
     * @param port            WebSocket port, 0 for any free one
     * @param httpPort        port of the browser page, 0 for any free one, -1 for no page
     * @param maxMessageBytes largest message accepted; bigger ones get an error and the connection closes (1009)
     * @param maxConnections  most peers connected at once
     * @param maxMessagesPerConnection most messages one connection may send before it is closed
     * @param idleTimeout     the server stops when no message has arrived for this long
     * @param room            the room the page joins unless its address names another
     */
    public record Options(String host, int port, int httpPort, int maxMessageBytes, int maxConnections,
                          int maxMessagesPerConnection, Duration idleTimeout, String room) {
        public Options {
            if (host == null || host.isBlank()) host = "127.0.0.1";
            if (port < 0 || port > 65535) throw new IllegalArgumentException("port " + port + " is out of range — use 0 for any free port");
            if (httpPort < -1 || httpPort > 65535) throw new IllegalArgumentException("httpPort " + httpPort + " is out of range — 0 for any free port, -1 for no page");
            if (maxMessageBytes < 1024) throw new IllegalArgumentException("maxMessageBytes must be at least 1024 (an SDP offer is ~5 KB), got " + maxMessageBytes);
            if (maxConnections < 2) throw new IllegalArgumentException("maxConnections must be at least 2 (a call has two peers)");
            if (maxMessagesPerConnection < 10) throw new IllegalArgumentException("maxMessagesPerConnection must be at least 10");
            if (idleTimeout == null || idleTimeout.isNegative() || idleTimeout.isZero()) {
                throw new IllegalArgumentException("idleTimeout must be positive, e.g. Duration.ofMinutes(10)");
            }
            if (room == null || room.isBlank()) room = "lesson10";
        }

        /** Loopback, any free ports, 64 KiB messages, 16 connections, stops after 10 quiet minutes. */
        public static Options defaults() {
            return new Options("127.0.0.1", 0, 0, 64 * 1024, 16, 10_000, Duration.ofMinutes(10), "lesson10");
        }

        public Options host(String h) {
            return new Options(h, port, httpPort, maxMessageBytes, maxConnections, maxMessagesPerConnection, idleTimeout, room);
        }

        public Options port(int p) {
            return new Options(host, p, httpPort, maxMessageBytes, maxConnections, maxMessagesPerConnection, idleTimeout, room);
        }

        public Options httpPort(int p) {
            return new Options(host, port, p, maxMessageBytes, maxConnections, maxMessagesPerConnection, idleTimeout, room);
        }

        public Options maxMessageBytes(int n) {
            return new Options(host, port, httpPort, n, maxConnections, maxMessagesPerConnection, idleTimeout, room);
        }

        public Options maxConnections(int n) {
            return new Options(host, port, httpPort, maxMessageBytes, n, maxMessagesPerConnection, idleTimeout, room);
        }

        public Options maxMessagesPerConnection(int n) {
            return new Options(host, port, httpPort, maxMessageBytes, maxConnections, n, idleTimeout, room);
        }

        public Options idleTimeout(Duration d) {
            return new Options(host, port, httpPort, maxMessageBytes, maxConnections, maxMessagesPerConnection, d, room);
        }

        public Options room(String r) {
            return new Options(host, port, httpPort, maxMessageBytes, maxConnections, maxMessagesPerConnection, idleTimeout, r);
        }
    }

    /** The log's name for the server: grey in every view (Style.SIGNALING). */
    public static final String SOURCE = "signaling";

    /** What the server knows about one connection. */
    private static final class Member {
        final String address;
        String room;
        String name;
        int messages;
        volatile boolean saidGoodbye; // its closing handshake began with a normal close code

        Member(String address) {
            this.address = address;
        }

        String who() {
            return name != null ? name : "peer at " + address;
        }
    }

    private final Options options;
    private final EventLog log = new EventLog();
    private final Ws ws;
    private final HttpServer http;
    private final ScheduledExecutorService timer;
    private final Map<String, Map<String, WebSocket>> rooms = new TreeMap<>();
    private final CompletableFuture<String> stopped = new CompletableFuture<>();
    private volatile long lastActivity = System.nanoTime();

    private SignalingServer(Options options) {
        this.options = options;
        InetSocketAddress address = new InetSocketAddress(options.host(), options.port());
        // The library's own frame limit is a backstop against memory blow-ups; the protocol's
        // limit (with a readable error) is checked per message in onMessage.
        List<Draft> drafts = List.of(new Draft_6455(Collections.emptyList(), Math.max(options.maxMessageBytes() * 4, 256 * 1024)));
        ws = new Ws(address, drafts);
        ws.setDaemon(true);
        ws.setReuseAddr(true);
        // Signaling messages are small and each waits for the last: without TCP_NODELAY, Nagle's
        // algorithm and delayed ACKs hold them up to ~40 ms per hop (measured: offer → answer 260 ms).
        ws.setTcpNoDelay(true);
        ws.setConnectionLostTimeout(10); // pings find peers whose process died without closing
        ws.start();
        try {
            ws.started.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            ws.stopQuietly();
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IllegalStateException("the signaling server could not listen on " + options.host() + ":" + options.port()
                    + ": " + cause.getMessage() + " — is the port in use? Use port 0 for any free one", cause);
        }
        HttpServer h = null;
        if (options.httpPort() >= 0) {
            try {
                h = HttpServer.create(new InetSocketAddress(options.host(), options.httpPort()), 8);
                h.createContext("/", this::serve);
                h.setExecutor(Executors.newFixedThreadPool(2, daemon("primer-signaling-http")));
                h.start();
            } catch (IOException e) {
                ws.stopQuietly();
                throw new IllegalStateException("the page server could not listen on " + options.host() + ":" + options.httpPort()
                        + ": " + e.getMessage() + " — use httpPort 0 for any free port", e);
            }
        }
        http = h;
        timer = Executors.newSingleThreadScheduledExecutor(daemon("primer-signaling-idle"));
        timer.scheduleAtFixedRate(this::checkIdle, 1, 1, TimeUnit.SECONDS);
        log.add(SOURCE, Event.Kind.NOTE, "server listening", url() + (http == null ? "" : ", page " + pageUrl()));
        if (!InetAddress.getLoopbackAddress().getHostAddress().equals(options.host()) && !options.host().equals("localhost")) {
            log.add(SOURCE, Event.Kind.NOTE, "warning", "listening on " + options.host() + ", not only loopback");
        }
    }

    /** Starts a server with the defaults: loopback, free ports, the page on a second port. */
    public static SignalingServer start() {
        return start(Options.defaults());
    }

    /** Starts a server with the given options. */
    public static SignalingServer start(Options options) {
        return new SignalingServer(options == null ? Options.defaults() : options);
    }

    /** Where peers connect: {@code ws://127.0.0.1:PORT}. */
    public String url() {
        return "ws://" + hostForUrl() + ":" + ws.getPort();
    }

    /** The WebSocket port. */
    public int port() {
        return ws.getPort();
    }

    /** The browser page: {@code http://127.0.0.1:PORT2/}; it joins {@link Options#room()}. */
    public String pageUrl() {
        if (http == null) throw new IllegalStateException("this server serves no page — start it with httpPort 0 or a port number");
        return "http://" + hostForUrl() + ":" + http.getAddress().getPort() + "/";
    }

    /** The browser page, joining the given room. */
    public String pageUrl(String room) {
        return pageUrl() + "?room=" + room;
    }

    /** The page that runs the article's pc1 and pc2 inside the browser (for comparisons). */
    public String localPageUrl() {
        return pageUrl() + "local.html";
    }

    private String hostForUrl() {
        String h = options.host();
        return h.equals("0.0.0.0") ? "127.0.0.1" : h.contains(":") ? "[" + h + "]" : h;
    }

    /** The options it runs with. */
    public Options options() {
        return options;
    }

    /** What the server did — joins, relays, errors, departures — stamped on the kit's clock. */
    public EventLog log() {
        return log;
    }

    /** The rooms now, each with the names of its peers. */
    public synchronized Map<String, List<String>> rooms() {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        rooms.forEach((r, m) -> copy.put(r, List.copyOf(m.keySet())));
        return copy;
    }

    /** Open connections now (joined or not). */
    public int connections() {
        return ws.getConnections().size();
    }

    /** Whether the server has stopped (closed, or stopped itself after the idle timeout). */
    public boolean isClosed() {
        return stopped.isDone();
    }

    /** A future completed with the reason when the server stops. */
    public CompletableFuture<String> stopped() {
        return stopped.copy();
    }

    /** Stops the server: peers are disconnected (code 1001, going away), the page goes away. Harmless twice. */
    @Override
    public void close() {
        stop("closed");
    }

    private void stop(String reason) {
        synchronized (this) {
            if (stopped.isDone()) return;
            rooms.clear();
        }
        log.add(SOURCE, Event.Kind.NOTE, "server stopped", reason);
        ws.stopQuietly();
        if (http != null) {
            http.stop(0);
            ((java.util.concurrent.ExecutorService) http.getExecutor()).shutdownNow();
        }
        // Last: the idle check itself may be the thread running this.
        timer.shutdown();
        stopped.complete(reason);
    }

    private void checkIdle() {
        long quiet = System.nanoTime() - lastActivity;
        if (quiet > options.idleTimeout().toNanos()) {
            stop("no message for " + options.idleTimeout().toSeconds() + " s (idle timeout)");
        }
    }

    @Override
    public String toString() {
        Map<String, List<String>> r = rooms();
        if (isClosed()) return "Signaling server (stopped: " + stopped.getNow("") + ")";
        return "Signaling server " + url() + (http == null ? "" : " · page " + pageUrl()) + " · " + r.size()
                + (r.size() == 1 ? " room" : " rooms") + (r.isEmpty() ? "" : " " + r);
    }

    // ---- WebSocket side ----

    private final class Ws extends WebSocketServer {
        final CompletableFuture<Void> started = new CompletableFuture<>();

        Ws(InetSocketAddress address, List<Draft> drafts) {
            super(address, 1, drafts);
            setWebSocketFactory(new InOrderClose.Factory()); // a peer's last messages and its close frame are read before it is gone
        }

        void stopQuietly() {
            try {
                stop(1000, "server stopped");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(WebSocket conn, Draft draft, ClientHandshake request)
                throws InvalidDataException {
            ServerHandshakeBuilder b = super.onWebsocketHandshakeReceivedAsServer(conn, draft, request);
            // A web page from anywhere could open a WebSocket to loopback; only our own page may.
            String origin = request.getFieldValue("Origin");
            if (origin != null && !origin.isEmpty() && !allowedOrigin(origin)) {
                log.add(SOURCE, Event.Kind.NOTE, "refused a page from another origin", origin);
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
            Member m = new Member(String.valueOf(conn.getRemoteSocketAddress()));
            conn.setAttachment(m);
            if (getConnections().size() > options.maxConnections()) {
                log.add(SOURCE, Event.Kind.NOTE, "refused a connection", m.address + ": already " + options.maxConnections() + " connections");
                reply(conn, error("server-full", "the server already has " + options.maxConnections()
                        + " connections — hang up an old call first", null));
                conn.close(CloseFrame.TRY_AGAIN_LATER, "server full");
            }
        }

        @Override
        public void onClose(WebSocket conn, int code, String reason, boolean remote) {
            Member m = conn.getAttachment();
            if (m == null) return;
            String why = m.saidGoodbye || code == CloseFrame.NORMAL || code == CloseFrame.GOING_AWAY || code == CloseFrame.NOCODE ? "left"
                    : code == CloseFrame.ABNORMAL_CLOSE && reason != null && reason.contains("pong") ? "timed out" : "disconnected";
            leave(conn, m, why, code);
        }

        @Override
        public void onClosing(WebSocket conn, int code, String reason, boolean remote) {
            Member m = conn.getAttachment();
            if (m != null && remote && (code == CloseFrame.NORMAL || code == CloseFrame.GOING_AWAY)) m.saidGoodbye = true;
        }

        @Override
        public void onMessage(WebSocket conn, String text) {
            lastActivity = System.nanoTime();
            Member m = conn.getAttachment();
            if (m == null) return;
            if (++m.messages > options.maxMessagesPerConnection()) {
                reply(conn, error("too-many", m.who() + " sent more than " + options.maxMessagesPerConnection()
                        + " messages on one connection — reconnect for a new session", null));
                conn.close(CloseFrame.POLICY_VALIDATION, "too many messages");
                return;
            }
            int bytes = text.getBytes(StandardCharsets.UTF_8).length;
            if (bytes > options.maxMessageBytes()) {
                log.add(SOURCE, Event.Kind.NOTE, "refused a message", m.who() + " sent " + bytes + " bytes, over the "
                        + options.maxMessageBytes() + "-byte limit");
                reply(conn, error("too-big", "the message has " + bytes + " bytes; the limit is " + options.maxMessageBytes()
                        + " — send the log in smaller pages, or start the server with a larger maxMessageBytes", null));
                conn.close(CloseFrame.TOOBIG, "message too big");
                return;
            }
            Message msg;
            try {
                msg = Message.parse(text);
                Protocol.validate(msg);
            } catch (SignalingProtocolException e) {
                log.add(SOURCE, Event.Kind.NOTE, "refused a message", m.who() + ": " + e.getMessage());
                reply(conn, error(e.code(), e.getMessage(), typeOf(text)));
                return;
            }
            handle(conn, m, msg);
        }

        @Override
        public void onMessage(WebSocket conn, java.nio.ByteBuffer bytes) {
            lastActivity = System.nanoTime();
            reply(conn, error("binary", "the protocol is JSON text; a binary message of " + bytes.remaining()
                    + " bytes was ignored", null));
        }

        @Override
        public void onError(WebSocket conn, Exception ex) {
            if (conn == null) {
                started.completeExceptionally(ex); // could not bind
                return;
            }
            Member m = conn.getAttachment();
            log.add(SOURCE, Event.Kind.NOTE, "connection error", (m == null ? "" : m.who() + ": ") + ex.getMessage());
        }
    }

    private boolean allowedOrigin(String origin) {
        if (http == null) return false;
        int p = http.getAddress().getPort();
        return origin.equals("http://127.0.0.1:" + p) || origin.equals("http://localhost:" + p)
                || origin.equals("http://" + hostForUrl() + ":" + p);
    }

    private static String typeOf(String text) {
        try {
            return Message.parse(text).type();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private void handle(WebSocket conn, Member m, Message msg) {
        if (msg.type().equals(Protocol.JOIN)) {
            join(conn, m, msg);
            return;
        }
        WebSocket other;
        String room;
        synchronized (this) {
            if (m.room == null) {
                reply(conn, error("not-joined", "send {\"type\":\"join\",\"room\":\"…\",\"name\":\"…\"} before '"
                        + msg.type() + "'", msg.type()));
                return;
            }
            room = m.room;
            other = rooms.getOrDefault(m.room, Map.of()).entrySet().stream()
                    .filter(e -> !e.getKey().equals(m.name)).map(Map.Entry::getValue).findFirst().orElse(null);
        }
        if (other == null) {
            log.add(SOURCE, Event.Kind.NOTE, "nobody to relay to", msg.type() + " from " + m.name + " in room " + m.room);
            reply(conn, error("no-peer", "nobody else is in room '" + m.room + "' to receive the " + msg.type()
                    + " — start the other peer first and wait for 'peer-joined'", msg.type()));
            return;
        }
        Message relayed = msg.from(m.name);
        Member to = other.getAttachment();
        if (!msg.type().equals(Protocol.PING) && !msg.type().equals(Protocol.PONG)) {
            log.add(SOURCE, Event.Kind.NOTE, msg.type(), m.name + " → " + to.name + " in " + room + " (" + relayed.bytes() + " bytes)");
        }
        reply(other, relayed);
    }

    private void join(WebSocket conn, Member m, Message msg) {
        String room = msg.require("room"), name = msg.require("name");
        List<String> others;
        List<WebSocket> tell;
        synchronized (this) {
            if (m.room != null) {
                reply(conn, error("already-joined", "this connection already joined room '" + m.room + "' as " + m.name
                        + " — open a new connection for another peer", Protocol.JOIN));
                return;
            }
            Map<String, WebSocket> members = rooms.computeIfAbsent(room, r -> new LinkedHashMap<>());
            WebSocket previous = members.get(name);
            if (previous != null && !previous.isOpen()) {
                // The same peer coming back while its old connection is still closing: the old one is gone.
                members.remove(name);
            }
            if (members.containsKey(name)) {
                reply(conn, error("name-taken", "room '" + room + "' already has a peer named " + name
                        + " — choose another name", Protocol.JOIN));
                if (members.isEmpty()) rooms.remove(room);
                return;
            }
            if (members.size() >= Protocol.ROOM_SIZE) {
                reply(conn, error("room-full", "room '" + room + "' already has " + String.join(" and ", members.keySet())
                        + " — a call has two peers; use another room", Protocol.JOIN));
                return;
            }
            others = new ArrayList<>(members.keySet());
            tell = new ArrayList<>(members.values());
            members.put(name, conn);
            m.room = room;
            m.name = name;
        }
        log.add(SOURCE, Event.Kind.NOTE, "join", name + " joined room " + room + (others.isEmpty() ? " (first)" : " with " + String.join(", ", others)));
        com.google.gson.JsonArray peers = new com.google.gson.JsonArray();
        others.forEach(peers::add);
        reply(conn, Message.of(Protocol.JOINED, "room", room, "name", name, "peers", peers));
        for (WebSocket w : tell) reply(w, Message.of(Protocol.PEER_JOINED, "name", name));
    }

    private void leave(WebSocket conn, Member m, String reason, int code) {
        List<WebSocket> tell = new ArrayList<>();
        synchronized (this) {
            if (m.room == null) return;
            Map<String, WebSocket> members = rooms.get(m.room);
            if (members != null) {
                members.remove(m.name, conn);
                tell.addAll(members.values());
                if (members.isEmpty()) rooms.remove(m.room);
            }
        }
        log.add(SOURCE, Event.Kind.NOTE, "peer left", m.name + " " + reason + " (room " + m.room + ", close code " + code + ")");
        for (WebSocket w : tell) reply(w, Message.of(Protocol.PEER_LEFT, "name", m.name, "reason", reason));
        m.room = null;
    }

    /** An error reply; {@code inReplyTo} is the refused message's type when it had one. */
    static Message error(String code, String message, String inReplyTo) {
        return Message.of(Protocol.ERROR, "code", code, "message", message, "inReplyTo", inReplyTo);
    }

    private static void reply(WebSocket conn, Message msg) {
        try {
            if (conn.isOpen()) conn.send(msg.json());
        } catch (RuntimeException ignored) {
            // The peer went away between the check and the send; its onClose tells the room.
        }
    }

    // ---- HTTP side: the browser page ----

    private static final Map<String, String> PAGES = Map.of(
            "/", "call.html", "/index.html", "call.html", "/call.html", "call.html", "/call.js", "call.js",
            "/local.html", "local.html", "/local.js", "local.js", "/primer.css", "primer.css", "/weblog.js", "weblog.js");

    private void serve(HttpExchange x) throws IOException {
        try (x) {
            String path = x.getRequestURI().getPath();
            if (!x.getRequestMethod().equals("GET") && !x.getRequestMethod().equals("HEAD")) {
                send(x, 405, "text/plain", "only GET".getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (path.equals("/config.json")) {
                String json = Message.of("config", "signaling", url(), "room", options.room()).json();
                send(x, 200, "application/json", json.getBytes(StandardCharsets.UTF_8));
                return;
            }
            String file = PAGES.get(path);
            if (file == null) {
                send(x, 404, "text/plain", ("no page " + path + " — the kit serves / and /local.html").getBytes(StandardCharsets.UTF_8));
                return;
            }
            byte[] body;
            try (InputStream in = SignalingServer.class.getResourceAsStream("web/" + file)) {
                if (in == null) throw new IOException("web/" + file + " is missing from the kit's jar");
                body = in.readAllBytes();
            }
            String type = file.endsWith(".html") ? "text/html; charset=utf-8" : file.endsWith(".js")
                    ? "text/javascript; charset=utf-8" : "text/css; charset=utf-8";
            send(x, 200, type, body);
        }
    }

    private static void send(HttpExchange x, int status, String type, byte[] body) throws IOException {
        x.getResponseHeaders().set("Content-Type", type);
        x.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = x.getRequestMethod().equals("HEAD");
        x.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            try (OutputStream out = x.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}

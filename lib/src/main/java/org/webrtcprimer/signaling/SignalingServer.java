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
     * How the server runs. Start from {@link #defaults()} and change one thing at a time:
     * {@code Options.defaults().withIdleTimeout(Duration.ofHours(1))}.
     *
     * @param host            address to listen on; loopback ({@code 127.0.0.1}) keeps every call on this machine
     * @param port            WebSocket port, 0 for any free one
     * @param httpPort        port of the browser page, 0 for any free one, -1 for no page
     * @param maxMessageBytes largest message accepted; bigger ones get an error and the connection closes (1009)
     * @param maxConnections  most peers connected at once
     * @param maxConnectionsPerAddress most connections from one address at once
     * @param maxMessagesPerConnection most messages one connection may send before it is closed
     * @param idleTimeout     the server stops when no message has arrived for this long
     * @param room            the room the page joins unless its address names another
     * @param token           the room secret a peer must present to join ({@code ?token=} in the address, or
     *                        {@code "token"} in its join); null for a fresh random one
     * @param maxHeaderBytes  largest WebSocket upgrade request (its HTTP headers)
     * @param handshakeTimeout how long a connection may take to finish its upgrade request
     * @param joinTimeout     how long a connection may stay without joining a room
     * @param silentTimeout   a joined connection that sends nothing for this long is closed; null: the idle timeout
     * @param maxQueuedBytes  most bytes waiting to be sent to one peer that does not read; past it that peer is disconnected
     */
    public record Options(String host, int port, int httpPort, int maxMessageBytes, int maxConnections,
                          int maxConnectionsPerAddress, int maxMessagesPerConnection, Duration idleTimeout, String room,
                          String token, int maxHeaderBytes, Duration handshakeTimeout, Duration joinTimeout,
                          Duration silentTimeout, long maxQueuedBytes) {
        public Options {
            if (host == null || host.isBlank()) host = "127.0.0.1";
            if (port < 0 || port > 65535) throw new IllegalArgumentException("port " + port + " is out of range — use 0 for any free port");
            if (httpPort < -1 || httpPort > 65535) throw new IllegalArgumentException("httpPort " + httpPort + " is out of range — 0 for any free port, -1 for no page");
            if (maxMessageBytes < 1024) throw new IllegalArgumentException("maxMessageBytes must be at least 1024 (an SDP offer is ~5 KB), got " + maxMessageBytes);
            if (maxConnections < 2) throw new IllegalArgumentException("maxConnections must be at least 2 (a call has two peers)");
            if (maxConnectionsPerAddress < 2) throw new IllegalArgumentException("maxConnectionsPerAddress must be at least 2 (a call has two peers)");
            if (maxMessagesPerConnection < 10) throw new IllegalArgumentException("maxMessagesPerConnection must be at least 10");
            requirePositive("idleTimeout", idleTimeout, "Duration.ofMinutes(10)");
            if (room == null || room.isBlank()) room = "lesson10";
            if (!Protocol.isRoom(room)) throw new IllegalArgumentException("room '" + Protocol.shorten(room)
                    + "' must be 1–64 letters, digits, '.', '_' or '-'");
            if (token == null) token = Protocol.newToken();
            if (!Protocol.isToken(token)) throw new IllegalArgumentException("token must be 8–64 letters, digits, '_' or '-'");
            if (maxHeaderBytes < 1024) throw new IllegalArgumentException("maxHeaderBytes must be at least 1024 (a browser's upgrade request is ~500 bytes), got " + maxHeaderBytes);
            requirePositive("handshakeTimeout", handshakeTimeout, "Duration.ofSeconds(5)");
            requirePositive("joinTimeout", joinTimeout, "Duration.ofSeconds(15)");
            if (silentTimeout != null) requirePositive("silentTimeout", silentTimeout, "Duration.ofMinutes(10)");
            if (maxQueuedBytes < 2L * maxMessageBytes) throw new IllegalArgumentException("maxQueuedBytes must be at least two messages ("
                    + 2L * maxMessageBytes + " bytes), got " + maxQueuedBytes);
        }

        private static void requirePositive(String what, Duration d, String example) {
            if (d == null || d.isNegative() || d.isZero()) throw new IllegalArgumentException(what + " must be positive, e.g. " + example);
        }

        /**
         * Loopback, any free ports, a fresh room token, 64 KiB messages, 16 connections (16 from
         * one address), 8 KiB upgrade requests finished within 5 s, a join within 15 s, 4 MiB
         * waiting for a peer that does not read; stops after 10 quiet minutes.
         */
        public static Options defaults() {
            return new Options("127.0.0.1", 0, 0, 64 * 1024, 16, 16, 10_000, Duration.ofMinutes(10), "lesson10",
                    null, 8 * 1024, Duration.ofSeconds(5), Duration.ofSeconds(15), null, 4L * 1024 * 1024);
        }

        /** How long a joined connection may stay silent: {@link #silentTimeout()}, or the idle timeout when that is null. */
        public Duration silentTimeoutOrIdle() {
            return silentTimeout != null ? silentTimeout : idleTimeout;
        }

        /**
         * The record's fields as a mutable copy: each wither changes what it names and builds the
         * record again, so the constructor's checks run on every change and the field list is
         * written once (here), not once per wither.
         */
        private static final class Draft {
            String host;
            int port;
            int httpPort;
            int maxMessageBytes;
            int maxConnections;
            int maxConnectionsPerAddress;
            int maxMessagesPerConnection;
            Duration idleTimeout;
            String room;
            String token;
            int maxHeaderBytes;
            Duration handshakeTimeout;
            Duration joinTimeout;
            Duration silentTimeout;
            long maxQueuedBytes;

            Draft(Options o) {
                host = o.host;
                port = o.port;
                httpPort = o.httpPort;
                maxMessageBytes = o.maxMessageBytes;
                maxConnections = o.maxConnections;
                maxConnectionsPerAddress = o.maxConnectionsPerAddress;
                maxMessagesPerConnection = o.maxMessagesPerConnection;
                idleTimeout = o.idleTimeout;
                room = o.room;
                token = o.token;
                maxHeaderBytes = o.maxHeaderBytes;
                handshakeTimeout = o.handshakeTimeout;
                joinTimeout = o.joinTimeout;
                silentTimeout = o.silentTimeout;
                maxQueuedBytes = o.maxQueuedBytes;
            }

            Options build() {
                return new Options(host, port, httpPort, maxMessageBytes, maxConnections, maxConnectionsPerAddress, maxMessagesPerConnection, idleTimeout, room, token, maxHeaderBytes, handshakeTimeout, joinTimeout, silentTimeout, maxQueuedBytes);
            }
        }

        private Options with(java.util.function.Consumer<Draft> change) {
            Draft d = new Draft(this);
            change.accept(d);
            return d.build();
        }

        public Options withHost(String v) {
            return with(d -> d.host = v);
        }

        public Options withPort(int v) {
            return with(d -> d.port = v);
        }

        public Options withHttpPort(int v) {
            return with(d -> d.httpPort = v);
        }

        public Options withMaxMessageBytes(int v) {
            return with(d -> {
                d.maxMessageBytes = v;
                d.maxQueuedBytes = Math.max(d.maxQueuedBytes, 2L * v); // room for two messages
            });
        }

        public Options withMaxConnections(int v) {
            return with(d -> {
                // a per-address limit left at the total follows it; a smaller one stays, within the total
                d.maxConnectionsPerAddress = d.maxConnectionsPerAddress == d.maxConnections ? v : Math.min(d.maxConnectionsPerAddress, v);
                d.maxConnections = v;
            });
        }

        public Options withMaxConnectionsPerAddress(int v) {
            return with(d -> d.maxConnectionsPerAddress = v);
        }

        public Options withMaxMessagesPerConnection(int v) {
            return with(d -> d.maxMessagesPerConnection = v);
        }

        public Options withIdleTimeout(Duration v) {
            return with(d -> d.idleTimeout = v);
        }

        public Options withRoom(String v) {
            return with(d -> d.room = v);
        }

        public Options withToken(String v) {
            return with(d -> d.token = v);
        }

        public Options withMaxHeaderBytes(int v) {
            return with(d -> d.maxHeaderBytes = v);
        }

        public Options withHandshakeTimeout(Duration v) {
            return with(d -> d.handshakeTimeout = v);
        }

        public Options withJoinTimeout(Duration v) {
            return with(d -> d.joinTimeout = v);
        }

        public Options withSilentTimeout(Duration v) {
            return with(d -> d.silentTimeout = v);
        }

        public Options withMaxQueuedBytes(long v) {
            return with(d -> d.maxQueuedBytes = v);
        }

        // The names before the kit's options took withX; kept while callers move over.

        @Override
        public String toString() {
            // The token is a secret: it is in the join address the server prints, not in every log line.
            return "Options[host=" + host + ", port=" + port + ", httpPort=" + httpPort + ", maxMessageBytes=" + maxMessageBytes
                    + ", maxConnections=" + maxConnections + ", maxConnectionsPerAddress=" + maxConnectionsPerAddress
                    + ", maxMessagesPerConnection=" + maxMessagesPerConnection + ", idleTimeout=" + idleTimeout + ", room=" + room
                    + ", token=(hidden), maxHeaderBytes=" + maxHeaderBytes + ", handshakeTimeout=" + handshakeTimeout
                    + ", joinTimeout=" + joinTimeout + ", silentTimeout=" + silentTimeoutOrIdle() + ", maxQueuedBytes=" + maxQueuedBytes + "]";
        }
    }

    /** The log's name for the server: grey in every view (Style.SIGNALING). */
    public static final String SOURCE = "signaling";

    /** What the server knows about one connection. */
    private static final class Member {
        final String address;
        final InetAddress ip;
        final long opened = System.nanoTime();
        final boolean tokenInUrl; // the upgrade request's address carried the room token
        volatile long lastMessage = opened;
        String room;
        String name;
        int messages;
        volatile boolean saidGoodbye; // its closing handshake began with a normal close code
        volatile String closedBecause; // set when the server closes it, for the room's peer-left

        Member(InetSocketAddress remote, boolean tokenInUrl) {
            this.address = String.valueOf(remote);
            this.ip = remote == null ? null : remote.getAddress();
            this.tokenInUrl = tokenInUrl;
        }

        String who() {
            return name != null ? name : "peer at " + address;
        }
    }

    static {
        // The JDK's page server waits for a request's headers forever unless told: a socket that
        // connects and sends nothing would hold a thread and a file descriptor for good. This
        // property (seconds, JVM-wide, read when the first HttpServer starts) bounds the wait.
        if (System.getProperty("sun.net.httpserver.maxReqTime") == null) {
            System.setProperty("sun.net.httpserver.maxReqTime", "10");
        }
    }

    private final Options options;
    private final EventLog log = new EventLog();
    private final Ws ws;
    private final HttpServer http;
    private final ScheduledExecutorService timer;
    private final Map<String, Map<String, WebSocket>> rooms = new TreeMap<>();
    private final CompletableFuture<String> stopped = new CompletableFuture<>();
    private final java.util.concurrent.atomic.AtomicBoolean stopping = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile Throwable fatal; // what killed the WebSocket library's threads, if anything did
    private volatile long lastActivity = System.nanoTime();
    /** Test hook: runs on the worker thread before each message is handled (to inject a fatal error). */
    volatile java.util.function.Consumer<String> beforeHandling;

    private SignalingServer(Options options) {
        this.options = options;
        InetSocketAddress address = new InetSocketAddress(checkedHost(options.host()), options.port());
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
        ws.setWebSocketFactory(new InOrderClose.Factory(options.maxHeaderBytes(), options.handshakeTimeout()));
        ws.start();
        try {
            ws.started.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            stopping.set(true);
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
                stopping.set(true);
                ws.stopQuietly();
                throw new IllegalStateException("the page server could not listen on " + options.host() + ":" + options.httpPort()
                        + ": " + e.getMessage() + " — use httpPort 0 for any free port", e);
            }
        }
        http = h;
        timer = Executors.newSingleThreadScheduledExecutor(daemon("primer-signaling-idle"));
        timer.scheduleAtFixedRate(this::checkIdle, 1, 1, TimeUnit.SECONDS);
        timer.scheduleAtFixedRate(this::checkConnections, 250, 250, TimeUnit.MILLISECONDS);
        note("server listening", baseUrl() + (http == null ? "" : ", page " + pageOrigin() + "/"));
        if (!InetAddress.getLoopbackAddress().getHostAddress().equals(options.host()) && !options.host().equals("localhost")) {
            note("warning", "listening on " + options.host() + ", not only loopback");
        }
    }

    private static InetAddress checkedHost(String host) {
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

    /** Starts a server with the defaults: loopback, free ports, the page on a second port. */
    public static SignalingServer start() {
        return start(Options.defaults());
    }

    /** Starts a server with the given options. */
    public static SignalingServer start(Options options) {
        return new SignalingServer(options == null ? Options.defaults() : options);
    }

    /**
     * Where peers connect, with the room token: {@code ws://127.0.0.1:PORT/?token=…}. Anyone with
     * this address can join; without the token a join gets {@code not-authorized}.
     */
    public String url() {
        return baseUrl() + "/?token=" + options.token();
    }

    /** The WebSocket address without the token: {@code ws://127.0.0.1:PORT}. */
    public String baseUrl() {
        return "ws://" + hostForUrl() + ":" + ws.getPort();
    }

    /** The room token that {@link #url()} and {@link #pageUrl()} carry. */
    public String token() {
        return options.token();
    }

    /** The WebSocket port. */
    public int port() {
        return ws.getPort();
    }

    /** The browser page with the token: {@code http://127.0.0.1:PORT2/?token=…}; it joins {@link Options#room()}. */
    public String pageUrl() {
        return pageOrigin() + "/?token=" + options.token();
    }

    /** The browser page, joining the given room: {@code http://127.0.0.1:PORT2/?room=R&token=…}. */
    public String pageUrl(String room) {
        if (!Protocol.isRoom(room)) throw new IllegalArgumentException("room '" + Protocol.shorten(String.valueOf(room))
                + "' must be 1–64 letters, digits, '.', '_' or '-'");
        return pageOrigin() + "/?room=" + room + "&token=" + options.token();
    }

    /** The page that runs the article's pc1 and pc2 inside the browser (for comparisons; no signaling). */
    public String localPageUrl() {
        return pageOrigin() + "/local.html";
    }

    /** The page server's origin: {@code http://127.0.0.1:PORT2}. */
    public String pageOrigin() {
        if (http == null) throw new IllegalStateException("this server serves no page — start it with httpPort 0 or a port number");
        return "http://" + hostForUrl() + ":" + http.getAddress().getPort();
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

    /** Whether the server has stopped (closed, stopped itself after the idle timeout, or died). */
    public boolean isClosed() {
        return stopped.isDone();
    }

    /** Whether the server stopped because something went wrong inside it (the reason is in {@link #stopped()}). */
    public boolean isDown() {
        return stopped.isCompletedExceptionally();
    }

    /**
     * A future completed with the reason when the server stops — exceptionally, with a message
     * that says what happened, when it did not stop by itself or on close().
     */
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
            if (stopped.isDone() || !stopping.compareAndSet(false, true)) return;
            rooms.clear();
        }
        note("server stopped", reason);
        ws.stopQuietly();
        stopPage();
        // Last: the idle check itself may be the thread running this.
        timer.shutdown();
        stopped.complete(reason);
    }

    private void stopPage() {
        if (http != null) {
            http.stop(0);
            ((java.util.concurrent.ExecutorService) http.getExecutor()).shutdownNow();
        }
    }

    /** Most events the server's log keeps; past it, only joins, departures and stops are added. */
    static final int MAX_LOG_EVENTS = 20_000;
    private final java.util.concurrent.atomic.AtomicInteger logged = new java.util.concurrent.atomic.AtomicInteger();

    /** Adds a line to the server's log, within {@link #MAX_LOG_EVENTS} whatever peers send. */
    private void note(String what, String detail) {
        int n = logged.incrementAndGet();
        boolean always = what.equals("join") || what.equals("peer left") || what.startsWith("server");
        if (n < MAX_LOG_EVENTS || always && n < MAX_LOG_EVENTS + 10_000) {
            log.add(SOURCE, Event.Kind.NOTE, what, detail);
        } else if (n == MAX_LOG_EVENTS) {
            log.add(SOURCE, Event.Kind.NOTE, "log full", "the server's log keeps " + MAX_LOG_EVENTS
                    + " events; later relays and refusals are not logged");
        }
    }

    /** The WebSocket library stopped itself after a fatal error on one of its threads: say so, release the rest. */
    private void died(String libraryReason) {
        if (!stopping.compareAndSet(false, true)) return;
        synchronized (this) {
            rooms.clear();
        }
        Throwable cause = fatal;
        String what = cause != null ? cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage())
                : libraryReason == null || libraryReason.isEmpty() ? "an internal error" : libraryReason;
        String message = "the signaling server stopped after a fatal error in its WebSocket thread (" + what
                + ") — every peer was disconnected; start a new server";
        note("server died", what);
        stopPage();
        if (timer != null) timer.shutdown();
        stopped.completeExceptionally(new IllegalStateException(message, cause));
    }

    private void checkIdle() {
        long quiet = System.nanoTime() - lastActivity;
        if (quiet > options.idleTimeout().toNanos()) {
            stop("no message for " + options.idleTimeout().toSeconds() + " s (idle timeout)");
        }
    }

    /** Closes connections that never joined within the join timeout, or went silent for too long. */
    private void checkConnections() {
        long now = System.nanoTime();
        long join = options.joinTimeout().toNanos(), silent = options.silentTimeoutOrIdle().toNanos();
        for (WebSocket conn : ws.getConnections()) {
            Member m = conn.getAttachment();
            if (m == null || !conn.isOpen()) continue;
            boolean joined;
            synchronized (this) {
                joined = m.room != null;
            }
            if (!joined && now - m.opened > join) {
                note("closed a connection", m.who() + " did not join a room within "
                        + options.joinTimeout().toSeconds() + " s");
                reply(conn, error("join-timeout", "no join within " + options.joinTimeout().toSeconds()
                        + " s of connecting — send {\"type\":\"join\",…} first thing", null));
                m.closedBecause = "join timeout";
                conn.close(CloseFrame.POLICY_VALIDATION, "no join within " + options.joinTimeout().toSeconds() + " s");
            } else if (joined && now - m.lastMessage > silent) {
                note("closed a connection", m.who() + " sent nothing for "
                        + options.silentTimeoutOrIdle().toSeconds() + " s");
                reply(conn, error("silent-timeout", "nothing sent for " + options.silentTimeoutOrIdle().toSeconds()
                        + " s — connect again for a new call", null));
                m.closedBecause = "silent for " + options.silentTimeoutOrIdle().toSeconds() + " s";
                conn.close(CloseFrame.GOING_AWAY, "silent for " + options.silentTimeoutOrIdle().toSeconds() + " s");
            }
        }
    }

    @Override
    public String toString() {
        Map<String, List<String>> r = rooms();
        if (isDown()) {
            String why = stopped.handle((ok, e) -> e == null ? ok : e.getMessage()).join();
            return "Signaling server DOWN: " + why;
        }
        if (isClosed()) return "Signaling server (stopped: " + stopped.getNow("") + ")";
        return "Signaling server " + url() + (http == null ? "" : " · page " + pageUrl()) + " · " + r.size()
                + (r.size() == 1 ? " room" : " rooms") + (r.isEmpty() ? "" : " " + r);
    }

    // ---- WebSocket side ----

    private final class Ws extends WebSocketServer {
        final CompletableFuture<Void> started = new CompletableFuture<>();

        Ws(InetSocketAddress address, List<Draft> drafts) {
            super(address, 1, drafts);
            // InOrderClose.Factory (set by the constructor): a peer's last messages and its close
            // frame are read before it is gone; upgrade requests are bounded in size and time.
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
                if (!stopping.get()) died(closeMessage);
            }
        }

        @Override
        public ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(WebSocket conn, Draft draft, ClientHandshake request)
                throws InvalidDataException {
            ServerHandshakeBuilder b = super.onWebsocketHandshakeReceivedAsServer(conn, draft, request);
            // A web page from anywhere could open a WebSocket to loopback; only our own page may.
            String origin = request.getFieldValue("Origin");
            if (origin != null && !origin.isEmpty() && !allowedOrigin(origin)) {
                note("refused a page from another origin", origin);
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
            String token = tokenIn(handshake.getResourceDescriptor());
            Member m = new Member(conn.getRemoteSocketAddress(), options.token().equals(token));
            conn.setAttachment(m);
            if (token != null && !m.tokenInUrl) {
                note("refused a connection", m.address + ": wrong room token");
                reply(conn, error("not-authorized", "the token in the address is not this server's — use the address "
                        + "the server printed (server.url())", null));
                m.closedBecause = "not authorized";
                conn.close(CloseFrame.POLICY_VALIDATION, "not authorized");
                return;
            }
            if (getConnections().size() > options.maxConnections()) {
                note("refused a connection", m.address + ": already " + options.maxConnections() + " connections");
                reply(conn, error("server-full", "the server already has " + options.maxConnections()
                        + " connections — hang up an old call first", null));
                conn.close(CloseFrame.TRY_AGAIN_LATER, "server full");
                return;
            }
            long fromThere = getConnections().stream().filter(c -> {
                Member o = c.getAttachment();
                return o != null && o.ip != null && o.ip.equals(m.ip);
            }).count();
            if (fromThere > options.maxConnectionsPerAddress()) {
                note("refused a connection", m.address + ": already "
                        + options.maxConnectionsPerAddress() + " connections from " + (m.ip == null ? "there" : m.ip.getHostAddress()));
                reply(conn, error("too-many-connections", "already " + options.maxConnectionsPerAddress()
                        + " connections from your address — close old ones first", null));
                conn.close(CloseFrame.TRY_AGAIN_LATER, "too many connections from one address");
            }
        }

        @Override
        public void onClose(WebSocket conn, int code, String reason, boolean remote) {
            Member m = conn.getAttachment();
            if (m == null) return;
            String why = m.closedBecause != null ? m.closedBecause : m.saidGoodbye || code == CloseFrame.NORMAL || code == CloseFrame.GOING_AWAY || code == CloseFrame.NOCODE ? "left"
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
            try {
                receive(conn, text);
            } catch (RuntimeException e) {
                // Never let one message end the library's worker thread: it serves every connection.
                Member m = conn.getAttachment();
                note("could not handle a message", (m == null ? "" : m.who() + ": ") + e);
                reply(conn, error("internal", "the server could not handle this message (" + e.getClass().getSimpleName()
                        + ") — it was dropped; the connection stays usable", null));
            }
        }

        private void receive(WebSocket conn, String text) {
            long now = System.nanoTime();
            lastActivity = now;
            Member m = conn.getAttachment();
            if (m == null) return;
            m.lastMessage = now;
            var hook = beforeHandling;
            if (hook != null) hook.accept(text);
            if (++m.messages > options.maxMessagesPerConnection()) {
                reply(conn, error("too-many", m.who() + " sent more than " + options.maxMessagesPerConnection()
                        + " messages on one connection — reconnect for a new session", null));
                conn.close(CloseFrame.POLICY_VALIDATION, "too many messages");
                return;
            }
            int bytes = text.getBytes(StandardCharsets.UTF_8).length;
            if (bytes > options.maxMessageBytes()) {
                note("refused a message", m.who() + " sent " + bytes + " bytes, over the "
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
                note("refused a message", m.who() + ": " + e.getMessage());
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
            // The library wraps a fatal error of its threads (stack overflow, out of memory) in an
            // Exception, calls this, then stops itself (stop above).
            if (ex.getCause() instanceof VirtualMachineError || ex.getCause() instanceof LinkageError) {
                fatal = ex.getCause();
                died(null); // at once: the library's own stop that follows can stall on its threads
            }
            if (conn == null) {
                started.completeExceptionally(ex); // could not bind
                return;
            }
            Member m = conn.getAttachment();
            note("connection error", (m == null ? "" : m.who() + ": ") + ex.getMessage());
        }
    }

    private boolean allowedHost(String host) {
        if (host == null) return false;
        int p = http.getAddress().getPort();
        return host.equals("127.0.0.1:" + p) || host.equals("localhost:" + p) || host.equals("[::1]:" + p)
                || host.equals(hostForUrl() + ":" + p);
    }

    private boolean allowedOrigin(String origin) {
        if (http == null) return false;
        int p = http.getAddress().getPort();
        return origin.equals("http://127.0.0.1:" + p) || origin.equals("http://localhost:" + p)
                || origin.equals("http://" + hostForUrl() + ":" + p);
    }

    /** The {@code token} parameter of an upgrade request's address ({@code /?token=…}), or null. */
    static String tokenIn(String resource) {
        if (resource == null) return null;
        int q = resource.indexOf('?');
        if (q < 0) return null;
        for (String pair : resource.substring(q + 1).split("&")) {
            if (pair.startsWith("token=")) return java.net.URLDecoder.decode(pair.substring(6), StandardCharsets.UTF_8);
        }
        return null;
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
            note("nobody to relay to", msg.type() + " from " + m.name + " in room " + m.room);
            reply(conn, error("no-peer", "nobody else is in room '" + m.room + "' to receive the " + msg.type()
                    + " — start the other peer first and wait for 'peer-joined'", msg.type()));
            return;
        }
        Message relayed = msg.from(m.name);
        Member to = other.getAttachment();
        if (!msg.type().equals(Protocol.PING) && !msg.type().equals(Protocol.PONG)) {
            note(msg.type(), m.name + " → " + to.name + " in " + room + " (" + relayed.bytes() + " bytes)");
        }
        reply(other, relayed);
    }

    private void join(WebSocket conn, Member m, Message msg) {
        String room = msg.require("room"), name = msg.require("name");
        if (!m.tokenInUrl && !options.token().equals(msg.string("token").orElse(null))) {
            note("refused a join", m.who() + " asked for room " + room + " without the room token");
            reply(conn, error("not-authorized", "joining needs the server's room token — connect to the address the server "
                    + "printed (server.url(), with ?token=…) or send \"token\" in the join", Protocol.JOIN));
            m.closedBecause = "not authorized";
            conn.close(CloseFrame.POLICY_VALIDATION, "not authorized");
            return;
        }
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
        note("join", name + " joined room " + room + (others.isEmpty() ? " (first)" : " with " + String.join(", ", others)));
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
        note("peer left", m.name + " " + reason + " (room " + m.room + ", close code " + code + ")");
        for (WebSocket w : tell) reply(w, Message.of(Protocol.PEER_LEFT, "name", m.name, "reason", reason));
        m.room = null;
    }

    /** An error reply; {@code inReplyTo} is the refused message's type when it had one. */
    static Message error(String code, String message, String inReplyTo) {
        return Message.of(Protocol.ERROR, "code", code, "message", message, "inReplyTo", inReplyTo);
    }

    private void reply(WebSocket conn, Message msg) {
        try {
            if (!conn.isOpen()) return;
            String text = msg.json();
            if (conn instanceof InOrderClose.Connection c) {
                long waiting = c.queuedBytes();
                if (waiting + text.length() > options.maxQueuedBytes()) {
                    notReading(conn, waiting);
                    return;
                }
                c.queued(text.length());
            }
            conn.send(text);
        } catch (RuntimeException ignored) {
            // The peer went away between the check and the send; its onClose tells the room.
        }
    }

    /** A peer that does not read what is sent to it: disconnect it before its backlog fills the server's memory. */
    private void notReading(WebSocket conn, long waiting) {
        Member m = conn.getAttachment();
        String why = "it did not read its messages (" + waiting + " bytes waiting, the limit is " + options.maxQueuedBytes() + ")";
        if (m != null) m.closedBecause = "disconnected: " + why;
        note("closed a connection", (m == null ? "a peer" : m.who()) + ": " + why);
        // Its close frame would only wait behind the backlog: drop the connection at once.
        ((InOrderClose.Connection) conn).closeConnection(CloseFrame.POLICY_VALIDATION, "not reading: " + waiting + " bytes waiting");
    }

    // ---- HTTP side: the browser page ----

    private static final Map<String, String> PAGES = Map.of(
            "/", "call.html", "/index.html", "call.html", "/call.html", "call.html", "/call.js", "call.js",
            "/local.html", "local.html", "/local.js", "local.js", "/primer.css", "primer.css", "/weblog.js", "weblog.js");

    private void serve(HttpExchange x) throws IOException {
        try (x) {
            String path = x.getRequestURI().getPath();
            if (!x.getRequestMethod().equals("GET") && !x.getRequestMethod().equals("HEAD")) {
                send(x, 405, "text/plain; charset=utf-8", "only GET".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String host = x.getRequestHeaders().getFirst("Host");
            if (!allowedHost(host)) {
                // DNS rebinding: a site whose name now points at 127.0.0.1 would reach us under its own name.
                send(x, 421, "text/plain; charset=utf-8", ("this page server answers only to " + hostForUrl() + ":"
                        + http.getAddress().getPort() + ", not to Host " + host).getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (path.equals("/config.json")) {
                // Not the token: anyone on the machine can read this; the token is in the page's own address.
                String json = Message.of("config", "signaling", baseUrl(), "room", options.room()).json();
                send(x, 200, "application/json", json.getBytes(StandardCharsets.UTF_8));
                return;
            }
            String file = PAGES.get(path);
            if (file == null) {
                send(x, 404, "text/plain; charset=utf-8", ("no page " + path + " — the kit serves / and /local.html").getBytes(StandardCharsets.UTF_8));
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

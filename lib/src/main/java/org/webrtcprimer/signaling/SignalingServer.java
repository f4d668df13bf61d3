package org.webrtcprimer.signaling;

import org.webrtcprimer.events.EventLog;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

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

        private Options with(Consumer<OptionsDraft> change) {
            OptionsDraft d = new OptionsDraft(this);
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

    private final Options options;
    private final ServerLog log = new ServerLog();
    private final Outbox out;
    private final Rooms rooms;
    private final SignalingSocket ws;
    private final PageServer page;
    private final ScheduledExecutorService timer;
    private final CompletableFuture<String> stopped = new CompletableFuture<>();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private volatile Throwable fatal; // what killed the WebSocket library's threads, if anything did
    /** Test hook: runs on the worker thread before each message is handled (to inject a fatal error). */
    volatile Consumer<String> beforeHandling;

    private SignalingServer(Options options) {
        this.options = options;
        out = new Outbox(options.maxQueuedBytes(), log);
        rooms = new Rooms(options.token(), log, out);
        InetSocketAddress address = new InetSocketAddress(SignalingSocket.checkedHost(options.host()), options.port());
        ws = new SignalingSocket(this, address, log, out, rooms, this::isPageOrigin);
        try {
            ws.listen();
            page = PageServer.startFor(options, hostForUrl(), this::baseUrl);
        } catch (RuntimeException e) {
            stopping.set(true); // what stops now is no death of the server
            ws.stopQuietly();
            throw e;
        }
        timer = Executors.newSingleThreadScheduledExecutor(daemon("primer-signaling-idle"));
        timer.scheduleAtFixedRate(this::checkIdle, 1, 1, TimeUnit.SECONDS);
        timer.scheduleAtFixedRate(ws::closeLapsed, 250, 250, TimeUnit.MILLISECONDS);
        log.note("server listening", baseUrl() + (page == null ? "" : ", page " + pageOrigin() + "/"));
        if (!InetAddress.getLoopbackAddress().getHostAddress().equals(options.host()) && !options.host().equals("localhost")) {
            log.note("warning", "listening on " + options.host() + ", not only loopback");
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
        if (page == null) throw new IllegalStateException("this server serves no page — start it with httpPort 0 or a port number");
        return page.origin();
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
        return log.events();
    }

    /** The rooms now, each with the names of its peers. */
    public Map<String, List<String>> rooms() {
        return rooms.snapshot();
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
        if (stopped.isDone() || !stopping.compareAndSet(false, true)) return;
        rooms.clear();
        log.note("server stopped", reason);
        ws.stopQuietly();
        if (page != null) page.stop();
        // Last: the idle check itself may be the thread running this.
        timer.shutdown();
        stopped.complete(reason);
    }

    /** The WebSocket library stopped itself after a fatal error on one of its threads: say so, release the rest. */
    void died(String libraryReason) {
        if (!stopping.compareAndSet(false, true)) return;
        rooms.clear();
        Throwable cause = fatal;
        String what = cause != null ? cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage())
                : libraryReason == null || libraryReason.isEmpty() ? "an internal error" : libraryReason;
        String message = "the signaling server stopped after a fatal error in its WebSocket thread (" + what
                + ") — every peer was disconnected; start a new server";
        log.note("server died", what);
        if (page != null) page.stop();
        if (timer != null) timer.shutdown();
        stopped.completeExceptionally(new IllegalStateException(message, cause));
    }

    /** A fatal error of the WebSocket library's threads: the server dies at once (the library's own stop can stall). */
    void fatal(Throwable cause) {
        fatal = cause;
        died(null);
    }

    boolean isStopping() {
        return stopping.get();
    }

    private boolean isPageOrigin(String origin) {
        return page != null && page.isOrigin(origin);
    }

    static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    private void checkIdle() {
        long quiet = ws.quietNanos();
        if (quiet > options.idleTimeout().toNanos()) {
            stop("no message for " + options.idleTimeout().toSeconds() + " s (idle timeout)");
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
        return "Signaling server " + url() + (page == null ? "" : " · page " + pageUrl()) + " · " + r.size()
                + (r.size() == 1 ? " room" : " rooms") + (r.isEmpty() ? "" : " " + r);
    }
}

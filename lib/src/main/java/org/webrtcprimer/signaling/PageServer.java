package org.webrtcprimer.signaling;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The signaling server's HTTP side: the kit's browser page ({@code web/} in the jar) and its
 * {@code config.json}, answered only under the server's own host name (against DNS rebinding).
 */
final class PageServer {

    static {
        // The JDK's page server waits for a request's headers forever unless told: a socket that
        // connects and sends nothing would hold a thread and a file descriptor for good. This
        // property (seconds, JVM-wide, read when the first HttpServer starts) bounds the wait.
        if (System.getProperty("sun.net.httpserver.maxReqTime") == null) {
            System.setProperty("sun.net.httpserver.maxReqTime", "10");
        }
    }

    private static final Map<String, String> PAGES = Map.of(
            "/", "call.html", "/index.html", "call.html", "/call.html", "call.html", "/call.js", "call.js",
            "/local.html", "local.html", "/local.js", "local.js", "/primer.css", "primer.css", "/weblog.js", "weblog.js");

    private final HttpServer http;
    private final String hostForUrl;
    private final String room;
    private final Supplier<String> signalingUrl;

    /**
     * Listens on {@code host:port} (0 for any free port).
     *
     * @param hostForUrl   the host as it stands in the page's address (the only {@code Host} answered)
     * @param room         the room the page joins unless its address names another
     * @param signalingUrl the WebSocket address without the token, for {@code config.json}
     */
    PageServer(String host, int port, String hostForUrl, String room, Supplier<String> signalingUrl) throws IOException {
        this.hostForUrl = hostForUrl;
        this.room = room;
        this.signalingUrl = signalingUrl;
        http = HttpServer.create(new InetSocketAddress(host, port), 8);
        http.createContext("/", this::serve);
        http.setExecutor(Executors.newFixedThreadPool(2, SignalingServer.daemon("primer-signaling-http")));
        http.start();
    }

    /** The page server the options ask for, or null for none ({@code httpPort -1}); fails saying why it could not listen. */
    static PageServer startFor(SignalingServer.Options options, String hostForUrl, Supplier<String> signalingUrl) {
        if (options.httpPort() < 0) return null;
        try {
            return new PageServer(options.host(), options.httpPort(), hostForUrl, options.room(), signalingUrl);
        } catch (IOException e) {
            throw new IllegalStateException("the page server could not listen on " + options.host() + ":" + options.httpPort()
                    + ": " + e.getMessage() + " — use httpPort 0 for any free port", e);
        }
    }

    int port() {
        return http.getAddress().getPort();
    }

    /** {@code http://HOST:PORT}. */
    String origin() {
        return "http://" + hostForUrl + ":" + port();
    }

    void stop() {
        http.stop(0);
        ((ExecutorService) http.getExecutor()).shutdownNow();
    }

    /** Whether a WebSocket upgrade's {@code Origin} is this page. */
    boolean isOrigin(String origin) {
        int p = port();
        return origin.equals("http://127.0.0.1:" + p) || origin.equals("http://localhost:" + p) || origin.equals(origin());
    }

    private boolean allowedHost(String host) {
        if (host == null) return false;
        int p = port();
        return host.equals("127.0.0.1:" + p) || host.equals("localhost:" + p) || host.equals("[::1]:" + p)
                || host.equals(hostForUrl + ":" + p);
    }

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
                send(x, 421, "text/plain; charset=utf-8", ("this page server answers only to " + hostForUrl + ":"
                        + port() + ", not to Host " + host).getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (path.equals("/config.json")) {
                // Not the token: anyone on the machine can read this; the token is in the page's own address.
                String json = Message.of("config", "signaling", signalingUrl.get(), "room", room).json();
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
}

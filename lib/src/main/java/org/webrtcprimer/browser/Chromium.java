package org.webrtcprimer.browser;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.handshake.ServerHandshake;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A headless Chromium with fake camera and microphone, driven over the DevTools protocol — for
 * the kit's browser tests and benchmarks, and for a lesson that wants a browser peer without a
 * screen.
 *
 * <pre>{@code
 * try (var browser = Chromium.launch()) {
 *     browser.open(server.pageUrl("lesson10"));
 *     browser.evaluate("primer.start()");
 *     browser.waitFor("primer.state === 'started'", Duration.ofSeconds(10));
 * }
 * }</pre>
 *
 * <p>It runs with a fresh profile in a temporary folder, reaches no network but this machine's
 * (no background services, no updates, no sync), and {@link #close()} — or this JVM's exit —
 * ends the browser and every process it started.
 */
public final class Chromium implements AutoCloseable {

    /** The flags the kit starts Chromium with (besides the profile folder and the debugging port). */
    public static final List<String> FLAGS = List.of(
            "--headless=new", "--disable-gpu", "--disable-quic", "--no-first-run", "--no-default-browser-check",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-default-apps",
            "--disable-extensions", "--disable-crash-reporter", "--disable-breakpad", "--mute-audio",
            "--autoplay-policy=no-user-gesture-required",
            "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream");

    private static final List<String> CANDIDATES = List.of("/usr/lib/chromium/chromium", "/usr/bin/chromium",
            "/usr/bin/chromium-browser", "/usr/bin/google-chrome");

    private final Process process;
    private final Path profile;
    private final Cdp page;
    private final Thread shutdownHook;

    private Chromium(Process process, Path profile, Cdp page) {
        this.process = process;
        this.profile = profile;
        this.page = page;
        // A kernel shut down mid-cell never reaches close(): end the browser and remove its profile here.
        this.shutdownHook = new Thread(() -> {
            kill();
            deleteQuietly(profile);
        }, "primer-chromium-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** The Chromium executable: $CHROMIUM if set, else Debian's. */
    public static Optional<Path> find() {
        String env = System.getenv("CHROMIUM");
        if (env != null && !env.isBlank() && Files.isExecutable(Path.of(env))) return Optional.of(Path.of(env));
        return CANDIDATES.stream().map(Path::of).filter(Files::isExecutable).findFirst();
    }

    /** What to do when Chromium is missing. */
    public static final String INSTALL_HINT = "Chromium is not installed — on Debian or Ubuntu: sudo apt-get install -y chromium"
            + " (.ci/run installs it), or set CHROMIUM to its executable";

    /** Starts headless Chromium with a fresh profile, waiting (up to 30 s) for its DevTools endpoint. */
    public static Chromium launch() {
        Path exe = find().orElseThrow(() -> new IllegalStateException(INSTALL_HINT));
        Path profile;
        try {
            profile = Files.createTempDirectory("primer-chromium-");
        } catch (IOException e) {
            throw new IllegalStateException("could not make a temporary profile folder for Chromium: " + e.getMessage(), e);
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(exe.toString());
        cmd.addAll(FLAGS);
        if ("root".equals(System.getProperty("user.name"))) cmd.add("--no-sandbox"); // Chromium refuses root otherwise
        cmd.add("--user-data-dir=" + profile);
        cmd.add("--remote-debugging-port=0");
        cmd.add("about:blank");
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(profile.resolve("chromium.log").toFile()).start();
        } catch (IOException e) {
            deleteQuietly(profile);
            throw new IllegalStateException("could not start " + exe + ": " + e.getMessage(), e);
        }
        try {
            String ws = pageSocket(p, profile, Duration.ofSeconds(30));
            return new Chromium(p, profile, Cdp.connect(ws));
        } catch (RuntimeException e) {
            killTree(p);
            String log = tail(profile.resolve("chromium.log"));
            deleteQuietly(profile);
            throw new IllegalStateException(e.getMessage() + (log.isEmpty() ? "" : "\nChromium printed:\n" + log), e);
        }
    }

    /** Reads the debugging port Chromium chose, and finds its first page. */
    private static String pageSocket(Process p, Path profile, Duration timeout) {
        Path portFile = profile.resolve("DevToolsActivePort");
        long end = System.nanoTime() + timeout.toNanos();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        while (System.nanoTime() < end) {
            if (!p.isAlive()) throw new IllegalStateException("Chromium exited at start with code " + p.exitValue());
            try {
                if (Files.exists(portFile)) {
                    List<String> lines = Files.readAllLines(portFile);
                    if (!lines.isEmpty() && !lines.get(0).isBlank()) {
                        int port = Integer.parseInt(lines.get(0).trim());
                        String body = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
                                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).body();
                        for (JsonElement t : JsonParser.parseString(body).getAsJsonArray()) {
                            JsonObject o = t.getAsJsonObject();
                            if (o.get("type").getAsString().equals("page") && o.has("webSocketDebuggerUrl")) {
                                return o.get("webSocketDebuggerUrl").getAsString();
                            }
                        }
                    }
                }
                Thread.sleep(50);
            } catch (IOException | NumberFormatException | IllegalStateException e) {
                sleep(50); // not ready yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting Chromium");
            }
        }
        throw new IllegalStateException("Chromium did not open its DevTools endpoint within " + timeout.toSeconds() + " s");
    }

    /** Loads a page and waits (up to 20 s) until it has loaded. */
    public Chromium open(String url) {
        page.send("Page.navigate", Map.of("url", url), Duration.ofSeconds(20));
        waitFor("document.readyState === 'complete' && location.href !== 'about:blank'", Duration.ofSeconds(20));
        return this;
    }

    /**
     * Evaluates JavaScript in the page (promises are awaited, up to 30 s) and returns the value
     * as JSON text ({@code "null"} for undefined).
     *
     * @throws IllegalStateException with the page's own error message when the script throws
     */
    public String evaluate(String expression) {
        return evaluate(expression, Duration.ofSeconds(30));
    }

    /** {@link #evaluate(String)} with a time limit. */
    public String evaluate(String expression, Duration timeout) {
        JsonObject params = new JsonObject();
        params.addProperty("expression", expression);
        params.addProperty("returnByValue", true);
        params.addProperty("awaitPromise", true);
        params.addProperty("timeout", (double) timeout.toMillis());
        JsonObject r = page.send("Runtime.evaluate", params, timeout.plusSeconds(2));
        if (r.has("exceptionDetails")) {
            JsonObject d = r.getAsJsonObject("exceptionDetails");
            String text = d.has("exception") && d.getAsJsonObject("exception").has("description")
                    ? d.getAsJsonObject("exception").get("description").getAsString() : d.get("text").getAsString();
            throw new IllegalStateException("the page threw: " + text.lines().findFirst().orElse(text) + " (evaluating " + expression + ")");
        }
        JsonObject result = r.getAsJsonObject("result");
        return result.has("value") ? result.get("value").toString() : "null";
    }

    /** Evaluates and reads the result as a number. */
    public double number(String expression) {
        String v = evaluate(expression);
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("'" + expression + "' is not a number in the page: " + v);
        }
    }

    /** Evaluates and reads the result as a string (JSON strings unquoted). */
    public String string(String expression) {
        JsonElement e = JsonParser.parseString(evaluate(expression));
        return e.isJsonPrimitive() ? e.getAsString() : e.toString();
    }

    /** Waits until a JavaScript condition holds in the page, polling every 50 ms. */
    public void waitFor(String condition, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        String last = "";
        while (System.nanoTime() < end) {
            try {
                if (evaluate("!!(" + condition + ")", Duration.ofSeconds(5)).equals("true")) return;
            } catch (IllegalStateException e) {
                last = e.getMessage(); // the page may be between loads
            }
            sleep(50);
        }
        throw new IllegalStateException("in the page, '" + condition + "' did not become true within " + timeout.toMillis()
                + " ms" + (last.isEmpty() ? "" : " (last error: " + last + ")"));
    }

    /** Clicks the element with this id, as a learner would. */
    public void click(String id) {
        evaluate("(() => { const b = document.getElementById('" + id + "'); if (!b) throw new Error('no element #" + id
                + "'); if (b.disabled) throw new Error('#" + id + " is disabled'); b.click(); return true; })()");
    }

    /** The page as a PNG picture. */
    public byte[] screenshot() {
        JsonObject r = page.send("Page.captureScreenshot", Map.of("format", "png"), Duration.ofSeconds(20));
        return java.util.Base64.getDecoder().decode(r.get("data").getAsString());
    }

    /** The browser's process id (its helpers are children of it). */
    public long pid() {
        return process.pid();
    }

    /** The browser's process and every process it started, now. */
    public List<ProcessHandle> processes() {
        List<ProcessHandle> all = new ArrayList<>();
        if (process.isAlive()) all.add(process.toHandle());
        process.descendants().forEach(all::add);
        return all;
    }

    /** Closes the browser and every process it started, then deletes its profile. Harmless twice. */
    @Override
    public void close() {
        page.close();
        kill();
        deleteQuietly(profile);
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException ignored) {
            // shutting down: the hook runs anyway
        }
    }

    private void kill() {
        killTree(process);
    }

    private static void killTree(Process p) {
        List<ProcessHandle> children = p.descendants().toList();
        p.destroy();
        children.forEach(ProcessHandle::destroy);
        try {
            if (!p.waitFor(5, TimeUnit.SECONDS)) p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
        }
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        for (ProcessHandle c : children) {
            if (c.isAlive()) c.destroyForcibly();
            try {
                c.onExit().get(Math.max(1, end - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (Exception ignored) {
                // reported by processes() if it is still there
            }
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                    .filter(l -> !l.contains("dbus") && !l.contains("unexpected operator")).toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // temporary folder; the system cleans it eventually
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }

    /** A DevTools protocol connection: JSON commands with ids, answered by id. */
    private static final class Cdp extends WebSocketClient {
        private final AtomicInteger ids = new AtomicInteger();
        private final Map<Integer, CompletableFuture<JsonObject>> pending = new ConcurrentHashMap<>();

        private Cdp(URI uri) {
            super(uri, new Draft_6455());
            setDaemon(true);
            setConnectionLostTimeout(0); // DevTools does not answer WebSocket pings reliably
        }

        static Cdp connect(String url) {
            Cdp c = new Cdp(URI.create(url));
            try {
                if (!c.connectBlocking(10, TimeUnit.SECONDS)) throw new IllegalStateException("could not connect to Chromium's DevTools at " + url);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while connecting to Chromium");
            }
            return c;
        }

        JsonObject send(String method, Map<String, ?> params, Duration timeout) {
            JsonObject p = new JsonObject();
            params.forEach((k, v) -> {
                if (v instanceof Number n) p.addProperty(k, n);
                else if (v instanceof Boolean b) p.addProperty(k, b);
                else p.addProperty(k, String.valueOf(v));
            });
            return send(method, p, timeout);
        }

        JsonObject send(String method, JsonObject params, Duration timeout) {
            int id = ids.incrementAndGet();
            JsonObject msg = new JsonObject();
            msg.addProperty("id", id);
            msg.addProperty("method", method);
            msg.add("params", params);
            CompletableFuture<JsonObject> f = new CompletableFuture<>();
            pending.put(id, f);
            try {
                send(msg.toString());
                JsonObject reply = f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                if (reply.has("error")) {
                    throw new IllegalStateException("Chromium refused " + method + ": " + reply.getAsJsonObject("error").get("message").getAsString());
                }
                return reply.getAsJsonObject("result");
            } catch (java.util.concurrent.TimeoutException e) {
                throw new IllegalStateException("Chromium did not answer " + method + " within " + timeout.toMillis() + " ms");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Chromium");
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("Chromium's connection closed during " + method + ": " + e.getCause().getMessage());
            } catch (org.java_websocket.exceptions.WebsocketNotConnectedException e) {
                throw new IllegalStateException("Chromium's DevTools connection is closed (" + method + ")");
            } finally {
                pending.remove(id);
            }
        }

        @Override
        public void onOpen(ServerHandshake handshake) {
        }

        @Override
        public void onMessage(String text) {
            JsonObject o = JsonParser.parseString(text).getAsJsonObject();
            if (o.has("id")) {
                CompletableFuture<JsonObject> f = pending.get(o.get("id").getAsInt());
                if (f != null) f.complete(o);
            }
            // Events (no id) are not needed: the kit polls page state instead.
        }

        @Override
        public void onClose(int code, String reason, boolean remote) {
            pending.values().forEach(f -> f.completeExceptionally(new IllegalStateException("closed: " + reason)));
        }

        @Override
        public void onError(Exception ex) {
        }
    }
}

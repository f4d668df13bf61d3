package org.webrtcprimer.turn;

import org.webrtcprimer.call.IceServer;
import org.webrtcprimer.notebook.TableView;
import org.webrtcprimer.notebook.Table;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A real STUN/TURN server — coturn's {@code turnserver} — running as a child process of this JVM
 * on this machine's own address, for a lesson, a test or the {@code net} command:
 * <pre>{@code
 * var turn = TurnServer.start();                       // UDP, TCP and TLS listeners, user 'learner'
 * var options = CallOptions.defaults().withIceServers(turn.iceServer("udp")).withRelayOnly();
 * var call = LocalCall.call(localStream, options);     // every packet through coturn
 * turn.stop();
 * }</pre>
 *
 * <p>Each server gets a generated config file, free ports, a fresh self-signed certificate for
 * TLS, its own user database, and its log captured in memory ({@link #log()}), all in a private
 * temporary folder deleted when it stops. It stops at {@link #stop()} (or {@link #close()}, or the
 * hangup of a call it was handed to with {@code call.closeAtHangup(turn)}), and at the latest when
 * this JVM exits: a shutdown hook stops it on a normal exit or a kernel shutdown, and the kernel
 * itself kills it if the JVM dies without running hooks ({@code setpriv --pdeathsig KILL}), so no
 * {@code turnserver} outlives its kernel.
 */
public final class TurnServer implements AutoCloseable, TableView {

    /** How long coturn may take to answer its first STUN request after it was started. */
    static final Duration START_TIMEOUT = Duration.ofSeconds(10);
    private static final Set<TurnServer> LIVE = Collections.newSetFromMap(new IdentityHashMap<>());
    private static boolean hookInstalled;
    private final TurnConfig config;
    private final TurnConfig.Ports ports;
    private final Path dir;
    private final Process process;
    private final String version;
    private final boolean parentDeathSignal;
    private final CoturnLog log;
    private final long startedNanos = System.nanoTime();
    private volatile long readyNanos;
    private volatile boolean stopped;

    private TurnServer(TurnConfig config, CoturnLauncher.Child child, String version) {
        this.config = config;
        this.ports = child.ports();
        this.dir = child.dir();
        this.process = child.process();
        this.version = version;
        this.parentDeathSignal = child.parentDeathSignal();
        this.log = new CoturnLog(process.getInputStream(), process.pid());
    }

    /** coturn with {@link TurnConfig#defaults()}: UDP, TCP and TLS on this machine's address. */
    public static TurnServer start() {
        return start(TurnConfig.defaults());
    }

    /**
     * Starts coturn with this configuration and waits until it answers a STUN request (at most
     * {@link #START_TIMEOUT}). Fails with {@link Coturn#missingNote()} when coturn is not installed.
     */
    public static TurnServer start(TurnConfig config) {
        Path bin = Coturn.require();
        String version = Coturn.version().orElse("?");
        TurnServerException last = null;
        for (int attempt = 1; attempt <= 3; attempt++) {
            // Free ports are found by binding and letting go: another program can take one in between,
            // so a start whose listeners do not come up is tried again on other ports.
            TurnServer s = null;
            try {
                s = new TurnServer(config, CoturnLauncher.start(bin, config), version);
                register(s);
                s.awaitReady();
                return s;
            } catch (TurnServerException e) {
                last = e;
                if (s != null) s.stop();
                if (s == null || !s.process.isAlive() && !e.getMessage().contains("bind")) break;
            } catch (IOException e) {
                last = new TurnServerException("could not start coturn (" + bin + "): " + e.getMessage(), e);
                break;
            }
        }
        throw last;
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new TurnServerException("coturn exited at once with code " + process.exitValue() + ". Its last log lines:\n"
                        + String.join("\n", tail(15)));
            }
            if (answers(Duration.ofMillis(200))) {
                readyNanos = System.nanoTime() - startedNanos;
                return;
            }
            if (log.contains(l -> l.contains("Cannot bind") || l.contains("errno=98"))) break;
        }
        throw new TurnServerException("coturn did not answer on " + config.address().getHostAddress() + " port " + ports.main()
                + " within " + START_TIMEOUT.toSeconds() + " s (could not bind its ports?). Its last log lines:\n"
                + String.join("\n", tail(15)));
    }

    /** Whether coturn answers now: a STUN Binding request over UDP, or a TCP connection when UDP is off. */
    boolean answers(Duration wait) {
        InetSocketAddress to = new InetSocketAddress(config.address(), config.transports().contains("udp") || config.transports().contains("tcp")
                ? ports.main() : ports.tls());
        if (config.transports().contains("udp")) {
            try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(config.address(), 0))) {
                s.setSoTimeout((int) Math.max(1, wait.toMillis()));
                byte[] req = StunProbe.bindingRequest();
                s.send(new DatagramPacket(req, req.length, to));
                byte[] buf = new byte[1500];
                DatagramPacket in = new DatagramPacket(buf, buf.length);
                s.receive(in);
                return StunProbe.isSuccessFor(req, buf, in.getLength());
            } catch (SocketTimeoutException e) {
                return false;
            } catch (IOException e) {
                sleep(wait.toMillis());
                return false;
            }
        }
        try (Socket s = new Socket()) {
            s.connect(to, (int) wait.toMillis());
            return true;
        } catch (IOException e) {
            sleep(Math.min(100, wait.toMillis()));
            return false;
        }
    }

    private static synchronized void register(TurnServer s) {
        LIVE.add(s);
        if (!hookInstalled) {
            hookInstalled = true;
            Runtime.getRuntime().addShutdownHook(new Thread(TurnServer::stopAll, "webrtc-primer-coturn-shutdown"));
        }
    }

    /** Stops every coturn this JVM started (the shutdown hook; also for tests). */
    public static void stopAll() {
        List<TurnServer> all;
        synchronized (TurnServer.class) {
            all = new ArrayList<>(LIVE);
        }
        all.forEach(TurnServer::stop);
    }

    /** How many coturn processes this JVM started and has not stopped. */
    public static synchronized int running() {
        return LIVE.size();
    }

    // ---- what the peers need ----

    /** The URL of a listener: {@code turn:ADDR:PORT?transport=udp|tcp} or {@code turns:ADDR:TLSPORT?transport=tcp}. */
    public String url(String transport) {
        requireTransport(transport);
        String a = config.address().getHostAddress();
        return switch (transport) {
            case "udp" -> "turn:" + a + ":" + ports.main() + "?transport=udp";
            case "tcp" -> "turn:" + a + ":" + ports.main() + "?transport=tcp";
            default -> "turns:" + a + ":" + ports.tls() + "?transport=tcp";
        };
    }

    /** Whether a STUN/TURN URL points at this server (its address and one of its ports). */
    public boolean isOwn(String url) {
        String a = config.address().getHostAddress();
        return url.contains(":" + a + ":" + ports.main()) || url.contains(":" + a + ":" + ports.tls());
    }

    /** Why {@code call} did not get through this server, in one line, or empty when TURN is not the problem. */
    public Optional<String> diagnose(org.webrtcprimer.call.LocalCall call) {
        return TurnDiagnosis.of(call, this);
    }

    /** coturn as a plain STUN server ({@code stun:ADDR:PORT}, RFC 7064): srflx candidates, no relaying. */
    public IceServer stun() {
        return IceServer.stun("stun:" + config.address().getHostAddress() + ":" + ports.main());
    }

    /**
     * The ICE server entry for one transport with the first long-term user's credentials — what a
     * web server hands the browser: {@code {urls: 'turn:…?transport=udp', username: 'learner',
     * credential: '…'}}. For {@code tls} the self-signed certificate is accepted without checks.
     */
    public IceServer iceServer(String transport) {
        var u = config.users().entrySet().stream().findFirst().orElseThrow(() -> new IllegalStateException(
                "this coturn has no long-term user — use iceServer(transport, timeLimitedCredentials(user, ttl))"));
        return iceServer(transport, u.getKey(), u.getValue());
    }

    /** The ICE server entry for one transport with these credentials (right or wrong). */
    public IceServer iceServer(String transport, String username, String password) {
        return new IceServer(List.of(url(transport)), username, password, transport.equals("tls"));
    }

    /** The ICE server entry for one transport with time-limited credentials. */
    public IceServer iceServer(String transport, TurnCredentials c) {
        return iceServer(transport, c.username(), c.credential());
    }

    /**
     * Time-limited credentials for {@code user}, valid for {@code ttl} (coturn's {@code
     * use-auth-secret}; see {@link TurnCredentials}), as the application's web server would issue them.
     */
    public TurnCredentials timeLimitedCredentials(String user, Duration ttl) {
        if (config.sharedSecret() == null) throw new IllegalStateException("this coturn was started without a shared secret "
                + "(TurnConfig.withSharedSecret(null)): it only knows its long-term users");
        return TurnCredentials.issue(config.sharedSecret(), user, ttl);
    }

    private void requireTransport(String t) {
        if (!List.of("udp", "tcp", "tls").contains(t)) {
            throw new IllegalArgumentException("transport must be \"udp\", \"tcp\" or \"tls\", not " + (t == null ? "null" : "\"" + t + "\""));
        }
    }

    // ---- what it is ----

    public TurnConfig config() {
        return config;
    }

    /** coturn's version, e.g. {@code 4.6.1}. */
    public String version() {
        return version;
    }

    /** The address it listens and relays on. */
    public InetAddress address() {
        return config.address();
    }

    /** The UDP and TCP listening port. */
    public int port() {
        return ports.main();
    }

    /** The TLS listening port. */
    public int tlsPort() {
        return ports.tls();
    }

    /** The first and last port of its relay range (RFC 8656 relayed transport addresses). */
    public int[] relayPorts() {
        return new int[]{ports.relayMin(), ports.relayMax()};
    }

    /** The config file coturn was started with (deleted when it stops). */
    public Path configFile() {
        return dir.resolve("turnserver.conf");
    }

    /** The process id of {@code turnserver}. */
    public long pid() {
        return process.pid();
    }

    /** Whether the process is alive and {@link #stop()} has not been called. */
    public boolean isRunning() {
        return !stopped && process.isAlive();
    }

    /** Whether the kernel kills coturn if this JVM dies without running its shutdown hooks. */
    public boolean diesWithJvm() {
        return parentDeathSignal;
    }

    /** Milliseconds from starting the process to its first STUN answer. */
    public double startupMillis() {
        return readyNanos / 1e6;
    }

    /** Every line coturn logged so far (the last {@value CoturnLog#LINES} when there were more). */
    public List<String> log() {
        return log.all();
    }

    /** The log lines that contain {@code text}. */
    public List<String> log(String text) {
        return log().stream().filter(l -> l.contains(text)).toList();
    }

    /** The last {@code n} log lines. */
    public List<String> tail(int n) {
        return log.tail(n);
    }

    // ---- stopping ----

    /**
     * Stops coturn (SIGTERM, then SIGKILL after 3 s) and deletes its folder. Harmless twice. The
     * log stays readable.
     */
    public void stop() {
        synchronized (this) {
            if (stopped) return;
            stopped = true;
        }
        process.destroy();
        try {
            if (!process.waitFor(3, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(3, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
        }
        CoturnLauncher.deleteTree(dir);
        synchronized (TurnServer.class) {
            LIVE.remove(this);
        }
    }

    /** Same as {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- views ----

    /** What runs, on which ports, with which credentials: one row per setting. */
    public Table table() {
        String a = config.address().getHostAddress();
        List<String> listeners = new ArrayList<>();
        if (config.transports().contains("udp")) listeners.add("UDP " + ports.main());
        if (config.transports().contains("tcp")) listeners.add("TCP " + ports.main());
        if (config.transports().contains("tls")) listeners.add("TLS " + ports.tls() + " (self-signed certificate)");
        Table t = Table.of("setting", "value").title("coturn " + version + (isRunning() ? " (running)" : " (stopped)"));
        t.row("listens on", a + " — " + String.join(", ", listeners));
        t.row("relays from", a + " ports " + ports.relayMin() + "–" + ports.relayMax() + ", only to this machine's own addresses");
        t.row("realm", config.realm());
        t.row("long-term users", config.users().isEmpty() ? "none" : String.join(", ", config.users().keySet()));
        t.row("time-limited credentials", config.sharedSecret() == null ? "off" : "on (use-auth-secret, a shared secret)");
        t.row("process", "turnserver pid " + process.pid() + (isRunning() ? ", up " + String.format("%.1f s",
                (System.nanoTime() - startedNanos) / 1e9) : ", stopped") + (parentDeathSignal ? "; dies with this kernel" : ""));
        t.row("log", log.seen() + " lines — turn.log()");
        return t.note("Every ICE server URL: " + String.join("  ", config.transports().stream().map(this::url).toList()));
    }

    @Override
    public String toString() {
        return "coturn " + version + " on " + config.address().getHostAddress() + " (udp/tcp " + ports.main() + ", tls " + ports.tls()
                + ", pid " + process.pid() + (isRunning() ? ", running)" : ", stopped)");
    }
}

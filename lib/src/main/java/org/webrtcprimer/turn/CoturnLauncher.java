package org.webrtcprimer.turn;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * How one coturn child is started: free ports, a private folder with its configuration (and the
 * TLS certificate's place), {@code setpriv --pdeathsig KILL} where it works, and the process
 * started from one long-lived thread. {@link TurnServer} waits for it to answer and stops it.
 */
final class CoturnLauncher {
    private CoturnLauncher() {}

    /**
     * Every coturn is started from this one thread: the kernel sends the parent-death signal when
     * the thread that started the child ends, so it must live as long as the JVM (a pool thread or
     * a notebook cell's thread would take coturn with it when it ends). Tasks are submitted, so an
     * exception never kills it.
     */
    private static final ExecutorService LAUNCHER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "webrtc-primer-coturn-launcher");
        t.setDaemon(true);
        return t;
    });

    /** A started child: its folder, its ports, whether it dies with this JVM. */
    record Child(Process process, Path dir, TurnConfig.Ports ports, boolean parentDeathSignal) {}

    /** Writes the configuration into a fresh private folder and starts coturn on it; the folder is deleted when that fails. */
    static Child start(Path bin, TurnConfig config) throws IOException {
        TurnConfig.Ports ports = freePorts(config.address());
        Path dir = Files.createTempDirectory("webrtc-primer-coturn-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        try {
            String cert = "", key = "";
            if (config.transports().contains("tls")) {
                SelfSignedCertificate.Pem pem = SelfSignedCertificate.files();
                cert = pem.cert().toString();
                key = pem.key().toString();
            }
            Path conf = dir.resolve("turnserver.conf");
            Files.writeString(conf, config.file(ports, cert, key, dir.resolve("turnserver.pid").toString(),
                    dir.resolve("turndb").toString()), StandardCharsets.UTF_8);
            boolean pdeath = ParentDeath.available();
            List<String> cmd = new ArrayList<>();
            if (pdeath) cmd.addAll(List.of(ParentDeath.SETPRIV, "--pdeathsig", "KILL"));
            cmd.addAll(List.of(bin.toString(), "-c", conf.toString()));
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
            return new Child(launch(pb), dir, ports, pdeath);
        } catch (IOException | RuntimeException e) {
            deleteTree(dir);
            throw e;
        }
    }

    private static Process launch(ProcessBuilder pb) throws IOException {
        try {
            return LAUNCHER.submit(pb::start).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof IOException io) throw io;
            throw new IOException(String.valueOf(c), c);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting coturn");
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IOException("starting the process took more than 30 s");
        }
    }

    private static TurnConfig.Ports freePorts(InetAddress address) {
        for (int i = 0; i < 50; i++) {
            try (ServerSocket tcp = new ServerSocket(0, 1, address);
                 DatagramSocket udp = new DatagramSocket(new InetSocketAddress(address, tcp.getLocalPort()));
                 ServerSocket tls = new ServerSocket(0, 1, address)) {
                int base = ThreadLocalRandom.current().nextInt(20_000, 30_000) & ~1;
                return new TurnConfig.Ports(tcp.getLocalPort(), tls.getLocalPort(), base, base + 199);
            } catch (IOException taken) {
                // the UDP port of that number is in use: try another
            }
        }
        throw new TurnServerException("found no free port pair on " + address.getHostAddress() + " for coturn");
    }

    static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                }
            });
        } catch (IOException ignored) {
        }
    }

    /** Whether {@code setpriv --pdeathsig} works here (util-linux). */
    static final class ParentDeath {
        static final String SETPRIV = "/usr/bin/setpriv";
        private static Optional<Boolean> ok = Optional.empty();

        static synchronized boolean available() {
            if (ok.isEmpty()) {
                boolean works = false;
                if (Files.isExecutable(Path.of(SETPRIV))) {
                    try {
                        Process p = new ProcessBuilder(SETPRIV, "--pdeathsig", "KILL", "true").redirectErrorStream(true).start();
                        works = p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0;
                    } catch (IOException | InterruptedException e) {
                        works = false;
                    }
                }
                ok = Optional.of(works);
            }
            return ok.get();
        }
    }
}

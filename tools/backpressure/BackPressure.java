import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Issue 11's back-pressure figure: a joined peer relays COUNT messages of SIZE bytes to a peer
 * that never reads; how much does the signaling server's resident memory grow? Runs the kit's
 * own {@code signaling} command as a child, two JDK WebSocket clients on loopback, ROUNDS rounds,
 * and prints min/median/p90 of the growth. Everything stops by itself.
 *
 * <pre>java tools/backpressure/BackPressure.java lib/target/webrtc-primer.jar [count] [sizeKB] [rounds] [-XmxNNm]</pre>
 *
 * With a heap cap the figure shows what the server must hold; without one the JVM lets its heap
 * grow with the garbage of relaying (120 MB of text for 2,000 × 60 KB) before it collects.
 */
public class BackPressure {

    static long rssKb(long pid) throws Exception {
        for (String l : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (l.startsWith("VmRSS:")) return Long.parseLong(l.replaceAll("[^0-9]", ""));
        }
        throw new IllegalStateException("no VmRSS for " + pid);
    }

    static final class Client implements WebSocket.Listener {
        final List<String> got = new CopyOnWriteArrayList<>();
        final boolean reads;
        volatile String closed;
        StringBuilder part = new StringBuilder();

        Client(boolean reads) { this.reads = reads; }

        @Override public void onOpen(WebSocket ws) { ws.request(1); }

        @Override public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            part.append(data);
            if (last) { got.add(part.toString()); part = new StringBuilder(); }
            // the silent peer reads only its own "joined", then nothing more
            if (reads || got.isEmpty() || !last) ws.request(1);
            return null;
        }

        @Override public CompletionStage<?> onClose(WebSocket ws, int code, String reason) {
            closed = code + " " + reason;
            return null;
        }

        @Override public void onError(WebSocket ws, Throwable error) { closed = "error " + error; }
    }

    static boolean waitFor(java.util.function.BooleanSupplier ok, long ms) throws InterruptedException {
        long end = System.nanoTime() + ms * 1_000_000;
        while (System.nanoTime() < end) { if (ok.getAsBoolean()) return true; Thread.sleep(20); }
        return ok.getAsBoolean();
    }

    public static void main(String[] args) throws Exception {
        String jar = args.length > 0 ? args[0] : "lib/target/webrtc-primer.jar";
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        int sizeKb = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        String heap = args.length > 4 ? args[4] : null; // e.g. -Xmx96m: the server's heap cap
        List<Double> growth = new ArrayList<>();
        for (int r = 1; r <= rounds; r++) {
            List<String> cmd = new ArrayList<>(List.of("java"));
            if (heap != null) cmd.add(heap);
            cmd.addAll(List.of("-jar", jar, "signaling", "--port", "0"));
            Process server = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            try {
                BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
                String url = null;
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (url == null && System.nanoTime() < deadline) {
                    String l = out.readLine();
                    if (l == null) throw new IllegalStateException("the signaling command ended before printing its address");
                    if (l.startsWith("Signaling server:")) url = l.substring(l.indexOf("ws://")).strip();
                }
                if (url == null) throw new IllegalStateException("no 'Signaling server:' line within 30 s");
                Thread drain = new Thread(() -> { try { while (out.readLine() != null) { } } catch (Exception ignored) { } });
                drain.setDaemon(true);
                drain.start();
                HttpClient http = HttpClient.newHttpClient();
                Client talker = new Client(true), silent = new Client(false);
                WebSocket a = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10)).buildAsync(URI.create(url), talker).get(15, TimeUnit.SECONDS);
                a.sendText("{\"type\":\"join\",\"room\":\"bp\",\"name\":\"pc1\"}", true).get(10, TimeUnit.SECONDS);
                WebSocket b = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10)).buildAsync(URI.create(url), silent).get(15, TimeUnit.SECONDS);
                b.sendText("{\"type\":\"join\",\"room\":\"bp\",\"name\":\"pc2\"}", true).get(10, TimeUnit.SECONDS);
                if (!waitFor(() -> !silent.got.isEmpty() && talker.got.stream().anyMatch(m -> m.contains("peer-joined")), 10_000))
                    throw new IllegalStateException("the two peers did not both join within 10 s: " + talker.got + " / " + silent.got);
                Thread.sleep(500);
                long before = rssKb(server.pid());
                String sdp = "v=0\\r\\n" + "a=x-pad:" + "x".repeat(sizeKb * 1024 - 40) + "\\r\\n";
                String msg = "{\"type\":\"offer\",\"sdp\":\"" + sdp + "\"}";
                long peak = before;
                int sent = 0;
                String stopped = null;
                for (int i = 0; i < count; i++) {
                    try {
                        a.sendText(msg, true).get(10, TimeUnit.SECONDS);
                        sent++;
                    } catch (Exception e) {
                        stopped = "send " + (i + 1) + " failed: " + e.getCause();
                        break;
                    }
                    if (i % 50 == 0) peak = Math.max(peak, rssKb(server.pid()));
                    if (silent.closed != null || talker.got.stream().anyMatch(m -> m.contains("peer-left"))) { /* keep sending: the server must hold */ }
                }
                waitFor(() -> silent.closed != null, 3000);
                Thread.sleep(1000);
                peak = Math.max(peak, rssKb(server.pid()));
                boolean told = talker.got.stream().anyMatch(m -> m.contains("peer-left"));
                double mb = (peak - before) / 1024.0;
                growth.add(mb);
                System.out.printf("round %d: sent %d of %d × %d KB; server RSS %.1f → peak %.1f MB (+%.1f MB); silent peer closed: %s; talker told peer-left: %s%s%n",
                        r, sent, count, sizeKb, before / 1024.0, peak / 1024.0, mb, silent.closed, told, stopped == null ? "" : "; " + stopped);
                a.abort();
                b.abort();
            } finally {
                server.destroy();
                if (!server.waitFor(10, TimeUnit.SECONDS)) server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        Collections.sort(growth);
        double load = Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        System.out.printf("server RSS growth (heap %s), %d rounds: min %.1f / median %.1f / p90 %.1f MB (load average %.2f)%n",
                heap == null ? "JVM default" : heap, growth.size(), growth.get(0), growth.get(growth.size() / 2), growth.get(Math.min(growth.size() - 1, (int) Math.ceil(growth.size() * 0.9) - 1)), load);
    }
}

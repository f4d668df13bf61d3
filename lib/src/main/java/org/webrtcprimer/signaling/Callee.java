package org.webrtcprimer.signaling;

import org.webrtcprimer.engine.Engine;
import org.webrtcprimer.call.CallOptions;
import org.webrtcprimer.media.Constraints;
import org.webrtcprimer.media.MediaDevices;
import org.webrtcprimer.media.MediaStream;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A peer that answers calls: it joins a room as {@code pc2} and, for each offer that arrives,
 * answers with its own media, stays in the call until the caller says bye (or leaves), then sends
 * the caller its log and waits for the next offer.
 *
 * <p>It runs in the background of this process ({@link #start}), or as a process of its own — the
 * {@code callee} command, which {@link CalleeProcess} starts from a notebook. It stops by itself
 * after {@link Options#maxCalls()} calls, after {@link Options#idleTimeout()} with no offer, after
 * {@link Options#maxLifetime()}, or when its signaling connection closes.
 */
public final class Callee implements AutoCloseable {

    /**
     * @param room         the room to wait in
     * @param name         its name in the room
     * @param maxCalls     calls to answer before stopping (0: no limit)
     * @param idleTimeout  stop when no offer arrives for this long
     * @param maxLifetime  stop after this long whatever happens
     * @param greeting     text sent on each data channel the caller opens, or null
     * @param callOptions  options of each answered call
     */
    public record Options(String room, String name, int maxCalls, Duration idleTimeout, Duration maxLifetime,
                          String greeting, CallOptions callOptions) {
        public Options {
            if (room == null || room.isBlank()) throw new IllegalArgumentException("a callee needs a room to wait in");
            if (name == null || name.isBlank()) name = "pc2";
            if (maxCalls < 0) throw new IllegalArgumentException("maxCalls must be 0 (no limit) or more");
            if (idleTimeout == null || idleTimeout.isNegative() || idleTimeout.isZero()) idleTimeout = Duration.ofSeconds(60);
            if (maxLifetime == null || maxLifetime.isNegative() || maxLifetime.isZero()) maxLifetime = Duration.ofMinutes(10);
            if (callOptions == null) callOptions = CallOptions.defaults();
        }

        /** Room as given, name pc2, no call limit, 60 s idle, 10 min at most, a greeting on the data channel. */
        public static Options in(String room) {
            return new Options(room, "pc2", 0, Duration.ofSeconds(60), Duration.ofMinutes(10), "hello from Java (pc2)", CallOptions.defaults());
        }

        public Options withMaxCalls(int n) {
            return new Options(room, name, n, idleTimeout, maxLifetime, greeting, callOptions);
        }

        public Options withIdleTimeout(Duration d) {
            return new Options(room, name, maxCalls, d, maxLifetime, greeting, callOptions);
        }

        public Options withMaxLifetime(Duration d) {
            return new Options(room, name, maxCalls, idleTimeout, d, greeting, callOptions);
        }

        public Options withName(String n) {
            return new Options(room, n, maxCalls, idleTimeout, maxLifetime, greeting, callOptions);
        }

        public Options withCallOptions(CallOptions o) {
            return new Options(room, name, maxCalls, idleTimeout, maxLifetime, greeting, o);
        }

    }

    private final SignalingClient signaling;
    private final MediaStream stream;
    private final Options options;
    private final Consumer<String> out;
    private final List<RemoteCall> calls = new ArrayList<>();
    private final CompletableFuture<String> stopped = new CompletableFuture<>();
    private final Thread loop;
    private volatile boolean closing;

    private Callee(String serverUrl, MediaStream stream, Options options, Consumer<String> out) {
        this.stream = stream;
        this.options = options;
        this.out = out;
        this.signaling = SignalingClient.connect(serverUrl, options.room(), options.name());
        loop = new Thread(this::run, "primer-callee-" + options.room());
        loop.setDaemon(true);
        loop.start();
    }

    /** Starts answering calls in the background of this process, with this stream as its media. */
    public static Callee start(String serverUrl, MediaStream stream, Options options) {
        return start(serverUrl, stream, options, line -> { });
    }

    static Callee start(String serverUrl, MediaStream stream, Options options, Consumer<String> out) {
        if (options == null) throw new IllegalArgumentException("callee options are needed — Callee.Options.in(room)");
        return new Callee(serverUrl, stream, options, out);
    }

    private void run() {
        long deadline = System.nanoTime() + options.maxLifetime().toNanos();
        String why = "closed";
        try {
            while (!closing) {
                long idleEnd = Math.min(deadline, System.nanoTime() + options.idleTimeout().toNanos());
                Message offer = null;
                while (offer == null && !closing) {
                    long left = idleEnd - System.nanoTime();
                    if (left <= 0) break;
                    try {
                        offer = signaling.nextDroppingEarlier(m -> m.type().equals(Protocol.OFFER), Duration.ofNanos(Math.min(left, 500_000_000L)), "no offer");
                    } catch (SignalingTimeoutException again) {
                        // poll again, so that close() is noticed
                    }
                }
                if (closing) break;
                if (offer == null) {
                    why = System.nanoTime() >= deadline ? "its lifetime of " + options.maxLifetime().toSeconds() + " s ran out"
                            : "no offer for " + options.idleTimeout().toSeconds() + " s";
                    break;
                }
                RemoteCall call;
                try {
                    call = RemoteCallSteps.answer(RemoteCall.answering(signaling, stream, options.callOptions(), options.greeting()), offer);
                } catch (RuntimeException e) {
                    out.accept("callee: could not answer the call from " + offer.from() + ": " + e.getMessage());
                    continue;
                }
                synchronized (calls) {
                    calls.add(call);
                    calls.notifyAll();
                }
                out.accept("callee: call " + calls.size() + " from " + offer.from() + (call.isEnded()
                        ? " ended before it connected" : " connected"));
                String end = waitForEnd(call, deadline);
                call.hangup();
                if (!signaling.peers().isEmpty() && signaling.isOpen()) call.sendLog();
                out.accept("callee: call " + calls.size() + " ended (" + end + "), " + call.remoteVideo().frames()
                        + " video frames received");
                if (options.maxCalls() > 0 && calls.size() >= options.maxCalls()) {
                    why = "answered " + calls.size() + (calls.size() == 1 ? " call" : " calls");
                    break;
                }
                if (System.nanoTime() >= deadline) {
                    why = "its lifetime of " + options.maxLifetime().toSeconds() + " s ran out";
                    break;
                }
            }
        } catch (RuntimeException e) {
            why = signaling.isOpen() ? "error: " + e.getMessage() : "the signaling connection closed";
        } finally {
            synchronized (calls) {
                calls.forEach(RemoteCall::hangup);
            }
            signaling.close();
            stopped.complete(why);
            out.accept("callee: stopped — " + why);
        }
    }

    private String waitForEnd(RemoteCall call, long deadline) {
        CompletableFuture<String> ended = call.ended();
        while (!closing) {
            long left = deadline - System.nanoTime();
            if (left <= 0) return "lifetime ran out";
            if (!signaling.isOpen()) return "signaling closed";
            try {
                return ended.get(Math.min(left, 200_000_000L), TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.TimeoutException again) {
                // check closing and the lifetime
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted";
            } catch (java.util.concurrent.ExecutionException e) {
                return String.valueOf(e.getCause().getMessage());
            }
        }
        return "callee closed";
    }

    /**
     * Waits for the next call to be answered and connected (the n-th, counting from 1) — or answered
     * and ended by the caller before it connected: that call counts too ({@link RemoteCall#isEnded()}).
     */
    public RemoteCall awaitCall(int n, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        synchronized (calls) {
            while (calls.size() < n) {
                long left = end - System.nanoTime();
                if (stopped.isDone()) throw new IllegalStateException("the callee stopped (" + stopped.getNow("") + ") after " + calls.size() + " calls");
                if (left <= 0) throw new SignalingTimeoutException("the callee answered " + calls.size() + " calls, not " + n
                        + ", within " + timeout.toMillis() + " ms — did the caller send an offer to room " + options.room() + "?");
                try {
                    TimeUnit.NANOSECONDS.timedWait(calls, Math.min(left, 200_000_000L));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for a call");
                }
            }
            return calls.get(n - 1);
        }
    }

    /**
     * Waits until the callee stops (its calls answered, idle, its lifetime, or closed) and returns why.
     *
     * @throws SignalingTimeoutException saying how far it got when it is still running after {@code timeout}
     */
    public String awaitStopped(Duration timeout) {
        try {
            return stopped.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            int n = calls().size();
            throw new SignalingTimeoutException("the callee " + options.name() + " in room " + options.room()
                    + " did not stop within " + timeout.toMillis() + " ms: it has answered " + n + (n == 1 ? " call" : " calls")
                    + (options.maxCalls() > 0 ? " of the " + options.maxCalls() + " it stops after" : " (no call limit)")
                    + " and " + (calls().stream().anyMatch(c -> !c.isEnded()) ? "one is still up" : "waits for an offer"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the callee to stop");
        } catch (java.util.concurrent.ExecutionException e) {
            return String.valueOf(e.getCause().getMessage());
        }
    }

    /** Calls answered so far. */
    public List<RemoteCall> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    /** Its signaling connection. */
    public SignalingClient signaling() {
        return signaling;
    }

    /** A future completed with the reason when the callee stops. */
    public CompletableFuture<String> stopped() {
        return stopped.copy();
    }

    /** Stops answering: hangs up a call in progress and leaves the room. Waits up to 5 s. */
    @Override
    public void close() {
        closing = true;
        try {
            stopped.get(5, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            signaling.close();
        }
    }

    @Override
    public String toString() {
        return "Callee " + options.name() + " in room " + options.room() + ": " + calls().size() + " calls answered"
                + (stopped.isDone() ? ", stopped (" + stopped.getNow("") + ")" : ", waiting");
    }

    // ---- the 'callee' command ----

    /**
     * {@code callee --server URL --room R [--calls N] [--idle S] [--max-seconds S] [--exit-with-parent]}:
     * answers calls with the synthetic test pattern and tone, printing a line per call.
     */
    public static int main(String[] args) {
        String server = null, room = null;
        Options o = null;
        int calls = 0;
        long idle = 60, max = 600;
        boolean withParent = false;
        PrintStream err = System.err;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--server" -> server = args[++i];
                    case "--room" -> room = args[++i];
                    case "--calls" -> calls = Integer.parseInt(args[++i]);
                    case "--idle" -> idle = Long.parseLong(args[++i]);
                    case "--max-seconds" -> max = Long.parseLong(args[++i]);
                    case "--exit-with-parent" -> withParent = true;
                    case "--help", "-h" -> {
                        System.out.println(USAGE);
                        return 0;
                    }
                    default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "'");
                }
            }
            if (server == null || room == null) throw new IllegalArgumentException("--server and --room are required");
            String token = System.getenv(TOKEN_VARIABLE);
            if (token != null && !token.isBlank() && Protocol.tokenIn(server) == null) {
                server = server + (server.contains("?") ? "&" : server.matches("wss?://[^/]+") ? "/?" : "?") + "token=" + token;
            }
            o = Options.in(room).withMaxCalls(calls).withIdleTimeout(Duration.ofSeconds(idle)).withMaxLifetime(Duration.ofSeconds(max));
        } catch (ArrayIndexOutOfBoundsException | IllegalArgumentException e) {
            err.println("callee: " + (e instanceof ArrayIndexOutOfBoundsException ? "a value is missing after the last option" : e.getMessage()));
            err.println(USAGE);
            return 2;
        }
        MediaStream stream = MediaDevices.getUserMedia(Constraints.audioVideo().withSynthetic());
        Callee callee;
        try {
            callee = start(server, stream, o, line -> {
                System.out.println(line);
                System.out.flush();
            });
        } catch (RuntimeException e) {
            err.println("callee: " + e.getMessage());
            stream.stop();
            Engine.shutdown();
            return 1;
        }
        if (withParent) watchParent(callee);
        System.out.println("callee ready: " + o.name() + " in room " + room + " at " + server.replaceFirst("[?].*$", "") + " (pid " + ProcessHandle.current().pid() + ")");
        System.out.flush();
        String why;
        try {
            why = callee.stopped.get();
        } catch (Exception e) {
            why = String.valueOf(e.getMessage());
        } finally {
            stream.stop();
            Engine.shutdown();
        }
        return why.startsWith("error") ? 1 : 0;
    }

    /** Where a callee started by {@link CalleeProcess} finds the room token (kept off its command line). */
    static final String TOKEN_VARIABLE = "PRIMER_SIGNALING_TOKEN";

    static final String USAGE = "usage: callee --server ws://127.0.0.1:PORT --room ROOM [--calls N] [--idle SECONDS] "
            + "[--max-seconds SECONDS] [--exit-with-parent]";

    /** The child must never outlive the notebook: stop when stdin closes or the parent process ends. */
    private static void watchParent(Callee callee) {
        Thread stdin = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // nothing to read; EOF means the parent is gone or closed us
                }
            } catch (java.io.IOException ignored) {
            }
            callee.close();
        }, "primer-callee-stdin");
        stdin.setDaemon(true);
        stdin.start();
        ProcessHandle.current().parent().ifPresent(p -> p.onExit().thenRun(callee::close));
    }
}

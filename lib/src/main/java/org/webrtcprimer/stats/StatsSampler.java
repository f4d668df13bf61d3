package org.webrtcprimer.stats;

import org.webrtcprimer.call.StatsReport;

import org.webrtcprimer.engine.Engine;
import org.webrtcprimer.call.CallException;
import org.webrtcprimer.call.Call;
import org.webrtcprimer.call.Peer;
import org.webrtcprimer.call.SessionDescription;
import org.webrtcprimer.events.KitClock;
import org.webrtcprimer.events.Event;
import org.webrtcprimer.events.EventLog;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Calls {@code getStats()} on a call's peers (pc1 and pc2) at a fixed interval while it runs — the sampling
 * behind webrtc-internals' graphs.
 *
 * <pre>{@code
 * var sampler = StatsSampler.start(call, Duration.ofMillis(250));
 * StatsRecording rec = sampler.sampleFor(Duration.ofSeconds(3));   // or sampler.stop() later
 * }</pre>
 *
 * <p>One daemon thread per sampler; it ends when {@link #stop()} is called, when the call hangs
 * up, or when the engine shuts down. The recording is bounded: beyond {@code maxSamples} per peer
 * the oldest samples are dropped (and counted).
 */
public final class StatsSampler implements AutoCloseable, Engine.Resource {

    /** Samples kept per peer unless told otherwise: 10 minutes at the default 1 s. */
    public static final int DEFAULT_MAX_SAMPLES = 600;

    private static final AtomicInteger COUNT = new AtomicInteger();

    private final List<Peer> peers;
    private final EventLog log;
    private final Call call;
    private final Duration interval;
    private final int maxSamples;
    private final long originNanos;
    private final Map<String, Deque<StatsReport>> samples = new LinkedHashMap<>();
    private final Map<String, StatsRecording.Descriptions> descriptions = new LinkedHashMap<>();
    private final Thread thread;
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    private volatile boolean running = true;
    private long dropped;
    private int missed;
    private volatile String endReason = "";
    private final java.util.concurrent.atomic.AtomicBoolean stopLogged = new java.util.concurrent.atomic.AtomicBoolean();

    private StatsSampler(Call call, Duration interval, int maxSamples) {
        this.call = call;
        this.peers = call.peers();
        this.log = call.log();
        this.interval = interval;
        this.maxSamples = maxSamples;
        this.originNanos = log.events().isEmpty() ? KitClock.now() : log.events().get(0).nanos();
        for (Peer p : peers) samples.put(p.name(), new ArrayDeque<>());
        thread = new Thread(this::loop, "webrtc-primer-stats-" + COUNT.incrementAndGet());
        thread.setDaemon(true);
    }

    /** Samples both peers of a call every second (webrtc-internals' pace). */
    public static StatsSampler start(Call call) {
        return start(call, Duration.ofSeconds(1));
    }

    /** Samples both peers of a call at {@code interval}. */
    public static StatsSampler start(Call call, Duration interval) {
        return start(call, interval, DEFAULT_MAX_SAMPLES);
    }

    /** Samples both peers of a call at {@code interval}, keeping at most {@code maxSamples} per peer. */
    public static StatsSampler start(Call call, Duration interval, int maxSamples) {
        if (call == null) throw new IllegalArgumentException("the sampler needs a call — LocalCall.call(localStream)");
        if (call.isEnded()) throw new CallException("this call has hung up: there is nothing to sample — start a new call");
        if (interval == null || interval.toMillis() < 10) {
            throw new IllegalArgumentException("sampling interval must be at least 10 ms (getStats takes a few ms), got " + interval);
        }
        if (maxSamples < 2) throw new IllegalArgumentException("maxSamples must be at least 2 (rates need two samples), got " + maxSamples);
        StatsSampler s = new StatsSampler(call, interval, maxSamples);
        Engine.get().registerCall(s); // stopped before the engine's factory goes
        s.log.note("stats sampler started", "getStats on " + String.join(" and ", s.peerNames()) + " every " + interval.toMillis() + " ms");
        s.thread.start();
        return s;
    }

    /** Starts sampling, waits {@code duration}, stops, and returns the recording. */
    public static StatsRecording record(Call call, Duration interval, Duration duration) {
        return start(call, interval).sampleFor(duration);
    }

    /** Waits {@code duration} while sampling, then stops and returns the recording. */
    public StatsRecording sampleFor(Duration duration) {
        if (duration == null || duration.isNegative()) throw new IllegalArgumentException("sampleFor needs a duration, e.g. Duration.ofSeconds(3)");
        try {
            ended.get(duration.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            // the normal case: the time is up
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // ended early (hangup); the recording says what there is
        }
        return stop();
    }

    private void loop() {
        long next = System.nanoTime();
        try {
            while (running) {
                boolean any = false;
                for (Peer p : peers) {
                    if (!running) break;
                    if (p.isClosed()) continue;
                    any = true;
                    sample(p);
                }
                if (!any || call.isEnded()) {
                    endReason = "the call hung up";
                    break;
                }
                next += interval.toNanos();
                long wait = next - System.nanoTime();
                if (wait <= 0) {
                    next = System.nanoTime(); // fell behind (slow getStats): skip ticks rather than burst
                } else {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
            }
        } catch (InterruptedException e) {
            // stop() interrupts the wait
        } finally {
            running = false;
            if (!endReason.isEmpty()) logStopped(" (" + endReason + ")");
            ended.complete(null);
        }
    }

    private void sample(Peer p) {
        StatsReport r;
        try {
            r = p.statsWithin(Duration.ofMillis(Math.max(500, Math.min(2000, interval.toMillis() * 4))));
        } catch (TimeoutException e) {
            if (missed++ == 0) log.add("call", Event.Kind.NOTE, "stats sampler: getStats did not answer in time", p.name());
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
            return;
        } catch (Throwable t) {
            return; // the peer closed between the check and the call
        }
        SessionDescription local = p.localDescription(), remote = p.remoteDescription();
        synchronized (this) {
            Deque<StatsReport> q = samples.get(p.name());
            q.addLast(r);
            if (q.size() > maxSamples) {
                q.removeFirst();
                dropped++;
            }
            if (local != null || remote != null) descriptions.put(p.name(), new StatsRecording.Descriptions(local, remote));
        }
    }

    /** The samples so far (the sampler keeps running). */
    public synchronized StatsRecording recording() {
        List<StatsReport> all = new ArrayList<>();
        samples.values().forEach(all::addAll);
        all.sort(java.util.Comparator.comparingLong(StatsReport::nanos));
        return new StatsRecording(interval, originNanos, all, descriptions, dropped);
    }

    /** Samples taken so far of one peer. */
    public synchronized int samples(String peer) {
        Deque<StatsReport> q = samples.get(peer);
        return q == null ? 0 : q.size();
    }

    private List<String> peerNames() {
        return peers.stream().map(Peer::name).toList();
    }

    /** "12 samples of pc1, 12 of pc2": each peer's count, in the order of the call's peers. */
    private String counts() {
        StringBuilder b = new StringBuilder();
        for (Peer p : peers) {
            b.append(b.length() == 0 ? samples(p.name()) + " samples of " : ", " + samples(p.name()) + " of ").append(p.name());
        }
        return b.toString();
    }

    /** Whether the sampling thread is still running. */
    public boolean isRunning() {
        return running && thread.isAlive();
    }

    /** Stops sampling (waiting up to 3 s for the thread to end) and returns the recording. Harmless twice. */
    public StatsRecording stop() {
        running = false;
        thread.interrupt();
        try {
            thread.join(3000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (Engine.isRunning()) Engine.get().unregisterCall(this);
        logStopped("");
        return recording();
    }

    private void logStopped(String why) {
        if (!stopLogged.compareAndSet(false, true)) return;
        log.note("stats sampler stopped" + why, counts());
    }

    @Override
    public void close() {
        stop();
    }

    @Override
    public void release() {
        running = false;
        thread.interrupt();
    }

    @Override
    public String toString() {
        return "StatsSampler every " + interval.toMillis() + " ms, " + (isRunning() ? "running" : "stopped") + ": "
                + counts();
    }
}

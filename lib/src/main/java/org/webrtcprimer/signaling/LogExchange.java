package org.webrtcprimer.signaling;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import org.webrtcprimer.events.Event;
import org.webrtcprimer.events.EventLog;
import org.webrtcprimer.events.KitClock;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The two sides of a remote call swap their logs when it ends, over signaling: this side's log
 * goes out as {@code log} pages ({@link #pages}) and the other side's comes in page by page,
 * bounded whatever it sends, until its last page says where its kit clock starts.
 * {@link RemoteCall} keeps one per call.
 */
final class LogExchange {

    private final EventLog log;
    private final CompletableFuture<List<Event>> remoteLog = new CompletableFuture<>();
    private final List<Event> remotePages = new ArrayList<>();
    private volatile AutoCloseable subscription;
    private volatile Long remoteOrigin;

    /** Starts collecting the other side's log pages; notes about them go into {@code log}. */
    LogExchange(SignalingClient signaling, EventLog log) {
        this.log = log;
        subscription = signaling.subscribe(m -> m.type().equals(Protocol.LOG), this::onPage);
    }

    private void onPage(Message m) {
        JsonElement events = m.raw("events");
        synchronized (remotePages) {
            for (JsonElement e : events.getAsJsonArray()) {
                if (remotePages.size() >= MAX_REMOTE_EVENTS) {
                    if (!remoteLogFull) log.note("the other peer's log is longer than " + MAX_REMOTE_EVENTS + " events", "the rest is ignored");
                    remoteLogFull = true;
                    break;
                }
                try {
                    JsonArray a = e.getAsJsonArray();
                    remotePages.add(new Event(a.get(0).getAsLong(), a.get(1).getAsString(),
                            Event.Kind.valueOf(a.get(2).getAsString()), a.get(3).getAsString(), a.get(4).getAsString()));
                } catch (RuntimeException bad) {
                    log.note("ignored a malformed event in the other peer's log", String.valueOf(bad.getMessage()));
                }
            }
            if (m.bool("last").orElse(false)) {
                remoteOrigin = m.number("origin").orElse(null);
                remoteLog.complete(List.copyOf(remotePages));
                stopListening();
            }
        }
    }

    /** Most events kept of the other peer's log (a call has a few hundred): whatever it sends, memory stays bounded. */
    static final int MAX_REMOTE_EVENTS = 50_000;
    private boolean remoteLogFull; // guarded by remotePages

    /** Largest page of a log, in bytes of JSON: well under the server's default 64 KiB limit. */
    static final int LOG_PAGE_BYTES = 32 * 1024;

    /** The events of a log as {@code log} messages of at most {@code perPage} events and about {@link #LOG_PAGE_BYTES} each. */
    static List<Message> pages(List<Event> events, int perPage) {
        List<JsonArray> pages = new ArrayList<>();
        JsonArray page = new JsonArray();
        int bytes = 0;
        for (Event e : events) {
            JsonArray a = new JsonArray();
            a.add(e.nanos());
            a.add(e.source());
            a.add(e.kind().name());
            a.add(e.name());
            // One event never fills a page by itself: a runaway detail is cut.
            a.add(e.detail().length() > 4096 ? e.detail().substring(0, 4096) + "…" : e.detail());
            int size = a.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length + 1;
            if (page.size() > 0 && (page.size() >= perPage || bytes + size > LOG_PAGE_BYTES)) {
                pages.add(page);
                page = new JsonArray();
                bytes = 0;
            }
            page.add(a);
            bytes += size;
        }
        pages.add(page);
        List<Message> out = new ArrayList<>();
        for (int i = 0; i < pages.size(); i++) {
            boolean last = i == pages.size() - 1;
            // With the last page, where this kit clock starts on the machine's monotonic clock:
            // only meaningful between processes of one machine, where it checks the ping estimate.
            out.add(Message.of(Protocol.LOG, "events", pages.get(i), "last", last,
                    "origin", last ? System.nanoTime() - KitClock.now() : null));
        }
        return out;
    }

    /** The other side's events once its last page arrived, waiting up to {@code timeout}. */
    List<Event> await(Duration timeout) {
        try {
            return remoteLog.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new SignalingTimeoutException("the other side's log did not arrive within " + timeout.toMillis()
                    + " ms — a kit callee sends it after the caller's bye, the kit's page after its own Hang Up");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the other side's log");
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        }
    }

    /** Where the other process's kit clock starts, from its last page. */
    OptionalLong origin() {
        Long o = remoteOrigin;
        return o == null ? OptionalLong.empty() : OptionalLong.of(o);
    }

    /** Stops listening for pages. */
    void stopListening() {
        try {
            AutoCloseable c = subscription;
            if (c != null) c.close();
        } catch (Exception ignored) {
        }
    }

    /** Keeps listening a little while (the other side's log comes after our bye), then stops. */
    void stopListeningIn(Duration d) {
        CompletableFuture.delayedExecutor(d.toMillis(), TimeUnit.MILLISECONDS).execute(this::stopListening);
    }
}

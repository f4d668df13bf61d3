package org.webrtcprimer.media;

import dev.onvoid.webrtc.media.video.VideoFrame;
import dev.onvoid.webrtc.media.video.VideoTrack;
import dev.onvoid.webrtc.media.video.VideoTrackSink;
import org.webrtcprimer.events.KitClock;
import org.webrtcprimer.events.Event;
import org.webrtcprimer.events.EventLog;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What the article's {@code <video>} element does, for the kit: it watches a video track, counts
 * its frames and shows the latest one as a picture ({@link #snapshot()}).
 *
 * <p>The engine hands every frame to a sink as a reference-counted copy that must be released,
 * or memory grows by ~14 MB/s at 640×480×30. The view keeps only the newest frame (retained) and
 * releases the one before it, so a snapshot costs nothing until asked for.
 */
public final class VideoView implements AutoCloseable {

    private final String name;
    private final String peer;
    private final EventLog log;
    private final CompletableFuture<Long> firstFrame = new CompletableFuture<>();
    private final long[] recent = new long[31]; // arrival times of the last frames, for fps
    private VideoTrack track;
    private VideoTrackSink sink;
    private VideoFrame latest;
    private I420Image kept; // the last frame, copied at close() so a picture outlives the call
    private long frames;
    private int width, height;
    private boolean closed;

    /**
     * @param name what a learner calls it, e.g. {@code localVideo} or {@code remoteVideo}
     * @param peer whose view it is ({@code pc2} for the remote video), for the log
     * @param log  where the first frame is recorded, or null
     */
    public VideoView(String name, String peer, EventLog log) {
        this.name = name;
        this.peer = peer;
        this.log = log;
    }

    /** Starts watching a track (the article's {@code video.srcObject = stream}). */
    public synchronized void attach(VideoTrack track) {
        if (closed) throw new IllegalStateException(name + " is closed");
        if (this.track != null) throw new IllegalStateException(name + " already shows a track");
        this.track = track;
        this.sink = this::onFrame;
        track.addSink(sink);
    }

    private void onFrame(VideoFrame frame) {
        VideoFrame old = null;
        boolean first = false;
        long now = KitClock.now();
        try {
            synchronized (this) {
                if (closed) return;
                frame.retain();
                old = latest;
                latest = frame;
                recent[(int) (frames % recent.length)] = now;
                first = frames == 0;
                frames++;
                width = frame.buffer.getWidth();
                height = frame.buffer.getHeight();
            }
            if (first) {
                if (log != null) {
                    log.add(new Event(now, peer, Event.Kind.MEDIA, Event.FIRST_FRAME, width + "×" + height));
                }
                firstFrame.complete(now);
            }
        } finally {
            if (old != null) old.release();
            frame.release(); // the sink's own reference; ours was retained above
        }
    }

    /** The view's name, e.g. {@code remoteVideo}. */
    public String name() {
        return name;
    }

    /** Frames received so far. */
    public synchronized long frames() {
        return frames;
    }

    /** Width of the latest frame, 0 before the first. */
    public synchronized int videoWidth() {
        return width;
    }

    /** Height of the latest frame, 0 before the first. */
    public synchronized int videoHeight() {
        return height;
    }

    /**
     * Frames per second over the last 30 frames (0 until there are two), and 0 once frames have
     * stopped coming (Stop Video, a hung-up call) — rather than the last rate, forever.
     */
    public synchronized double fps() {
        int n = (int) Math.min(frames, recent.length);
        if (n < 2) return 0;
        long newest = recent[(int) ((frames - 1) % recent.length)];
        long oldest = recent[(int) ((frames - n) % recent.length)];
        if (newest == oldest) return 0;
        double interval = (newest - oldest) / (double) (n - 1);
        long silence = KitClock.now() - newest;
        // a pause longer than a few frame intervals (and over 0.5 s) means the video has stopped
        if (silence > Math.max(4 * interval, 500_000_000L)) return 0;
        return (n - 1) * 1e9 / (newest - oldest);
    }

    /** When the first frame arrived, on the kit's clock, if it has. */
    public Optional<Long> firstFrameNanos() {
        // Closed before a frame arrived: the future failed; there is no first frame to tell.
        if (firstFrame.isCompletedExceptionally()) return Optional.empty();
        return Optional.ofNullable(firstFrame.getNow(null));
    }

    /** A future completed (with the kit-clock time) when the first frame arrives. */
    public CompletableFuture<Long> firstFrame() {
        return firstFrame.copy();
    }

    /**
     * Waits for the first frame.
     *
     * @throws IllegalStateException if none arrives in time, saying so
     */
    public long awaitFirstFrame(Duration timeout) {
        try {
            return firstFrame.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException(name + " received no video frame within " + timeout.toMillis()
                    + " ms" + (track == null ? " — no track is attached to it" : ""));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + name + "'s first frame");
        } catch (ExecutionException e) {
            throw new IllegalStateException(name + ": " + e.getCause().getMessage(), e.getCause());
        }
    }

    /** The latest frame in the engine's I420 format, copied. */
    public synchronized Optional<I420Image> latestFrame() {
        if (latest == null) return Optional.ofNullable(kept);
        return Optional.of(I420Image.copyOf(latest.buffer.toI420()));
    }

    /**
     * The latest frame as a picture — what the {@code <video>} element shows right now.
     *
     * @throws IllegalStateException if no frame has arrived yet, saying what to do
     */
    public BufferedImage snapshot() {
        return latestFrame().orElseThrow(() -> new IllegalStateException(name + " has no frame yet"
                + (track == null ? " — nothing is attached to it" : " — wait for the first frame (awaitFirstFrame)")))
                .toImage();
    }

    /**
     * Stops watching: removes the sink and releases the engine's frame, keeping a copy of it on the
     * Java heap so {@link #snapshot()} still shows the last picture after a call ends. Harmless twice.
     */
    @Override
    public void close() {
        VideoTrack t;
        VideoTrackSink s;
        VideoFrame f;
        synchronized (this) {
            if (closed) return;
            closed = true;
            t = track;
            s = sink;
            f = latest;
            latest = null;
            if (f != null) {
                try {
                    kept = I420Image.copyOf(f.buffer.toI420());
                } catch (Throwable ignored) {
                    // the frame could not be read: the view just has no last picture
                }
            }
        }
        if (t != null) {
            try {
                t.removeSink(s);
            } catch (Throwable ignored) {
                // The track is already gone natively; the sink went with it.
            }
        }
        if (f != null) f.release();
        firstFrame.completeExceptionally(new IllegalStateException(name + " was closed before a frame arrived"));
    }

    /** Whether {@link #close()} has been called. */
    public synchronized boolean isClosed() {
        return closed;
    }

    @Override
    public synchronized String toString() {
        if (frames == 0) return name + ": no frames yet";
        return String.format("%s: %d×%d, %d frames, %.1f fps", name, width, height, frames, fps());
    }
}

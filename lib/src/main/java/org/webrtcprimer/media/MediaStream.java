package org.webrtcprimer.media;

import dev.onvoid.webrtc.media.MediaSource;
import org.webrtcprimer.engine.Engine;
import org.webrtcprimer.events.KitClock;
import org.webrtcprimer.notebook.Renderable;
import org.webrtcprimer.notebook.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The local media a call sends: the article's {@code localStream}, from
 * {@link MediaDevices#getUserMedia(Constraints)}.
 *
 * <p>It owns its sources and the generator threads that feed them, and a {@link #localVideo()}
 * view of its video (the article's {@code localVideo} element). {@link #stop()} is the article's
 * Stop Video: it releases everything in a fixed order — view, generators, tracks, sources.
 */
public final class MediaStream implements Engine.Resource, Renderable {

    private final String id = UUID.randomUUID().toString();
    private final List<Track> tracks;
    private final List<MediaSource> sources;
    private final List<Runnable> stoppers;
    private final VideoView localVideo;
    private final Constraints constraints;
    private final long receivedNanos = KitClock.now();
    private final long openNanos;
    private volatile boolean stopped;

    MediaStream(Constraints constraints, List<Track> tracks, List<MediaSource> sources, List<Runnable> stoppers,
                VideoView localVideo, long openNanos) {
        this.constraints = constraints;
        this.tracks = List.copyOf(tracks);
        this.sources = List.copyOf(sources);
        this.stoppers = List.copyOf(stoppers);
        this.localVideo = localVideo;
        this.openNanos = openNanos;
    }

    /** The stream's id, which the SDP carries in {@code a=msid}. */
    public String id() {
        return id;
    }

    /** All tracks, audio first, as {@code stream.getTracks()}. */
    public List<Track> getTracks() {
        return tracks;
    }

    /** The video tracks (zero or one). */
    public List<Track> getVideoTracks() {
        return tracks.stream().filter(t -> t.kind().equals("video")).toList();
    }

    /** The audio tracks (zero or one). */
    public List<Track> getAudioTracks() {
        return tracks.stream().filter(t -> t.kind().equals("audio")).toList();
    }

    /** What was asked for. */
    public Constraints constraints() {
        return constraints;
    }

    /**
     * The view of this stream's own video — the article's {@code localVideo}.
     *
     * @throws IllegalStateException for an audio-only stream
     */
    public VideoView localVideo() {
        if (localVideo == null) throw new IllegalStateException("this stream has no video — ask for video: Constraints.audioVideo()");
        return localVideo;
    }

    /** When getUserMedia returned it, on the kit's clock (the article's "Received local stream"). */
    public long receivedNanos() {
        return receivedNanos;
    }

    /** How long opening the sources took, in nanoseconds. */
    public long openNanos() {
        return openNanos;
    }

    /** Whether any track is still live. */
    public boolean active() {
        return !stopped;
    }

    /**
     * Stops every track, like the article's Stop Video: the view stops watching, the generators
     * stop, then the engine's tracks and sources are released. Harmless twice. A call that was
     * sending this stream keeps running but receives no new frames.
     */
    public void stop() {
        synchronized (this) {
            if (stopped) return;
            stopped = true;
        }
        if (localVideo != null) localVideo.close();
        stoppers.forEach(Runnable::run);
        for (Track t : tracks) {
            t.markEnded();
            try {
                t.engineTrack().dispose();
            } catch (Throwable ignored) {
                // A closed peer connection still holds the track (it is never freed natively), so
                // dispose reports "Native object was not deleted"; our reference is gone. Never retry.
            }
        }
        for (MediaSource s : sources) {
            try {
                if (s instanceof dev.onvoid.webrtc.media.video.CustomVideoSource v) v.dispose();
                else if (s instanceof dev.onvoid.webrtc.media.audio.CustomAudioSource a) a.dispose();
                else if (s instanceof dev.onvoid.webrtc.media.video.VideoDeviceSource d) {
                    d.stop();
                    d.dispose();
                }
            } catch (Throwable ignored) {
            }
        }
        if (Engine.isRunning()) Engine.get().unregisterStream(this);
    }

    /** Same as {@link #stop()}, for the engine's shutdown. */
    @Override
    public void release() {
        stop();
    }

    @Override
    public String toHtml() {
        Table t = Table.of("kind", "label", "id", "readyState").title("MediaStream " + id.substring(0, 8) + "… ("
                + (stopped ? "stopped" : "active") + ")");
        for (Track tr : tracks) {
            String trackId;
            try {
                trackId = tr.id();
            } catch (Throwable e) {
                trackId = "(released)";
            }
            t.row(tr.kind(), tr.label(), trackId, tr.readyState().equals("live") ? Table.ok("live") : Table.fail("ended"));
        }
        return t.toHtml();
    }

    @Override
    public String toText() {
        return toString();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("MediaStream ").append(id, 0, 8).append('…')
                .append(stopped ? " (stopped)" : " (active)");
        for (Track t : tracks) sb.append("\n  ").append(t);
        return sb.toString();
    }
}

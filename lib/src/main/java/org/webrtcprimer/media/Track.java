package org.webrtcprimer.media;

import dev.onvoid.webrtc.media.MediaStreamTrack;

/**
 * One track of a {@link MediaStream}: the audio or the video, as the article's
 * {@code localStream.getVideoTracks()[0]}.
 */
public final class Track {
    private final String kind;
    private final String label;
    private final boolean synthetic;
    private final MediaStreamTrack engineTrack;
    private final String id;
    private volatile boolean ended;

    private final Runnable frameRequester;

    Track(String kind, String label, boolean synthetic, MediaStreamTrack engineTrack, Runnable frameRequester) {
        this.kind = kind;
        this.label = label;
        this.synthetic = synthetic;
        this.engineTrack = engineTrack;
        // Read once: after stop() the engine's track is disposed and asking it would throw.
        this.id = engineTrack.getId();
        this.frameRequester = frameRequester;
    }

    /**
     * Asks the synthetic video source for a frame now rather than at its next 1/30 s slot (the
     * web's {@code CanvasCaptureMediaStreamTrack.requestFrame()}); does nothing for audio and
     * for cameras, which keep their own rhythm.
     */
    public void requestFrame() {
        if (frameRequester != null && !ended) frameRequester.run();
    }

    /** {@code audio} or {@code video}. */
    public String kind() {
        return kind;
    }

    /** What the track comes from, e.g. {@code Synthetic test pattern 640×480 @ 30 fps} or a camera's name. */
    public String label() {
        return label;
    }

    /** The track's id, which the SDP carries in {@code a=msid}. */
    public String id() {
        return id;
    }

    /** Whether it comes from the kit's generated source rather than hardware. */
    public boolean synthetic() {
        return synthetic;
    }

    /** {@code live} or {@code ended}, as the W3C {@code readyState}. */
    public String readyState() {
        return ended ? "ended" : "live";
    }

    /** The engine's track, for lessons that go below the kit. */
    public MediaStreamTrack engineTrack() {
        return engineTrack;
    }

    void markEnded() {
        ended = true;
    }

    @Override
    public String toString() {
        return kind + " track '" + label + "' (" + readyState() + ")";
    }
}

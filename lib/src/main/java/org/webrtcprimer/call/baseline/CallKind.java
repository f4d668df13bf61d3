package org.webrtcprimer.call.baseline;

import org.webrtcprimer.media.Constraints;
import org.webrtcprimer.notebook.Choice;

import java.util.Locale;

/** What each soak cycle's call carries, so the growth can be split by part. */
public enum CallKind {
    /** pc1 and pc2, offer and answer with no m-section, closed: the peer connections alone. */
    NONE("none", "no media: two peer connections, offer/answer, close", null),
    /** The 440 Hz tone, until both peers are connected. */
    AUDIO("audio", "audio only: the tone, until both connected", Constraints.audioOnly().withSynthetic()),
    /** The test pattern, until pc2's first frame. */
    VIDEO("video", "video only: the test pattern, until the first remote frame", Constraints.videoOnly().withSynthetic()),
    /** Tone and test pattern, the article's call. */
    AV("av", "audio + video: the article's call, until the first remote frame", Constraints.audioVideo().withSynthetic()),
    /** A data channel (SCTP) and one message each way, no media. */
    DATA("data", "data channel: one message there and back, no media (the kit's DataChannel; the baseline a raw RTCDataChannel)", null);

    private final String id;
    private final String description;
    private final Constraints media;

    CallKind(String id, String description, Constraints media) {
        this.id = id;
        this.description = description;
        this.media = media;
    }

    /** The name used on the command line: none, audio, video, av, data. */
    public String id() {
        return id;
    }

    /** What one cycle does. */
    public String description() {
        return description;
    }

    /** The media the call sends, or null when it sends none. */
    public Constraints media() {
        return media;
    }

    /** Reads {@code none|audio|video|av|data}. */
    public static CallKind of(String id) {
        return Choice.of(CallKind.class, CallKind::id, id, "call kind", "(or all)");
    }

    @Override
    public String toString() {
        return id.toLowerCase(Locale.ROOT);
    }
}

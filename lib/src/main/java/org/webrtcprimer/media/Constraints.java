package org.webrtcprimer.media;

/**
 * What {@link MediaDevices#getUserMedia(Constraints)} should open — the article's
 * {@code {audio: true, video: true}}, plus where the media may come from.
 *
 * <p>Start from {@link #audioVideo()}, {@link #videoOnly()} or {@link #audioOnly()}, then narrow:
 * {@code Constraints.audioVideo().withSynthetic().withSize(320, 240)}.
 *
 * @param audio  open a microphone (or the synthetic tone)
 * @param video  open a camera (or the synthetic test pattern)
 * @param source where media may come from
 * @param width  video width in pixels
 * @param height video height in pixels
 * @param fps    video frames per second
 * @param toneHz frequency of the synthetic tone
 */
public record Constraints(boolean audio, boolean video, Source source, int width, int height, int fps, double toneHz) {

    /** Where media may come from. */
    public enum Source {
        /** Real devices when present, the synthetic source otherwise (the default). */
        AUTO,
        /** Real devices only: fail if there are none. */
        DEVICES,
        /** The synthetic test pattern and tone, even when devices are present (repeatable lessons). */
        SYNTHETIC
    }

    public Constraints {
        if (!audio && !video) {
            throw new IllegalArgumentException("ask for audio, video or both — like getUserMedia({audio: true, video: true})");
        }
        if (source == null) throw new IllegalArgumentException("source must not be null — use Source.AUTO");
        if (width < 16 || height < 16 || width > 3840 || height > 2160 || width % 2 != 0 || height % 2 != 0) {
            throw new IllegalArgumentException("video size " + width + "×" + height
                    + " is not supported — use even sizes from 16×16 to 3840×2160, e.g. 640×480");
        }
        if (fps < 1 || fps > 60) {
            throw new IllegalArgumentException("frame rate " + fps + " is out of range — use 1 to 60 fps, e.g. 30");
        }
        if (!(toneHz >= 20 && toneHz <= 20_000)) {
            throw new IllegalArgumentException("tone " + toneHz + " Hz is out of range — use 20 to 20000 Hz, e.g. 440");
        }
    }

    /** {@code {audio: true, video: true}}: 640×480 at 30 fps, real devices when present. */
    public static Constraints audioVideo() {
        return new Constraints(true, true, Source.AUTO, 640, 480, 30, 440);
    }

    /** {@code {video: true}}. */
    public static Constraints videoOnly() {
        return new Constraints(false, true, Source.AUTO, 640, 480, 30, 440);
    }

    /** {@code {audio: true}}. */
    public static Constraints audioOnly() {
        return new Constraints(true, false, Source.AUTO, 640, 480, 30, 440);
    }

    /** The same, from the synthetic test pattern and tone only. */
    public Constraints withSynthetic() {
        return new Constraints(audio, video, Source.SYNTHETIC, width, height, fps, toneHz);
    }

    /** The same, from real devices only. */
    public Constraints withDevicesOnly() {
        return new Constraints(audio, video, Source.DEVICES, width, height, fps, toneHz);
    }

    /** The same at another video size. */
    public Constraints withSize(int width, int height) {
        return new Constraints(audio, video, source, width, height, fps, toneHz);
    }

    /** The same at another frame rate. */
    public Constraints withFrameRate(int fps) {
        return new Constraints(audio, video, source, width, height, fps, toneHz);
    }

    /** The same with another synthetic tone. */
    public Constraints withTone(double hz) {
        return new Constraints(audio, video, source, width, height, fps, hz);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        if (audio) sb.append("audio: true");
        if (video) sb.append(audio ? ", " : "").append("video: {width: ").append(width)
                .append(", height: ").append(height).append(", frameRate: ").append(fps).append('}');
        return sb.append("} from ").append(source.name().toLowerCase()).toString();
    }
}

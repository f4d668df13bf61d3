package org.webrtcprimer.media;

import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.media.MediaSource;
import dev.onvoid.webrtc.media.audio.AudioTrack;
import dev.onvoid.webrtc.media.audio.CustomAudioSource;
import dev.onvoid.webrtc.media.video.CustomVideoSource;
import dev.onvoid.webrtc.media.video.VideoCaptureCapability;
import dev.onvoid.webrtc.media.video.VideoDevice;
import dev.onvoid.webrtc.media.video.VideoDeviceSource;
import dev.onvoid.webrtc.media.video.VideoTrack;
import org.webrtcprimer.engine.Engine;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The kit's {@code navigator.mediaDevices}: list inputs, open them.
 *
 * <p>On a machine with no camera or microphone (Binder, CI, most servers) the synthetic test
 * pattern and tone stand in, so every lesson runs anywhere.
 */
public final class MediaDevices {
    private MediaDevices() {}

    /** How long a device query may take before the kit treats the device as absent. */
    static final long QUERY_TIMEOUT_MS = 3000;

    /**
     * Lists cameras and microphones, then the synthetic sources that are always there — like
     * {@code enumerateDevices()}. Each query runs with a timeout, since some hang without hardware.
     */
    public static List<DeviceInfo> enumerateDevices() {
        List<DeviceInfo> list = new ArrayList<>();
        for (VideoDevice d : cameras()) list.add(new DeviceInfo("videoinput", d.getName(), d.getDescriptor(), false));
        for (String name : microphones()) list.add(new DeviceInfo("audioinput", name, name, false));
        list.add(new DeviceInfo("videoinput", "Synthetic test pattern", "", true));
        list.add(new DeviceInfo("audioinput", "Synthetic tone", "", true));
        return list;
    }

    /** Whether a real camera is present. */
    public static boolean hasCamera() {
        return !cameras().isEmpty();
    }

    /** Whether a real microphone is present. */
    public static boolean hasMicrophone() {
        return !microphones().isEmpty();
    }

    static List<VideoDevice> cameras() {
        List<VideoDevice> found = withTimeout(dev.onvoid.webrtc.media.MediaDevices::getVideoCaptureDevices, "camera list");
        return found == null ? List.of() : found;
    }

    static List<String> microphones() {
        List<String> found = withTimeout(Microphone::names, "microphone list");
        return found == null ? List.of() : found;
    }

    private static <T> T withTimeout(Callable<T> query, String what) {
        CompletableFuture<T> f = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                f.complete(query.call());
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        }, "primer-device-query");
        t.setDaemon(true); // a query that hangs must not keep the JVM alive
        t.start();
        try {
            return f.get(QUERY_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (Exception e) {
            return null; // no answer in time, or an error: treat as "no such device"
        }
    }

    /**
     * Opens the local media — the article's {@code getUserMedia({audio: true, video: true})}.
     *
     * <p>With {@link Constraints.Source#AUTO} a real camera and microphone are used when present,
     * the synthetic test pattern and tone otherwise; {@code .withSynthetic()} always uses the
     * synthetic ones; {@code .withDevicesOnly()} fails clearly when a device is missing.
     *
     * @throws IllegalStateException when real devices were required and are absent
     */
    public static MediaStream getUserMedia(Constraints c) {
        if (c == null) throw new IllegalArgumentException("getUserMedia needs constraints — e.g. Constraints.audioVideo()");
        long t0 = System.nanoTime();
        PeerConnectionFactory factory = Engine.get().factory();
        List<Track> tracks = new ArrayList<>();
        List<MediaSource> sources = new ArrayList<>();
        List<Runnable> stoppers = new ArrayList<>();
        VideoView localVideo = null;
        try {
            if (c.audio()) {
                List<String> mics = c.source() == Constraints.Source.SYNTHETIC ? List.of() : microphones();
                if (mics.isEmpty() && c.source() == Constraints.Source.DEVICES) {
                    throw new IllegalStateException("no microphone found — use Constraints.audioVideo() (synthetic tone "
                            + "when there is none) or .withSynthetic()");
                }
                CustomAudioSource source = new CustomAudioSource();
                sources.add(source);
                String label;
                if (!mics.isEmpty()) {
                    Microphone mic = Microphone.open(mics.get(0), source);
                    stoppers.add(mic::stop);
                    label = mics.get(0);
                } else {
                    SyntheticAudio tone = new SyntheticAudio(source, c.toneHz());
                    tone.start();
                    stoppers.add(tone::stop);
                    label = String.format("Synthetic tone %.0f Hz", c.toneHz());
                }
                // Like a browser, each track gets a random id; the SDP carries it in a=msid.
                AudioTrack track = factory.createAudioTrack(UUID.randomUUID().toString(), source);
                tracks.add(new Track("audio", label, mics.isEmpty(), track, null));
            }
            if (c.video()) {
                List<VideoDevice> cams = c.source() == Constraints.Source.SYNTHETIC ? List.of() : cameras();
                if (cams.isEmpty() && c.source() == Constraints.Source.DEVICES) {
                    throw new IllegalStateException("no camera found — use Constraints.audioVideo() (synthetic test pattern "
                            + "when there is none) or .withSynthetic()");
                }
                VideoTrack track;
                String label;
                Runnable requester = null;
                if (!cams.isEmpty()) {
                    VideoDeviceSource source = new VideoDeviceSource();
                    sources.add(source);
                    source.setVideoCaptureDevice(cams.get(0));
                    source.setVideoCaptureCapability(new VideoCaptureCapability(c.width(), c.height(), c.fps()));
                    source.start();
                    track = factory.createVideoTrack(UUID.randomUUID().toString(), source);
                    label = cams.get(0).getName();
                } else {
                    CustomVideoSource source = new CustomVideoSource();
                    sources.add(source);
                    SyntheticVideo pattern = new SyntheticVideo(source, c.width(), c.height(), c.fps());
                    track = factory.createVideoTrack(UUID.randomUUID().toString(), source);
                    pattern.start();
                    stoppers.add(pattern::stop);
                    requester = pattern::requestFrame;
                    label = "Synthetic test pattern " + c.width() + "×" + c.height() + " @ " + c.fps() + " fps";
                }
                tracks.add(new Track("video", label, cams.isEmpty(), track, requester));
                localVideo = new VideoView("localVideo", "local", null);
                localVideo.attach(track);
            }
        } catch (RuntimeException e) {
            stoppers.forEach(Runnable::run);
            throw e;
        } catch (Exception e) {
            stoppers.forEach(Runnable::run);
            throw new IllegalStateException("getUserMedia failed to open a device: " + e.getMessage()
                    + " — try Constraints.audioVideo().withSynthetic()", e);
        }
        MediaStream stream = new MediaStream(c, tracks, sources, stoppers, localVideo, System.nanoTime() - t0);
        Engine.get().registerStream(stream);
        return stream;
    }

    /** {@code getUserMedia} with the article's {@code {audio: true, video: true}}. */
    public static MediaStream getUserMedia() {
        return getUserMedia(Constraints.audioVideo());
    }

}

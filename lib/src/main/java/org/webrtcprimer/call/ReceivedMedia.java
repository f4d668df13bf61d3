package org.webrtcprimer.call;

import dev.onvoid.webrtc.RTCRtpTransceiver;
import dev.onvoid.webrtc.media.MediaStreamTrack;
import dev.onvoid.webrtc.media.audio.AudioTrack;
import dev.onvoid.webrtc.media.video.VideoTrack;
import org.webrtcprimer.events.Event;
import org.webrtcprimer.events.EventLog;
import org.webrtcprimer.media.AudioCapture;
import org.webrtcprimer.media.VideoView;

/**
 * What pc2 of a {@link LocalCall} receives — the article's {@code gotRemoteStream}: the remote
 * video into the {@code remoteVideo} view, the remote audio into a capture a lesson can record.
 * Nothing is attached once the call hangs up. Not lesson API: {@link LocalCall#remoteVideo()},
 * {@link LocalCall#remoteAudio()}.
 */
final class ReceivedMedia {
    private final EventLog log;
    private final VideoView video;
    private final AudioCapture audio = new AudioCapture();
    private volatile boolean closed;

    ReceivedMedia(EventLog log) {
        this.log = log;
        this.video = new VideoView("remoteVideo", "pc2", log);
    }

    VideoView video() {
        return video;
    }

    AudioCapture audio() {
        return audio;
    }

    /** pc2's {@code ontrack}. */
    void attach(RTCRtpTransceiver transceiver) {
        MediaStreamTrack track = transceiver.getReceiver().getTrack();
        if (closed) return;
        if (track instanceof VideoTrack v) {
            log.add("pc2", Event.Kind.NOTE, "received remote stream", "");
            video.attach(v);
        }
        if (track instanceof AudioTrack a) audio.attach(a);
    }

    /** At hangup, before the peers close: the view lets go of its sink and kept frame, the capture of its track. */
    void close() {
        closed = true;
        video.close();
        audio.detach();
    }
}

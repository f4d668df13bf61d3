package org.webrtcprimer.call.baseline;

import dev.onvoid.webrtc.PeerConnectionObserver;
import dev.onvoid.webrtc.RTCConfiguration;
import dev.onvoid.webrtc.RTCDataChannel;
import dev.onvoid.webrtc.RTCIceCandidate;
import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCPeerConnectionState;
import dev.onvoid.webrtc.RTCRtpTransceiver;
import dev.onvoid.webrtc.RTCSessionDescription;
import dev.onvoid.webrtc.media.MediaStreamTrack;
import dev.onvoid.webrtc.media.video.VideoTrack;
import dev.onvoid.webrtc.media.video.VideoTrackSink;
import org.webrtcprimer.engine.Engine;
import org.webrtcprimer.media.MediaStream;
import org.webrtcprimer.media.Track;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The engine's own cost, with no kit: the webrtc-java pc1/pc2 call written directly against the
 * engine (the shared factory, the same tracks), with no event log, no views, no futures of the
 * kit — then {@code close()}. The soak runs it beside the kit's call so the output can say which
 * part of the growth is libwebrtc's.
 */
public final class EngineCall {
    private EngineCall() {}

    /** One pc1 → pc2 call of the given kind, closed before it returns. */
    public static void run(CallKind kind, MediaStream stream, Duration timeout) throws Exception {
        Side pc1 = new Side(), pc2 = new Side();
        pc1.other = pc2;
        pc2.other = pc1;
        DataEcho data = null;
        try {
            pc1.pc = Engine.get().factory().createPeerConnection(new RTCConfiguration(), pc1);
            pc2.pc = Engine.get().factory().createPeerConnection(new RTCConfiguration(), pc2);
            if (kind.media() != null) {
                for (Track t : stream.getTracks()) pc1.pc.addTrack(t.engineTrack(), List.of(stream.id()));
            }
            if (kind == CallKind.DATA) {
                data = new DataEcho(pc1.pc);
                DataEcho d = data;
                pc2.onChannel = d::remote;
            }
            RTCSessionDescription offer = create(pc1.pc, true, timeout);
            set(pc1.pc, offer, true, timeout);
            set(pc2.pc, offer, false, timeout);
            pc2.remoteSet();
            RTCSessionDescription answer = create(pc2.pc, false, timeout);
            set(pc2.pc, answer, true, timeout);
            set(pc1.pc, answer, false, timeout);
            pc1.remoteSet();
            if (kind == CallKind.NONE) return;
            await(pc1.connected, timeout, "pc1 did not connect");
            await(pc2.connected, timeout, "pc2 did not connect");
            if (!stream.getVideoTracks().isEmpty() && kind.media() != null && kind.media().video()) {
                await(pc2.firstFrame, timeout, "pc2 received no video frame");
            }
            if (data != null) data.roundTrip(timeout);
        } finally {
            if (data != null) data.close();
            pc2.removeSink();
            for (Side s : new Side[]{pc1, pc2}) {
                if (s.pc != null) {
                    try {
                        s.pc.close();
                    } catch (Throwable ignored) {
                    }
                }
            }
        }
    }

    private static RTCSessionDescription create(RTCPeerConnection pc, boolean offer, Duration timeout) throws Exception {
        return EngineSteps.create(pc, offer, timeout, "engine-only call");
    }

    private static void set(RTCPeerConnection pc, RTCSessionDescription d, boolean local, Duration timeout) throws Exception {
        EngineSteps.set(pc, d, local, timeout, "engine-only call");
    }

    private static <T> T await(CompletableFuture<T> f, Duration timeout, String what) throws Exception {
        return EngineSteps.await(f, timeout, "engine-only call", what);
    }

    /** One peer: candidates go to the other side (queued until its remote description is set). */
    private static final class Side implements PeerConnectionObserver {
        volatile RTCPeerConnection pc;
        Side other;
        final CompletableFuture<Void> connected = new CompletableFuture<>();
        final CompletableFuture<Void> firstFrame = new CompletableFuture<>();
        private final List<RTCIceCandidate> pending = new ArrayList<>();
        private boolean remoteSet;
        volatile java.util.function.Consumer<RTCDataChannel> onChannel = c -> {};
        private VideoTrack remoteVideo;
        private VideoTrackSink sink;

        void remoteSet() {
            List<RTCIceCandidate> queued;
            synchronized (this) {
                remoteSet = true;
                queued = new ArrayList<>(pending);
                pending.clear();
            }
            queued.forEach(this::add);
        }

        void add(RTCIceCandidate c) {
            synchronized (this) {
                if (!remoteSet) {
                    pending.add(c);
                    return;
                }
            }
            try {
                pc.addIceCandidate(c);
            } catch (Throwable ignored) {
                // closed
            }
        }

        @Override
        public void onIceCandidate(RTCIceCandidate candidate) {
            if (candidate != null && candidate.sdp != null && !candidate.sdp.isEmpty()) other.add(candidate);
        }

        @Override
        public void onConnectionChange(RTCPeerConnectionState state) {
            if (state == RTCPeerConnectionState.CONNECTED) connected.complete(null);
        }

        @Override
        public void onTrack(RTCRtpTransceiver transceiver) {
            MediaStreamTrack t = transceiver.getReceiver().getTrack();
            if (t instanceof VideoTrack v) {
                synchronized (this) {
                    remoteVideo = v;
                    // Every frame handed to a sink is a reference that must be released (engine-notes.md).
                    sink = frame -> {
                        firstFrame.complete(null);
                        frame.release();
                    };
                    v.addSink(sink);
                }
            }
        }

        @Override
        public void onDataChannel(RTCDataChannel channel) {
            onChannel.accept(channel);
        }

        synchronized void removeSink() {
            if (remoteVideo != null && sink != null) {
                try {
                    remoteVideo.removeSink(sink);
                } catch (Throwable ignored) {
                }
            }
            remoteVideo = null;
            sink = null;
        }
    }
}

package org.webrtcprimer.call;

import dev.onvoid.webrtc.CreateSessionDescriptionObserver;
import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.PeerConnectionObserver;
import dev.onvoid.webrtc.RTCAnswerOptions;
import dev.onvoid.webrtc.RTCConfiguration;
import dev.onvoid.webrtc.RTCDataChannel;
import dev.onvoid.webrtc.RTCDtlsTransport;
import dev.onvoid.webrtc.RTCDtlsTransportObserver;
import dev.onvoid.webrtc.RTCDtlsTransportState;
import dev.onvoid.webrtc.RTCIceCandidate;
import dev.onvoid.webrtc.RTCIceConnectionState;
import dev.onvoid.webrtc.RTCIceGatheringState;
import dev.onvoid.webrtc.RTCOfferOptions;
import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCPeerConnectionIceErrorEvent;
import dev.onvoid.webrtc.RTCPeerConnectionState;
import dev.onvoid.webrtc.RTCRtpSender;
import dev.onvoid.webrtc.RTCRtpTransceiver;
import dev.onvoid.webrtc.RTCRtpTransceiverDirection;
import dev.onvoid.webrtc.RTCRtpTransceiverInit;
import dev.onvoid.webrtc.RTCSessionDescription;
import dev.onvoid.webrtc.RTCSignalingState;
import dev.onvoid.webrtc.RTCStatsReport;
import dev.onvoid.webrtc.SetSessionDescriptionObserver;
import dev.onvoid.webrtc.media.MediaSource;
import dev.onvoid.webrtc.media.MediaStreamTrack;
import dev.onvoid.webrtc.media.audio.CustomAudioSource;
import dev.onvoid.webrtc.media.video.CustomVideoSource;
import org.webrtcprimer.engine.Engine;
import org.webrtcprimer.events.KitClock;
import org.webrtcprimer.ice.CandidatePairs;
import org.webrtcprimer.events.Event;
import org.webrtcprimer.events.EventLog;
import org.webrtcprimer.media.MediaStream;
import org.webrtcprimer.media.Track;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One peer connection — the article's {@code pc1} or {@code pc2} — whose every step and callback
 * goes into the call's {@link EventLog}.
 *
 * <p>The JSEP steps block until the engine answers (or a timeout says what did not happen) and
 * return something worth looking at: {@code createOffer} returns the offer, {@code
 * setLocalDescription} the peer's states afterwards. No engine callback interface reaches a learner.
 */
public final class Peer {

    private final String name;
    private final EventLog log;
    private final Duration timeout;
    private final RTCPeerConnection pc;
    private final List<IceCandidate> localCandidates = new CopyOnWriteArrayList<>();
    private final List<RTCDtlsTransport> observedTransports = new ArrayList<>();
    private final List<DtlsObserverRelay> dtlsRelays = new ArrayList<>();
    private final Object candidateLock = new Object();
    private final List<IceCandidate> pendingRemoteCandidates = new ArrayList<>();
    private final List<DataChannel> dataChannels = new CopyOnWriteArrayList<>();
    private boolean remoteDescriptionSet;
    private volatile boolean closed;
    private volatile long closedNanos;
    private volatile Consumer<IceCandidate> onIceCandidate = c -> {};
    private volatile Consumer<RTCRtpTransceiver> onTrack = t -> {};
    private volatile Consumer<RTCDataChannel> onDataChannel = c -> {};
    private volatile Supplier<String> situation = () -> state().toString();
    // The engine keeps every peer connection, and so its observer, for the life of the JVM: it
    // gets a relay that forgets this peer at close(), or each call's log, views and last frame
    // would stay reachable forever (soak: ~0.5 MB of Java heap per video call).
    private final ObserverRelay relay = new ObserverRelay(new Observer());

    Peer(String name, EventLog log, RTCConfiguration config, Duration timeout) {
        this.name = name;
        this.log = log;
        this.timeout = timeout;
        this.pc = Engine.get().factory().createPeerConnection(config, relay);
        if (pc == null) throw new CallException("the engine could not create " + name + " — check lesson 00's setup table");
    }

    /**
     * One peer connection on its own, for a call whose other side runs in another process or a
     * browser (lesson 10, {@code org.webrtcprimer.signaling}): whoever creates it carries its
     * candidates and descriptions to the other side, through {@link #onIceCandidate} and the JSEP
     * steps, and shows what {@link #onTrack} delivers. {@link LocalCall} wires two of these itself.
     *
     * @param name how the log names it, e.g. {@code pc1} for the caller, {@code pc2} for the callee
     * @param log  where its steps and callbacks go
     */
    public static Peer create(String name, EventLog log, CallOptions options) {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("a peer needs a name, e.g. \"pc1\"");
        if (log == null) throw new IllegalArgumentException(name + " needs an event log to write to — new EventLog()");
        CallOptions o = options == null ? CallOptions.defaults() : options;
        if (!o.ice().servers().isEmpty()) log.add(name, Event.Kind.NOTE, "RTCPeerConnection configuration", o.ice().describe());
        return new Peer(name, log, EngineConfig.of(o.ice()), o.timeout());
    }

    /** {@code pc1} or {@code pc2}: the article's {@code getName(pc)}. */
    public String name() {
        return name;
    }

    /** The call's event log this peer writes to. */
    public EventLog log() {
        return log;
    }

    // ---- wiring: where this peer's candidates and remote tracks go ----

    /** Where each candidate this peer gathers goes — the article's {@code onicecandidate}. */
    public void onIceCandidate(Consumer<IceCandidate> c) {
        onIceCandidate = c == null ? x -> {} : c;
    }

    /** Where each track the other side sends goes — the article's {@code ontrack}. */
    public void onTrack(Consumer<RTCRtpTransceiver> c) {
        onTrack = c == null ? t -> {} : c;
    }

    /**
     * Shows the video the other side sends in {@code view} — the article's {@code gotRemoteStream}
     * ({@code remoteVideo.srcObject = e.streams[0]}), for a call with one peer in this process.
     */
    public void showRemoteVideo(org.webrtcprimer.media.VideoView view) {
        onTrack(transceiver -> {
            if (transceiver.getReceiver().getTrack() instanceof dev.onvoid.webrtc.media.video.VideoTrack v) {
                log.add(name, Event.Kind.NOTE, "received remote stream", "");
                view.attach(v);
            }
        });
    }

    /**
     * Also hands each data channel the other side opens to {@code c}, as the engine's object (for
     * lessons that go below the kit). The kit has already registered its own observer on it:
     * registering another replaces the kit's. Most lessons use {@link #awaitDataChannel(String)}.
     */
    public void onDataChannel(Consumer<RTCDataChannel> c) {
        onDataChannel = c == null ? ch -> {} : c;
    }

    void situation(Supplier<String> s) {
        situation = s;
    }

    // ---- media ----

    /**
     * Sends a local track to the other peer — the article's {@code pc1.addTrack(track, localStream)}.
     *
     * @return what is being sent, e.g. {@code pc1 sends video 'Synthetic test pattern …'}
     */
    public String addTrack(Track track, MediaStream stream) {
        ensureOpen("addTrack");
        if (track == null || stream == null) {
            throw new IllegalArgumentException(name + ".addTrack needs a track and its stream — e.g. "
                    + "localStream.getTracks().forEach(track -> " + name + ".addTrack(track, localStream))");
        }
        if (track.readyState().equals("ended")) {
            throw new CallException(name + ".addTrack: the " + track.kind() + " track has ended (its stream was stopped) — "
                    + "open the media again with getUserMedia");
        }
        try {
            RTCRtpSender sender = pc.addTrack(track.engineTrack(), List.of(stream.id()));
            if (sender == null) throw new CallException(name + ".addTrack: the engine refused the " + track.kind() + " track");
        } catch (CallException e) {
            throw e;
        } catch (Throwable t) {
            throw new CallException(name + ".addTrack failed: " + t.getMessage(), t);
        }
        String what = track.kind() + " '" + track.label() + "'";
        log.add(name, Event.Kind.STEP_DONE, "addTrack", what);
        return name + " sends " + what + " in stream " + stream.id().substring(0, 8) + "…";
    }

    // ---- data channels (lesson 08) ----

    /** Creates a reliable, ordered data channel — the article's {@code pc1.createDataChannel(label)}. */
    public DataChannel createDataChannel(String label) {
        return createDataChannel(label, DataChannelOptions.reliable());
    }

    /**
     * Creates a data channel with options (ordered or not, partial reliability, negotiated id).
     * Before the first negotiation this adds an m=application section to the next offer; on a
     * call negotiated without one, run {@code negotiate()} again.
     */
    public DataChannel createDataChannel(String label, DataChannelOptions options) {
        ensureOpen("createDataChannel");
        DataChannel c = DataChannel.create(this, label, options, timeout);
        dataChannels.add(c);
        return c;
    }

    /**
     * Waits for the in-band channel the other peer created with this label — the article's
     * {@code ondatachannel}. (A negotiated channel never arrives this way: create it on both peers.)
     */
    public DataChannel awaitDataChannel(String label) {
        if (label == null) throw new IllegalArgumentException(name + ".awaitDataChannel needs the label the other peer used, e.g. \"chat\"");
        ensureOpen("awaitDataChannel");
        CompletableFuture<Event> f = log.when(e -> e.source().equals(name) && e.kind() == Event.Kind.NOTE
                && e.name().equals("datachannel") && e.detail().startsWith("'" + label + "'"));
        try {
            f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(false);
            throw new CallTimeoutException(name + " received no data channel '" + label + "' within " + timeout.toMillis()
                    + " ms — an in-band channel arrives once the call is negotiated and connected (a negotiated one never "
                    + "does: create it on both peers). " + situation.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CallException("interrupted while " + name + " waited for data channel '" + label + "'");
        } catch (ExecutionException e) {
            throw new CallException(name + ".awaitDataChannel('" + label + "'): " + e.getCause().getMessage(), e.getCause());
        }
        return dataChannels.stream().filter(c -> c.isReceived() && c.label().equals(label)).findFirst()
                .orElseThrow(() -> new CallException(name + " logged data channel '" + label + "' but does not hold it"));
    }

    /** The data channels this peer created or received, in order. */
    public List<DataChannel> dataChannels() {
        return List.copyOf(dataChannels);
    }

    /**
     * Adds a transceiver with no track — the browser's {@code pc.addTransceiver('video', {direction:
     * 'recvonly'})}, which replaced the article's {@code offerToReceiveAudio/Video}: the next offer gets
     * an m-section of that kind in that direction, without a=msid or a=ssrc (nothing is sent on it).
     *
     * @param kind      {@code audio} or {@code video}
     * @param direction {@code recvonly}, {@code sendrecv}, {@code sendonly} or {@code inactive}
     * @return what was added, e.g. {@code pc1 added a video transceiver (recvonly, no track)}
     */
    public String addTransceiver(String kind, String direction) {
        ensureOpen("addTransceiver");
        if (!"audio".equals(kind) && !"video".equals(kind)) {
            throw new IllegalArgumentException(name + ".addTransceiver: kind must be \"audio\" or \"video\", not " + quote(kind));
        }
        RTCRtpTransceiverDirection dir = switch (direction == null ? "" : direction) {
            case "sendrecv" -> RTCRtpTransceiverDirection.SEND_RECV;
            case "sendonly" -> RTCRtpTransceiverDirection.SEND_ONLY;
            case "recvonly" -> RTCRtpTransceiverDirection.RECV_ONLY;
            case "inactive" -> RTCRtpTransceiverDirection.INACTIVE;
            default -> throw new IllegalArgumentException(name + ".addTransceiver: direction must be \"recvonly\", \"sendrecv\", "
                    + "\"sendonly\" or \"inactive\", not " + quote(direction));
        };
        // webrtc-java 0.14.0 can only add a transceiver together with a track. A placeholder track
        // that never produces anything is added and at once taken off again (replaceTrack(null)),
        // which leaves what the browser's addTransceiver(kind) makes: a transceiver without a track.
        PeerConnectionFactory factory = Engine.get().factory();
        MediaSource source = kind.equals("audio") ? new CustomAudioSource() : new CustomVideoSource();
        MediaStreamTrack placeholder = null;
        try {
            placeholder = source instanceof CustomAudioSource a ? factory.createAudioTrack("placeholder-" + UUID.randomUUID(), a)
                    : factory.createVideoTrack("placeholder-" + UUID.randomUUID(), (CustomVideoSource) source);
            RTCRtpTransceiverInit init = new RTCRtpTransceiverInit();
            init.direction = dir;
            RTCRtpTransceiver t = pc.addTransceiver(placeholder, init);
            t.getSender().replaceTrack(null);
        } catch (Throwable t) {
            throw new CallException(name + ".addTransceiver(" + kind + ", " + direction + ") failed: " + t.getMessage(), t);
        } finally {
            try {
                if (placeholder != null) placeholder.dispose();
                if (source instanceof CustomAudioSource a) a.dispose();
                else ((CustomVideoSource) source).dispose();
            } catch (Throwable ignored) {
                // the native side released it already; never retry (engine-notes.md)
            }
        }
        String what = kind + " transceiver (" + direction + ", no track)";
        log.add(name, Event.Kind.STEP_DONE, "addTransceiver", what);
        return name + " added " + (kind.equals("audio") ? "an " : "a ") + what;
    }

    private static String quote(String s) {
        return s == null ? "null" : "'" + s + "'";
    }

    // ---- JSEP ----

    /** Creates an offer with default options. */
    public SessionDescription createOffer() {
        return createOffer(OfferOptions.defaults());
    }

    /**
     * Creates an offer — the article's {@code pc1.createOffer(offerOptions)}. The offer describes
     * the media this peer wants to send and receive; it is not applied until setLocalDescription.
     */
    public SessionDescription createOffer(OfferOptions options) {
        OfferOptions o = options == null ? OfferOptions.defaults() : options;
        RTCOfferOptions engineOptions = new RTCOfferOptions();
        engineOptions.iceRestart = o.iceRestart();
        engineOptions.voiceActivityDetection = o.voiceActivityDetection();
        return describe("createOffer", f -> pc.createOffer(engineOptions, observer(f)));
    }

    /** Creates an answer to the remote offer — the article's {@code pc2.createAnswer()}. */
    public SessionDescription createAnswer() {
        return describe("createAnswer", f -> pc.createAnswer(new RTCAnswerOptions(), observer(f)));
    }

    private SessionDescription describe(String step, Consumer<CompletableFuture<RTCSessionDescription>> start) {
        ensureOpen(step);
        log.add(name, Event.Kind.STEP_START, step, "");
        CompletableFuture<RTCSessionDescription> f = new CompletableFuture<>();
        SessionDescription d = SessionDescription.from(run(step, f, start));
        log.add(name, Event.Kind.STEP_DONE, step, "(" + d.type() + ", " + d.sdp().length() + " bytes)");
        return d;
    }

    /**
     * Applies a description as this peer's own — the article's {@code setLocalDescription(desc)}.
     * An offer moves signaling to have-local-offer and starts ICE gathering.
     *
     * @return this peer's states afterwards
     */
    public PeerState setLocalDescription(SessionDescription description) {
        requireDescription("setLocalDescription", description);
        ensureOpen("setLocalDescription");
        log.add(name, Event.Kind.STEP_START, "setLocalDescription", "(" + description.type() + ")");
        CompletableFuture<Void> f = new CompletableFuture<>();
        run("setLocalDescription", f, x -> pc.setLocalDescription(description.toEngine(), setObserver(x)));
        log.add(name, Event.Kind.STEP_DONE, "setLocalDescription", "");
        observeDtls();
        return state();
    }

    /**
     * Applies the other peer's description — the article's {@code setRemoteDescription(desc)}.
     * Candidates that arrived before it are added now (the engine would drop them earlier).
     *
     * @return this peer's states afterwards
     */
    public PeerState setRemoteDescription(SessionDescription description) {
        requireDescription("setRemoteDescription", description);
        ensureOpen("setRemoteDescription");
        log.add(name, Event.Kind.STEP_START, "setRemoteDescription", "(" + description.type() + ")");
        CompletableFuture<Void> f = new CompletableFuture<>();
        run("setRemoteDescription", f, x -> pc.setRemoteDescription(description.toEngine(), setObserver(x)));
        log.add(name, Event.Kind.STEP_DONE, "setRemoteDescription", "");
        List<IceCandidate> queued;
        synchronized (candidateLock) {
            remoteDescriptionSet = true;
            queued = new ArrayList<>(pendingRemoteCandidates);
            pendingRemoteCandidates.clear();
        }
        // Outside the lock: the engine's thread may be delivering a candidate to us right now.
        for (IceCandidate c : queued) addIceCandidate(c, "queued");
        return state();
    }

    /**
     * Adds a candidate from the other peer — the article's {@code addIceCandidate(event.candidate)}.
     * Before a remote description is set, the candidate waits in a queue (the engine would
     * silently drop it); the end-of-candidates marker is ignored.
     */
    public void addIceCandidate(IceCandidate candidate) {
        addIceCandidate(candidate, null);
    }

    private void addIceCandidate(IceCandidate candidate, String how) {
        if (candidate == null) throw new IllegalArgumentException(name + ".addIceCandidate needs a candidate");
        if (closed) return; // the call is over: late candidates are harmless
        if (candidate.isEndOfCandidates()) return;
        synchronized (candidateLock) {
            if (!remoteDescriptionSet) {
                pendingRemoteCandidates.add(candidate);
                log.add(name, Event.Kind.NOTE, "addIceCandidate waits for a remote description", candidate.brief());
                return;
            }
        }
        String wrongSection = wrongSection(candidate);
        if (wrongSection != null) {
            log.add(name, Event.Kind.STEP_FAILED, "addIceCandidate", wrongSection);
            throw new CallException(name + ".addIceCandidate: " + wrongSection + " — candidate was '" + candidate.candidate() + "'");
        }
        try {
            pc.addIceCandidate(candidate.toEngine());
            log.add(name, Event.Kind.STEP_DONE, "addIceCandidate", candidate.brief() + (how == null ? "" : " (" + how + ")"));
        } catch (Throwable t) {
            // Malformed candidates come back as java.lang.Error, not an exception.
            log.add(name, Event.Kind.STEP_FAILED, "addIceCandidate", t.getMessage());
            throw new CallException(name + ".addIceCandidate failed: " + t.getMessage() + " — candidate was '"
                    + candidate.candidate() + "'", t);
        }
    }

    /**
     * Why the engine would drop this candidate without a word, or null: its media section is not
     * in the remote description (libwebrtc matches by sdpMid, else by sdpMLineIndex; RFC 8839 §5.1).
     */
    private String wrongSection(IceCandidate c) {
        SessionDescription remote = remoteDescription();
        if (remote == null) return null;
        List<String> mids = new ArrayList<>();
        int sections = 0;
        for (String l : remote.lines()) {
            if (l.startsWith("m=")) sections++;
            else if (l.startsWith("a=mid:")) mids.add(l.substring(6).strip());
        }
        if (c.sdpMid() != null && !c.sdpMid().isEmpty()) {
            return mids.contains(c.sdpMid()) ? null : "the candidate is for media section '" + c.sdpMid() + "', but "
                    + name + "'s remote description has " + (mids.isEmpty() ? "no a=mid" : "only " + mids);
        }
        return c.sdpMLineIndex() >= 0 && c.sdpMLineIndex() < sections ? null : "the candidate is for m-line index "
                + c.sdpMLineIndex() + ", but " + name + "'s remote description has " + sections + " m-lines";
    }

    /** Candidates this peer gathered so far, in order. */
    public List<IceCandidate> localCandidates() {
        return List.copyOf(localCandidates);
    }

    /** This peer's current description (offer or answer), or null. */
    public SessionDescription localDescription() {
        return closed ? null : SessionDescription.from(pc.getLocalDescription());
    }

    /** The other peer's description as applied here, or null. */
    public SessionDescription remoteDescription() {
        return closed ? null : SessionDescription.from(pc.getRemoteDescription());
    }

    /** Restarts ICE on the next offer (the engine's {@code restartIce()}). */
    public void restartIce() {
        ensureOpen("restartIce");
        pc.restartIce();
        log.add(name, Event.Kind.STEP_DONE, "restartIce", "");
    }

    /**
     * The statistics now, {@code pc.getStats()}, as the kit's plain {@link StatsReport} (lesson 09
     * turns it into tables).
     */
    public StatsReport getStats() {
        ensureOpen("getStats");
        CompletableFuture<RTCStatsReport> f = new CompletableFuture<>();
        RTCStatsReport raw = run("getStats", f, x -> pc.getStats(x::complete));
        return StatsReport.from(name, raw, KitClock.now());
    }

    /**
     * The statistics now, waiting at most {@code limit} and logging nothing — for a sampler that
     * asks every few hundred milliseconds and skips a sample the engine is late with.
     *
     * @throws TimeoutException when the engine has not answered within {@code limit}
     * @throws CallException when the peer is closed
     */
    public StatsReport statsWithin(Duration limit) throws TimeoutException, InterruptedException {
        ensureOpen("getStats");
        CompletableFuture<RTCStatsReport> f = new CompletableFuture<>();
        try {
            pc.getStats(f::complete);
            return StatsReport.from(name, f.get(limit.toMillis(), TimeUnit.MILLISECONDS), KitClock.now());
        } catch (ExecutionException e) {
            throw new CallException(name + ".getStats failed: " + e.getCause(), e.getCause());
        } catch (NullPointerException e) {
            throw new CallException(name + " closed while getStats ran", e); // the handle is gone
        }
    }

    /** The candidate pairs this peer's ICE agent formed, from {@link #getStats()}, the selected one marked. */
    public CandidatePairs candidatePairs() {
        return CandidatePairs.of(name, getStats().w3c());
    }

    /**
     * The codecs this peer is sending and receiving with right now, read from {@link #getStats()}
     * (each outbound-rtp and inbound-rtp entry's codec), e.g. {@code sends video VP9/90000 (payload
     * type 98, profile-id=0)}. Empty until media flows: ask after the call is connected.
     */
    public List<String> codecsInUse() {
        StatsReport stats = getStats();
        List<String> out = new ArrayList<>();
        for (String type : List.of("outbound-rtp", "inbound-rtp")) {
            List<String> lines = new ArrayList<>();
            for (StatsObject s : stats.ofType(type)) {
                StatsObject c = stats.get(s.string("codecId")).orElse(null);
                if (c == null) continue; // nothing sent or received on it yet
                String mime = c.string("mimeType");      // e.g. video/VP9
                String fmtp = c.has("sdpFmtpLine") ? ", " + c.string("sdpFmtpLine") : "";
                lines.add((type.equals("outbound-rtp") ? "sends " : "receives ") + mime.replaceFirst("/", " ")
                        + "/" + c.get("clockRate") + " (payload type " + c.get("payloadType") + fmtp + ")");
            }
            lines.sort(null); // audio before video, whatever order the report had
            out.addAll(lines);
        }
        return out;
    }

    /** The engine's peer connection, for lessons that go below the kit. */
    public RTCPeerConnection engine() {
        ensureOpen("engine");
        return pc;
    }

    /** The four state machines now. */
    public PeerState state() {
        if (closed) return new PeerState(name, "closed", "complete", "closed", "closed");
        return new PeerState(name, States.w3c(pc.getSignalingState()), States.w3c(pc.getIceGatheringState()),
                States.w3c(pc.getIceConnectionState()), States.w3c(pc.getConnectionState()));
    }

    /** Whether {@link #close()} has been called. */
    public boolean isClosed() {
        return closed;
    }

    /**
     * Closes the peer connection (the article's {@code pc1.close()}). Harmless twice. In
     * webrtc-java 0.14.0 the native object is never freed (engine-notes.md): the kit keeps one
     * factory per JVM so that this costs memory only, not threads.
     */
    public void close() {
        synchronized (this) {
            if (closed) return;
            closed = true;
            closedNanos = KitClock.now();
        }
        synchronized (observedTransports) {
            for (RTCDtlsTransport t : observedTransports) {
                try {
                    t.unregisterObserver();
                } catch (Throwable ignored) {
                }
            }
            observedTransports.clear();
        }
        try {
            pc.close();
        } catch (Throwable ignored) {
            // Already closed natively; nothing left to release.
        }
        dataChannels.forEach(DataChannel::release); // closed with the connection; they stop listening
        relay.detach(); // after close(): its "closed" state changes are still logged
        synchronized (observedTransports) {
            dtlsRelays.forEach(DtlsObserverRelay::detach);
            dtlsRelays.clear();
        }
        onIceCandidate = c -> {};
        onTrack = t -> {};
        onDataChannel = ch -> {};
    }

    // ---- plumbing ----

    private void requireDescription(String step, SessionDescription d) {
        if (d == null) {
            throw new IllegalArgumentException(name + "." + step + " needs a description — pass the offer or answer "
                    + "that createOffer/createAnswer returned");
        }
    }

    private void ensureOpen(String step) {
        if (closed) {
            throw new CallException(name + "." + step + ": " + name + " is closed — hangup() ended this call at "
                    + KitClock.stamp(closedNanos) + ". Start a new call: LocalCall.create(localStream)");
        }
    }

    private static CreateSessionDescriptionObserver observer(CompletableFuture<RTCSessionDescription> f) {
        return new CreateSessionDescriptionObserver() {
            @Override
            public void onSuccess(RTCSessionDescription d) {
                f.complete(d);
            }

            @Override
            public void onFailure(String error) {
                f.completeExceptionally(new EngineFailure(error));
            }
        };
    }

    private static SetSessionDescriptionObserver setObserver(CompletableFuture<Void> f) {
        return new SetSessionDescriptionObserver() {
            @Override
            public void onSuccess() {
                f.complete(null);
            }

            @Override
            public void onFailure(String error) {
                f.completeExceptionally(new EngineFailure(error));
            }
        };
    }

    /** The engine's own failure message, passed to onFailure. */
    private static final class EngineFailure extends RuntimeException {
        EngineFailure(String message) {
            super(message, null, false, false);
        }
    }

    /** Starts an engine step and waits for its result, turning every way it can fail into a clear CallException. */
    private <T> T run(String step, CompletableFuture<T> f, Consumer<CompletableFuture<T>> start) {
        String before = closed ? "closed" : States.w3c(pc.getSignalingState());
        try {
            start.accept(f);
        } catch (Throwable t) {
            // Malformed SDP is thrown synchronously as java.lang.Error by webrtc-java.
            throw failed(step, before, t.getMessage(), t);
        }
        try {
            return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            log.add(name, Event.Kind.STEP_FAILED, step, "no answer from the engine within " + timeout.toMillis() + " ms");
            throw new CallTimeoutException(name + "." + step + " did not complete within " + timeout.toMillis()
                    + " ms. " + situation.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CallException("interrupted while waiting for " + name + "." + step);
        } catch (ExecutionException e) {
            throw failed(step, before, e.getCause().getMessage(), e.getCause());
        }
    }

    private CallException failed(String step, String signalingBefore, String engineMessage, Throwable cause) {
        log.add(name, Event.Kind.STEP_FAILED, step, engineMessage);
        String hint = Hints.forStep(name, step, signalingBefore, engineMessage);
        // The engine's messages often end with a full stop already.
        String said = engineMessage == null ? "" : engineMessage.strip();
        if (!said.endsWith(".")) said += ".";
        return new CallException(name + "." + step + " failed: " + said + " " + name
                + " was in signaling state '" + signalingBefore + "'." + (hint.isEmpty() ? "" : " " + hint), cause);
    }

    private void observeDtls() {
        try {
            for (RTCRtpTransceiver t : pc.getTransceivers()) {
                RTCDtlsTransport dtls = t.getSender().getTransport();
                if (dtls == null) continue;
                synchronized (observedTransports) {
                    // With BUNDLE every section shares one transport: observe it once.
                    if (!observedTransports.isEmpty()) return;
                    DtlsObserverRelay relay = new DtlsObserverRelay(new RTCDtlsTransportObserver() {
                        @Override
                        public void onStateChange(RTCDtlsTransportState state) {
                            log.add(name, Event.Kind.STATE, Event.DTLS, States.w3c(state));
                        }

                        @Override
                        public void onError(String error) {
                            log.add(name, Event.Kind.NOTE, "DTLS error", error);
                        }
                    });
                    dtls.registerObserver(relay);
                    dtlsRelays.add(relay);
                    observedTransports.add(dtls);
                }
            }
        } catch (Throwable ignored) {
            // No transport yet (no media sections): nothing to observe.
        }
    }

    /** Every engine callback lands in the log first; then the call's wiring sees it. */
    private final class Observer implements PeerConnectionObserver {
        @Override
        public void onSignalingChange(RTCSignalingState state) {
            log.add(name, Event.Kind.STATE, Event.SIGNALING, States.w3c(state));
        }

        @Override
        public void onConnectionChange(RTCPeerConnectionState state) {
            log.add(name, Event.Kind.STATE, Event.CONNECTION, States.w3c(state));
        }

        @Override
        public void onIceConnectionChange(RTCIceConnectionState state) {
            log.add(name, Event.Kind.STATE, Event.ICE_CONNECTION, States.w3c(state));
        }

        @Override
        public void onIceGatheringChange(RTCIceGatheringState state) {
            log.add(name, Event.Kind.STATE, Event.ICE_GATHERING, States.w3c(state));
        }

        @Override
        public void onIceCandidate(RTCIceCandidate candidate) {
            if (candidate == null) return;
            IceCandidate c = IceCandidate.from(candidate);
            localCandidates.add(c);
            log.add(name, Event.Kind.CANDIDATE, "icecandidate", c.candidate());
            try {
                onIceCandidate.accept(c);
            } catch (Throwable t) {
                log.add(name, Event.Kind.NOTE, "failed to deliver ICE candidate", String.valueOf(t.getMessage()));
            }
        }

        @Override
        public void onIceCandidateError(RTCPeerConnectionIceErrorEvent event) {
            // The browser's icecandidateerror: code, text and URL of the server, the local address it left from.
            Integer port = event.getPort();
            IceCandidateError e = new IceCandidateError(name, event.getErrorCode(), String.valueOf(event.getErrorText()).strip(),
                    String.valueOf(event.getUrl()), event.getAddress() == null || event.getAddress().isEmpty() ? "?" : event.getAddress(),
                    port == null ? -1 : port);
            log.add(name, Event.Kind.NOTE, IceCandidateError.EVENT, e.detail());
        }

        @Override
        public void onIceCandidatesRemoved(RTCIceCandidate[] candidates) {
            log.add(name, Event.Kind.NOTE, "ICE candidates removed", String.valueOf(candidates.length));
        }

        @Override
        public void onRenegotiationNeeded() {
            log.add(name, Event.Kind.NOTE, "negotiationneeded", "");
        }

        @Override
        public void onTrack(RTCRtpTransceiver transceiver) {
            String kind;
            try {
                kind = transceiver.getReceiver().getTrack().getKind();
            } catch (Throwable t) {
                kind = "unknown";
            }
            log.add(name, Event.Kind.TRACK, "track", kind);
            try {
                onTrack.accept(transceiver);
            } catch (Throwable t) {
                log.add(name, Event.Kind.NOTE, "failed to attach remote track", String.valueOf(t.getMessage()));
            }
        }

        @Override
        public void onDataChannel(RTCDataChannel channel) {
            // Wrap first: the kit's observer must be in place before any message is delivered.
            DataChannel c = DataChannel.adopt(Peer.this, channel, timeout);
            dataChannels.add(c);
            log.add(name, Event.Kind.NOTE, "datachannel", "'" + c.label() + "' (" + c.options().describe() + ")");
            onDataChannel.accept(channel);
        }
    }
}

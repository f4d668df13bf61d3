package org.webrtcprimer.call;

import dev.onvoid.webrtc.RTCAnswerOptions;
import dev.onvoid.webrtc.RTCConfiguration;
import dev.onvoid.webrtc.RTCDataChannel;
import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCRtpSender;
import dev.onvoid.webrtc.RTCRtpTransceiver;
import dev.onvoid.webrtc.RTCSessionDescription;
import dev.onvoid.webrtc.RTCStatsReport;
import dev.onvoid.webrtc.SetSessionDescriptionObserver;
import org.webrtcprimer.engine.Engine;
import org.webrtcprimer.events.KitClock;
import org.webrtcprimer.ice.CandidatePairs;
import org.webrtcprimer.events.Event;
import org.webrtcprimer.events.EventLog;
import org.webrtcprimer.media.MediaStream;
import org.webrtcprimer.media.Track;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
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
    private final PeerChannels channels;
    private final RemoteCandidates remoteCandidates;
    private final DtlsWatch dtls;
    private final EngineStep steps;
    private final PeerObserver events;
    // The engine keeps every peer connection, and so its observer, for the life of the JVM: it
    // gets a relay that forgets this peer at close(), or each call's log, views and last frame
    // would stay reachable forever (soak: ~0.5 MB of Java heap per video call).
    private final ObserverRelay relay;
    private volatile boolean closed;
    private volatile long closedNanos;
    private volatile Supplier<String> situation = () -> state().toString();

    Peer(String name, EventLog log, RTCConfiguration config, Duration timeout) {
        this.name = name;
        this.log = log;
        this.timeout = timeout;
        this.dtls = new DtlsWatch(name, log);
        this.channels = new PeerChannels(this, timeout, () -> situation.get());
        this.events = new PeerObserver(name, log, channels::adopt);
        this.relay = new ObserverRelay(events);
        this.pc = Engine.get().factory().createPeerConnection(config, relay);
        if (pc == null) throw new CallException("the engine could not create " + name + " — check lesson 00's setup table");
        this.remoteCandidates = new RemoteCandidates(name, log, pc, this::remoteDescription);
        this.steps = new EngineStep(name, log, timeout, () -> closed ? "closed" : States.w3c(pc.getSignalingState()),
                () -> situation.get());
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
        events.candidatesTo(c);
    }

    /** Where each track the other side sends goes — the article's {@code ontrack}. */
    public void onTrack(Consumer<RTCRtpTransceiver> c) {
        events.tracksTo(c);
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
        events.channelsTo(c);
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
        RTCRtpSender sender;
        try {
            sender = pc.addTrack(track.engineTrack(), List.of(stream.id()));
        } catch (Throwable t) {
            throw new CallException(name + ".addTrack failed: " + t.getMessage(), t);
        }
        if (sender == null) throw new CallException(name + ".addTrack: the engine refused the " + track.kind() + " track");
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
        return channels.create(label, options);
    }

    /**
     * Waits for the in-band channel the other peer created with this label — the article's
     * {@code ondatachannel}. (A negotiated channel never arrives this way: create it on both peers.)
     */
    public DataChannel awaitDataChannel(String label) {
        if (label == null) throw new IllegalArgumentException(name + ".awaitDataChannel needs the label the other peer used, e.g. \"chat\"");
        ensureOpen("awaitDataChannel");
        return channels.awaitReceived(label);
    }

    /** The data channels this peer created or received, in order. */
    public List<DataChannel> dataChannels() {
        return channels.all();
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
        TracklessTransceiver.add(pc, name, kind, direction);
        String what = kind + " transceiver (" + direction + ", no track)";
        log.add(name, Event.Kind.STEP_DONE, "addTransceiver", what);
        return name + " added " + (kind.equals("audio") ? "an " : "a ") + what;
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
        var engineOptions = (options == null ? OfferOptions.defaults() : options).toEngine();
        return describe("createOffer", f -> pc.createOffer(engineOptions, EngineStep.created(f)));
    }

    /** Creates an answer to the remote offer — the article's {@code pc2.createAnswer()}. */
    public SessionDescription createAnswer() {
        return describe("createAnswer", f -> pc.createAnswer(new RTCAnswerOptions(), EngineStep.created(f)));
    }

    private SessionDescription describe(String step, Consumer<CompletableFuture<RTCSessionDescription>> start) {
        ensureOpen(step);
        log.add(name, Event.Kind.STEP_START, step, "");
        CompletableFuture<RTCSessionDescription> f = new CompletableFuture<>();
        SessionDescription d = SessionDescription.from(steps.run(step, f, start));
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
        apply("setLocalDescription", description, pc::setLocalDescription);
        dtls.watch(pc);
        return state();
    }

    /**
     * Applies the other peer's description — the article's {@code setRemoteDescription(desc)}.
     * Candidates that arrived before it are added now (the engine would drop them earlier).
     *
     * @return this peer's states afterwards
     */
    public PeerState setRemoteDescription(SessionDescription description) {
        apply("setRemoteDescription", description, pc::setRemoteDescription);
        for (IceCandidate c : remoteCandidates.ready()) if (!closed) remoteCandidates.add(c, "queued");
        return state();
    }

    private void apply(String step, SessionDescription d, BiConsumer<RTCSessionDescription, SetSessionDescriptionObserver> set) {
        if (d == null) {
            throw new IllegalArgumentException(name + "." + step + " needs a description — pass the offer or answer "
                    + "that createOffer/createAnswer returned");
        }
        ensureOpen(step);
        log.add(name, Event.Kind.STEP_START, step, "(" + d.type() + ")");
        steps.run(step, new CompletableFuture<Void>(), x -> set.accept(d.toEngine(), EngineStep.set(x)));
        log.add(name, Event.Kind.STEP_DONE, step, "");
    }

    /**
     * Adds a candidate from the other peer — the article's {@code addIceCandidate(event.candidate)}.
     * Before a remote description is set, the candidate waits in a queue (the engine would
     * silently drop it); the end-of-candidates marker is ignored.
     */
    public void addIceCandidate(IceCandidate candidate) {
        if (candidate == null) throw new IllegalArgumentException(name + ".addIceCandidate needs a candidate");
        if (closed) return; // the call is over: late candidates are harmless
        if (candidate.isEndOfCandidates()) return;
        remoteCandidates.add(candidate, null);
    }

    /** Candidates this peer gathered so far, in order. */
    public List<IceCandidate> localCandidates() {
        return events.localCandidates();
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
        RTCStatsReport raw = steps.run("getStats", f, x -> pc.getStats(x::complete));
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
        RTCStatsReport raw = steps.within("getStats", limit, new CompletableFuture<>(), f -> pc.getStats(f::complete));
        return StatsReport.from(name, raw, KitClock.now());
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
        return getStats().codecsInUse();
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
        dtls.unregister();
        try {
            pc.close();
        } catch (Throwable ignored) {
            // Already closed natively; nothing left to release.
        }
        channels.releaseAll(); // closed with the connection; they stop listening
        relay.detach(); // after close(): its "closed" state changes are still logged
        dtls.detach();
        events.unwire();
    }

    // ---- plumbing ----

    private void ensureOpen(String step) {
        if (closed) {
            throw new CallException(name + "." + step + ": " + name + " is closed — hangup() ended this call at "
                    + KitClock.stamp(closedNanos) + ". Start a new call: LocalCall.create(localStream)");
        }
    }
}

package org.webrtcprimer.call;

import org.webrtcprimer.engine.Engine;
import org.webrtcprimer.events.KitClock;
import org.webrtcprimer.events.Event;
import org.webrtcprimer.events.EventLog;
import org.webrtcprimer.media.MediaStream;
import org.webrtcprimer.media.Track;
import org.webrtcprimer.media.VideoView;
import org.webrtcprimer.net.Relay;
import org.webrtcprimer.net.Way;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/**
 * The article's local call: {@code pc1} and {@code pc2} in one process, connected to each other.
 *
 * <p>Step by step, as lesson 03 runs it:
 * <pre>{@code
 * var call = LocalCall.create(localStream);          // pc1, pc2, ICE candidates wired
 * var pc1 = call.pc1(); var pc2 = call.pc2();
 * localStream.getTracks().forEach(track -> pc1.addTrack(track, localStream));
 * var offer = pc1.createOffer(offerOptions);
 * pc1.setLocalDescription(offer);
 * pc2.setRemoteDescription(offer);
 * var answer = pc2.createAnswer();
 * pc2.setLocalDescription(answer);
 * pc1.setRemoteDescription(answer);
 * call.awaitFirstFrame();
 * call.hangup();
 * }</pre>
 * or all at once: {@code LocalCall.call(localStream)}.
 *
 * <p>Everything that happens goes into {@link #log()}; waits fail with a message that says what
 * did not happen and where each peer stood.
 */
public final class LocalCall implements Call, Engine.Resource {

    private final EventLog log = new EventLog();
    private final MediaStream localStream;
    private final CallOptions options;
    private final Peer pc1;
    private final Peer pc2;
    private final ReceivedMedia received;
    private final LocalRoute route;
    private volatile boolean hungUp;
    private final AtHangup atHangup = new AtHangup();

    private LocalCall(MediaStream localStream, CallOptions options) {
        this.localStream = localStream;
        this.options = options;
        log.note(SetupTime.START_NOTE);
        for (Track t : videoTracks()) log.note("Using video device", t.label());
        if (localStream != null) for (Track t : localStream.getAudioTracks()) log.note("Using audio device", t.label());
        else log.note("No local media", "data channels only");
        // By default no STUN/TURN: host candidates are enough on one machine.
        log.note("RTCPeerConnection configuration", options.ice().describe());
        route = LocalRoute.of(options, log);
        Peer first = null, second;
        try {
            first = route.peer("pc1", Way.PC1_TO_PC2, options);
            log.note("Created local peer connection object pc1");
            second = route.peer("pc2", Way.PC2_TO_PC1, options);
        } catch (RuntimeException e) {
            if (first != null) first.close();
            route.close();
            throw e;
        }
        pc1 = first;
        pc2 = second;
        log.note("Created remote peer connection object pc2");
        received = new ReceivedMedia(log);
        if (options.trickle()) route.trickle(pc1, pc2);
        // The article's gotRemoteStream: pc2's remote video goes to remoteVideo.
        pc2.onTrack(received::attach);
        pc1.situation(this::situation);
        pc2.situation(this::situation);
        // Like the article's resize handler: the first remote frame prints the setup time.
        received.video().firstFrame().thenAccept(t -> setupTime().toFirstFrameMillis().ifPresent(ms ->
                log.add("call", Event.Kind.MEDIA, Event.SETUP_TIME, String.format("%.3fms", ms))));
        if (options.requestFrameOnConnect()) {
            // The encoder starts when the connection is up; a frame then saves waiting for the next slot.
            log.when(e -> e.source().equals("pc1") && e.isState(Event.CONNECTION, "connected"))
                    .thenRun(() -> videoTracks().forEach(Track::requestFrame));
        }
        Engine.get().registerCall(this);
    }

    /**
     * Creates pc1 and pc2 and wires them to each other — the first half of the article's
     * {@code call()}. No media is added and nothing is negotiated yet.
     */
    public static LocalCall create(MediaStream localStream) {
        return create(localStream, CallOptions.defaults());
    }

    /**
     * pc1 and pc2 with no media, for data channels — the webrtc samples' data channel page makes
     * its two connections without {@code getUserMedia}. Create a channel on pc1, then
     * {@link #negotiate()}.
     */
    public static LocalCall create() {
        return withoutMedia(CallOptions.defaults());
    }

    /** Like {@link #create()}, with options (trickle or gather-first, timeout, offer options). */
    public static LocalCall withoutMedia(CallOptions options) {
        return new LocalCall(null, options == null ? CallOptions.defaults() : options);
    }

    /** Like {@link #create(MediaStream)}, with options (trickle or gather-first, timeout, offer options). */
    public static LocalCall create(MediaStream localStream, CallOptions options) {
        if (localStream == null) {
            throw new IllegalArgumentException("localStream is null — run getUserMedia first (the article's Start Video), "
                    + "or LocalCall.create() for a call with data channels only");
        }
        if (!localStream.active()) {
            throw new IllegalArgumentException("localStream was stopped — open it again with getUserMedia (Start Video)");
        }
        return new LocalCall(localStream, options == null ? CallOptions.defaults() : options);
    }

    /** The whole call in one line: create, add tracks, offer/answer, wait for both connected and the first remote frame. */
    public static LocalCall call(MediaStream localStream) {
        return call(localStream, CallOptions.defaults());
    }

    /** {@link #call(MediaStream)} with options. */
    public static LocalCall call(MediaStream localStream, CallOptions options) {
        LocalCall c = create(localStream, options);
        try {
            c.addLocalStream();
            c.negotiate();
            c.awaitConnected();
            if (!c.videoTracks().isEmpty()) c.awaitFirstFrame();
            return c;
        } catch (RuntimeException e) {
            c.hangup();
            throw e;
        }
    }

    /** {@code localStream.getTracks().forEach(track => pc1.addTrack(track, localStream))}. */
    public void addLocalStream() {
        if (localStream == null) {
            throw new CallException("addLocalStream: this call was made with LocalCall.create(), without media — "
                    + "make it with LocalCall.create(localStream) to send a stream");
        }
        for (Track t : localStream.getTracks()) pc1.addTrack(t, localStream);
        log.note("Added local stream to pc1");
    }

    /**
     * The offer/answer exchange, the second half of the article's {@code call()}: pc1 offers,
     * pc2 answers, each side sets both descriptions. With gather-first (trickle off) each side
     * waits for its candidates and sends the description that contains them.
     */
    public void negotiate() {
        SessionDescription offer = pc1.createOffer(options.offerOptions());
        pc1.setLocalDescription(offer);
        if (!options.trickle()) offer = gathered(pc1);
        pc2.setRemoteDescription(route.carry(offer, Way.PC1_TO_PC2));
        SessionDescription answer = pc2.createAnswer();
        pc2.setLocalDescription(answer);
        if (!options.trickle()) answer = gathered(pc2);
        if (options.startBitrateKbps() > 0 && !videoTracks().isEmpty()) {
            answer = StartBitrate.apply(answer, options.startBitrateKbps());
            log.note("Signaling edits the answer for pc1", "x-google-start-bitrate=" + options.startBitrateKbps()
                    + " on the video codec (LAN start bitrate, see lesson 06)");
        }
        pc1.setRemoteDescription(route.carry(answer, Way.PC2_TO_PC1));
    }

    private SessionDescription gathered(Peer p) {
        await(e -> e.source().equals(p.name()) && e.isState(Event.ICE_GATHERING, "complete"),
                p.name() + " did not finish gathering ICE candidates");
        return p.localDescription();
    }

    /** What pc2 receives on its audio track: {@code call.remoteAudio().record(Duration.ofSeconds(2))}. */
    public org.webrtcprimer.media.AudioCapture remoteAudio() {
        return received.audio();
    }

    /** pc1, the caller: it adds the local tracks and makes the offer. */
    public Peer pc1() {
        return pc1;
    }

    /** pc2, the callee: it answers and receives the media. */
    public Peer pc2() {
        return pc2;
    }

    /** pc1 and pc2. */
    @Override
    public List<Peer> peers() {
        return List.of(pc1, pc2);
    }

    /** Everything that happened, on the kit's clock. */
    @Override
    public EventLog log() {
        return log;
    }

    /** The article's {@code remoteVideo}: what pc2 receives. */
    public VideoView remoteVideo() {
        return received.video();
    }

    /** The article's {@code localVideo}: what pc1 sends. */
    public VideoView localVideo() {
        if (localStream == null) throw new CallException("localVideo: this call has no local media (LocalCall.create())");
        return localStream.localVideo();
    }

    /** The stream pc1 sends, or null for a call made without media ({@link #create()}). */
    public MediaStream localStream() {
        return localStream;
    }

    private List<Track> videoTracks() {
        return localStream == null ? List.of() : localStream.getVideoTracks();
    }

    /**
     * The kit's relay this call goes through, live: change its conditions, read its counters, add a
     * packet sink. Only for a call made with {@code CallOptions.defaults().withNetwork(...)}.
     */
    public Relay relay() {
        if (route.relay() == null) {
            throw new CallException("relay: this call connects pc1 and pc2 directly — make it with "
                    + "CallOptions.defaults().withNetwork(Network.perfect()) to route it through the kit's relay");
        }
        return route.relay();
    }

    /** Whether this call goes through the kit's relay. */
    public boolean hasRelay() {
        return route.relay() != null;
    }

    /** The options this call was made with. */
    public CallOptions options() {
        return options;
    }

    /** Setup times read from the log so far. */
    public SetupTime setupTime() {
        return SetupTime.of(log);
    }

    /** Whether hangup() has been called. */
    public boolean isHungUp() {
        return hungUp;
    }

    /** Whether hangup() has been called: a local call ends only when it hangs up. */
    @Override
    public boolean isEnded() {
        return hungUp;
    }

    /**
     * Waits until both peers' connectionState is {@code connected} (ICE and DTLS done). Fails at
     * once when a peer's connection fails (e.g. DTLS rejects the certificate), and after the call's
     * timeout when a peer stays stuck; both messages name the state it is stuck in and why.
     */
    public LocalCall awaitConnected() {
        for (Peer p : new Peer[]{pc1, pc2}) {
            Event e = await(ev -> ev.source().equals(p.name())
                            && (ev.isState(Event.CONNECTION, "connected") || ev.isState(Event.CONNECTION, "failed")),
                    p.name() + " did not reach connectionState 'connected'");
            if (e.detail().equals("failed")) {
                throw new CallException(p.name() + "'s connection failed at " + KitClock.stamp(e.nanos()) + ": " + diagnosis(p)
                        + " " + situation());
            }
        }
        return this;
    }

    /**
     * Why a peer is not connected, read from its states and the log: the state it is stuck in and
     * what that state waits for.
     */
    public String diagnosis(Peer p) {
        return CallDiagnosis.of(p, log, options.ice());
    }

    /** Waits for pc2's first remote video frame — the end of the article's setup time. */
    public LocalCall awaitFirstFrame() {
        if (videoTracks().isEmpty()) {
            throw new CallException("this call sends no video, so no remote frame will come — use Constraints.audioVideo()");
        }
        await(e -> e.source().equals("pc2") && e.kind() == Event.Kind.MEDIA && e.name().equals(Event.FIRST_FRAME),
                "pc2 received no video frame");
        return this;
    }

    /** Waits for the first event that matches, failing after the call's timeout with what did not happen. */
    public Event await(Predicate<Event> condition, String whatDidNotHappen) {
        ensureActive("await");
        // One fact per line: what did not happen, each stuck peer's diagnosis, then where both stood.
        return EventWait.await(log, condition, options.timeout(), whatDidNotHappen,
                () -> "\n" + stuck() + "Where they stood: " + situation());
    }

    /** The diagnosis of each peer that is not connected, for timeout messages. */
    private String stuck() {
        return hungUp ? "" : CallDiagnosis.stuck(List.of(pc1, pc2), log, options.ice());
    }

    /** Both peers' states and how many candidates each has sent, for messages that say where things stood. */
    public String situation() {
        return CallDiagnosis.situation(List.of(pc1, pc2), log) + "; remote video frames: " + received.video().frames();
    }

    private void ensureActive(String step) {
        if (hungUp) {
            throw new CallException(step + ": this call has hung up — start a new one with LocalCall.create(localStream)");
        }
    }

    /**
     * Ends the call, releasing in a fixed order: the remote video view (its sink and kept frame),
     * then pc1, then pc2, then the relay (if the call has one). Harmless twice. The local stream stays open for the next call.
     */
    public void hangup() {
        synchronized (this) {
            if (hungUp) return;
            hungUp = true;
        }
        log.note("Ending call");
        received.close();
        pc1.close();
        pc2.close();
        route.close();
        // After the peers: what they used (a TURN server) goes once they no longer use it, newest first.
        atHangup.closeAll(log);
        if (Engine.isRunning()) Engine.get().unregisterCall(this);
    }

    /**
     * Releases {@code resource} when this call hangs up, after pc1 and pc2 have closed — e.g. the
     * TURN server a lesson started for this call: {@code call.closeAtHangup(turn)}. Resources go
     * in the reverse order they were added. On a call that has already hung up, closes it now.
     *
     * @return the resource, for chaining
     */
    public <T extends AutoCloseable> T closeAtHangup(T resource) {
        if (resource == null) throw new IllegalArgumentException("closeAtHangup needs something to close, not null");
        if (atHangup.keep(resource)) return resource;
        try {
            resource.close();
        } catch (Exception e) {
            throw new CallException("closeAtHangup: the call had already hung up and closing " + resource + " failed: " + e.getMessage(), e);
        }
        return resource;
    }

    /** Every {@code icecandidateerror} either peer reported so far (a STUN/TURN server it could not use). */
    public List<IceCandidateError> iceCandidateErrors() {
        return IceCandidateError.all(log);
    }

    /** Same as {@link #hangup()}, for the engine's shutdown. */
    @Override
    public void release() {
        hangup();
    }

    @Override
    public String toHtml() {
        return LocalCallView.html(this);
    }

    @Override
    public String toText() {
        return toString();
    }

    @Override
    public String toString() {
        return LocalCallView.text(this);
    }
}

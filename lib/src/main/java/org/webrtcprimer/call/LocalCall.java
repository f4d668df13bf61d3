package org.webrtcprimer.call;

import dev.onvoid.webrtc.RTCRtpTransceiver;
import dev.onvoid.webrtc.media.MediaStreamTrack;
import dev.onvoid.webrtc.media.video.VideoTrack;
import org.webrtcprimer.engine.Engine;
import org.webrtcprimer.events.KitClock;
import org.webrtcprimer.events.Event;
import org.webrtcprimer.events.EventLog;
import org.webrtcprimer.media.MediaStream;
import org.webrtcprimer.media.Track;
import org.webrtcprimer.media.VideoView;
import org.webrtcprimer.net.Relay;
import org.webrtcprimer.net.Way;
import org.webrtcprimer.notebook.Table;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
    private final VideoView remoteVideo;
    private final org.webrtcprimer.media.AudioCapture remoteAudio = new org.webrtcprimer.media.AudioCapture();
    private final Relay relay;
    private volatile boolean hungUp;
    private final List<AutoCloseable> closeAtHangup = new java.util.ArrayList<>();

    private LocalCall(MediaStream localStream, CallOptions options) {
        this.localStream = localStream;
        this.options = options;
        log.note(SetupTime.START_NOTE);
        for (Track t : videoTracks()) log.note("Using video device", t.label());
        if (localStream != null) for (Track t : localStream.getAudioTracks()) log.note("Using audio device", t.label());
        else log.note("No local media", "data channels only");
        // By default no STUN/TURN: host candidates are enough on one machine.
        log.note("RTCPeerConnection configuration", options.ice().describe());
        // Through the relay, each peer reaches its STUN/TURN servers through its own NAT: its own URLs.
        relay = options.network() == null ? null : Relay.start(options.network());
        if (relay != null) log.note("Call goes through the kit's relay", options.network().toString());
        Peer first = null, second;
        try {
            first = new Peer("pc1", log, EngineConfig.of(RelayRouting.routeServers(relay, options.ice(), Way.PC1_TO_PC2, log)),
                    options.timeout());
            log.note("Created local peer connection object pc1");
            second = new Peer("pc2", log, EngineConfig.of(RelayRouting.routeServers(relay, options.ice(), Way.PC2_TO_PC1, log)),
                    options.timeout());
        } catch (RuntimeException e) {
            if (first != null) first.close();
            if (relay != null) relay.close();
            throw e;
        }
        pc1 = first;
        pc2 = second;
        log.note("Created remote peer connection object pc2");
        remoteVideo = new VideoView("remoteVideo", "pc2", log);

        // The article's onIceCandidate(pc, event): each candidate goes to the other peer.
        if (options.trickle() && relay == null) {
            pc1.onIceCandidate(pc2::addIceCandidate);
            pc2.onIceCandidate(pc1::addIceCandidate);
        } else if (options.trickle()) {
            // Through the relay: each candidate names the relay's socket that stands for it.
            pc1.onIceCandidate(c -> deliver(pc2, RelayRouting.handOver(relay, c, Way.PC1_TO_PC2, log)));
            pc2.onIceCandidate(c -> deliver(pc1, RelayRouting.handOver(relay, c, Way.PC2_TO_PC1, log)));
        }
        // The article's gotRemoteStream: pc2's remote video goes to remoteVideo.
        pc2.onTrack(this::gotRemoteTrack);
        pc1.situation(this::situation);
        pc2.situation(this::situation);
        // Like the article's resize handler: the first remote frame prints the setup time.
        remoteVideo.firstFrame().thenAccept(t -> setupTime().toFirstFrameMillis().ifPresent(ms ->
                log.add("call", Event.Kind.MEDIA, Event.SETUP_TIME, String.format("%.3fms", ms))));
        if (options.requestFrameOnConnect()) {
            // The encoder starts when the connection is up; a frame then saves waiting for the next slot.
            log.when(e -> e.source().equals("pc1") && e.isState(Event.CONNECTION, "connected"))
                    .thenRun(() -> videoTracks().forEach(Track::requestFrame));
        }
        Engine.get().registerCall(this);
    }

    private static void deliver(Peer to, IceCandidate c) {
        if (c != null) to.addIceCandidate(c);
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
        if (relay != null) offer = RelayRouting.handOver(relay, offer, Way.PC1_TO_PC2, log);
        pc2.setRemoteDescription(offer);
        SessionDescription answer = pc2.createAnswer();
        pc2.setLocalDescription(answer);
        if (!options.trickle()) answer = gathered(pc2);
        if (options.startBitrateKbps() > 0 && !videoTracks().isEmpty()) {
            answer = StartBitrate.apply(answer, options.startBitrateKbps());
            log.note("Signaling edits the answer for pc1", "x-google-start-bitrate=" + options.startBitrateKbps()
                    + " on the video codec (LAN start bitrate, see lesson 06)");
        }
        if (relay != null) answer = RelayRouting.handOver(relay, answer, Way.PC2_TO_PC1, log);
        pc1.setRemoteDescription(answer);
    }

    private SessionDescription gathered(Peer p) {
        await(e -> e.source().equals(p.name()) && e.isState(Event.ICE_GATHERING, "complete"),
                p.name() + " did not finish gathering ICE candidates");
        return p.localDescription();
    }

    private void gotRemoteTrack(RTCRtpTransceiver transceiver) {
        MediaStreamTrack track = transceiver.getReceiver().getTrack();
        if (track instanceof VideoTrack v && !hungUp) {
            log.add("pc2", Event.Kind.NOTE, "received remote stream", "");
            remoteVideo.attach(v);
        }
        if (track instanceof dev.onvoid.webrtc.media.audio.AudioTrack a && !hungUp) remoteAudio.attach(a);
    }

    /** What pc2 receives on its audio track: {@code call.remoteAudio().record(Duration.ofSeconds(2))}. */
    public org.webrtcprimer.media.AudioCapture remoteAudio() {
        return remoteAudio;
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
        return remoteVideo;
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
        if (relay == null) {
            throw new CallException("relay: this call connects pc1 and pc2 directly — make it with "
                    + "CallOptions.defaults().withNetwork(Network.perfect()) to route it through the kit's relay");
        }
        return relay;
    }

    /** Whether this call goes through the kit's relay. */
    public boolean hasRelay() {
        return relay != null;
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
        PeerState s = p.state();
        String dtls = log.all(e -> e.source().equals(p.name()) && e.kind() == Event.Kind.STATE && e.name().equals(Event.DTLS))
                .stream().reduce((a, b) -> b).map(Event::detail).orElse("new");
        long trickled = log.all(e -> e.source().equals(p.name()) && e.kind() == Event.Kind.STEP_DONE
                && e.name().equals("addIceCandidate")).size();
        SessionDescription remote = p.remoteDescription();
        // The engine also writes trickled candidates into the remote description, so take the larger count, not the sum.
        long inSdp = remote == null ? 0 : remote.lines().stream().filter(l -> l.startsWith("a=candidate:")).count();
        long known = Math.max(trickled, inSdp);
        String n = p.name();
        if (!s.signalingState().equals("stable") || remote == null) {
            return "stuck in signaling '" + s.signalingState() + "': the offer/answer exchange is not finished, so ICE has "
                    + "nothing to check yet (RFC 9429 §3.2).";
        }
        // W3C webrtc-pc §4.3.3: the connection fails when an ICE or a DTLS transport fails; if ICE has not, DTLS has
        // (its own state event may still be on its way from the engine's thread).
        boolean dtlsFailed = dtls.equals("failed") || s.connectionState().equals("failed") && !s.iceConnectionState().equals("failed");
        if (dtlsFailed) {
            return "DTLS failed: the certificate the other peer presented does not match the a=fingerprint in its "
                    + "description (RFC 8122 §5; RFC 5763 §5), so no keys for SRTP.";
        }
        String ice = s.iceConnectionState();
        String gatheringProblem = gatheringProblem(p);
        if ((ice.equals("new") || ice.equals("checking") || ice.equals("failed")) && gatheringProblem != null) {
            return "stuck in ICE '" + ice + "': " + gatheringProblem;
        }
        if (ice.equals("new") || ice.equals("checking")) {
            if (known == 0) {
                return "stuck in ICE '" + ice + "': " + n + " has no remote candidates — none were trickled to it and the "
                        + "description it received has no a=candidate lines, so there is no pair to check (RFC 8445 §6.1.2).";
            }
            return "stuck in ICE '" + ice + "': " + n + " has " + known + " remote candidates but no pair was nominated — "
                    + "the controlling peer (the offerer) nominates only a pair whose own check succeeded. Checks are "
                    + "authenticated with the a=ice-ufrag/a=ice-pwd of the peer they go to, so a wrong password in a "
                    + "description makes the checks signed with it fail with 401 Unauthorized (RFC 8445 §7.2.2; RFC 8489 "
                    + "§9.1.3); its candidatePairs(...) table shows which checks got answers.";
        }
        if (ice.equals("failed")) {
            return "ICE failed: every candidate pair failed its checks (RFC 8445 §7.2.5.2).";
        }
        if (!s.connectionState().equals("connected")) {
            return "ICE is " + ice + " but the connection is '" + s.connectionState() + "': DTLS is '" + dtls
                    + "', the handshake over the selected pair has not finished (RFC 8842 §5).";
        }
        return n + " is connected.";
    }

    /**
     * Why a peer has no candidate to offer when its ICE servers are the reason: under
     * {@code iceTransportPolicy relay} a peer whose TURN server refused or never answered gathers
     * nothing at all. Null when that is not the problem.
     */
    private String gatheringProblem(Peer p) {
        if (options.ice().servers().isEmpty()) return null;
        boolean relayOnly = options.ice().policy().equals("relay");
        long gathered = p.localCandidates().stream().filter(c -> !c.isEndOfCandidates())
                .filter(c -> !relayOnly || c.type().equals("relay")).count();
        if (gathered > 0) return null;
        List<IceCandidateError> errors = IceCandidateError.all(log).stream().filter(e -> e.peer().equals(p.name())).toList();
        String none = p.name() + " gathered no " + (relayOnly ? "relay " : "") + "candidate";
        if (!errors.isEmpty()) return none + ": " + errors.get(0).explain() + ".";
        if (!relayOnly) return null;
        List<String> turnUrls = options.ice().servers().stream().flatMap(x -> x.urls().stream())
                .filter(u -> IceServer.scheme(u).startsWith("turn")).toList();
        return none + " and heard no icecandidateerror: nothing answered " + String.join(", ", turnUrls) + " — a blocked "
                + "transport is silent, and the engine reports 701 only when its retransmissions run out, about 40 s later "
                + "(RFC 8489 §6.2.1).";
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
        CompletableFuture<Event> f = log.when(condition);
        long ms = options.timeout().toMillis();
        try {
            return f.get(ms, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(false);
            // Without this the log would end at the last state change, and a chart of a stuck call would hide the wait.
            log.note(Event.TIMED_OUT, whatDidNotHappen + " within " + ms + " ms");
            // One fact per line: what did not happen, each stuck peer's diagnosis, then where both stood.
            throw new CallTimeoutException(whatDidNotHappen + " within " + ms + " ms.\n" + stuck() + "Where they stood: " + situation());
        } catch (InterruptedException e) {
            f.cancel(false);
            Thread.currentThread().interrupt();
            throw new CallException("interrupted while waiting: " + whatDidNotHappen + " yet");
        } catch (ExecutionException e) {
            throw new CallException(whatDidNotHappen + ": " + e.getCause().getMessage(), e.getCause());
        }
    }

    /** The diagnosis of each peer that is not connected, for timeout messages. */
    private String stuck() {
        if (hungUp) return "";
        StringBuilder b = new StringBuilder();
        for (Peer p : new Peer[]{pc1, pc2}) {
            if (!p.isClosed() && !p.state().connectionState().equals("connected")) b.append(p.name()).append(": ").append(diagnosis(p)).append('\n');
        }
        return b.toString();
    }

    /** Both peers' states and how many candidates each has sent, for messages that say where things stood. */
    public String situation() {
        long c1 = log.all(e -> e.source().equals("pc1") && e.kind() == Event.Kind.CANDIDATE).size();
        long c2 = log.all(e -> e.source().equals("pc2") && e.kind() == Event.Kind.CANDIDATE).size();
        return pc1.state() + "; " + pc2.state() + "; candidates gathered: pc1 " + c1 + ", pc2 " + c2
                + "; remote video frames: " + remoteVideo.frames();
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
        remoteVideo.close();
        remoteAudio.detach();
        pc1.close();
        pc2.close();
        if (relay != null) relay.close();
        List<AutoCloseable> owned;
        synchronized (this) {
            owned = List.copyOf(closeAtHangup);
            closeAtHangup.clear();
        }
        // After the peers: what they used (a TURN server) goes once they no longer use it, newest first.
        for (int i = owned.size() - 1; i >= 0; i--) {
            try {
                owned.get(i).close();
            } catch (Exception e) {
                log.note("Could not release at hangup", owned.get(i) + ": " + e.getMessage());
            }
        }
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
        synchronized (this) {
            if (!hungUp) {
                closeAtHangup.add(resource);
                return resource;
            }
        }
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
        Table t = Table.of("peer", "signaling", "ICE gathering", "ICE connection", "connection")
                .title("LocalCall " + (hungUp ? "(hung up)" : "(active)")).colorRowsBy("peer");
        for (Peer p : new Peer[]{pc1, pc2}) {
            PeerState s = p.state();
            t.row(p.name(), s.signalingState(), s.iceGatheringState(), s.iceConnectionState(), s.connectionState());
        }
        return t.note(summary(". ", "; ")).toHtml();
    }

    /** The remote video and the setup time; for a call without media, only when it connected. */
    private String summary(String sentence, String separator) {
        if (localStream == null) {
            return "No media (LocalCall.create()): data channels only" + sentence + setupTime().toConnectedMillis().stream()
                    .mapToObj(ms -> String.format("call() → both peers connected: %.1f ms", ms)).findFirst()
                    .orElse("The peers have not both connected yet.");
        }
        return remoteVideo + sentence + setupTime().toString().replace("\n", separator);
    }

    @Override
    public String toText() {
        return toString();
    }

    @Override
    public String toString() {
        return "LocalCall " + (hungUp ? "(hung up)" : "(active)") + "\n  " + pc1.state() + "\n  " + pc2.state()
                + "\n  " + summary("\n  ", "\n  ");
    }
}

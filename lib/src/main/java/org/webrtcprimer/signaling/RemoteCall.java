package org.webrtcprimer.signaling;

import org.webrtcprimer.engine.Engine;
import org.webrtcprimer.call.Call;
import org.webrtcprimer.call.CallException;
import org.webrtcprimer.call.CallOptions;
import org.webrtcprimer.call.CallTimeoutException;
import org.webrtcprimer.call.IceCandidate;
import org.webrtcprimer.call.Peer;
import org.webrtcprimer.call.PeerState;
import org.webrtcprimer.call.SessionDescription;
import org.webrtcprimer.call.StartBitrate;
import org.webrtcprimer.call.TextChannel;
import org.webrtcprimer.events.Event;
import org.webrtcprimer.events.EventLog;
import org.webrtcprimer.media.MediaStream;
import org.webrtcprimer.media.Track;
import org.webrtcprimer.media.VideoView;
import org.webrtcprimer.net.Relay;
import org.webrtcprimer.net.Way;
import org.webrtcprimer.call.RelayRouting;
import org.webrtcprimer.notebook.Table;
import org.webrtcprimer.call.SetupTime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * One side of a call whose other side is another process or a browser: one {@link Peer}, with
 * its offer, answer and candidates carried by a {@link SignalingClient} instead of handed over
 * in memory as in {@code LocalCall}. The caller's peer is {@code pc1}, the callee's {@code pc2},
 * as in the article.
 *
 * <p>The caller, step by step (lesson 10):
 * <pre>{@code
 * var call = RemoteCall.create(signaling, localStream);
 * var pc1 = call.peer();
 * call.addLocalStream();
 * var offer = pc1.createOffer();
 * pc1.setLocalDescription(offer);
 * call.send(offer);                        // → server → pc2
 * var answer = call.awaitAnswer();         // pc2's answer, through the server
 * pc1.setRemoteDescription(answer);
 * call.awaitConnected().awaitFirstFrame();
 * call.hangup();                           // bye → pc2
 * }</pre>
 * or {@code RemoteCall.call(signaling, localStream)}; the callee: {@code RemoteCall.answer(signaling, localStream)}.
 */
public final class RemoteCall implements Call, Engine.Resource {

    /** The note a callee's log starts with (a caller's starts with SetupTime.START_NOTE). */
    public static final String ANSWER_NOTE = "Answering call";

    private final SignalingClient signaling;
    private final MediaStream localStream;
    private final CallOptions options;
    private final boolean caller;
    private final EventLog log = new EventLog();
    private final Peer peer;
    private final Relay relay;
    private final VideoView remoteVideo;
    private final AutoCloseable subscription;
    private final CompletableFuture<String> ended = new CompletableFuture<>();
    private final CompletableFuture<TextChannel> channel = new CompletableFuture<>();
    private final String channelGreeting;
    private final LogExchange logs;
    private final CallSignals signals;
    private volatile boolean hungUp;
    private boolean endingByOther;

    private RemoteCall(SignalingClient signaling, MediaStream localStream, CallOptions options, boolean caller, String greeting) {
        this.signaling = signaling;
        this.localStream = localStream;
        this.options = options;
        this.caller = caller;
        this.channelGreeting = greeting;
        if (!caller) {
            // The offer arrived before this call existed: start the callee's log with its arrival,
            // so that the two logs side by side show the relay (CallLogs).
            String received = signaling.name() + " received " + Protocol.OFFER;
            List<Event> before = signaling.log().all(e -> e.name().equals(received));
            if (!before.isEmpty()) log.add(before.get(before.size() - 1));
        }
        log.note(caller ? SetupTime.START_NOTE : ANSWER_NOTE, "room " + signaling.room() + " as " + signaling.name());
        signaling.logTo(log);
        String name = caller ? "pc1" : "pc2";
        peer = Peer.create(name, log, options);
        log.note("Created " + (caller ? "local" : "remote") + " peer connection object " + name);
        if (options.network() != null) {
            // This process holds the relay and rewrites what crosses signaling both ways; the other side needs nothing.
            try {
                relay = Relay.start(options.network());
            } catch (RuntimeException e) {
                peer.close();
                throw e;
            }
            log.note("Call goes through the kit's relay", options.network().toString());
        } else {
            relay = null;
        }
        signals = new CallSignals(signaling, relay, caller ? Way.PC1_TO_PC2 : Way.PC2_TO_PC1, log);
        remoteVideo = new VideoView("remoteVideo", name, log);
        if (options.trickle()) peer.onIceCandidate(c -> {
            if (!hungUp) signals.sendCandidate(c);
        });
        peer.showRemoteVideo(remoteVideo);
        TextChannel.whenOpenedByOther(peer, channelGreeting, channel::complete);
        if (options.requestFrameOnConnect() && localStream != null) {
            log.when(e -> e.source().equals(name) && e.isState(Event.CONNECTION, "connected"))
                    .thenRun(() -> localStream.getVideoTracks().forEach(Track::requestFrame));
        }
        subscription = signaling.subscribe(
                m -> m.type().equals(Protocol.CANDIDATE) || m.type().equals(Protocol.BYE)
                        || m.type().equals(Protocol.PEER_LEFT),
                this::onSignal);
        logs = new LogExchange(signaling, log);
        Engine.get().registerCall(this);
    }

    // ---- making a call ----

    /** A caller's call, nothing sent yet: add media, then offer (see the class example). */
    public static RemoteCall create(SignalingClient signaling, MediaStream localStream) {
        return create(signaling, localStream, CallOptions.defaults());
    }

    /** {@link #create(SignalingClient, MediaStream)} with options. */
    public static RemoteCall create(SignalingClient signaling, MediaStream localStream, CallOptions options) {
        requireOpen(signaling);
        if (localStream != null && !localStream.active()) {
            throw new IllegalArgumentException("localStream was stopped — open it again with getUserMedia");
        }
        return new RemoteCall(signaling, localStream, options == null ? CallOptions.defaults() : options, true, null);
    }

    /**
     * The caller's whole call: waits for the other peer in the room, sends its media, offers,
     * applies the answer, and waits until connected and (when the callee sends video) the first frame.
     */
    public static RemoteCall call(SignalingClient signaling, MediaStream localStream) {
        return call(signaling, localStream, CallOptions.defaults());
    }

    /** {@link #call(SignalingClient, MediaStream)} with options. */
    public static RemoteCall call(SignalingClient signaling, MediaStream localStream, CallOptions options) {
        requireOpen(signaling);
        signaling.awaitPeer(options == null ? Duration.ofSeconds(10) : options.timeout());
        return RemoteCallSteps.call(create(signaling, localStream, options));
    }

    /**
     * The callee's side: waits for an offer in the room, answers it with its own media, and
     * waits until connected.
     */
    public static RemoteCall answer(SignalingClient signaling, MediaStream localStream) {
        return answer(signaling, localStream, CallOptions.defaults(), Duration.ofSeconds(30));
    }

    /** {@link #answer(SignalingClient, MediaStream)} with options, waiting up to {@code waitForOffer}. */
    public static RemoteCall answer(SignalingClient signaling, MediaStream localStream, CallOptions options, Duration waitForOffer) {
        requireOpen(signaling);
        Message offer = signaling.nextDroppingEarlier(m -> m.type().equals(Protocol.OFFER), waitForOffer,
                "no offer arrived in room " + signaling.room() + " — has the caller called?");
        RemoteCall c = RemoteCallSteps.answer(answering(signaling, localStream, options, null), offer);
        if (c.endedByOtherSide()) {
            String why = c.ended.getNow("the other side ended it");
            c.hangup();
            throw new CallException("pc2 answered the offer from " + offer.from() + ", but the call ended before pc2 connected — " + why);
        }
        return c;
    }

    /** The callee's call for an offer already taken from the signaling mailbox, nothing done yet ({@link RemoteCallSteps#answer}). */
    static RemoteCall answering(SignalingClient signaling, MediaStream localStream, CallOptions options, String greeting) {
        return new RemoteCall(signaling, localStream, options == null ? CallOptions.defaults() : options, false, greeting);
    }

    /** Whether the other side ended this call (bye, or it left the room); true from the moment it is known. */
    boolean endedByOtherSide() {
        synchronized (this) {
            return endingByOther || ended.isDone();
        }
    }

    private static void requireOpen(SignalingClient signaling) {
        if (signaling == null) throw new IllegalArgumentException("a remote call needs a signaling connection — SignalingClient.connect(server.url(), room, name)");
        if (!signaling.isOpen()) throw new IllegalStateException("the signaling connection is closed — " + signaling);
    }

    // ---- steps ----

    /** {@code localStream.getTracks().forEach(track -> pc.addTrack(track, localStream))}. */
    public RemoteCall addLocalStream() {
        if (localStream == null) throw new IllegalStateException("this call has no local stream to add");
        for (Track t : localStream.getTracks()) peer.addTrack(t, localStream);
        log.note("Added local stream to " + peer.name());
        return this;
    }

    /**
     * Opens a text data channel to the other side (the caller, before its offer, so that the offer
     * carries an application section).
     */
    public TextChannel openChannel(String label) {
        ensureActive("openChannel");
        TextChannel t = TextChannel.open(peer, label);
        channel.complete(t);
        return t;
    }

    /** The data channel, once one side has opened it; waits up to the call's timeout. */
    public TextChannel channel() {
        try {
            return channel.get(options.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new CallTimeoutException("no data channel was opened within " + options.timeout().toMillis()
                    + " ms — the caller opens one with openChannel(\"chat\") before its offer");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CallException("interrupted while waiting for a data channel");
        } catch (ExecutionException e) {
            throw new CallException("data channel: " + e.getCause().getMessage(), e.getCause());
        }
    }

    /** Sends this peer's offer or answer to the other peer through the server. */
    public void send(SessionDescription description) {
        ensureActive("send");
        if (description == null) throw new IllegalArgumentException("send needs the offer or answer that createOffer/createAnswer returned");
        signals.sendDescription(description);
    }

    /** Waits for the callee's answer (the caller's side). */
    public SessionDescription awaitAnswer() {
        return awaitDescription(Protocol.ANSWER);
    }

    private SessionDescription awaitDescription(String type) {
        ensureActive("await " + type);
        Message m = signaling.next(x -> x.type().equals(type), options.timeout(),
                "no " + type + " came back from the other peer");
        SessionDescription d = type.equals(Protocol.ANSWER) ? SessionDescription.answer(m.require("sdp"))
                : SessionDescription.offer(m.require("sdp"));
        d = signals.received(d);
        if (caller && options.startBitrateKbps() > 0 && localStream != null && !localStream.getVideoTracks().isEmpty()) {
            d = StartBitrate.apply(d, options.startBitrateKbps());
            log.note("Signaling edits the answer for pc1", "x-google-start-bitrate=" + options.startBitrateKbps());
        }
        return d;
    }

    /** This side's local description once its candidates are gathered (for a call without trickle). */
    SessionDescription gathered() {
        await(e -> e.source().equals(peer.name()) && e.isState(Event.ICE_GATHERING, "complete"),
                peer.name() + " did not finish gathering ICE candidates");
        return peer.localDescription();
    }

    private void onSignal(Message m) {
        switch (m.type()) {
            case Protocol.CANDIDATE -> {
                if (hungUp) return;
                IceCandidate c = signals.received(m);
                if (c != null) peer.addIceCandidate(c);
            }
            case Protocol.BYE -> endedByOther(m.from() + " hung up (bye)");
            case Protocol.PEER_LEFT -> endedByOther(m.string("name").orElse("the other peer") + " left the room ("
                    + m.string("reason").orElse("left") + ")" + (isConnected() ? " mid-call" : ""));
            default -> { }
        }
    }

    private boolean isConnected() {
        return log.first(e -> e.source().equals(peer.name()) && e.isState(Event.CONNECTION, "connected")).isPresent();
    }

    private void endedByOther(String why) {
        synchronized (this) {
            if (ended.isDone() || hungUp || endingByOther) return;
            endingByOther = true;
        }
        log.note("Call ended", why);
        release(false);
        ended.complete(why); // after the release: whoever waits sees the peer closed
    }

    /** Sends this call's log to the other peer, in pages that fit the server's message limit. */
    void sendLog() {
        for (Message page : LogExchange.pages(log.events(), 100)) signaling.send(page);
    }

    // ---- waiting and reading ----

    /** This side's peer: pc1 for the caller, pc2 for the callee. */
    public Peer peer() {
        return peer;
    }

    /** This side's one peer, as a list: {@code [pc1]} for the caller, {@code [pc2]} for the callee. */
    @Override
    public List<Peer> peers() {
        return List.of(peer);
    }

    /**
     * The kit's relay between this side's peer and the other side, live (this process holds it):
     * only for a call made with {@code CallOptions.defaults().withNetwork(...)}.
     */
    public Relay relay() {
        if (relay == null) {
            throw new CallException("relay: this call goes direct — make it with CallOptions.defaults().withNetwork(Network.perfect()) "
                    + "to route it through the kit's relay");
        }
        return relay;
    }

    /** Whether this call goes through the kit's relay. */
    public boolean hasRelay() {
        return relay != null;
    }

    /** Whether this side made the call (pc1) rather than answered it (pc2). */
    public boolean isCaller() {
        return caller;
    }

    /** The signaling connection the call runs over. */
    public SignalingClient signaling() {
        return signaling;
    }

    /** This side's events: its peer, its signaling messages, its notes, on this process's clock. */
    public EventLog log() {
        return log;
    }

    /** The video the other side sends. */
    public VideoView remoteVideo() {
        return remoteVideo;
    }

    MediaStream localStream() {
        return localStream;
    }

    CallSignals signals() {
        return signals;
    }

    /** The options this call was made with. */
    public CallOptions options() {
        return options;
    }

    /**
     * This side's setup time: from its first note ("Starting call", or "Answering call" for the
     * callee) to its own peer connected, and to the first video frame from the other side (this
     * side sees only its own peer; {@link CallLogs#merged()} has both).
     */
    public SetupTime setupTime() {
        long start = log.first(e -> e.kind() == Event.Kind.NOTE && e.name().equals(caller ? SetupTime.START_NOTE : ANSWER_NOTE))
                .map(Event::nanos).orElse(-1L);
        long connected = log.first(e -> e.source().equals(peer.name()) && e.isState(Event.CONNECTION, "connected"))
                .map(Event::nanos).orElse(-1L);
        long frame = remoteVideo.firstFrameNanos().orElse(-1L);
        return new SetupTime(start, connected, frame, peer.name());
    }

    /** Waits until this side's connectionState is {@code connected}. */
    public RemoteCall awaitConnected() {
        await(e -> e.source().equals(peer.name()) && e.isState(Event.CONNECTION, "connected"),
                peer.name() + " did not reach connectionState 'connected'");
        return this;
    }

    /** Waits for the first video frame from the other side. */
    public RemoteCall awaitFirstFrame() {
        await(e -> e.source().equals(peer.name()) && e.kind() == Event.Kind.MEDIA && e.name().equals(Event.FIRST_FRAME),
                peer.name() + " received no video frame from the other side");
        return this;
    }

    /** Waits for the first event that matches, failing early when the other side hangs up. */
    public Event await(Predicate<Event> condition, String whatDidNotHappen) {
        ensureActive("await");
        CompletableFuture<Event> f = log.when(condition);
        CompletableFuture<Object> either = CompletableFuture.anyOf(f, ended);
        long ms = options.timeout().toMillis();
        try {
            Object o = either.get(ms, TimeUnit.MILLISECONDS);
            if (o instanceof Event e) return e;
            throw new CallException(whatDidNotHappen + ": the call ended — " + o);
        } catch (TimeoutException e) {
            throw new CallTimeoutException(whatDidNotHappen + " within " + ms + " ms. " + situation());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CallException("interrupted while waiting: " + whatDidNotHappen + " yet");
        } catch (ExecutionException e) {
            throw new CallException(whatDidNotHappen + ": " + e.getCause().getMessage(), e.getCause());
        } finally {
            f.cancel(false);
        }
    }

    /** Where this side stands, for messages. */
    public String situation() {
        return peer.state() + "; remote video frames: " + remoteVideo.frames() + "; signaling: "
                + (signaling.isOpen() ? "open, other peers " + signaling.peers() : "closed");
    }

    /** A future completed with the reason when the other side ends the call (bye, or it left the room). */
    public CompletableFuture<String> ended() {
        return ended.copy();
    }

    /** Whether the call is over, by either side. */
    public boolean isEnded() {
        return hungUp || ended.isDone();
    }

    /**
     * The other side's log, sent when the call ended (a kit callee sends it on the caller's bye;
     * the kit's browser page sends its log lines when it hangs up), on the other side's clock —
     * align it with {@link CallLogs#of}. Waits up to 5 s.
     */
    public List<Event> remoteLog() {
        return remoteLog(Duration.ofSeconds(5));
    }

    /** {@link #remoteLog()} waiting up to the given time. */
    public List<Event> remoteLog(Duration timeout) {
        return logs.await(timeout);
    }

    /**
     * Where the other process's kit clock starts, in this machine's {@code System.nanoTime()}, as
     * its log said — known only once {@link #remoteLog()} arrived, and comparable with ours only
     * when both processes run on one machine (then {@code ours − theirs} is the true clock offset).
     */
    public java.util.OptionalLong remoteClockOrigin() {
        return logs.origin();
    }

    private void ensureActive(String step) {
        if (hungUp) throw new CallException(step + ": this call has hung up — start a new one");
        if (ended.isDone()) throw new CallException(step + ": the other side ended this call (" + ended.getNow("") + ")");
    }

    /**
     * Ends the call: tells the other side (bye), then releases the remote view and the peer.
     * Harmless twice. The signaling connection stays open for the next call.
     */
    public void hangup() {
        synchronized (this) {
            if (hungUp) return;
            hungUp = true;
        }
        boolean tell = !ended.isDone();
        log.note("Ending call");
        if (tell && signaling.isOpen()) {
            try {
                signaling.send(Message.of(Protocol.BYE));
            } catch (RuntimeException ignored) {
                // the connection closed meanwhile; the server tells the other side
            }
        }
        release(true);
    }

    private void release(boolean final_) {
        remoteVideo.close();
        channel.thenAccept(TextChannel::close);
        peer.close();
        if (relay != null) relay.close();
        if (final_) {
            closeQuietly(subscription);
            // The callee's log arrives after our bye: keep listening for it a little while.
            logs.stopListeningIn(Duration.ofSeconds(10));
            if (Engine.isRunning()) Engine.get().unregisterCall(this);
        }
    }

    /** Same as {@link #hangup()}, for the engine's shutdown. */
    @Override
    public void release() {
        hangup();
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            if (c != null) c.close();
        } catch (Exception ignored) {
        }
    }

    private String status() {
        return hungUp ? "hung up" : ended.isDone() ? "ended: " + ended.getNow("") : "active";
    }

    /** This side's peer and states as a table, with the remote video and the setup time under it. */
    @Override
    public String toHtml() {
        PeerState s = peer.state();
        return Table.of("peer", "signaling", "ICE gathering", "ICE connection", "connection")
                .title("RemoteCall " + peer.name() + " in room " + signaling.room() + " (" + status() + ")")
                .colorRowsBy("peer")
                .row(peer.name(), s.signalingState(), s.iceGatheringState(), s.iceConnectionState(), s.connectionState())
                .note(remoteVideo + ". " + setupTime().toString().replace("\n", "; ")).toHtml();
    }

    @Override
    public String toText() {
        return toString();
    }

    @Override
    public String toString() {
        return "RemoteCall " + peer.name() + " in room " + signaling.room() + (hungUp ? " (hung up)" : ended.isDone()
                ? " (ended: " + ended.getNow("") + ")" : " (active)") + "\n  " + peer.state() + "\n  " + remoteVideo
                + "\n  " + setupTime().toString().replace("\n", "\n  ");
    }

}

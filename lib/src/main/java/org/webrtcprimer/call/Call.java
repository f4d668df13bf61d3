package org.webrtcprimer.call;

import org.webrtcprimer.events.Event;
import org.webrtcprimer.events.EventLog;
import org.webrtcprimer.media.VideoView;
import org.webrtcprimer.net.Relay;
import org.webrtcprimer.notebook.Renderable;

import java.util.List;
import java.util.function.Predicate;

/**
 * What a lesson needs of a call, however it was made: both peers in this process
 * ({@link LocalCall}), or one side whose other side is another process or a browser
 * ({@code signaling.RemoteCall}). The kit's views of a call (its log as a table, its states, its
 * phases, a stats sampler, a dump) take a {@code Call}, so one view serves both.
 *
 * <pre>{@code
 * Call call = LocalCall.call(localStream);      // or RemoteCall.call(signaling, localStream)
 * call.peers();                                 // [pc1, pc2] here, [pc1] for a remote caller
 * call.setupTime();
 * call.hangup();
 * }</pre>
 */
public interface Call extends Renderable {

    /** This call's peers in this process, {@code pc1} first: both for a local call, this side's one for a remote call. */
    List<Peer> peers();

    /** Each peer's states now (signaling, ICE gathering, ICE connection, connection), in the order of {@link #peers()}. */
    default List<PeerState> states() {
        return peers().stream().map(Peer::state).toList();
    }

    /** A stats report of each peer now — the article's {@code getStats()} — in the order of {@link #peers()}. */
    default List<StatsReport> stats() {
        return peers().stream().map(Peer::getStats).toList();
    }

    /** Everything this side saw happen, on the kit's clock. */
    EventLog log();

    /** The article's {@code remoteVideo}: the video the other side sends. */
    VideoView remoteVideo();

    /** The options this call was made with. */
    CallOptions options();

    /** The setup times read from the log so far. */
    SetupTime setupTime();

    /** Waits until this side's peers are connected; fails with where they stood. */
    Call awaitConnected();

    /** Waits for the first video frame from the other side. */
    Call awaitFirstFrame();

    /** Waits for the first event that matches, failing after the call's timeout with what did not happen. */
    Event await(Predicate<Event> condition, String whatDidNotHappen);

    /** Where the peers stand, for messages. */
    String situation();

    /** Whether this call goes through the kit's relay ({@code CallOptions.defaults().withNetwork(...)}). */
    boolean hasRelay();

    /** The kit's relay this call goes through, live; fails for a call that goes direct. */
    Relay relay();

    /** Whether the call is over (hung up here, or ended by the other side). */
    boolean isEnded();

    /** Ends the call and releases its peers, views and relay in a fixed order; harmless twice. */
    void hangup();
}

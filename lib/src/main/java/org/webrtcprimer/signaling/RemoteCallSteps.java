package org.webrtcprimer.signaling;

import org.webrtcprimer.call.CallOptions;
import org.webrtcprimer.call.Peer;
import org.webrtcprimer.call.SessionDescription;
import org.webrtcprimer.call.StartBitrate;
import org.webrtcprimer.media.MediaStream;

/**
 * The whole of a {@link RemoteCall} for each side, in the article's order, as the one-line
 * {@code RemoteCall.call} and the callee ({@code RemoteCall.answer}, {@link Callee}) run it: the
 * same steps a learner types one per cell (see RemoteCall's class example).
 */
final class RemoteCallSteps {
    private RemoteCallSteps() {}

    /** The caller: its media, the offer out, the answer in, connected. Hangs up and rethrows when a step fails. */
    static RemoteCall call(RemoteCall c) {
        Peer pc1 = c.peer();
        CallOptions options = c.options();
        try {
            if (c.localStream() != null) c.addLocalStream();
            SessionDescription offer = pc1.createOffer(options.offerOptions());
            pc1.setLocalDescription(offer);
            c.send(options.trickle() ? offer : c.gathered());
            pc1.setRemoteDescription(c.awaitAnswer());
            c.awaitConnected();
            return c;
        } catch (RuntimeException e) {
            c.hangup();
            throw e;
        }
    }

    /**
     * The callee, for an offer already taken from the signaling mailbox: the offer set, its media,
     * the answer out, connected. A call that the other side ends (bye, or it left) while this side
     * still answers or connects comes back ended rather than as an exception: it was a call, and
     * the callee counts it. Any other failure hangs up and rethrows.
     */
    static RemoteCall answer(RemoteCall c, Message offer) {
        Peer pc2 = c.peer();
        CallOptions options = c.options();
        MediaStream localStream = c.localStream();
        try {
            SessionDescription remote = c.signals().received(SessionDescription.offer(offer.require("sdp")));
            if (options.startBitrateKbps() > 0 && localStream != null && !localStream.getVideoTracks().isEmpty()) {
                remote = StartBitrate.apply(remote, options.startBitrateKbps());
                c.log().note("Signaling edits the offer for pc2", "x-google-start-bitrate=" + options.startBitrateKbps());
            }
            pc2.setRemoteDescription(remote);
            // After the offer, addTrack reuses the offered transceivers: the answer sends as well as receives.
            if (localStream != null) c.addLocalStream();
            SessionDescription answer = pc2.createAnswer();
            pc2.setLocalDescription(answer);
            c.send(options.trickle() ? answer : c.gathered());
            c.awaitConnected();
            return c;
        } catch (RuntimeException e) {
            // The other side's bye can arrive at any step here: before the answer is set (the peer
            // is closed under us), or while pc2 connects (the wait ends early).
            if (c.endedByOtherSide()) {
                c.log().note("Call ended before " + pc2.name() + " connected", String.valueOf(e.getMessage()));
                return c;
            }
            c.hangup();
            throw e;
        }
    }
}

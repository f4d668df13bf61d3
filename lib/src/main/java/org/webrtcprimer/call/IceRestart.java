package org.webrtcprimer.call;

import org.webrtcprimer.ice.CandidatePair;
import org.webrtcprimer.ice.CandidatePairs;

import org.webrtcprimer.events.KitClock;
import org.webrtcprimer.events.Event;
import org.webrtcprimer.events.StateTimeline;
import org.webrtcprimer.notebook.Renderable;
import org.webrtcprimer.notebook.Style;
import org.webrtcprimer.notebook.Table;
import org.webrtcprimer.sdp.Sdp;
import org.webrtcprimer.sdp.SdpDiff;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An ICE restart on a live call (RFC 8445 §2.4; JSEP, RFC 9429 §5.2.3.1): pc1 makes new ICE
 * credentials, the peers renegotiate, gather again and check again, and the media moves to a
 * new candidate pair while the DTLS session goes on.
 *
 * <pre>{@code
 * var restart = IceRestart.run(call);     // pc1.restartIce(), then offer/answer again
 * restart.ufragBefore(); restart.ufragAfter();
 * show(restart);                           // ufrag/pwd before → after, selected pair before → after, the SDP diff
 * }</pre>
 */
public final class IceRestart {
    private IceRestart() {}

    /** How pc1 asks for new credentials. */
    public enum How {
        /** {@code pc1.restartIce()}, then an ordinary offer (the modern way, W3C webrtc-pc §4.4.1.6). */
        RESTART_ICE,
        /** {@code createOffer({iceRestart: true})}, the article's offer option. */
        OFFER_OPTION
    }

    /**
     * What the restart changed.
     *
     * @param how           restartIce() or the offer option
     * @param offerBefore   pc1's description before the restart
     * @param offerAfter    pc1's new offer
     * @param diff          the SDP diff of the two offers: new ufrag and pwd, a new session version
     * @param pairsBefore   pc1's candidate pairs before
     * @param pairsAfter    pc1's candidate pairs once the new pair was selected
     * @param startMs       when the restart began, ms after call()
     * @param switchedMs    when pc1's stats first showed a selected pair with the new ufrag, ms after call()
     */
    public record Result(How how, SessionDescription offerBefore, SessionDescription offerAfter, SdpDiff diff,
                         CandidatePairs pairsBefore, CandidatePairs pairsAfter, double startMs, double switchedMs)
            implements Renderable {

        public String ufragBefore() {
            return value(offerBefore, "a=ice-ufrag:");
        }

        public String ufragAfter() {
            return value(offerAfter, "a=ice-ufrag:");
        }

        public String pwdBefore() {
            return value(offerBefore, "a=ice-pwd:");
        }

        public String pwdAfter() {
            return value(offerAfter, "a=ice-pwd:");
        }

        /** The selected pair before the restart. */
        public Optional<CandidatePair> selectedBefore() {
            return pairsBefore.selected();
        }

        /** The selected pair after it. */
        public Optional<CandidatePair> selectedAfter() {
            return pairsAfter.selected();
        }

        /** How long from the start of the restart until the new pair carried the media, in ms (an upper bound: stats are polled). */
        public double switchMs() {
            return switchedMs - startMs;
        }

        private String method() {
            return how == How.RESTART_ICE ? "pc1.restartIce()" : "createOffer({iceRestart: true})";
        }

        private static String pair(Optional<CandidatePair> p) {
            return p.map(CandidatePair::route).orElse("none");
        }

        @Override
        public String toText() {
            return String.format(Locale.ROOT, """
                            ICE restart by %s at %.1f ms
                              ufrag  %s → %s
                              pwd    %s → %s
                              selected pair before: %s
                              selected pair after:  %s
                              new pair selected %.1f ms after the restart began; selected pair changes so far: %d
                            """, method(), startMs, ufragBefore(), ufragAfter(), pwdBefore(), pwdAfter(), pair(selectedBefore()),
                    pair(selectedAfter()), switchMs(), pairsAfter.selectedPairChanges())
                    + "SDP diff (offer before → offer after): " + (diff.iceRestart() ? "an ICE restart" : "no ICE restart?") + "\n"
                    + diff.changes(c -> c.group() == org.webrtcprimer.sdp.SdpGroup.ICE || c.key().equals("o=")).stream()
                    .map(c -> "  " + c).reduce("", (a, b) -> a + b + "\n");
        }

        @Override
        public String toHtml() {
            String note = String.format(Locale.ROOT, "The new pair carried the media %.1f ms after the restart began "
                    + "(pc1's selected pair changed %d times in this call). The DTLS session and the SSRCs stay: only ICE starts over.",
                    switchMs(), pairsAfter.selectedPairChanges());
            Table t = Table.of("", "before", "after").title("ICE restart by " + method()).note(note)
                    .row("a=ice-ufrag", ufragBefore(), ufragAfter())
                    .row("a=ice-pwd", pwdBefore(), pwdAfter())
                    .row("selected pair", pair(selectedBefore()), pair(selectedAfter())).rowColor(Style.PC1)
                    .row("pc1's local ufrag in stats", pairsBefore.localUfrag(), pairsAfter.localUfrag());
            return t.toHtml() + diff.toHtml();
        }

        @Override
        public String toString() {
            return toText();
        }
    }

    /** Restarts ICE with {@code pc1.restartIce()} and renegotiates. */
    public static Result run(LocalCall call) {
        return run(call, How.RESTART_ICE);
    }

    /**
     * Restarts ICE on a connected call: new credentials in pc1's next offer, a full offer/answer,
     * then a wait (up to the call's timeout) until pc1's selected pair uses the new ufrag.
     *
     * @throws CallException when the call is not connected, or the new pair is not selected in time
     */
    public static Result run(LocalCall call, How how) {
        if (call == null) throw new IllegalArgumentException("no call — pass a connected LocalCall");
        if (call.isHungUp()) throw new CallException("ICE restart: this call has hung up — make a new one with LocalCall.call(localStream)");
        if (!"connected".equals(call.pc1().state().connectionState())) {
            throw new CallException("ICE restart needs a connected call; pc1 is '" + call.pc1().state().connectionState()
                    + "' — run call.awaitConnected() first");
        }
        long t0 = StateTimeline.callStart(call.log().events());
        SessionDescription before = call.pc1().localDescription();
        CandidatePairs pairsBefore = call.pc1().candidatePairs();
        long start = KitClock.now();
        call.log().note("ICE restart", how == How.RESTART_ICE ? "pc1.restartIce()" : "createOffer({iceRestart: true})");

        SessionDescription offer;
        if (how == How.RESTART_ICE) {
            call.pc1().restartIce();
            offer = call.pc1().createOffer(call.options().offerOptions());
        } else {
            offer = call.pc1().createOffer(call.options().offerOptions().withIceRestart(true));
        }
        call.pc1().setLocalDescription(offer);
        if (!call.options().trickle()) offer = gathered(call, "pc1", start);
        call.pc2().setRemoteDescription(offer);
        SessionDescription answer = call.pc2().createAnswer();
        call.pc2().setLocalDescription(answer);
        if (!call.options().trickle()) answer = gathered(call, "pc2", start);
        call.pc1().setRemoteDescription(answer);

        String ufrag = value(offer, "a=ice-ufrag:");
        long deadline = System.nanoTime() + call.options().timeout().toNanos();
        CandidatePairs after;
        while (true) {
            after = call.pc1().candidatePairs();
            if (after.selected().map(p -> ufrag.equals(p.local().ufrag())).orElse(false)) break;
            if (System.nanoTime() > deadline) {
                throw new CallTimeoutException("ICE restart: pc1 did not select a candidate pair with its new ufrag '" + ufrag
                        + "' within " + call.options().timeout().toMillis() + " ms (selected: "
                        + after.selected().map(CandidatePair::route).orElse("none") + "). " + call.situation());
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CallException("interrupted while waiting for the ICE restart to select a new pair");
            }
        }
        long switched = KitClock.now();
        call.log().note("ICE restart: new pair selected", after.selected().get().route());
        SdpDiff diff = Sdp.diff(Sdp.parse(before.sdp()), Sdp.parse(offer.sdp()), "offer before", "offer after");
        return new Result(how, before, offer, diff, pairsBefore, after, (start - t0) / 1e6, (switched - t0) / 1e6);
    }

    private static SessionDescription gathered(LocalCall call, String peer, long after) {
        call.await(e -> e.nanos() > after && e.source().equals(peer) && e.isState(Event.ICE_GATHERING, "complete"),
                peer + " did not finish gathering candidates after the ICE restart");
        return peer.equals("pc1") ? call.pc1().localDescription() : call.pc2().localDescription();
    }

    private static String value(SessionDescription d, String prefix) {
        if (d == null) return "";
        return d.lines().stream().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length()).strip()).findFirst().orElse("");
    }
}

package org.webrtcprimer.call;

import org.webrtcprimer.notebook.Table;

/**
 * How a {@link LocalCall} shows itself in a notebook (a table of both peers' four states, with the
 * remote video and the setup time under it) and as text. A view: it reads the call's public
 * state and changes nothing. Not lesson API: a cell that ends with the call shows it.
 */
final class LocalCallView {
    private LocalCallView() {}

    static String html(LocalCall call) {
        Table t = Table.of("peer", "signaling", "ICE gathering", "ICE connection", "connection")
                .title(title(call)).colorRowsBy("peer");
        for (Peer p : call.peers()) {
            PeerState s = p.state();
            t.row(p.name(), s.signalingState(), s.iceGatheringState(), s.iceConnectionState(), s.connectionState());
        }
        return t.note(summary(call, ". ", "; ")).toHtml();
    }

    static String text(LocalCall call) {
        return title(call) + "\n  " + call.pc1().state() + "\n  " + call.pc2().state() + "\n  " + summary(call, "\n  ", "\n  ");
    }

    private static String title(LocalCall call) {
        return "LocalCall " + (call.isHungUp() ? "(hung up)" : "(active)");
    }

    /** The remote video and the setup time; for a call without media, only when it connected. */
    private static String summary(LocalCall call, String sentence, String separator) {
        if (call.localStream() == null) {
            return "No media (LocalCall.create()): data channels only" + sentence + call.setupTime().toConnectedMillis().stream()
                    .mapToObj(ms -> String.format("call() → both peers connected: %.1f ms", ms)).findFirst()
                    .orElse("The peers have not both connected yet.");
        }
        return call.remoteVideo() + sentence + call.setupTime().toString().replace("\n", separator);
    }
}

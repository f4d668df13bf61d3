package org.webrtcprimer.call;

/**
 * Where a peer connection's four state machines stand, with the W3C names and values.
 *
 * @param peer               {@code pc1} or {@code pc2}
 * @param signalingState     JSEP offer/answer: stable, have-local-offer, have-remote-offer …
 * @param iceGatheringState  new, gathering, complete
 * @param iceConnectionState new, checking, connected, completed, disconnected, failed, closed
 * @param connectionState    ICE and DTLS together: new, connecting, connected, disconnected, failed, closed
 */
public record PeerState(String peer, String signalingState, String iceGatheringState, String iceConnectionState,
                        String connectionState) {

    @Override
    public String toString() {
        return peer + " — signaling: " + signalingState + " · ICE gathering: " + iceGatheringState
                + " · ICE connection: " + iceConnectionState + " · connection: " + connectionState;
    }
}

package org.webrtcprimer.call;

/**
 * What to do next when a JSEP step fails: the engine says what is wrong, the kit says how the
 * offer/answer order (RFC 9429 §3.2) is meant to go.
 */
final class Hints {
    private Hints() {}

    static String forStep(String peer, String step, String signaling, String engineMessage) {
        String m = engineMessage == null ? "" : engineMessage;
        if (m.contains("Expect line") || m.contains("Invalid SDP") || m.contains("Failed to parse")
                || m.contains("Create session description failed")) {
            return "The engine could not parse the SDP: pass it as createOffer/createAnswer returned it, or edit whole "
                    + "lines and keep each line's syntax (<type>=<value>, RFC 8866 §5; the section 'SDP munging' of lesson 07 tries edits the engine accepts and edits it refuses).";
        }
        if (m.contains("Invalid ICE parameters") || m.contains("ICE pwd") || m.contains("ICE ufrag")) {
            return "The description's ICE credentials are not valid: a=ice-ufrag must be 4–256 characters and a=ice-pwd "
                    + "22–256 (RFC 8839 §5.4). An edited description must keep values of a legal length.";
        }
        if (m.contains("without DTLS fingerprint")) {
            return "The description has no a=fingerprint line: WebRTC encrypts all media with DTLS-SRTP, so every "
                    + "description must carry its certificate's fingerprint (RFC 8827 §6.5; RFC 8122 §5). SDPs that "
                    + "use a=crypto (SDES keys, as old Chrome and SIP did) or plain RTP are refused.";
        }
        if (m.contains("does not match identity")) {
            return "The a=fingerprint in " + peer + "'s own description was edited: a peer can only announce the "
                    + "fingerprint of its own certificate (RFC 8122 §5). Leave a=fingerprint as createOffer/createAnswer wrote it.";
        }
        if (m.contains("fingerprint")) {
            return "The description's a=fingerprint is not a hash of a certificate: it must read like 'sha-256 AB:CD:…' "
                    + "(RFC 8122 §5). An edited description must keep a well-formed fingerprint.";
        }
        if (m.contains("INVALID_PARAMETER")) {
            return "The engine rejected a value in the description itself, not the order of the steps: undo the edit.";
        }
        return switch (step) {
            case "createAnswer" -> signaling.equals("have-remote-offer") ? ""
                    : peer + " has no remote offer to answer — run " + peer + ".setRemoteDescription(offer) first.";
            case "setLocalDescription" -> switch (signaling) {
                case "stable" -> "In 'stable' a peer sets an offer it created — run " + peer + ".createOffer() and set that.";
                case "have-remote-offer" -> peer + " has received an offer: set the answer from " + peer
                        + ".createAnswer(), not an offer.";
                case "have-local-offer" -> peer + " already has a local offer; it now waits for the answer "
                        + "(setRemoteDescription(answer)).";
                default -> "";
            };
            case "setRemoteDescription" -> switch (signaling) {
                case "stable" -> "In 'stable' a peer can only receive an offer; an answer needs this peer's own offer first.";
                case "have-local-offer" -> peer + " has made an offer and expects the other peer's answer, not an offer "
                        + "(both peers offering at once is called glare).";
                case "have-remote-offer" -> peer + " already holds the remote offer: answer it with "
                        + peer + ".createAnswer().";
                default -> "";
            };
            default -> "";
        };
    }
}

package org.webrtcprimer.call;

/**
 * The options of {@code createOffer} that the engine supports — the article's {@code offerOptions}
 * without {@code offerToReceiveAudio/Video}, which modern WebRTC replaces with recvonly
 * transceivers (lesson 07).
 *
 * @param iceRestart             make new ICE credentials (ufrag/pwd), restarting connectivity checks
 * @param voiceActivityDetection let the audio codec signal silence (comfort noise, {@code CN})
 */
public record OfferOptions(boolean iceRestart, boolean voiceActivityDetection) {

    /** The defaults: no ICE restart, voice activity detection on. */
    public static OfferOptions defaults() {
        return new OfferOptions(false, true);
    }

    /** The same with {@code iceRestart} set. */
    public OfferOptions withIceRestart(boolean on) {
        return new OfferOptions(on, voiceActivityDetection);
    }

    /** The same with {@code voiceActivityDetection} set. */
    public OfferOptions withVoiceActivityDetection(boolean on) {
        return new OfferOptions(iceRestart, on);
    }

    /** The engine's form of these options. */
    dev.onvoid.webrtc.RTCOfferOptions toEngine() {
        var o = new dev.onvoid.webrtc.RTCOfferOptions();
        o.iceRestart = iceRestart;
        o.voiceActivityDetection = voiceActivityDetection;
        return o;
    }

    @Override
    public String toString() {
        return "{iceRestart: " + iceRestart + ", voiceActivityDetection: " + voiceActivityDetection + "}";
    }
}

package org.webrtcprimer.call;

import org.webrtcprimer.net.Network;

import java.time.Duration;

/**
 * How a {@link LocalCall} is set up. Start from {@link #defaults()} and change what a lesson needs:
 * {@code CallOptions.defaults().withTrickle(false)}.
 *
 * @param offerOptions the article's {@code offerOptions} for {@code createOffer}
 * @param trickle      send each ICE candidate to the other peer as soon as it is found (the
 *                     article's way); when false, each peer waits until gathering is complete and
 *                     sends its candidates inside its description ("gather first")
 * @param timeout      how long any one step or wait may take before it fails with a message
 * @param startBitrateKbps when above 0, {@link LocalCall#negotiate()} adds this start-bitrate hint to
 *                     the answer before pc1 applies it, and logs it ({@link StartBitrate}); 0 leaves
 *                     the answer as the engine made it
 * @param requestFrameOnConnect when true, the synthetic camera pushes a frame the moment pc1 is
 *                     connected instead of at its next 1/30 s slot
 * @param network      when not null, the call goes through the kit's relay with these conditions
 *                     ({@link Network}); null (the default) connects the peers directly, as always
 * @param ice          the {@code iceServers} and {@code iceTransportPolicy} of both peers'
 *                     {@code RTCConfiguration}; by default none and {@code all} (host candidates
 *                     are enough on one machine)
 */
public record CallOptions(OfferOptions offerOptions, boolean trickle, Duration timeout, int startBitrateKbps,
                          boolean requestFrameOnConnect, Network network, IceSettings ice) {

    /** The start bitrate the kit's quick call uses: enough for 640×480 with no dropped frames. */
    public static final int FAST_START_KBPS = 1000;

    public CallOptions {
        if (offerOptions == null) offerOptions = OfferOptions.defaults();
        if (ice == null) ice = IceSettings.none();
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, e.g. Duration.ofSeconds(10)");
        }
        if (startBitrateKbps != 0 && (startBitrateKbps < 30 || startBitrateKbps > 100_000)) {
            throw new IllegalArgumentException("start bitrate " + startBitrateKbps + " kbps is out of range — use 0 (engine default) or 30–100000");
        }
    }

    /**
     * The kit's quick call: trickle ICE, default offer options, 10 s per step, a LAN start
     * bitrate and a frame pushed at connect — the first remote frame in about half the time.
     */
    public static CallOptions defaults() {
        return new CallOptions(OfferOptions.defaults(), true, Duration.ofSeconds(10), FAST_START_KBPS, true, null, IceSettings.none());
    }

    /** Exactly the article's sequence with the engine's own defaults: no SDP edit, no frame request. */
    public static CallOptions articleDefaults() {
        return new CallOptions(OfferOptions.defaults(), true, Duration.ofSeconds(10), 0, false, null, IceSettings.none());
    }

    public CallOptions withOfferOptions(OfferOptions o) {
        return new CallOptions(o, trickle, timeout, startBitrateKbps, requestFrameOnConnect, network, ice);
    }

    public CallOptions withTrickle(boolean on) {
        return new CallOptions(offerOptions, on, timeout, startBitrateKbps, requestFrameOnConnect, network, ice);
    }

    public CallOptions withTimeout(Duration d) {
        return new CallOptions(offerOptions, trickle, d, startBitrateKbps, requestFrameOnConnect, network, ice);
    }

    public CallOptions withStartBitrateKbps(int kbps) {
        return new CallOptions(offerOptions, trickle, timeout, kbps, requestFrameOnConnect, network, ice);
    }

    public CallOptions withRequestFrameOnConnect(boolean on) {
        return new CallOptions(offerOptions, trickle, timeout, startBitrateKbps, on, network, ice);
    }

    /**
     * Routes the call through the kit's relay, which puts these conditions between the peers
     * ({@code Network.perfect().withDelay(50)}); the call's {@code relay()} changes them live. Null
     * turns the relay off.
     */
    public CallOptions withNetwork(Network n) {
        return new CallOptions(offerOptions, trickle, timeout, startBitrateKbps, requestFrameOnConnect, n, ice);
    }

    /**
     * The STUN and TURN servers both peers gather from — the browser's {@code new
     * RTCPeerConnection({iceServers: [...]})}. E.g. {@code turn.iceServer("udp")} of a
     * {@code org.webrtcprimer.turn.TurnServer}.
     */
    public CallOptions withIceServers(IceServer... servers) {
        return withIceServers(java.util.List.of(servers));
    }

    /** {@link #iceServers(IceServer...)} from a list. */
    public CallOptions withIceServers(java.util.List<IceServer> servers) {
        return new CallOptions(offerOptions, trickle, timeout, startBitrateKbps, requestFrameOnConnect, network,
                new IceSettings(servers, ice.policy()));
    }

    /**
     * {@code iceTransportPolicy}: {@code "all"} or {@code "relay"} — with {@code relay} the peers
     * use only TURN relay candidates (W3C webrtc-pc, RTCIceTransportPolicy), so every packet goes
     * through the TURN server. Set the servers first.
     */
    public CallOptions withIceTransportPolicy(String policy) {
        return new CallOptions(offerOptions, trickle, timeout, startBitrateKbps, requestFrameOnConnect, network,
                new IceSettings(ice.servers(), policy));
    }

    /** {@code iceTransportPolicy("relay")}. */
    public CallOptions withRelayOnly() {
        return withIceTransportPolicy("relay");
    }

}

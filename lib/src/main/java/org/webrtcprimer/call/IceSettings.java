package org.webrtcprimer.call;

import java.util.List;

/**
 * The ICE part of a call's {@code RTCConfiguration}: its {@code iceServers} and its {@code
 * iceTransportPolicy} (W3C webrtc-pc, RTCConfiguration). Set through {@link CallOptions#iceServers} and
 * {@link CallOptions#iceTransportPolicy}.
 *
 * @param servers STUN and TURN servers every peer of the call gathers from; empty: host candidates only
 * @param policy  {@code all} (every candidate) or {@code relay} (only TURN relay candidates; W3C webrtc-pc, RTCIceTransportPolicy)
 */
public record IceSettings(List<IceServer> servers, String policy) {

    public IceSettings {
        servers = servers == null ? List.of() : List.copyOf(servers);
        policy = policy == null ? "all" : policy;
        if (!policy.equals("all") && !policy.equals("relay")) {
            throw new IllegalArgumentException("iceTransportPolicy must be \"all\" or \"relay\" (W3C webrtc-pc, RTCIceTransportPolicy), not \"" + policy + "\"");
        }
        if (policy.equals("relay") && servers.stream().flatMap(s -> s.urls().stream())
                .noneMatch(u -> IceServer.scheme(u).startsWith("turn"))) {
            throw new IllegalArgumentException("iceTransportPolicy \"relay\" needs a TURN server in iceServers: "
                    + "with none the peers gather no candidate at all and can never connect");
        }
    }

    /** No servers, every candidate: what a call on one machine needs. */
    public static IceSettings none() {
        return new IceSettings(List.of(), "all");
    }

    /** The configuration as the browser's JavaScript would write it. */
    public String describe() {
        return "{iceServers: " + servers + ", iceTransportPolicy: " + policy + ", bundlePolicy: balanced, rtcpMuxPolicy: require}";
    }
}

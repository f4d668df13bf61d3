package org.webrtcprimer.call;

import org.webrtcprimer.events.EventLog;
import org.webrtcprimer.net.Relay;
import org.webrtcprimer.net.Way;

/**
 * How a call hands candidates and descriptions across when it runs through the kit's relay: each
 * candidate's address becomes one of the relay's sockets, and what the relay cannot carry (TCP,
 * IPv6) is left out, with a note in the call's log. Used by {@code LocalCall} and {@code RemoteCall}.
 */
public final class RelayRouting {
    private RelayRouting() {}

    /** The candidate the other peer gets, or null when the relay cannot carry it (logged). */
    public static IceCandidate handOver(Relay relay, IceCandidate c, Way way, EventLog log) {
        if (c == null || c.isEndOfCandidates()) return c;
        if (c.type().equals("relay")) {
            // A TURN relay candidate is an address on the TURN server: the other peer reaches it there,
            // not through the kit's relay (a flow to a server passes every NAT, RFC 4787 §4, §5).
            log.note("Relay leaves a TURN candidate as it is", (way == Way.PC1_TO_PC2 ? "pc1" : "pc2") + "'s " + c.brief()
                    + " is on the TURN server, reached there directly");
            return c;
        }
        String line = relay.handOver(c.candidate(), way);
        String from = way == Way.PC1_TO_PC2 ? "pc1" : "pc2", to = way == Way.PC1_TO_PC2 ? "pc2" : "pc1";
        if (line == null) {
            String why = Relay.whyNot(c.candidate());
            log.note("Relay keeps back a candidate", from + "'s " + c.brief() + " is not given to " + to + ": "
                    + (why == null ? "its address is not on this machine, or the relay has no socket left" : why));
            return null;
        }
        IceCandidate r = new IceCandidate(c.sdpMid(), c.sdpMLineIndex(), line, c.serverUrl());
        if (c.type().equals("srflx") && r.address().equals(c.address())) {
            log.note("Relay hands over a server-reflexive candidate as it is", from + "'s " + c.brief()
                    + " is its NAT's mapping, as the STUN server saw it");
            return r;
        }
        log.note("Relay stands in", from + "'s " + c.address() + " is given to " + to + " as " + r.address());
        return r;
    }

    /**
     * The ICE servers one peer gets when the call goes through the relay: each {@code stun:} and
     * {@code turn:…?transport=udp} URL on this machine names the relay's socket that stands for
     * that server towards this peer, so the peer's STUN/TURN traffic leaves through its NAT and
     * its server-reflexive candidate carries the NAT's mapping (logged). TCP and TLS URLs stay as
     * they are (the relay carries UDP only). Without a relay, the settings as they are.
     */
    public static IceSettings routeServers(Relay relay, IceSettings ice, Way outboundOfPeer, EventLog log) {
        if (relay == null || ice.servers().isEmpty()) return ice;
        String peer = outboundOfPeer == Way.PC1_TO_PC2 ? "pc1" : "pc2";
        java.util.List<IceServer> out = new java.util.ArrayList<>();
        for (IceServer s : ice.servers()) {
            java.util.List<String> urls = new java.util.ArrayList<>();
            for (String u : s.urls()) {
                String r = relay.routeServerUrl(u, outboundOfPeer);
                urls.add(r);
                log.note(r.equals(u) ? "Relay leaves a server URL as it is" : "Relay puts the server behind the NAT",
                        r.equals(u) ? peer + " reaches " + u + " directly (the relay carries UDP only)"
                                : peer + " reaches " + u + " at " + r + ", through its NAT");
            }
            out.add(new IceServer(urls, s.username(), s.credential(), s.acceptAnyCertificate()));
        }
        return new IceSettings(out, ice.policy());
    }

    /** The description the other peer gets: its candidate lines handed over the same way. */
    public static SessionDescription handOver(Relay relay, SessionDescription d, Way way, EventLog log) {
        if (d == null) return null;
        String sdp = relay.handOverDescription(d.sdp(), way);
        long before = d.lines().stream().filter(l -> l.startsWith("a=candidate:")).count();
        SessionDescription r = d.withSdp(sdp);
        long after = r.lines().stream().filter(l -> l.startsWith("a=candidate:")).count();
        if (before > 0) {
            log.note("Relay rewrites the " + d.type() + "'s candidates", after + " of " + before
                    + " a=candidate lines now name the relay's sockets on 127.0.0.1; the rest (TCP, IPv6) are left out");
        }
        return r;
    }
}

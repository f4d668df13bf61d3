package org.webrtcprimer.net;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the relay does to what the peers are told: candidates rewritten to the faces that stand
 * for them, and STUN/TURN server URLs rewritten to the faces that stand for the servers towards
 * each peer. Only text changes here; {@link Faces} opens the sockets.
 */
final class HandOver {
    private final Faces faces;
    private final Map<String, String> serverUrls = new ConcurrentHashMap<>();

    HandOver(Faces faces) {
        this.faces = faces;
    }

    /** {@link Relay#handOver(String, Way)}. */
    String candidate(String candidate, Way handedOver) {
        if (candidate == null || candidate.isBlank()) return candidate;
        String prefix = candidate.startsWith("a=") ? "a=" : "";
        String[] f = candidate.substring(prefix.length()).split(" ");
        if (f.length < 8) throw new IllegalArgumentException("not a candidate line (RFC 8839 §5.1 has at least 8 fields): '" + candidate + "'");
        if (!f[2].equalsIgnoreCase("udp")) return null;
        InetAddress a = Faces.literal(f[4]);
        if (!(a instanceof Inet4Address) || !faces.isLocal(a)) return null;
        int port;
        try {
            port = Integer.parseInt(f[5]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("candidate port '" + f[5] + "' is not a number in '" + candidate + "'");
        }
        InetSocketAddress at = new InetSocketAddress(a, port);
        if (faces.isFace(at)) {
            // A server-reflexive candidate: the address a STUN server saw, which is already the peer's NAT
            // mapping (a face of this relay). It goes over as it is, like a real srflx across the Internet.
            return prefix + String.join(" ", f);
        }
        // Packets sent to the face travel towards the peer whose candidate it is.
        Faces.Face face = faces.face(handedOver.reverse(), at, at);
        if (face == null) return null;
        f[4] = face.local.getAddress().getHostAddress();
        f[5] = String.valueOf(face.local.getPort());
        return prefix + String.join(" ", f);
    }

    /** {@link Relay#handOverDescription(String, Way)}. */
    String description(String sdp, Way handedOver) {
        if (sdp == null) return null;
        String eol = sdp.contains("\r\n") ? "\r\n" : "\n";
        StringBuilder b = new StringBuilder(sdp.length());
        for (String line : sdp.split("\r?\n", -1)) {
            if (line.startsWith("a=candidate:")) {
                String r = candidate(line, handedOver);
                if (r != null) b.append(r).append(eol);
            } else if (!line.isEmpty()) {
                b.append(line).append(eol);
            }
        }
        return b.toString();
    }

    /** {@link Relay#whyNot(String)}. */
    static String whyNot(String candidate) {
        String[] f = candidate.replaceFirst("^a=", "").split(" ");
        if (f.length < 8) return "not a candidate line";
        if (!f[2].equalsIgnoreCase("udp")) return "the relay carries UDP only (ICE-TCP is turned off through it)";
        InetAddress a = Faces.literal(f[4]);
        if (a == null) return "a hostname, not an address";
        if (!(a instanceof Inet4Address)) return "IPv6: the relay listens on 127.0.0.1 only, and over IPv6 the peers would go direct";
        return null;
    }

    /** {@link Relay#serverFace(Way, InetSocketAddress)}. */
    InetSocketAddress serverFace(Way outboundOfPeer, InetSocketAddress server) {
        if (server == null || !(server.getAddress() instanceof Inet4Address) || !faces.isLocal(server.getAddress())) return null;
        Faces.Face f = faces.serverFace(outboundOfPeer, server);
        return f == null ? null : f.local;
    }

    /** {@link Relay#routeServerUrl(String, Way)}. */
    String serverUrl(String url, Way outboundOfPeer) {
        if (url == null) return null;
        int colon = url.indexOf(':');
        if (colon < 0) return url;
        String scheme = url.substring(0, colon).toLowerCase(Locale.ROOT);
        if (!scheme.equals("stun") && !scheme.equals("turn")) return url;
        String rest = url.substring(colon + 1);
        int q = rest.indexOf('?');
        String query = q < 0 ? "" : rest.substring(q);
        if (!query.isEmpty() && !query.equalsIgnoreCase("?transport=udp")) return url;
        String hostPort = q < 0 ? rest : rest.substring(0, q);
        int c = hostPort.lastIndexOf(':');
        String host = c < 0 ? hostPort : hostPort.substring(0, c);
        int port;
        try {
            port = c < 0 ? 3478 : Integer.parseInt(hostPort.substring(c + 1));
        } catch (NumberFormatException e) {
            return url;
        }
        InetAddress a = Faces.literal(host);
        if (a == null) return url;
        InetSocketAddress face = serverFace(outboundOfPeer, new InetSocketAddress(a, port));
        if (face == null) return url;
        String routed = scheme + ":" + face.getAddress().getHostAddress() + ":" + face.getPort() + query;
        serverUrls.put(routed, url);
        return routed;
    }

    /** {@link Relay#serverUrl(String)}. */
    String original(String routed) {
        return routed == null ? null : serverUrls.getOrDefault(routed, routed);
    }
}

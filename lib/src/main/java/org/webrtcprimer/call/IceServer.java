package org.webrtcprimer.call;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * One entry of {@code RTCConfiguration.iceServers} — the browser's {@code {urls, username,
 * credential}} (W3C webrtc-pc, {@code RTCIceServer}).
 *
 * @param urls        {@code stun:host:port}, {@code turn:host:port?transport=udp|tcp} or
 *                    {@code turns:host:port?transport=tcp} (RFC 7064, RFC 7065)
 * @param username    the TURN user name, or {@code ""} for STUN
 * @param credential  the TURN password, or {@code ""} for STUN
 * @param acceptAnyCertificate for {@code turns:} only: accept the server's certificate without
 *                    checking it (the engine's {@code TlsCertPolicy.INSECURE_NO_CHECK}) — for a
 *                    server with a self-signed certificate such as the kit's own coturn
 */
public record IceServer(List<String> urls, String username, String credential, boolean acceptAnyCertificate) {

    public IceServer {
        if (urls == null || urls.isEmpty()) {
            throw new IllegalArgumentException("an ICE server needs at least one URL, e.g. \"stun:192.0.2.2:3478\"");
        }
        urls = List.copyOf(urls);
        for (String u : urls) check(u);
        username = username == null ? "" : username;
        credential = credential == null ? "" : credential;
        boolean turn = urls.stream().anyMatch(u -> !scheme(u).equals("stun") && !scheme(u).equals("stuns"));
        if (turn && (username.isEmpty() || credential.isEmpty())) {
            throw new IllegalArgumentException("a TURN server needs a username and a credential (W3C webrtc-pc, RTCIceServer): " + urls);
        }
    }

    /** A STUN server: {@code IceServer.stun("stun:192.0.2.2:3478")}. */
    public static IceServer stun(String url) {
        return new IceServer(List.of(url), "", "", false);
    }

    /** A TURN server with long-term credentials (RFC 8489 §9.2). */
    public static IceServer turn(String url, String username, String credential) {
        return new IceServer(List.of(url), username, credential, false);
    }

    /** The same server with another password (for the lesson's broken configurations). */
    public IceServer withCredential(String c) {
        return new IceServer(urls, username, c, acceptAnyCertificate);
    }

    /** The same server with another user name. */
    public IceServer withUsername(String u) {
        return new IceServer(urls, u, credential, acceptAnyCertificate);
    }

    /** The same server, accepting a self-signed TLS certificate (or not). */
    public IceServer acceptAnyCertificate(boolean on) {
        return new IceServer(urls, username, credential, on);
    }

    /** The URL scheme: {@code stun}, {@code stuns}, {@code turn} or {@code turns}. */
    public static String scheme(String url) {
        int colon = url.indexOf(':');
        return colon < 0 ? "" : url.substring(0, colon).toLowerCase(Locale.ROOT);
    }

    /** The transport a URL asks for: {@code udp}, {@code tcp} or {@code tls} (turns: is TLS over TCP). */
    public static String transport(String url) {
        String s = scheme(url);
        if (s.equals("turns") || s.equals("stuns")) return "tls";
        int q = url.indexOf("?transport=");
        return q < 0 ? "udp" : url.substring(q + 11).toLowerCase(Locale.ROOT);
    }

    private static void check(String url) {
        String s = url == null ? "" : scheme(url);
        if (!List.of("stun", "stuns", "turn", "turns").contains(s)) {
            throw new IllegalArgumentException("ICE server URL " + (url == null ? "null" : "'" + url + "'")
                    + " must start with stun:, turn: or turns: (RFC 7064, RFC 7065), e.g. turn:192.0.2.2:3478?transport=udp");
        }
        String rest = url.substring(s.length() + 1);
        int q = rest.indexOf('?');
        String hostPort = q < 0 ? rest : rest.substring(0, q);
        if (q >= 0) {
            String query = rest.substring(q + 1);
            if (!query.equals("transport=udp") && !query.equals("transport=tcp")) {
                throw new IllegalArgumentException("ICE server URL '" + url + "': the only query RFC 7065 allows is "
                        + "?transport=udp or ?transport=tcp, not '?" + query + "'");
            }
        }
        try {
            URI u = new URI("x://" + hostPort);
            if (u.getHost() == null) throw new IllegalArgumentException();
        } catch (Exception e) {
            throw new IllegalArgumentException("ICE server URL '" + url + "' has no valid host[:port] after '" + s + ":'");
        }
    }

    /** As the browser's JavaScript would write it. */
    @Override
    public String toString() {
        String u = urls.size() == 1 ? "'" + urls.get(0) + "'" : urls.stream().map(x -> "'" + x + "'").toList().toString();
        return "{urls: " + u + (username.isEmpty() ? "" : ", username: '" + username + "', credential: '" + credential + "'")
                + (acceptAnyCertificate ? ", tlsCertPolicy: insecure-no-check" : "") + "}";
    }
}

package org.webrtcprimer.turn;

import org.webrtcprimer.call.IceCandidateError;
import org.webrtcprimer.call.IceServer;
import org.webrtcprimer.call.LocalCall;
import org.webrtcprimer.call.Peer;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Why a call through the kit's own coturn did not connect, in one line — told from both sides:
 * what the engine reported ({@code icecandidateerror}) and what the server knows (its users,
 * realm, secret, listeners). The client alone cannot tell a wrong password from a key made for
 * another realm (both are a 401); the server can.
 */
public final class TurnDiagnosis {
    private TurnDiagnosis() {}

    /** The one-line diagnosis of {@code call} against {@code server}, or empty when nothing about TURN is wrong. */
    public static Optional<String> of(LocalCall call, TurnServer server) {
        List<IceServer> servers = call.options().ice().servers();
        boolean relay = call.options().ice().policy().equals("relay");
        for (Peer p : List.of(call.pc1(), call.pc2())) {
            List<IceCandidateError> errors = call.iceCandidateErrors().stream().filter(e -> e.peer().equals(p.name())).toList();
            boolean gotRelay = p.localCandidates().stream().anyMatch(c -> c.type().equals("relay"));
            for (IceCandidateError reported : errors) {
                // Through the relay the engine names the relay's socket that stands for the server: read it back.
                IceCandidateError e = call.hasRelay() ? reported.withUrl(call.relay().serverUrl(reported.url())) : reported;
                IceServer used = servers.stream().filter(s -> s.urls().contains(e.url())).findFirst().orElse(null);
                if (used == null || !server.isOwn(e.url())) continue;
                return Optional.of(explain(e, used, server));
            }
            if (!gotRelay && relay) {
                for (IceServer s : servers) {
                    for (String u : s.urls()) {
                        if (!server.isOwn(u)) continue;
                        String t = IceServer.transport(u);
                        if (!server.config().transports().contains(t)) {
                            return Optional.of(p.name() + " got no relay candidate: " + u + " asks for TURN over " + t
                                    + ", which is blocked here (this coturn has no " + t + " listener, " + server.config().transports()
                                    + " only) — nothing answers, so the engine waits ~40 s before it reports 701; use "
                                    + "turn.iceServer(\"" + server.config().transports().iterator().next() + "\")");
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static String explain(IceCandidateError e, IceServer used, TurnServer server) {
        TurnConfig c = server.config();
        String head = e.peer() + " icecandidateerror " + e.code() + " " + e.text() + " from " + e.url() + ": ";
        if (e.code() == 401) {
            String user = used.username(), pass = used.credential();
            if (c.sharedSecret() != null) {
                String[] parts = user.split(":", 2);
                long expiry;
                try {
                    expiry = Long.parseLong(parts[0]);
                } catch (NumberFormatException x) {
                    return head + "this server takes time-limited credentials only (use-auth-secret), and '" + user
                            + "' does not start with an expiry time — issue them with turn.timeLimitedCredentials(user, ttl)";
                }
                if (!TurnCredentials.hmacSha1Base64(c.sharedSecret(), user).equals(pass)) {
                    return head + "the credential is not HMAC-SHA1(shared secret, '" + user + "') — it was made with another secret";
                }
                if (expiry <= Instant.now().getEpochSecond()) {
                    return head + "the time-limited credentials expired at " + Instant.ofEpochSecond(expiry)
                            + " — the web server must issue fresh ones (turn.timeLimitedCredentials(user, ttl))";
                }
                return head + "the time-limited credentials look right; see turn.log(\"401\")";
            }
            if (!c.users().containsKey(user)) {
                return head + "this server has no user '" + user + "' (its users: " + String.join(", ", c.users().keySet()) + ")";
            }
            String keyRealm = c.keyRealms().get(user);
            if (keyRealm != null && !keyRealm.equals(c.realm()) && c.users().get(user).equals(pass)) {
                return head + "wrong realm — the password is right, but the key of '" + user + "' was made for realm '" + keyRealm
                        + "' while the server announces realm '" + c.realm() + "', and the client hashes MD5(user:realm:password) "
                        + "with the announced one (RFC 8489 §9.2.2)";
            }
            if (!c.users().get(user).equals(pass)) {
                return head + "wrong password for user '" + user + "' (the 401 carried realm '" + c.realm()
                        + "' and a nonce; the retry's MESSAGE-INTEGRITY did not match, RFC 8489 §9.2.4)";
            }
        }
        if (e.code() == 701 && IceServer.transport(e.url()).equals("tls") && !used.acceptAnyCertificate()) {
            return head + "the TLS handshake failed: this coturn's certificate is self-signed and the ICE server checks it — "
                    + "turn.iceServer(\"tls\") accepts it (acceptAnyCertificate)";
        }
        return head + e.explain();
    }
}

package org.webrtcprimer.turn;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * Time-limited TURN credentials of the shared-secret scheme that real deployments use (the "TURN
 * REST API" draft, draft-uberti-behave-turn-rest-00 §2.2; coturn's {@code use-auth-secret}): the
 * web server that hands out the ICE servers and the TURN server share a secret; the user name is
 * the expiry time in Unix seconds (optionally {@code :} and a user id), the password
 * {@code base64(HMAC-SHA1(secret, username))}. The TURN server recomputes the password and
 * refuses it once the time has passed — no user database, no password that lives forever.
 *
 * @param username   {@code expiry[:user]}
 * @param credential the password derived from the secret
 * @param expires    when the server stops accepting it
 */
public record TurnCredentials(String username, String credential, Instant expires) {

    /** Credentials for {@code user} valid for {@code ttl} from now. */
    public static TurnCredentials issue(String secret, String user, Duration ttl) {
        return issue(secret, user, Instant.now().plus(ttl));
    }

    /** Credentials for {@code user} that expire at {@code expires} (in the past: already expired). */
    public static TurnCredentials issue(String secret, String user, Instant expires) {
        if (secret == null || secret.isEmpty()) throw new IllegalArgumentException("the shared secret is empty");
        String name = expires.getEpochSecond() + (user == null || user.isEmpty() ? "" : ":" + user);
        return new TurnCredentials(name, hmacSha1Base64(secret, name), expires);
    }

    static String hmacSha1Base64(String key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM has no HmacSHA1", e);
        }
    }

    @Override
    public String toString() {
        return "{username: '" + username + "', credential: '" + credential + "'} (expires " + expires + ")";
    }
}

package org.webrtcprimer.turn;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the kit's coturn is started with. {@link #defaults()} is a server on this machine's own
 * address with UDP, TCP and TLS listeners and one long-term user {@code learner} with a fresh random
 * password ({@link #withTimeLimited()}: a shared secret instead); change what a lesson needs:
 * {@code TurnConfig.defaults().withoutTransport("udp")}.
 *
 * @param address     the address coturn listens and relays on; the default is this machine's own
 *                    IPv4 address (the one libwebrtc gathers its host candidates on)
 * @param realm       the REALM coturn sends in its 401 challenges (RFC 8489 §9.2)
 * @param users       long-term users and their passwords (coturn's {@code lt-cred-mech})
 * @param keyRealms   users whose key was derived for another realm than {@code realm}: coturn gets
 *                    {@code MD5(user:thatRealm:password)} as their key, which no password can match —
 *                    the "wrong realm" failure of lesson 13
 * @param sharedSecret the secret of time-limited credentials ({@code use-auth-secret}), or null for none
 * @param transports  which listeners to start: any of {@code udp}, {@code tcp}, {@code tls}
 * @param verbose     coturn's {@code verbose}: one log line per session event (allocations, refusals)
 */
public record TurnConfig(InetAddress address, String realm, Map<String, String> users, Map<String, String> keyRealms,
                         String sharedSecret, Set<String> transports, boolean verbose) {

    /** The realm of the kit's coturn. */
    public static final String REALM = "webrtc-primer";

    public TurnConfig {
        if (address == null) throw new IllegalArgumentException("coturn needs an address to listen on");
        if (realm == null || realm.isBlank() || realm.contains("\n")) throw new IllegalArgumentException("the realm must be a non-empty line of text");
        users = Collections.unmodifiableMap(new LinkedHashMap<>(users == null ? Map.of() : users));
        keyRealms = Collections.unmodifiableMap(new LinkedHashMap<>(keyRealms == null ? Map.of() : keyRealms));
        for (var e : users.entrySet()) {
            if (!e.getKey().matches("[A-Za-z0-9._\\-]+")) throw new IllegalArgumentException("user name '" + e.getKey() + "': use letters, digits, . _ -");
            if (e.getValue().isEmpty() || e.getValue().contains("\n")) throw new IllegalArgumentException("user " + e.getKey() + " needs a one-line password");
        }
        if (sharedSecret != null && (sharedSecret.isEmpty() || sharedSecret.contains("\n"))) {
            throw new IllegalArgumentException("the shared secret must be a non-empty line of text, or null for none");
        }
        transports = Collections.unmodifiableSet(new TreeSet<>(transports == null ? Set.of() : transports));
        for (String t : transports) {
            if (!List.of("udp", "tcp", "tls").contains(t)) throw new IllegalArgumentException("unknown transport '" + t + "': udp, tcp or tls");
        }
        if (transports.isEmpty()) throw new IllegalArgumentException("coturn needs at least one of udp, tcp, tls");
        if (!users.isEmpty() && sharedSecret != null) {
            throw new IllegalArgumentException("coturn cannot mix long-term users and a shared secret: the secret overrides "
                    + "the users (its own CONFIGURATION ALERT) — use TurnConfig.defaults() for users, "
                    + "TurnConfig.defaults().withTimeLimited() for the shared secret");
        }
        if (users.isEmpty() && sharedSecret == null) throw new IllegalArgumentException("coturn needs a user or a shared secret: "
                + "the kit never runs an open relay");
    }

    /** UDP, TCP and TLS on this machine's address; one long-term user {@code learner} with a random password. */
    public static TurnConfig defaults() {
        Map<String, String> users = new LinkedHashMap<>();
        users.put("learner", randomToken(12));
        return new TurnConfig(machineAddress(), REALM, users, Map.of(), null, Set.of("udp", "tcp", "tls"), true);
    }

    /** This machine's first IPv4 address that is up and not loopback (loopback when there is none). */
    public static InetAddress machineAddress() {
        List<InetAddress> all = machineAddresses();
        return all.isEmpty() ? InetAddress.getLoopbackAddress() : all.get(0);
    }

    /** Every IPv4 address of this machine that is up and not loopback, in interface order. */
    public static List<InetAddress> machineAddresses() {
        List<InetAddress> out = new ArrayList<>();
        try {
            for (NetworkInterface n : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!n.isUp() || n.isLoopback()) continue;
                for (InetAddress a : Collections.list(n.getInetAddresses())) {
                    if (a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()) out.add(a);
                }
            }
        } catch (SocketException ignored) {
            // no interfaces readable: loopback only
        }
        return out;
    }

    /** Another listening address. */
    public TurnConfig withAddress(InetAddress a) {
        return new TurnConfig(a, realm, users, keyRealms, sharedSecret, transports, verbose);
    }

    /** Another realm. */
    public TurnConfig withRealm(String r) {
        return new TurnConfig(address, r, users, keyRealms, sharedSecret, transports, verbose);
    }

    /** Adds (or replaces) a long-term user. */
    public TurnConfig withUser(String name, String password) {
        Map<String, String> u = new LinkedHashMap<>(users);
        u.put(name, password);
        Map<String, String> k = new LinkedHashMap<>(keyRealms);
        k.remove(name);
        return new TurnConfig(address, realm, u, k, sharedSecret, transports, verbose);
    }

    /**
     * Adds a user whose key was made for realm {@code keyRealm} (as {@code turnadmin -k -u NAME -r
     * REALM -p PASSWORD} makes it). When that is not this server's realm, the right password is
     * refused: the client hashes it with the realm the server announced.
     */
    public TurnConfig withUserKeyedFor(String name, String password, String keyRealm) {
        TurnConfig c = withUser(name, password);
        Map<String, String> k = new LinkedHashMap<>(c.keyRealms);
        k.put(name, keyRealm);
        return new TurnConfig(address, realm, c.users, k, sharedSecret, transports, verbose);
    }

    /**
     * Time-limited credentials instead of long-term users: a fresh random shared secret (coturn's
     * {@code use-auth-secret}), no user database. Issue credentials with
     * {@link TurnServer#timeLimitedCredentials}.
     */
    public TurnConfig withTimeLimited() {
        return withSharedSecret(randomToken(24));
    }

    /** Time-limited credentials with this shared secret (and no long-term users); null: long-term users again. */
    public TurnConfig withSharedSecret(String s) {
        return new TurnConfig(address, realm, s == null ? users : Map.of(), s == null ? keyRealms : Map.of(), s, transports, verbose);
    }

    /** Only these listeners, e.g. {@code withTransports("tcp", "tls")}: the others are "blocked". */
    public TurnConfig withTransports(String... t) {
        return new TurnConfig(address, realm, users, keyRealms, sharedSecret, Set.of(t), verbose);
    }

    /** Every listener but this one, e.g. {@code withoutTransport("udp")}: a network where UDP is blocked. */
    public TurnConfig withoutTransport(String transport) {
        Set<String> t = new TreeSet<>(transports);
        if (!t.remove(transport)) throw new IllegalArgumentException("this configuration has no " + transport + " listener to remove");
        return new TurnConfig(address, realm, users, keyRealms, sharedSecret, t, verbose);
    }

    /** coturn's verbose log on or off. */
    public TurnConfig withVerbose(boolean on) {
        return new TurnConfig(address, realm, users, keyRealms, sharedSecret, transports, on);
    }

    /** The long-term key coturn stores for a user: {@code MD5(user:realm:password)} (RFC 8489 §9.2.2). */
    public static String longTermKey(String user, String realm, String password) {
        try {
            byte[] d = MessageDigest.getInstance("MD5").digest((user + ":" + realm + ":" + password).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no MD5", e);
        }
    }

    /** The config file coturn gets, for these ports and files. */
    String file(Ports ports, String certFile, String keyFile, String pidFile, String dbFile) {
        StringBuilder b = new StringBuilder();
        b.append("# written by the WebRTC Primer for one run of coturn; deleted when it stops\n");
        String ip = address.getHostAddress();
        b.append("listening-ip=").append(ip).append('\n');
        b.append("relay-ip=").append(ip).append('\n');
        b.append("listening-port=").append(ports.main()).append('\n');
        b.append("tls-listening-port=").append(ports.tls()).append('\n');
        b.append("min-port=").append(ports.relayMin()).append('\n');
        b.append("max-port=").append(ports.relayMax()).append('\n');
        if (!transports.contains("udp")) b.append("no-udp\n");
        if (!transports.contains("tcp")) b.append("no-tcp\n");
        if (!transports.contains("tls")) b.append("no-tls\n");
        b.append("no-dtls\n");
        b.append("realm=").append(realm).append('\n');
        b.append("lt-cred-mech\n");
        for (var e : users.entrySet()) {
            String keyRealm = keyRealms.get(e.getKey());
            b.append("user=").append(e.getKey()).append(':')
                    .append(keyRealm == null ? e.getValue() : "0x" + longTermKey(e.getKey(), keyRealm, e.getValue())).append('\n');
        }
        if (sharedSecret != null) {
            b.append("use-auth-secret\n");
            b.append("static-auth-secret=").append(sharedSecret).append('\n');
        }
        if (transports.contains("tls")) {
            b.append("cert=").append(certFile).append('\n');
            b.append("pkey=").append(keyFile).append('\n');
        }
        // Relay only to this machine's own addresses: the kit's TURN server never sends anywhere else.
        b.append("denied-peer-ip=0.0.0.0-255.255.255.255\n");
        b.append("denied-peer-ip=::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff\n");
        Set<String> own = new TreeSet<>();
        own.add(ip);
        for (InetAddress a : machineAddresses()) own.add(a.getHostAddress());
        for (String a : own) b.append("allowed-peer-ip=").append(a).append('\n');
        if (address.isLoopbackAddress()) b.append("allow-loopback-peers\n");
        b.append("fingerprint\n");
        b.append("no-cli\n");
        b.append("no-rfc5780\n");
        b.append("no-stun-backward-compatibility\n");
        b.append("log-file=stdout\n");
        b.append("simple-log\n");
        if (verbose) b.append("verbose\n");
        b.append("pidfile=").append(pidFile).append('\n');
        b.append("userdb=").append(dbFile).append('\n');
        return b.toString();
    }

    /** The ports one run of coturn uses. */
    record Ports(int main, int tls, int relayMin, int relayMax) {}

    static String randomToken(int bytes) {
        byte[] b = new byte[bytes];
        new SecureRandom().nextBytes(b);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}

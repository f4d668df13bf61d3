package org.webrtcprimer.signaling;

import com.google.gson.JsonElement;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The kit's signaling protocol: which messages exist and what each must carry. WebRTC leaves
 * signaling to the application (RFC 8829 §1, JSEP); this is the smallest protocol that carries a
 * call: join a room, pass the offer, the answer and the candidates to the other peer, say bye.
 *
 * <p>Peer → server: {@code join}, then any of the relayed types. Server → peer: {@code joined},
 * {@code peer-joined}, {@code peer-left}, {@code error}, and the relayed messages with
 * {@code from} added. docs/remote.md lists every field.
 */
public final class Protocol {
    private Protocol() {}

    /** Joins a room: {@code {"type":"join","room":"lesson10","name":"pc1"}}. */
    public static final String JOIN = "join";
    /** The server's reply to join: the room, your name and who else is there. */
    public static final String JOINED = "joined";
    /** Someone else joined your room. */
    public static final String PEER_JOINED = "peer-joined";
    /** Someone left your room ({@code reason}: left, disconnected, timed out). */
    public static final String PEER_LEFT = "peer-left";
    /** The server refused a message: {@code code}, {@code message}, and the offending type when known. */
    public static final String ERROR = "error";

    /** Relayed: the caller's session description. */
    public static final String OFFER = "offer";
    /** Relayed: the callee's session description. */
    public static final String ANSWER = "answer";
    /** Relayed: one trickled ICE candidate (an empty candidate marks the end). */
    public static final String CANDIDATE = "candidate";
    /** Relayed: the call is over (the room stays; a new offer starts the next call). */
    public static final String BYE = "bye";
    /** Relayed, the kit's own: a clock probe, {@code t0} on the sender's clock. */
    public static final String PING = "ping";
    /** Relayed, the kit's own: the reply, {@code t0} echoed and {@code t1} on the replier's clock. */
    public static final String PONG = "pong";
    /** Relayed, the kit's own: a page of the sender's event log ({@code events}, {@code last}). */
    public static final String LOG = "log";

    /** Types a peer may send after joining; the server relays them to the other peer of the room. */
    public static final List<String> RELAYED = List.of(OFFER, ANSWER, CANDIDATE, BYE, PING, PONG, LOG);

    /** How many peers a room holds: a call is two. */
    public static final int ROOM_SIZE = 2;

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,32}");
    private static final Pattern ROOM = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{8,64}");
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    /** Whether the text is a valid room name. */
    static boolean isRoom(String room) {
        return room != null && ROOM.matcher(room).matches();
    }

    /** Whether the text is a valid room token. */
    static boolean isToken(String token) {
        return token != null && TOKEN.matcher(token).matches();
    }

    /** A fresh room token: 128 random bits, URL-safe. */
    static String newToken() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** Checks a message a peer sent; throws {@link SignalingProtocolException} saying what is wrong. */
    static void validate(Message m) {
        String type = m.type();
        switch (type) {
            case JOIN -> {
                String room = m.require("room");
                if (!ROOM.matcher(room).matches()) {
                    throw new SignalingProtocolException("bad-field", "room '" + shorten(room) + "' must be 1–64 letters, digits, '.', '_' or '-'");
                }
                String name = m.require("name");
                if (!NAME.matcher(name).matches()) {
                    throw new SignalingProtocolException("bad-field", "name '" + shorten(name) + "' must be 1–32 letters, digits, '.', '_' or '-'");
                }
            }
            case OFFER, ANSWER -> {
                String sdp = m.require("sdp");
                if (!sdp.startsWith("v=0")) {
                    throw new SignalingProtocolException("bad-field", "the \"sdp\" of a '" + type + "' must be a session description "
                            + "starting with v=0 (RFC 8866 §5), not '" + shorten(sdp) + "'");
                }
            }
            case CANDIDATE -> {
                m.require("candidate"); // may be empty: the end-of-candidates marker
                JsonElement index = m.raw("sdpMLineIndex");
                if (index != null && !index.isJsonNull()
                        && !(index.isJsonPrimitive() && index.getAsJsonPrimitive().isNumber())) {
                    throw new SignalingProtocolException("bad-field", "\"sdpMLineIndex\" of a candidate must be a number");
                }
            }
            case PING -> requireNumber(m, "t0");
            case PONG -> {
                requireNumber(m, "t0");
                requireNumber(m, "t1");
            }
            case LOG -> {
                JsonElement events = m.raw("events");
                if (events == null || !events.isJsonArray()) {
                    throw new SignalingProtocolException("missing-field", "a 'log' message needs an \"events\" array");
                }
            }
            case BYE -> { }
            default -> throw new SignalingProtocolException("unknown-type", "unknown message type '" + shorten(type)
                    + "' — the server knows join, " + String.join(", ", RELAYED));
        }
    }

    private static void requireNumber(Message m, String field) {
        if (m.number(field).isEmpty()) {
            throw new SignalingProtocolException(m.has(field) ? "bad-field" : "missing-field",
                    "a '" + m.type() + "' message needs a number \"" + field + "\" (nanoseconds on the sender's clock)");
        }
    }

    static String shorten(String s) {
        String one = s.replace("\r", "\\r").replace("\n", "\\n");
        return one.length() <= 40 ? one : one.substring(0, 40) + "…";
    }

    /** The {@code token} parameter of an upgrade request's address ({@code /?token=…}), or null. */
    static String tokenIn(String resource) {
        if (resource == null) return null;
        int q = resource.indexOf('?');
        if (q < 0) return null;
        for (String pair : resource.substring(q + 1).split("&")) {
            if (pair.startsWith("token=")) return java.net.URLDecoder.decode(pair.substring(6), StandardCharsets.UTF_8);
        }
        return null;
    }
}

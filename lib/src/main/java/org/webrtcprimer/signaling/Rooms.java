package org.webrtcprimer.signaling;

import com.google.gson.JsonArray;
import org.java_websocket.WebSocket;
import org.java_websocket.framing.CloseFrame;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.webrtcprimer.signaling.Outbox.error;

/**
 * The signaling server's rooms: who is in which, joining (token, name, room size), relaying a
 * message to the other peer of the room, and leaving (the other is told why). One lock, this
 * object, guards the rooms and every member's room and name; messages go out after it is released.
 */
final class Rooms {
    private final Map<String, Map<String, WebSocket>> rooms = new TreeMap<>();
    private final String token;
    private final ServerLog log;
    private final Outbox out;

    Rooms(String token, ServerLog log, Outbox out) {
        this.token = token;
        this.log = log;
        this.out = out;
    }

    /** A message that passed the protocol's checks: a join, or something to relay to the room's other peer. */
    void handle(WebSocket conn, Member m, Message msg) {
        if (msg.type().equals(Protocol.JOIN)) {
            join(conn, m, msg);
        } else {
            relay(conn, m, msg);
        }
    }

    private void relay(WebSocket conn, Member m, Message msg) {
        WebSocket other;
        String room;
        synchronized (this) {
            if (m.room == null) {
                out.send(conn, error("not-joined", "send {\"type\":\"join\",\"room\":\"…\",\"name\":\"…\"} before '"
                        + msg.type() + "'", msg.type()));
                return;
            }
            room = m.room;
            other = rooms.getOrDefault(m.room, Map.of()).entrySet().stream()
                    .filter(e -> !e.getKey().equals(m.name)).map(Map.Entry::getValue).findFirst().orElse(null);
        }
        if (other == null) {
            log.note("nobody to relay to", msg.type() + " from " + m.name + " in room " + room);
            out.send(conn, error("no-peer", "nobody else is in room '" + room + "' to receive the " + msg.type()
                    + " — start the other peer first and wait for 'peer-joined'", msg.type()));
            return;
        }
        Message relayed = msg.from(m.name);
        Member to = other.getAttachment();
        if (!msg.type().equals(Protocol.PING) && !msg.type().equals(Protocol.PONG)) {
            log.note(msg.type(), m.name + " → " + to.name + " in " + room + " (" + relayed.bytes() + " bytes)");
        }
        out.send(other, relayed);
    }

    private void join(WebSocket conn, Member m, Message msg) {
        String room = msg.require("room"), name = msg.require("name");
        if (!m.tokenInUrl && !token.equals(msg.string("token").orElse(null))) {
            log.note("refused a join", m.who() + " asked for room " + room + " without the room token");
            out.send(conn, error("not-authorized", "joining needs the server's room token — connect to the address the server "
                    + "printed (server.url(), with ?token=…) or send \"token\" in the join", Protocol.JOIN));
            m.closedBecause = "not authorized";
            conn.close(CloseFrame.POLICY_VALIDATION, "not authorized");
            return;
        }
        List<String> others;
        List<WebSocket> tell;
        List<WebSocket> tellGone = List.of();
        synchronized (this) {
            Member gone = replaceStale(room, name);
            if (gone != null) tellGone = new ArrayList<>(rooms.get(room).values());
            Message refusal = refusal(m, room, name);
            if (refusal != null) {
                if (rooms.containsKey(room) && rooms.get(room).isEmpty()) rooms.remove(room);
                out.send(conn, refusal);
                return;
            }
            Map<String, WebSocket> members = rooms.computeIfAbsent(room, r -> new LinkedHashMap<>());
            others = new ArrayList<>(members.keySet());
            tell = new ArrayList<>(members.values());
            members.put(name, conn);
            m.room = room;
            m.name = name;
        }
        // The stale connection's departure goes out before the new join, so no peer-left follows it.
        for (WebSocket w : tellGone) out.send(w, Message.of(Protocol.PEER_LEFT, "name", name, "reason", "left"));
        log.note("join", name + " joined room " + room + (others.isEmpty() ? " (first)" : " with " + String.join(", ", others)));
        JsonArray peers = new JsonArray();
        others.forEach(peers::add);
        out.send(conn, Message.of(Protocol.JOINED, "room", room, "name", name, "peers", peers));
        for (WebSocket w : tell) out.send(w, Message.of(Protocol.PEER_JOINED, "name", name));
    }

    /**
     * The same peer coming back while the server still holds its old connection (a client's
     * {@code close()} returns once its own socket is closed, which can be before the server has
     * handled the end of the old one): when that connection is closing, or has ended its stream with
     * everything it sent already handled, it is gone — take it out of the room now, so that its
     * {@code peer-left} goes out before the new join and none follows it. Returns the member taken
     * out, or null. Holds the lock.
     */
    private Member replaceStale(String room, String name) {
        Map<String, WebSocket> members = rooms.get(room);
        WebSocket previous = members == null ? null : members.get(name);
        if (previous == null) return null;
        boolean stale = !previous.isOpen() || previous instanceof InOrderClose.Connection c && c.finishedSending();
        if (!stale) return null;
        members.remove(name);
        Member gone = previous.getAttachment();
        if (gone != null) gone.room = null; // its own close, when the server gets to it, tells nobody again
        log.note("peer left", name + " left (room " + room + ", its old connection replaced by a new join)");
        return gone;
    }

    /** Why {@code m} may not join {@code room} as {@code name} (an error to send back), or null when it may. Holds the lock. */
    private Message refusal(Member m, String room, String name) {
        if (m.room != null) {
            return error("already-joined", "this connection already joined room '" + m.room + "' as " + m.name
                    + " — open a new connection for another peer", Protocol.JOIN);
        }
        Map<String, WebSocket> members = rooms.getOrDefault(room, Map.of());
        if (members.containsKey(name)) {
            return error("name-taken", "room '" + room + "' already has a peer named " + name
                    + " — choose another name", Protocol.JOIN);
        }
        if (members.size() >= Protocol.ROOM_SIZE) {
            return error("room-full", "room '" + room + "' already has " + String.join(" and ", members.keySet())
                    + " — a call has two peers; use another room", Protocol.JOIN);
        }
        return null;
    }

    /** {@code m}'s connection ended: take it out of its room and tell the other peer why. */
    void leave(WebSocket conn, Member m, String reason, int code) {
        List<WebSocket> tell = new ArrayList<>();
        String room, name;
        synchronized (this) {
            if (m.room == null) return;
            room = m.room;
            name = m.name;
            Map<String, WebSocket> members = rooms.get(room);
            if (members != null) {
                members.remove(name, conn);
                tell.addAll(members.values());
                if (members.isEmpty()) rooms.remove(room);
            }
            m.room = null;
        }
        log.note("peer left", name + " " + reason + " (room " + room + ", close code " + code + ")");
        for (WebSocket w : tell) out.send(w, Message.of(Protocol.PEER_LEFT, "name", name, "reason", reason));
    }

    synchronized boolean joined(Member m) {
        return m.room != null;
    }

    /** The rooms now, each with the names of its peers. */
    synchronized Map<String, List<String>> snapshot() {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        rooms.forEach((r, members) -> copy.put(r, List.copyOf(members.keySet())));
        return copy;
    }

    synchronized void clear() {
        rooms.clear();
    }
}

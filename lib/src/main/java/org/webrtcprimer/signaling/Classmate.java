package org.webrtcprimer.signaling;

import org.webrtcprimer.media.MediaStream;
import org.webrtcprimer.notebook.Table;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Calling a classmate: two students' kernels on the same hub call each other through the
 * teacher's signaling server, each pasting the same join link.
 *
 * <p>The teacher, in a notebook on the hub: {@code var server = SignalingServer.start(...);
 * Classmate.joinLinks(server, 15)} — one link per pair: the server's room token (without it the
 * server refuses a join) and a room of the pair's own with a random part the other pairs do not
 * guess. Each student of a pair: {@code var classmate = Classmate.join(link,
 * localStream)}; whoever's name sorts first makes the offer, the other answers, so pasting in any
 * order works. {@link Pairing#timeline()} then puts both students' logs on one timeline.
 */
public final class Classmate {
    private Classmate() {}

    /** The scheme of a join link: {@code primer-join:ws://host:port/?token=…&room=pair-3-…}. */
    public static final String SCHEME = "primer-join:";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** One join link per pair, for a class of up to {@code 2 × pairs} students. */
    public static List<String> links(SignalingServer server, int pairs) {
        if (pairs < 1 || pairs > 500) throw new IllegalArgumentException("pairs must be 1–500, got " + pairs);
        if (server.isClosed()) throw new IllegalStateException("the signaling server is closed — start it again");
        List<String> links = new ArrayList<>();
        for (int i = 1; i <= pairs; i++) {
            byte[] b = new byte[6];
            RANDOM.nextBytes(b);
            // the server's address carries its room token (?token=…): the link adds the pair's own room
            String url = server.url();
            String sep = url.contains("?") ? "&" : (url.endsWith("/") ? "?" : "/?");
            links.add(SCHEME + url + sep + "room=pair-" + i + "-" + HexFormat.of().formatHex(b));
        }
        return links;
    }

    /** The join links as a table to show on the projector (or to hand out). */
    public static Table joinLinks(SignalingServer server, int pairs) {
        Table t = Table.of("pair", "join link (both students paste the same one)").title("Call a classmate: one link per pair");
        List<String> links = links(server, pairs);
        for (int i = 0; i < links.size(); i++) t.row(i + 1, links.get(i));
        return t.note("In lesson 10's classmate section each student runs Classmate.join(\"…link…\", localStream). "
                + "The room's random part keeps other pairs out of it.");
    }

    /** A student's side of a classmate call. */
    public record Pairing(RemoteCall call, SignalingClient signaling, String me, String classmate, boolean caller) {

        /** Both students' logs on one timeline (sends ours, waits for theirs, measures the clock offset). */
        public CallLogs timeline() {
            call.sendLog();
            List<org.webrtcprimer.events.Event> theirs = call.remoteLog(Duration.ofSeconds(30));
            return CallLogs.of(call.log(), theirs, signaling.syncClock(10));
        }

        /** Hangs up and leaves the room. */
        public void hangup() {
            call.hangup();
            signaling.close();
        }

        @Override
        public String toString() {
            return me + (caller ? " called " : " answered ") + classmate + ": " + call;
        }
    }

    /** Joins the pair's room as this student (the hub's user name, else the account's) and makes the call. */
    public static Pairing join(String link, MediaStream localStream) {
        String me = System.getenv("JUPYTERHUB_USER");
        if (me == null || me.isBlank()) me = System.getProperty("user.name", "student");
        return join(link, me, localStream, Duration.ofMinutes(3));
    }

    /** {@link #join(String, MediaStream)} with a name and how long to wait for the classmate. */
    public static Pairing join(String link, String me, MediaStream localStream, Duration waitForClassmate) {
        if (link == null || !link.strip().startsWith(SCHEME)) {
            throw new IllegalArgumentException("a join link starts with " + SCHEME + " — paste the whole link your teacher gave you, got: " + link);
        }
        URI uri = URI.create(link.strip().substring(SCHEME.length()));
        String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
        String room = null;
        List<String> rest = new ArrayList<>();   // what the server needs in its address: the room token
        for (String kv : query.split("&")) {
            if (kv.startsWith("room=")) room = kv.substring(5);
            else if (!kv.isEmpty()) rest.add(kv);
        }
        if (room == null || !room.matches("[A-Za-z0-9-]{1,64}")) throw new IllegalArgumentException("the join link names no room (…room=pair-…): " + link);
        String server = uri.getScheme() + "://" + uri.getRawAuthority() + (rest.isEmpty() ? "" : "/?" + String.join("&", rest));
        SignalingClient signaling = SignalingClient.connect(server, room, me);
        try {
            String classmate = signaling.awaitPeer(waitForClassmate);
            if (classmate.equals(me)) throw new IllegalStateException("your classmate joined with your own name '" + me + "' — one of you must use another name");
            boolean caller = me.compareTo(classmate) < 0;
            RemoteCall call = caller ? RemoteCall.call(signaling, localStream) : RemoteCall.answer(signaling, localStream);
            return new Pairing(call, signaling, me, classmate, caller);
        } catch (RuntimeException e) {
            signaling.close();
            throw e;
        }
    }
}

package org.webrtcprimer.signaling;

import org.java_websocket.client.WebSocketClient;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.handshake.ServerHandshake;
import org.webrtcprimer.events.KitClock;
import org.webrtcprimer.events.Event;
import org.webrtcprimer.events.EventLog;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * One peer's connection to the {@link SignalingServer}, joined to a room under a name.
 *
 * <pre>{@code
 * var signaling = SignalingClient.connect(server.url(), "lesson10", "pc1");
 * signaling.awaitPeer(Duration.ofSeconds(10));         // "pc2"
 * signaling.send(Message.of("offer", "sdp", offer.sdp()));
 * Message answer = signaling.next("answer", Duration.ofSeconds(10));
 * }</pre>
 *
 * <p>Incoming messages wait in a mailbox until {@link #next} takes them, unless a
 * {@link #subscribe subscription} handles them as they come (candidates, clock probes). Every
 * message sent and received goes into {@link #log()} as a grey {@code signaling} line.
 */
public final class SignalingClient implements AutoCloseable {

    /** Most messages kept unread; older ones are dropped (and the drop is logged). */
    static final int MAILBOX_LIMIT = Mailbox.LIMIT;

    private final String room;
    private final String name;
    private final Ws ws;
    private final Mailbox mailbox;
    private volatile EventLog log = new EventLog();

    private SignalingClient(URI uri, String room, String name) {
        this.room = room;
        this.name = name;
        this.mailbox = new Mailbox(name, room, () -> log);
        this.ws = new Ws(uri);
    }

    /** Connects and joins, waiting up to 10 s. */
    public static SignalingClient connect(String serverUrl, String room, String name) {
        return connect(serverUrl, room, name, Duration.ofSeconds(10));
    }

    /**
     * Connects to the server and joins the room under the name.
     *
     * @throws SignalingProtocolException     when the server refuses the join (room full, name taken …)
     * @throws IllegalStateException when the server cannot be reached in time
     */
    public static SignalingClient connect(String serverUrl, String room, String name, Duration timeout) {
        if (serverUrl == null || !(serverUrl.startsWith("ws://") || serverUrl.startsWith("wss://"))) {
            throw new IllegalArgumentException("the server address must start with ws://, e.g. server.url(), not " + serverUrl);
        }
        URI uri;
        try {
            uri = new URI(serverUrl);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + serverUrl + "' is not a valid address: " + e.getMessage());
        }
        SignalingClient c = new SignalingClient(uri, room, name);
        boolean ok = false;
        try {
            c.open(timeout);
            ok = true;
            return c;
        } finally {
            if (!ok) c.close();
        }
    }

    private void open(Duration timeout) {
        boolean connected;
        try {
            connected = ws.connectBlocking(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while connecting to " + ws.getURI());
        }
        if (!connected) {
            // Refused at once (a wrong token, a full server): the server said why before closing.
            mailbox.firstError().ifPresent(m -> {
                throw new SignalingProtocolException(m.string("code").orElse("error"), "could not join: " + m.string("message").orElse(""));
            });
            throw new IllegalStateException("could not connect to the signaling server at " + ws.getURI() + " within "
                    + timeout.toMillis() + " ms" + (mailbox.closedBecause() == null ? "" : " (" + mailbox.closedBecause() + ")")
                    + " — is it running? Start one with SignalingServer.start() or the 'signaling' command");
        }
        try {
            send(Message.of(Protocol.JOIN, "room", room, "name", name));
        } catch (IllegalStateException closedAlready) {
            // The server may refuse the connection (a wrong token, server full) before our join
            // leaves: its error is in the mailbox, read below.
        }
        // Before joining, an error about the join or about the connection itself (not-authorized,
        // server-full …: those name no message) ends the attempt.
        Message reply = next(m -> m.type().equals(Protocol.JOINED)
                        || m.type().equals(Protocol.ERROR) && Protocol.JOIN.equals(m.string("inReplyTo").orElse(Protocol.JOIN)),
                timeout, "the server did not answer the join of " + name + " to room " + room);
        if (reply.type().equals(Protocol.ERROR)) {
            throw new SignalingProtocolException(reply.string("code").orElse("error"), "could not join: " + reply.string("message").orElse(""));
        }
        mailbox.joined(reply);
    }

    /** Where sent and received messages are logged from now on (a call passes its own log). */
    public SignalingClient logTo(EventLog target) {
        if (target == null) throw new IllegalArgumentException("logTo needs an event log");
        this.log = target;
        return this;
    }

    /** The log messages go to. */
    public EventLog log() {
        return log;
    }

    /** This peer's name in the room. */
    public String name() {
        return name;
    }

    /** The room joined. */
    public String room() {
        return room;
    }

    /** The other peers in the room now. */
    public List<String> peers() {
        return mailbox.peers();
    }

    /** Whether the connection is open. */
    public boolean isOpen() {
        return ws.isOpen() && mailbox.closedBecause() == null;
    }

    /** Waits until another peer is in the room and returns its name. */
    public String awaitPeer(Duration timeout) {
        return mailbox.awaitPeer(timeout);
    }

    /** Sends a message to the server (which relays it to the other peer of the room). */
    public void send(Message m) {
        if (mailbox.closedBecause() != null) throw mailbox.closed("sending " + m.type());
        try {
            ws.send(m.json());
        } catch (RuntimeException e) {
            throw new IllegalStateException("could not send " + m.type() + ": the connection to the server closed"
                    + (mailbox.closedBecause() == null ? "" : " (" + mailbox.closedBecause() + ")"), e);
        }
        if (loggable(m)) log.add(SignalingServer.SOURCE, Event.Kind.NOTE, name + " sent " + m.type(), m.bytes() + " bytes");
    }

    /** Takes the next message of this type from the mailbox, waiting for one to arrive. */
    public Message next(String type, Duration timeout) {
        return next(m -> m.type().equals(type), timeout, "no '" + type + "' message arrived");
    }

    /**
     * Takes the first message that matches from the mailbox, waiting for one to arrive.
     *
     * @throws SignalingTimeoutException saying what did not happen when none arrives in time
     * @throws IllegalStateException     when the connection closes while waiting
     */
    public Message next(Predicate<Message> condition, Duration timeout, String whatDidNotHappen) {
        return next(condition, timeout, whatDidNotHappen, false);
    }

    /**
     * Like {@link #next(Predicate, Duration, String)}, and drops every message that arrived before
     * the one taken: what waited before a call's first message (a stray bye, a departed caller's
     * peer-left, its late candidates) belongs to no call and must not reach the next one.
     */
    Message nextDroppingEarlier(Predicate<Message> condition, Duration timeout, String whatDidNotHappen) {
        return next(condition, timeout, whatDidNotHappen, true);
    }

    private Message next(Predicate<Message> condition, Duration timeout, String whatDidNotHappen, boolean dropEarlier) {
        return mailbox.take(condition, timeout, whatDidNotHappen, dropEarlier);
    }

    /**
     * Hands matching messages to a handler as they arrive, on the connection's thread — first
     * those already waiting in the mailbox, in order. Close the returned handle to stop.
     */
    public AutoCloseable subscribe(Predicate<Message> filter, Consumer<Message> handler) {
        return mailbox.subscribe(filter, handler);
    }

    /**
     * Estimates how far the other peer's kit clock is from ours: {@code rounds} ping/pong round
     * trips through the server, keeping the shortest ({@link ClockOffset}). The other peer answers
     * pings by itself (every SignalingClient does, and so does the kit's browser page).
     */
    public ClockOffset syncClock(int rounds) {
        if (rounds < 1 || rounds > 1000) throw new IllegalArgumentException("rounds must be 1–1000, got " + rounds);
        awaitPeer(Duration.ofSeconds(10));
        List<ClockOffset.Sample> samples = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            long t0 = KitClock.now();
            send(Message.of(Protocol.PING, "t0", t0));
            Message pong = next(m -> m.type().equals(Protocol.PONG) && m.number("t0").orElse(-1L) == t0,
                    Duration.ofSeconds(5), "no pong came back for ping " + (i + 1) + " of " + rounds);
            long t2 = KitClock.now();
            samples.add(new ClockOffset.Sample(t0, pong.number("t1").orElseThrow(), t2));
        }
        ClockOffset offset = ClockOffset.of(samples);
        log.add(SignalingServer.SOURCE, Event.Kind.NOTE, name + " measured the clock offset", offset.toString());
        return offset;
    }

    /** Leaves the room and closes the connection (the other peer is told). Harmless twice. */
    @Override
    public void close() {
        try {
            ws.close();
        } catch (RuntimeException ignored) {
            // never connected
        }
        // Wait briefly for the closing handshake, so the server tells the room before we return.
        mailbox.awaitSocketClosed(System.nanoTime() + TimeUnit.SECONDS.toNanos(2));
        mailbox.markClosed("closed by " + name);
    }

    @Override
    public String toString() {
        return "SignalingClient " + name + " in room " + room + " at " + ws.getURI() + (isOpen() ? "" : " (closed: " + mailbox.closedBecause() + ")")
                + ", other peers: " + (peers().isEmpty() ? "none" : String.join(", ", peers()));
    }

    // ---- plumbing ----

    private static boolean loggable(Message m) {
        return !m.type().equals(Protocol.PING) && !m.type().equals(Protocol.PONG) && !m.type().equals(Protocol.LOG);
    }

    private void received(Message m) {
        if (m.type().equals(Protocol.PING)) {
            // Answer at once, on the connection's thread: the shorter the stay here, the better the estimate.
            long t1 = KitClock.now();
            try {
                ws.send(Message.of(Protocol.PONG, "t0", m.number("t0").orElse(0L), "t1", t1).json());
            } catch (RuntimeException ignored) {
                // closing
            }
            return;
        }
        if (loggable(m)) {
            String from = m.from().isEmpty() ? "from the server" : "from " + m.from();
            String detail = m.type().equals(Protocol.ERROR) ? m.string("code").orElse("") + ": " + m.string("message").orElse("")
                    : from + ", " + m.bytes() + " bytes";
            log.add(SignalingServer.SOURCE, Event.Kind.NOTE, name + " received " + m.type(), detail);
        }
        mailbox.put(m);
    }

    private final class Ws extends WebSocketClient {
        Ws(URI uri) {
            super(uri, new Draft_6455());
            setConnectionLostTimeout(10);
            setDaemon(true);
            setTcpNoDelay(true); // small messages, each awaited: don't let Nagle hold them back

        }

        @Override
        public void onOpen(ServerHandshake handshake) {
        }

        @Override
        public void onMessage(String text) {
            Message m;
            try {
                m = Message.parse(text);
            } catch (SignalingProtocolException e) {
                log.add(SignalingServer.SOURCE, Event.Kind.NOTE, name + " ignored a message", e.getMessage());
                return;
            }
            received(m);
        }

        @Override
        public void onClose(int code, String reason, boolean remote) {
            mailbox.socketClosed();
            mailbox.markClosed((remote ? "the server closed it" : "closed") + ", code " + code + (reason == null || reason.isEmpty() ? "" : ": " + reason));
        }

        @Override
        public void onError(Exception ex) {
            if (!isOpen()) mailbox.failedEarly(String.valueOf(ex.getMessage()));
        }
    }
}

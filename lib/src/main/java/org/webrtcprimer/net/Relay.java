package org.webrtcprimer.net;

import org.webrtcprimer.events.KitClock;
import org.webrtcprimer.notebook.Table;
import org.webrtcprimer.notebook.TableView;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The kit's relay: every packet between pc1 and pc2 passes through it, so it can delay, drop,
 * limit and duplicate them, and report each one to its {@link PacketSink}s.
 *
 * <p>How the call is routed: the kit hands each peer the other's candidates rewritten to sockets
 * of the relay on 127.0.0.1 ({@link #handOver}). Each such socket — a <em>face</em> — stands for
 * one address of one peer. A packet arriving at a face goes on to the address it stands for, sent
 * from the face that stands for its sender's address, so each peer sees only the relay; the peers
 * learn the faces that stand for themselves as peer-reflexive candidates (RFC 8445 §7.2.5.3.1).
 * TCP, IPv6 and hostname candidates are dropped: over them the peers would connect directly.
 *
 * <p>Each packet's path through one way: the {@link PeerGate}s of both peers (where an emulated NAT
 * plugs in), then loss, the rate limiter's drop-tail queue, delay and jitter, duplication
 * ({@link Impairment}). Two threads: one receives and decides every packet's fate (and calls the
 * sinks, in order of arrival), one sends the held packets when their time comes.
 *
 * <p>The pieces, each in its own class: {@link Faces} (the sockets and what each stands for),
 * {@link HandOver} (candidates and server URLs rewritten to faces), {@link Conditions} and
 * {@link Link} (the impairment model), {@link Forwarder} (the receiving thread), {@link DelayLine}
 * (held packets and the sending thread), {@link Tally} (counters and sinks).
 *
 * <p>Released by {@link #close()} in a fixed order: receiving stops, held packets are discarded,
 * the sending thread ends, then every socket is closed.
 */
public final class Relay implements AutoCloseable, TableView {

    /** Most faces one relay opens (each peer has a few host addresses; the rest is a guard). */
    public static final int MAX_FACES = 64;
    /** Most bytes held for delay at once, both ways together; beyond it packets are dropped as by a full queue. */
    public static final long MAX_HELD_BYTES = 32L * 1024 * 1024;
    /** Queue samples kept per way (10 ms each: two minutes); older ones are forgotten. */
    public static final int QUEUE_HISTORY = 12_000;
    private static final AtomicInteger SERIAL = new AtomicInteger();

    private final Network network;
    private final Faces faces = new Faces();
    private final HandOver handOver = new HandOver(faces);
    private final Conditions conditions;
    private final AtomicReferenceArray<PeerGate> gates = new AtomicReferenceArray<>(new PeerGate[]{PeerGate.OPEN, PeerGate.OPEN});
    private final Tally tally;
    private final DelayLine delayLine = new DelayLine(faces);
    private final Forwarder forwarder;
    private final Thread receiver;
    private final Thread sender;

    /** One change of conditions, for charts: when, which way, to what (and from a schedule's phase or by hand). */
    public record Change(long nanos, Way way, Impairment impairment, String why) {}

    private Relay(Network network) {
        this.network = network;
        String name = "relay-" + SERIAL.incrementAndGet();
        conditions = new Conditions(network);
        tally = new Tally(network.sinks());
        forwarder = new Forwarder(faces, conditions, gates, delayLine, tally);
        receiver = new Thread(forwarder, "webrtc-primer-" + name + "-receive");
        sender = new Thread(delayLine, "webrtc-primer-" + name + "-send");
        receiver.setDaemon(true);
        sender.setDaemon(true);
        receiver.setPriority(Thread.MAX_PRIORITY);
        sender.setPriority(Thread.MAX_PRIORITY);
        receiver.start();
        sender.start();
    }

    /** Starts a relay for this network (its sockets open as candidates are handed over). */
    public static Relay start(Network network) {
        return new Relay(network == null ? Network.perfect() : network);
    }

    /** The network this relay was started with (its conditions may have changed since: {@link #impairment(Way)}). */
    public Network network() {
        return network;
    }

    // ---- routing the call: candidates ----

    /**
     * Rewrites a candidate one peer gathered before the other peer gets it: its address becomes a
     * face of the relay on 127.0.0.1. Returns null for a candidate the relay cannot carry (TCP,
     * IPv6, a hostname, an address not on this machine): the kit does not hand those over.
     *
     * @param candidate  the candidate line, with or without {@code a=} in front
     * @param handedOver which way the candidate goes: {@link Way#PC1_TO_PC2} for pc1's candidate given to pc2
     */
    public String handOver(String candidate, Way handedOver) {
        return handOver.candidate(candidate, handedOver);
    }

    /** Rewrites the candidate lines of a description the same way ({@link #handOver(String, Way)}), dropping those the relay cannot carry. */
    public String handOverDescription(String sdp, Way handedOver) {
        return handOver.description(sdp, handedOver);
    }

    /** Why a candidate is not handed over, or null when it is; for the call's log. */
    public static String whyNot(String candidate) {
        return HandOver.whyNot(candidate);
    }

    /** Whether {@code a} is one of this relay's own sockets. */
    public boolean isFace(InetSocketAddress a) {
        return faces.isFace(a);
    }

    // ---- routing STUN/TURN servers through the peers' NATs ----

    /**
     * The relay's socket that stands for a STUN/TURN server towards one peer: the peer is given
     * this address instead of the server's, so everything it sends the server leaves through its
     * NAT ({@link #gate(Way, PeerGate)}) — the server sees the NAT's mapping and answers to it, and
     * a server-reflexive candidate carries that mapping. Only servers on this machine, over UDP.
     *
     * @param outboundOfPeer {@code PC1_TO_PC2} for pc1, {@code PC2_TO_PC1} for pc2
     * @param server         the server's real address (on this machine)
     * @return the socket's address on 127.0.0.1, or null when the server is not on this machine or no socket is left
     */
    public InetSocketAddress serverFace(Way outboundOfPeer, InetSocketAddress server) {
        return handOver.serverFace(outboundOfPeer, server);
    }

    /**
     * A {@code stun:} or {@code turn:…?transport=udp} URL with an IPv4 address of this machine,
     * rewritten to the relay's socket that stands for that server towards this peer
     * ({@link #serverFace}); any other URL (TCP, TLS, a hostname) comes back as it was.
     */
    public String routeServerUrl(String url, Way outboundOfPeer) {
        return handOver.serverUrl(url, outboundOfPeer);
    }

    /** The URL a peer was given for a server before {@link #routeServerUrl} rewrote it (the URL itself when it was not rewritten). */
    public String serverUrl(String routed) {
        return handOver.original(routed);
    }

    /** The servers this relay stands in for (their real addresses). */
    public Set<InetSocketAddress> servers() {
        return faces.servers();
    }

    // ---- live conditions ----

    /** Changes the conditions one way now (a running schedule stops). */
    public void set(Way way, Impairment impairment) {
        if (impairment == null) throw new IllegalArgumentException("set needs an impairment — Impairment.none() for a perfect link");
        conditions.set(way, impairment);
    }

    /** Changes the conditions both ways now (a running schedule stops). */
    public void setBoth(Impairment impairment) {
        set(Way.PC1_TO_PC2, impairment);
        set(Way.PC2_TO_PC1, impairment);
    }

    /** Starts a schedule now: its first phase at once, each next one when the one before has run its length. */
    public void play(Schedule s) {
        if (s == null) throw new IllegalArgumentException("play needs a schedule — Schedule.of(Duration.ofSeconds(10), Impairment.none().withRate(300))");
        conditions.play(s);
    }

    /** The schedule running now, or null. */
    public Schedule schedule() {
        return conditions.schedule();
    }

    /** The conditions one way right now. */
    public Impairment impairment(Way way) {
        return conditions.link(way).impairment();
    }

    /** Every change of conditions so far (the start, each {@link #set}, each schedule phase), in order. */
    public List<Change> changes() {
        return conditions.changes();
    }

    // ---- sinks and gates ----

    /** Adds a sink: it sees every packet from now on. */
    public void addSink(PacketSink sink) {
        if (sink == null) throw new IllegalArgumentException("addSink needs a sink");
        tally.addSink(sink);
    }

    /** Removes a sink added before. */
    public void removeSink(PacketSink sink) {
        tally.removeSink(sink);
    }

    /**
     * Puts a gate (an emulated NAT) in front of one peer: {@code PC1_TO_PC2} for pc1's, whose packets
     * travel that way, {@code PC2_TO_PC1} for pc2's. Set before the call starts, it is there for
     * ICE; set during a call, the next packet meets it, a NAT with no mappings yet.
     */
    public void gate(Way outboundOfPeer, PeerGate gate) {
        gates.set(outboundOfPeer.ordinal(), gate == null ? PeerGate.OPEN : gate);
    }

    /** The gate in front of the peer whose packets travel {@code outboundOfPeer}. */
    public PeerGate gate(Way outboundOfPeer) {
        return gates.get(outboundOfPeer.ordinal());
    }

    // ---- counters ----

    /** Packets of one way that met this fate so far. */
    public long count(Way way, Fate fate) {
        return tally.count(way, fate);
    }

    /** Bytes of one way that met this fate so far. */
    public long bytes(Way way, Fate fate) {
        return tally.bytes(way, fate);
    }

    /** Packets the relay received one way (duplicates not counted). */
    public long seen(Way way) {
        return tally.seen(way);
    }

    /** Packets received one way that never reached the other side. */
    public long dropped(Way way) {
        return tally.dropped(way);
    }

    /** Dropped ÷ seen over both ways, in percent (0 before the first packet). */
    public double lossPct() {
        long seen = seen(Way.PC1_TO_PC2) + seen(Way.PC2_TO_PC1);
        return seen == 0 ? 0 : 100.0 * (dropped(Way.PC1_TO_PC2) + dropped(Way.PC2_TO_PC1)) / seen;
    }

    /** When the first packet arrived, on the kit's clock, or -1. */
    public long firstPacketNanos() {
        return forwarder.firstPacketNanos();
    }

    /** Bytes waiting in the rate limiter's queue one way now. */
    public long queueBytes(Way way) {
        return conditions.link(way).backlog(KitClock.now());
    }

    /** The queue one way over time, oldest first (at most {@link #QUEUE_HISTORY} 10 ms slots). */
    public List<QueueSample> queueHistory(Way way) {
        return conditions.link(way).queueHistory();
    }

    /** Whether older queue samples one way were forgotten to keep the history bounded. */
    public boolean queueHistoryWrapped(Way way) {
        return conditions.link(way).historyWrapped();
    }

    /** The relay's faces as lines ({@code face 127.0.0.1:40001 stands for pc2 10.0.0.5:51234}). */
    public List<String> faces() {
        return faces.notes();
    }

    /** Whether {@link #close()} has been called. */
    public boolean isClosed() {
        return faces.isClosed();
    }

    /**
     * Stops the relay in a fixed order: no more packets are received, held ones are discarded, the
     * sending thread ends, then every socket and the selector are closed. Harmless twice.
     */
    /**
     * Waits until no packet has met the relay for {@code quiet}, for {@code max} at most. A
     * hang-up calls it between closing the peers and closing the relay when the call has TURN
     * servers: a closing peer releases its allocation with a Refresh (lifetime 0, RFC 8656 §7),
     * and without the wait the relay could close before it had read that datagram.
     *
     * @return how long it waited, in ms
     */
    public long drain(java.time.Duration quiet, java.time.Duration max) {
        long start = System.nanoTime(), end = start + max.toNanos();
        long before = tally.seen(Way.PC1_TO_PC2) + tally.seen(Way.PC2_TO_PC1);
        while (System.nanoTime() < end) {
            try {
                Thread.sleep(Math.max(1, quiet.toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            long now = tally.seen(Way.PC1_TO_PC2) + tally.seen(Way.PC2_TO_PC1);
            if (now == before) break;
            before = now;
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    @Override
    public void close() {
        if (!faces.markClosed()) return;
        faces.selector().wakeup();
        join(receiver);
        delayLine.clear();
        join(sender);
        faces.closeAll();
    }

    private static void join(Thread t) {
        try {
            t.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- views ----

    /** Per way: conditions, packets seen, forwarded, lost, dropped by the queue, loss %. */
    public Table table() {
        Table t = Table.of("way", "conditions", "seen", "forwarded", "duplicated", "lost (loss)", "dropped (queue full)",
                "dropped (NAT)", "dropped %").title("Relay " + (isClosed() ? "(closed)" : "(running)")).alignRight("seen", "forwarded",
                "duplicated", "lost (loss)", "dropped (queue full)", "dropped (NAT)", "dropped %");
        for (Way w : Way.values()) {
            long seen = seen(w);
            t.row(w.label(), impairment(w).describe(), seen, count(w, Fate.FORWARDED), count(w, Fate.DUPLICATED),
                    count(w, Fate.DROPPED_LOSS), count(w, Fate.DROPPED_QUEUE), count(w, Fate.DROPPED_NAT),
                    String.format("%.1f", seen == 0 ? 0.0 : 100.0 * dropped(w) / seen));
        }
        return t.note("Every packet between pc1 and pc2 passed through the relay's " + faces.size() + " sockets on 127.0.0.1.");
    }

    @Override
    public String toString() {
        return "Relay " + (isClosed() ? "(closed)" : "(running)") + ": pc1 → pc2 " + seen(Way.PC1_TO_PC2) + " packets ("
                + dropped(Way.PC1_TO_PC2) + " dropped), pc2 → pc1 " + seen(Way.PC2_TO_PC1) + " (" + dropped(Way.PC2_TO_PC1)
                + " dropped); " + impairment(Way.PC1_TO_PC2).describe() + " / " + impairment(Way.PC2_TO_PC1).describe();
    }
}

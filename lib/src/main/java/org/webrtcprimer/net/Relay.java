package org.webrtcprimer.net;

import org.webrtcprimer.events.KitClock;
import org.webrtcprimer.notebook.TableView;
import org.webrtcprimer.notebook.Table;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

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
    private static final long SLOT_NANOS = 10_000_000L;
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final AtomicInteger SERIAL = new AtomicInteger();

    private final Network network;
    private final Selector selector;
    private final Set<InetAddress> localAddresses;
    private final Map<Way, Map<Object, Face>> faces = new HashMap<>();
    private final List<Face> allFaces = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Face> toRegister = new ConcurrentLinkedQueue<>();
    private final List<PacketSink> sinks = new CopyOnWriteArrayList<>();
    /** Faces standing for a STUN/TURN server towards one peer, keyed by the peer's outbound way and the server's address. */
    private final Map<List<Object>, Face> serverFaces = new HashMap<>();
    /** Addresses of servers outside the NATs (STUN/TURN listeners): packets from them reach a peer through its NAT. */
    private final Set<InetSocketAddress> servers = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final Map<String, String> serverUrls = new java.util.concurrent.ConcurrentHashMap<>();
    private final WayState[] ways = {new WayState(Way.PC1_TO_PC2), new WayState(Way.PC2_TO_PC1)};
    private final PeerGate[] gates = {PeerGate.OPEN, PeerGate.OPEN};
    private final AtomicLongArray packets = new AtomicLongArray(2 * Fate.values().length);
    private final AtomicLongArray bytes = new AtomicLongArray(2 * Fate.values().length);
    private final ReentrantLock heldLock = new ReentrantLock();
    private final Condition heldChanged = heldLock.newCondition();
    private final PriorityQueue<Held> held = new PriorityQueue<>();
    private final List<String> notes = Collections.synchronizedList(new ArrayList<>());
    private final Thread receiver;
    private final Thread sender;
    private final String name;
    private long heldBytes;
    private long index;
    private long heldSeq;
    private volatile long firstPacketNanos = -1;
    private volatile Schedule schedule;
    private volatile long scheduleStart = -1;
    private volatile boolean closed;
    private volatile int lastPhase = -1;
    private final List<Change> changes = Collections.synchronizedList(new ArrayList<>());

    /** One change of conditions, for charts: when, which way, to what (and from a schedule's phase or by hand). */
    public record Change(long nanos, Way way, Impairment impairment, String why) {}

    private Relay(Network network) {
        this.network = network;
        this.name = "relay-" + SERIAL.incrementAndGet();
        try {
            selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("the relay could not open a selector: " + e.getMessage(), e);
        }
        localAddresses = localAddresses();
        faces.put(Way.PC1_TO_PC2, new HashMap<>());
        faces.put(Way.PC2_TO_PC1, new HashMap<>());
        sinks.addAll(network.sinks());
        Random seeds = new Random(network.seed());
        for (WayState w : ways) {
            w.random = new Random(seeds.nextLong());
            w.impairment = network.way(w.way);
            changes.add(new Change(KitClock.now(), w.way, w.impairment, "start"));
        }
        schedule = network.schedule();
        receiver = new Thread(this::receiveLoop, "webrtc-primer-" + name + "-receive");
        sender = new Thread(this::sendLoop, "webrtc-primer-" + name + "-send");
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
        if (candidate == null || candidate.isBlank()) return candidate;
        String prefix = candidate.startsWith("a=") ? "a=" : "";
        String[] f = candidate.substring(prefix.length()).split(" ");
        if (f.length < 8) throw new IllegalArgumentException("not a candidate line (RFC 8839 §5.1 has at least 8 fields): '" + candidate + "'");
        if (!f[2].equalsIgnoreCase("udp")) return null;
        InetAddress a = literal(f[4]);
        if (!(a instanceof Inet4Address) || !isLocal(a)) return null;
        int port;
        try {
            port = Integer.parseInt(f[5]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("candidate port '" + f[5] + "' is not a number in '" + candidate + "'");
        }
        InetSocketAddress at = new InetSocketAddress(a, port);
        if (isFace(at)) {
            // A server-reflexive candidate: the address a STUN server saw, which is already the peer's NAT
            // mapping (a face of this relay). It goes over as it is, like a real srflx across the Internet.
            return prefix + String.join(" ", f);
        }
        // Packets sent to the face travel towards the peer whose candidate it is.
        Face face = face(handedOver.reverse(), new InetSocketAddress(a, port), new InetSocketAddress(a, port));
        if (face == null) return null;
        f[4] = face.local.getAddress().getHostAddress();
        f[5] = String.valueOf(face.local.getPort());
        return prefix + String.join(" ", f);
    }

    /** Rewrites the candidate lines of a description the same way ({@link #handOver(String, Way)}), dropping those the relay cannot carry. */
    public String handOverDescription(String sdp, Way handedOver) {
        if (sdp == null) return null;
        String eol = sdp.contains("\r\n") ? "\r\n" : "\n";
        StringBuilder b = new StringBuilder(sdp.length());
        for (String line : sdp.split("\r?\n", -1)) {
            if (line.startsWith("a=candidate:")) {
                String r = handOver(line, handedOver);
                if (r != null) b.append(r).append(eol);
            } else if (!line.isEmpty()) {
                b.append(line).append(eol);
            }
        }
        return b.toString();
    }

    /** Why a candidate is not handed over, or null when it is; for the call's log. */
    public static String whyNot(String candidate) {
        String[] f = candidate.replaceFirst("^a=", "").split(" ");
        if (f.length < 8) return "not a candidate line";
        if (!f[2].equalsIgnoreCase("udp")) return "the relay carries UDP only (ICE-TCP is turned off through it)";
        InetAddress a = literal(f[4]);
        if (a == null) return "a hostname, not an address";
        if (!(a instanceof Inet4Address)) return "IPv6: the relay listens on 127.0.0.1 only, and over IPv6 the peers would go direct";
        return null;
    }

    private static InetAddress literal(String s) {
        if (s.endsWith(".local") || !(s.indexOf(':') >= 0 || s.chars().allMatch(c -> c == '.' || Character.isDigit(c)))) return null;
        try {
            return InetAddress.getByName(s); // a literal: no lookup
        } catch (IOException e) {
            return null;
        }
    }

    private boolean isLocal(InetAddress a) {
        return a.isLoopbackAddress() || localAddresses.contains(a);
    }

    private static Set<InetAddress> localAddresses() {
        Set<InetAddress> s = new HashSet<>();
        try {
            for (NetworkInterface n : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                s.addAll(Collections.list(n.getInetAddresses()));
            }
        } catch (SocketException e) {
            // only loopback then
        }
        return s;
    }

    /** Whether {@code a} is one of this relay's own sockets. */
    public boolean isFace(InetSocketAddress a) {
        for (Face f : allFaces) if (f.local.equals(a)) return true;
        return false;
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
        if (server == null || !(server.getAddress() instanceof Inet4Address) || !isLocal(server.getAddress())) return null;
        Face f = serverFaceFor(outboundOfPeer, server);
        return f == null ? null : f.local;
    }

    /**
     * A {@code stun:} or {@code turn:…?transport=udp} URL with an IPv4 address of this machine,
     * rewritten to the relay's socket that stands for that server towards this peer
     * ({@link #serverFace}); any other URL (TCP, TLS, a hostname) comes back as it was.
     */
    public String routeServerUrl(String url, Way outboundOfPeer) {
        if (url == null) return null;
        int colon = url.indexOf(':');
        if (colon < 0) return url;
        String scheme = url.substring(0, colon).toLowerCase(java.util.Locale.ROOT);
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
        InetAddress a = literal(host);
        if (a == null) return url;
        InetSocketAddress face = serverFace(outboundOfPeer, new InetSocketAddress(a, port));
        if (face == null) return url;
        String routed = scheme + ":" + face.getAddress().getHostAddress() + ":" + face.getPort() + query;
        serverUrls.put(routed, url);
        return routed;
    }

    /** The URL a peer was given for a server before {@link #routeServerUrl} rewrote it (the URL itself when it was not rewritten). */
    public String serverUrl(String routed) {
        return routed == null ? null : serverUrls.getOrDefault(routed, routed);
    }

    /** The servers this relay stands in for (their real addresses). */
    public Set<InetSocketAddress> servers() {
        return Set.copyOf(servers);
    }

    private Face serverFaceFor(Way outboundOfPeer, InetSocketAddress server) {
        synchronized (faces) {
            List<Object> key = List.of(outboundOfPeer, server);
            Face f = serverFaces.get(key);
            if (f != null) return f;
            f = open(server, outboundOfPeer, true);
            if (f == null) return null;
            serverFaces.put(key, f);
            servers.add(server);
            notes.add(KitClock.stamp(KitClock.now()) + " face " + f.local + " stands for server " + server + " towards "
                    + (outboundOfPeer == Way.PC1_TO_PC2 ? "pc1" : "pc2"));
            return f;
        }
    }

    /** Opens a face (under the faces lock); null when closing or out of faces. */
    private Face open(InetSocketAddress inside, Way inbound, boolean server) {
        if (closed || allFaces.size() >= MAX_FACES) return null;
        Face f;
        try {
            DatagramChannel ch = DatagramChannel.open(StandardProtocolFamily.INET);
            // Room for a burst while the receiving thread waits for a core (a video keyframe is ~100 packets).
            ch.setOption(java.net.StandardSocketOptions.SO_RCVBUF, 1 << 20);
            ch.bind(new InetSocketAddress(LOOPBACK, 0));
            ch.configureBlocking(false);
            f = new Face(ch, (InetSocketAddress) ch.getLocalAddress(), inside, inbound, server);
        } catch (IOException e) {
            throw new UncheckedIOException("the relay could not open a socket on 127.0.0.1: " + e.getMessage(), e);
        }
        allFaces.add(f);
        toRegister.add(f);
        selector.wakeup();
        return f;
    }

    /** The face standing for {@code inside} that packets travelling {@code inbound} arrive at; made on first use. */
    private Face face(Way inbound, Object key, InetSocketAddress inside) {
        synchronized (faces) {
            Face f = faces.get(inbound).get(key);
            if (f != null) return f;
            f = open(inside, inbound, false);
            if (f == null) return null;
            faces.get(inbound).put(key, f);
            notes.add(KitClock.stamp(KitClock.now()) + " face " + f.local + " stands for " + (inbound == Way.PC1_TO_PC2 ? "pc2" : "pc1") + " " + inside);
            return f;
        }
    }

    // ---- live conditions ----

    /** Changes the conditions one way now (a running schedule stops). */
    public void set(Way way, Impairment impairment) {
        if (impairment == null) throw new IllegalArgumentException("set needs an impairment — Impairment.none() for a perfect link");
        schedule = null;
        apply(way, impairment, "set");
    }

    /** Changes the conditions both ways now (a running schedule stops). */
    public void setBoth(Impairment impairment) {
        set(Way.PC1_TO_PC2, impairment);
        set(Way.PC2_TO_PC1, impairment);
    }

    /** Starts a schedule now: its first phase at once, each next one when the one before has run its length. */
    public void play(Schedule s) {
        if (s == null) throw new IllegalArgumentException("play needs a schedule — Schedule.of(Duration.ofSeconds(10), Impairment.none().withRate(300))");
        scheduleStart = KitClock.now();
        lastPhase = -1;
        schedule = s;
        tick(scheduleStart);
    }

    /** The schedule running now, or null. */
    public Schedule schedule() {
        return schedule;
    }

    /** The conditions one way right now. */
    public Impairment impairment(Way way) {
        return ways[way.ordinal()].impairment;
    }

    /** Every change of conditions so far (the start, each {@link #set}, each schedule phase), in order. */
    public List<Change> changes() {
        synchronized (changes) {
            return List.copyOf(changes);
        }
    }

    private void apply(Way way, Impairment i, String why) {
        WayState w = ways[way.ordinal()];
        synchronized (w) {
            w.impairment = i;
        }
        synchronized (changes) {
            if (changes.size() < 10_000) changes.add(new Change(KitClock.now(), way, i, why));
        }
    }

    private void tick(long now) {
        Schedule s = schedule;
        if (s == null) return;
        if (scheduleStart < 0) scheduleStart = now;
        int p = s.phaseAt(now - scheduleStart);
        if (p != lastPhase) {
            lastPhase = p;
            Schedule.Phase phase = s.phases().get(p);
            for (Way w : Way.values()) apply(w, phase.way(w), "phase " + (p + 1) + " of " + s.phases().size());
        }
    }

    // ---- sinks and gates ----

    /** Adds a sink: it sees every packet from now on. */
    public void addSink(PacketSink sink) {
        if (sink == null) throw new IllegalArgumentException("addSink needs a sink");
        sinks.add(sink);
    }

    /** Removes a sink added before. */
    public void removeSink(PacketSink sink) {
        sinks.remove(sink);
    }

    /**
     * Puts a gate (an emulated NAT) in front of one peer: {@code PC1_TO_PC2} for pc1's, whose packets
     * travel that way, {@code PC2_TO_PC1} for pc2's. Set it before the call starts.
     */
    public void gate(Way outboundOfPeer, PeerGate gate) {
        gates[outboundOfPeer.ordinal()] = gate == null ? PeerGate.OPEN : gate;
    }

    /** The gate in front of the peer whose packets travel {@code outboundOfPeer}. */
    public PeerGate gate(Way outboundOfPeer) {
        return gates[outboundOfPeer.ordinal()];
    }

    // ---- counters ----

    /** Packets of one way that met this fate so far. */
    public long count(Way way, Fate fate) {
        return packets.get(way.ordinal() * Fate.values().length + fate.ordinal());
    }

    /** Bytes of one way that met this fate so far. */
    public long bytes(Way way, Fate fate) {
        return bytes.get(way.ordinal() * Fate.values().length + fate.ordinal());
    }

    /** Packets the relay received one way (duplicates not counted). */
    public long seen(Way way) {
        long n = 0;
        for (Fate f : Fate.values()) if (f != Fate.DUPLICATED) n += count(way, f);
        return n;
    }

    /** Packets received one way that never reached the other side. */
    public long dropped(Way way) {
        long n = 0;
        for (Fate f : Fate.values()) if (f.dropped()) n += count(way, f);
        return n;
    }

    /** Dropped ÷ seen over both ways, in percent (0 before the first packet). */
    public double lossPct() {
        long seen = seen(Way.PC1_TO_PC2) + seen(Way.PC2_TO_PC1);
        return seen == 0 ? 0 : 100.0 * (dropped(Way.PC1_TO_PC2) + dropped(Way.PC2_TO_PC1)) / seen;
    }

    /** When the first packet arrived, on the kit's clock, or -1. */
    public long firstPacketNanos() {
        return firstPacketNanos;
    }

    /** Bytes waiting in the rate limiter's queue one way now. */
    public long queueBytes(Way way) {
        WayState w = ways[way.ordinal()];
        synchronized (w) {
            return w.backlog(KitClock.now());
        }
    }

    /** The queue one way over time, oldest first (at most {@link #QUEUE_HISTORY} 10 ms slots). */
    public List<QueueSample> queueHistory(Way way) {
        WayState w = ways[way.ordinal()];
        synchronized (w) {
            List<QueueSample> out = new ArrayList<>(w.history.size() + 1);
            for (long[] s : w.history) out.add(new QueueSample(s[0], way, s[1]));
            return out;
        }
    }

    /** Whether older queue samples one way were forgotten to keep the history bounded. */
    public boolean queueHistoryWrapped(Way way) {
        WayState w = ways[way.ordinal()];
        synchronized (w) {
            return w.historyWrapped;
        }
    }

    /** The relay's faces as lines ({@code face 127.0.0.1:40001 stands for pc2 10.0.0.5:51234}). */
    public List<String> faces() {
        synchronized (notes) {
            return List.copyOf(notes);
        }
    }

    /** Whether {@link #close()} has been called. */
    public boolean isClosed() {
        return closed;
    }

    // ---- the two threads ----

    private void receiveLoop() {
        ByteBuffer buf = ByteBuffer.allocateDirect(65_536);
        try {
            while (!closed) {
                Face r;
                while ((r = toRegister.poll()) != null) {
                    try {
                        r.channel.register(selector, SelectionKey.OP_READ, r);
                    } catch (IOException | RuntimeException e) {
                        // closed meanwhile
                    }
                }
                selector.select(500);
                if (closed) break;
                Iterator<SelectionKey> it = selector.selectedKeys().iterator();
                while (it.hasNext()) {
                    SelectionKey k = it.next();
                    it.remove();
                    if (!k.isValid()) continue;
                    Face face = (Face) k.attachment();
                    while (true) {
                        buf.clear();
                        InetSocketAddress from;
                        try {
                            from = (InetSocketAddress) face.channel.receive(buf);
                        } catch (IOException e) {
                            break; // e.g. ICMP port unreachable of an earlier send: go on
                        }
                        if (from == null) break;
                        buf.flip();
                        byte[] data = new byte[buf.remaining()];
                        buf.get(data);
                        onPacket(face, from, data);
                    }
                }
            }
        } catch (IOException | ClosedSelectorException e) {
            // closing
        }
    }

    private void onPacket(Face at, InetSocketAddress from, byte[] data) {
        long now = KitClock.now();
        if (firstPacketNanos < 0) firstPacketNanos = now;
        tick(now);
        Way way = at.inbound;
        if (!isLocal(from.getAddress())) return; // nothing from beyond this machine is relayed
        if (at.server) {
            if (!servers.contains(from)) toServer(at, from, data, now);
            return;
        }
        if (servers.contains(from)) {
            fromServer(at, from, data, now);
            return;
        }
        PeerGate senderGate = gates[way.ordinal()];
        PeerGate receiverGate = gates[way.reverse().ordinal()];
        Face out = face(way.reverse(), senderGate.mappingKey(from, at.local), from);
        if (out == null) return; // closing, or more faces than any call needs
        senderGate.sent(from, out.local, at.local);
        long i = index++;
        if (!receiverGate.admit(at.local, at.inside, out.local)) {
            report(i, now, way, from, at.inside, data, Fate.DROPPED_NAT, 0);
            return;
        }
        WayState w = ways[way.ordinal()];
        Fate fate;
        long due;
        boolean duplicate;
        synchronized (w) {
            Impairment imp = w.impairment;
            fate = w.lossFate(imp);
            if (fate == null) {
                long depart = now;
                if (imp.rateKbps() > 0) {
                    long backlog = w.backlog(now);
                    if (backlog + data.length > imp.queueBytes()) {
                        fate = Fate.DROPPED_QUEUE;
                    } else {
                        depart = Math.max(now, w.linkFree) + (long) (data.length * 8e6 / imp.rateKbps());
                        w.linkFree = depart;
                    }
                    w.sample(now, w.backlog(now));
                }
                if (fate == null) {
                    boolean skip = imp.reorderPct() > 0 && w.random.nextDouble() * 100 < imp.reorderPct();
                    long delay = (long) (imp.delayMs() * 1e6);
                    if (imp.jitterMs() > 0) delay += (long) ((w.random.nextDouble() * 2 - 1) * imp.jitterMs() * 1e6);
                    due = skip ? depart : depart + Math.max(0, delay);
                    if (!skip) {
                        due = Math.max(due, w.lastDue); // jitter never reorders on its own
                        w.lastDue = due;
                    }
                    fate = Fate.FORWARDED;
                } else due = 0;
                duplicate = fate == Fate.FORWARDED && imp.duplicatePct() > 0 && w.random.nextDouble() * 100 < imp.duplicatePct();
            } else {
                due = 0;
                duplicate = false;
            }
        }
        if (fate != Fate.FORWARDED) {
            report(i, now, way, from, at.inside, data, fate, 0);
            return;
        }
        if (due <= now && !duplicate) {
            send(out, at.inside, data);
            report(i, now, way, from, at.inside, data, Fate.FORWARDED, 0);
            return;
        }
        if (!hold(due, out, at.inside, data, duplicate ? 2 : 1)) {
            report(i, now, way, from, at.inside, data, Fate.DROPPED_QUEUE, 0);
            return;
        }
        report(i, now, way, from, at.inside, data, Fate.FORWARDED, Math.max(0, due - now));
        if (duplicate) report(index++, now, way, from, at.inside, data, Fate.DUPLICATED, Math.max(0, due - now));
    }

    /**
     * A packet from a peer to a server, arriving at the face that stands for the server towards
     * that peer: it leaves through the peer's NAT (its mapping, and its filter learns the
     * destination), straight on to the server. Server legs pass the NATs only: the network's
     * impairments are between the peers.
     */
    private void toServer(Face at, InetSocketAddress from, byte[] data, long now) {
        Way w = at.inbound;
        PeerGate g = gates[w.ordinal()];
        Face out = face(w.reverse(), g.mappingKey(from, at.local), from);
        if (out == null) return;
        g.sent(from, out.local, at.local);
        long i = index++;
        send(out, at.inside, data);
        report(i, now, w, from, at.inside, data, Fate.FORWARDED, 0, at.inside);
    }

    /**
     * A packet from a server arriving at a peer's mapping: the peer's NAT filters it like any
     * other (the server's "address" is the face that stands for it towards that peer), and it
     * reaches the peer from that face.
     */
    private void fromServer(Face at, InetSocketAddress server, byte[] data, long now) {
        Way w = at.inbound; // towards the peer
        Face sf = serverFaceFor(w.reverse(), server);
        if (sf == null) return;
        long i = index++;
        if (!gates[w.reverse().ordinal()].admit(at.local, at.inside, sf.local)) {
            report(i, now, w, server, at.inside, data, Fate.DROPPED_NAT, 0, server);
            return;
        }
        send(sf, at.inside, data);
        report(i, now, w, server, at.inside, data, Fate.FORWARDED, 0, server);
    }

    private boolean hold(long due, Face out, InetSocketAddress to, byte[] data, int copies) {
        heldLock.lock();
        try {
            if (heldBytes + (long) data.length * copies > MAX_HELD_BYTES) return false;
            for (int c = 0; c < copies; c++) {
                held.add(new Held(due, heldSeq++, out, to, data));
                heldBytes += data.length;
            }
            heldChanged.signal();
            return true;
        } finally {
            heldLock.unlock();
        }
    }

    private void sendLoop() {
        while (!closed) {
            Held h;
            heldLock.lock();
            try {
                h = held.peek();
                if (h == null) {
                    heldChanged.await(500, TimeUnit.MILLISECONDS);
                    continue;
                }
                long wait = h.due - KitClock.now();
                if (wait > 0) {
                    heldChanged.awaitNanos(wait);
                    continue;
                }
                held.poll();
                heldBytes -= h.data.length;
            } catch (InterruptedException e) {
                return;
            } finally {
                heldLock.unlock();
            }
            send(h.out, h.to, h.data);
        }
    }

    private void send(Face out, InetSocketAddress to, byte[] data) {
        // Only ever to a peer's own address on this machine (checked when its face was made).
        try {
            out.channel.send(ByteBuffer.wrap(data), to);
        } catch (IOException e) {
            // the peer's socket is gone (hangup): UDP loses it, as the network would
        }
    }

    private void report(long i, long now, Way way, InetSocketAddress from, InetSocketAddress to, byte[] data, Fate fate, long delay) {
        report(i, now, way, from, to, data, fate, delay, null);
    }

    private void report(long i, long now, Way way, InetSocketAddress from, InetSocketAddress to, byte[] data, Fate fate, long delay,
                        InetSocketAddress server) {
        int slot = way.ordinal() * Fate.values().length + fate.ordinal();
        packets.incrementAndGet(slot);
        bytes.addAndGet(slot, data.length);
        if (sinks.isEmpty()) return;
        RelayedPacket p = new RelayedPacket(i, now, way, from, to, data, fate, delay, server);
        for (PacketSink s : sinks) {
            try {
                s.packet(p);
            } catch (RuntimeException e) {
                // a sink must not stop the relay
            }
        }
    }

    /**
     * Stops the relay in a fixed order: no more packets are received, held ones are discarded, the
     * sending thread ends, then every socket and the selector are closed. Harmless twice.
     */
    @Override
    public void close() {
        synchronized (faces) {
            if (closed) return;
            closed = true;
        }
        selector.wakeup();
        join(receiver);
        heldLock.lock();
        try {
            held.clear();
            heldBytes = 0;
            heldChanged.signalAll();
        } finally {
            heldLock.unlock();
        }
        join(sender);
        for (Face f : allFaces) {
            try {
                f.channel.close();
            } catch (IOException ignored) {
            }
        }
        try {
            selector.close();
        } catch (IOException ignored) {
        }
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
                "dropped (NAT)", "dropped %").title("Relay " + (closed ? "(closed)" : "(running)")).alignRight("seen", "forwarded",
                "duplicated", "lost (loss)", "dropped (queue full)", "dropped (NAT)", "dropped %");
        for (Way w : Way.values()) {
            long seen = seen(w);
            t.row(w.label(), impairment(w).describe(), seen, count(w, Fate.FORWARDED), count(w, Fate.DUPLICATED),
                    count(w, Fate.DROPPED_LOSS), count(w, Fate.DROPPED_QUEUE), count(w, Fate.DROPPED_NAT),
                    String.format("%.1f", seen == 0 ? 0.0 : 100.0 * dropped(w) / seen));
        }
        return t.note("Every packet between pc1 and pc2 passed through the relay's " + allFaces.size() + " sockets on 127.0.0.1.");
    }

    @Override
    public String toString() {
        return "Relay " + (closed ? "(closed)" : "(running)") + ": pc1 → pc2 " + seen(Way.PC1_TO_PC2) + " packets ("
                + dropped(Way.PC1_TO_PC2) + " dropped), pc2 → pc1 " + seen(Way.PC2_TO_PC1) + " (" + dropped(Way.PC2_TO_PC1)
                + " dropped); " + impairment(Way.PC1_TO_PC2).describe() + " / " + impairment(Way.PC2_TO_PC1).describe();
    }

    // ---- internals ----

    private static final class Face {
        final DatagramChannel channel;
        final InetSocketAddress local;
        final InetSocketAddress inside;
        final Way inbound;
        /** True for a face that stands for a server towards a peer (then {@code inbound} is that peer's outbound way). */
        final boolean server;

        Face(DatagramChannel channel, InetSocketAddress local, InetSocketAddress inside, Way inbound, boolean server) {
            this.channel = channel;
            this.local = local;
            this.inside = inside;
            this.inbound = inbound;
            this.server = server;
        }
    }

    private record Held(long due, long seq, Face out, InetSocketAddress to, byte[] data) implements Comparable<Held> {
        @Override
        public int compareTo(Held o) {
            int c = Long.compare(due, o.due);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    /** One way's state; guarded by its own monitor. */
    private static final class WayState {
        final Way way;
        Random random;
        volatile Impairment impairment;
        boolean bad;          // Gilbert–Elliott state
        long linkFree;        // when the limited link has sent all it holds
        long lastDue;         // latest departure so far (packets keep their order)
        final ArrayDeque<long[]> history = new ArrayDeque<>();
        boolean historyWrapped;

        WayState(Way way) {
            this.way = way;
        }

        Fate lossFate(Impairment imp) {
            if (imp.lossPct() > 0 && random.nextDouble() * 100 < imp.lossPct()) return Fate.DROPPED_LOSS;
            BurstLoss b = imp.burst();
            if (b != null) {
                boolean lost = random.nextDouble() * 100 < (bad ? b.badLossPct() : b.goodLossPct());
                bad = bad ? !(random.nextDouble() * 100 < b.toGoodPct()) : random.nextDouble() * 100 < b.toBadPct();
                if (lost) return Fate.DROPPED_LOSS;
            }
            return null;
        }

        long backlog(long now) {
            Impairment imp = impairment;
            if (imp.rateKbps() <= 0 || linkFree <= now) return 0;
            return (long) ((linkFree - now) * imp.rateKbps() / 8e6);
        }

        void sample(long now, long bytes) {
            long slot = now / SLOT_NANOS;
            long[] last = history.peekLast();
            if (last != null && last[0] / SLOT_NANOS == slot) {
                last[1] = Math.max(last[1], bytes);
                return;
            }
            if (history.size() >= QUEUE_HISTORY) {
                history.pollFirst();
                historyWrapped = true;
            }
            history.addLast(new long[]{now, bytes});
        }
    }
}

package org.webrtcprimer.net;

import org.webrtcprimer.events.KitClock;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The relay's sockets on 127.0.0.1 — its <em>faces</em> — and what each stands for: one address
 * of one peer (keyed by the way packets arrive and the sender's gate's mapping key), or a STUN/TURN
 * server towards one peer. Faces are opened on first use, at most {@link Relay#MAX_FACES}, and
 * registered with the receiving thread's selector. One lock, this object, guards the table and
 * the closed flag.
 */
final class Faces {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    /** One socket of the relay and the address it stands for. */
    static final class Face {
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

        /** Sends from this face; only ever to a peer's or server's own address on this machine (checked when faces are made). */
        void send(InetSocketAddress to, byte[] data) {
            try {
                channel.send(ByteBuffer.wrap(data), to);
            } catch (IOException e) {
                // the peer's socket is gone (hangup): UDP loses it, as the network would
            }
        }
    }

    private final Selector selector;
    private final Set<InetAddress> localAddresses = localAddresses();
    private final Map<Way, Map<Object, Face>> byWay = new HashMap<>();
    private final List<Face> all = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Face> toRegister = new ConcurrentLinkedQueue<>();
    /** Faces standing for a STUN/TURN server towards one peer, keyed by the peer's outbound way and the server's address. */
    private final Map<List<Object>, Face> serverFaces = new HashMap<>();
    /** Addresses of servers outside the NATs (STUN/TURN listeners): packets from them reach a peer through its NAT. */
    private final Set<InetSocketAddress> servers = ConcurrentHashMap.newKeySet();
    private final List<String> notes = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean closed;

    Faces() {
        try {
            selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("the relay could not open a selector: " + e.getMessage(), e);
        }
        byWay.put(Way.PC1_TO_PC2, new HashMap<>());
        byWay.put(Way.PC2_TO_PC1, new HashMap<>());
    }

    Selector selector() {
        return selector;
    }

    /** Marks the table closed (no face opens after it); false when it already was. */
    synchronized boolean markClosed() {
        if (closed) return false;
        closed = true;
        return true;
    }

    boolean isClosed() {
        return closed;
    }

    /** Whether {@code a} is loopback or an address of this machine. */
    boolean isLocal(InetAddress a) {
        return a.isLoopbackAddress() || localAddresses.contains(a);
    }

    /** An address written as a literal (no name lookup), or null for a hostname or an mDNS name. */
    static InetAddress literal(String s) {
        if (s.endsWith(".local") || !(s.indexOf(':') >= 0 || s.chars().allMatch(c -> c == '.' || Character.isDigit(c)))) return null;
        try {
            return InetAddress.getByName(s); // a literal: no lookup
        } catch (IOException e) {
            return null;
        }
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

    /** Whether {@code a} is one of the relay's own sockets. */
    boolean isFace(InetSocketAddress a) {
        for (Face f : all) if (f.local.equals(a)) return true;
        return false;
    }

    /** Whether packets from {@code a} come from a STUN/TURN server the relay stands in for. */
    boolean isServer(InetSocketAddress a) {
        return servers.contains(a);
    }

    Set<InetSocketAddress> servers() {
        return Set.copyOf(servers);
    }

    int size() {
        return all.size();
    }

    List<String> notes() {
        synchronized (notes) {
            return List.copyOf(notes);
        }
    }

    /** The face standing for {@code inside} that packets travelling {@code inbound} arrive at; made on first use. */
    synchronized Face face(Way inbound, Object key, InetSocketAddress inside) {
        Face f = byWay.get(inbound).get(key);
        if (f != null) return f;
        f = open(inside, inbound, false);
        if (f == null) return null;
        byWay.get(inbound).put(key, f);
        notes.add(KitClock.stamp(KitClock.now()) + " face " + f.local + " stands for " + (inbound == Way.PC1_TO_PC2 ? "pc2" : "pc1") + " " + inside);
        return f;
    }

    /** The face standing for {@code server} towards the peer whose packets travel {@code outboundOfPeer}; made on first use. */
    synchronized Face serverFace(Way outboundOfPeer, InetSocketAddress server) {
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

    /** Opens a face (holding the lock); null when closing or out of faces. */
    private Face open(InetSocketAddress inside, Way inbound, boolean server) {
        if (closed || all.size() >= Relay.MAX_FACES) return null;
        Face f;
        try {
            DatagramChannel ch = DatagramChannel.open(StandardProtocolFamily.INET);
            // Room for a burst while the receiving thread waits for a core (a video keyframe is ~100 packets).
            ch.setOption(StandardSocketOptions.SO_RCVBUF, 1 << 20);
            ch.bind(new InetSocketAddress(LOOPBACK, 0));
            ch.configureBlocking(false);
            f = new Face(ch, (InetSocketAddress) ch.getLocalAddress(), inside, inbound, server);
        } catch (IOException e) {
            throw new UncheckedIOException("the relay could not open a socket on 127.0.0.1: " + e.getMessage(), e);
        }
        all.add(f);
        toRegister.add(f);
        selector.wakeup();
        return f;
    }

    /** Registers the faces opened since the last call with the selector (on the receiving thread). */
    void registerNew() {
        Face r;
        while ((r = toRegister.poll()) != null) {
            try {
                r.channel.register(selector, SelectionKey.OP_READ, r);
            } catch (IOException | RuntimeException e) {
                // closed meanwhile
            }
        }
    }

    /** Closes every socket, then the selector (after both threads have ended). */
    void closeAll() {
        for (Face f : all) {
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
}

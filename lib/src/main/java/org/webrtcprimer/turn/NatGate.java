package org.webrtcprimer.turn;

import org.webrtcprimer.net.PeerGate;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An emulated NAT in front of one peer, plugged into the kit's relay ({@code
 * call.relay().gate(way, NatGate.of(kind))}). The relay's sockets on 127.0.0.1 that stand for a
 * peer play the NAT's external address:port pairs: all of one NAT's mappings share that one IP,
 * as a real NAT's public address does.
 *
 * <ul>
 *   <li>Mapping (RFC 4787 §4.1): endpoint-independent — one external port per inside address,
 *       whatever the destination; address-and-port-dependent — a new one for every destination.</li>
 *   <li>Filtering (RFC 4787 §5): which packets from outside pass through a mapping to the inside:
 *       from anyone (endpoint-independent), only from addresses the inside has sent to through it
 *       (address-dependent), only from those address:port pairs (address-and-port-dependent).
 *       Refused packets are dropped and reported as {@code Fate.DROPPED_NAT}.</li>
 *   <li>Mapping lifetime (RFC 4787 §4.3): a mapping idle for longer than its lifetime (no packet
 *       from the inside) expires, and packets from outside are dropped until the inside sends
 *       again. RFC 4787 REQ-5 asks for at least 2 minutes; a lesson sets a few seconds.</li>
 * </ul>
 * Hairpinning (RFC 4787 §6) arises when both peers sit behind one NAT ({@link #behindOne}): a
 * packet from one peer to the other's external address must be turned back inside by the NAT,
 * with the sender's external address as its source (REQ-9). With hairpinning off, the NAT drops
 * it ({@code DROPPED_NAT}). The relay hands host candidates over as the NAT's mappings, so behind
 * one NAT every packet between the peers is a hairpin (the LAN path between them is not modelled).
 */
public final class NatGate implements PeerGate {

    private final NatKind kind;
    private final long lifetimeNanos;
    private final boolean hairpinning;
    private final Map<InetSocketAddress, MappingState> mappings = new HashMap<>();
    private long dropped;
    private long hairpinDropped;

    private static final class MappingState {
        final InetSocketAddress inside;
        final Set<InetSocketAddress> sentTo = new HashSet<>();
        long lastOutbound;

        MappingState(InetSocketAddress inside) {
            this.inside = inside;
        }
    }

    private NatGate(NatKind kind, Duration lifetime, boolean hairpinning) {
        this.kind = kind;
        this.lifetimeNanos = lifetime.toNanos();
        this.hairpinning = hairpinning;
    }

    /** A NAT of this kind whose mappings last 2 minutes when idle (RFC 4787 REQ-5's minimum). */
    public static PeerGate of(NatKind kind) {
        return of(kind, Duration.ofMinutes(2));
    }

    /** A NAT of this kind whose mappings expire after {@code lifetime} without a packet from the inside. */
    public static PeerGate of(NatKind kind, Duration lifetime) {
        if (kind == null || kind == NatKind.NONE) return PeerGate.OPEN;
        if (lifetime == null || lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("a NAT mapping lifetime must be positive, e.g. Duration.ofSeconds(30)");
        }
        return new NatGate(kind, lifetime, true);
    }

    /**
     * One NAT of this kind in front of both peers of a call through the kit's relay, with
     * hairpinning on or off (RFC 4787 §6, REQ-9 asks for it on), mappings lasting 2 minutes. Set
     * before the call negotiates. Returns the NAT, for its counters.
     */
    public static NatGate behindOne(org.webrtcprimer.call.LocalCall call, NatKind kind, boolean hairpinning) {
        if (!call.hasRelay()) {
            throw new IllegalArgumentException("NATs sit in the kit's relay: make the call with CallOptions.defaults().withNetwork(Network.perfect())");
        }
        if (kind == null || kind == NatKind.NONE) throw new IllegalArgumentException("behindOne needs a NAT kind, not none");
        NatGate g = new NatGate(kind, Duration.ofMinutes(2), hairpinning);
        call.relay().gate(org.webrtcprimer.net.Way.PC1_TO_PC2, g);
        call.relay().gate(org.webrtcprimer.net.Way.PC2_TO_PC1, g);
        return g;
    }

    /** Whether this NAT turns packets to its own external addresses back inside (RFC 4787 §6). */
    public boolean hairpinning() {
        return hairpinning;
    }

    /** Packets dropped because they were hairpins and hairpinning is off. */
    public synchronized long hairpinRefused() {
        return hairpinDropped;
    }

    /**
     * Puts pc1 behind a NAT of kind {@code pc1} and pc2 behind one of kind {@code pc2}, in a call made
     * through the kit's relay ({@code CallOptions.defaults().withNetwork(Network.perfect())}), before it
     * negotiates. Everything each peer sends — to the other peer and, over UDP, to its STUN/TURN
     * servers — leaves through its NAT. Returns the call.
     */
    public static org.webrtcprimer.call.LocalCall behind(org.webrtcprimer.call.LocalCall call, NatKind pc1, NatKind pc2) {
        if (!call.hasRelay()) {
            throw new IllegalArgumentException("NATs sit in the kit's relay: make the call with CallOptions.defaults().withNetwork(Network.perfect())");
        }
        call.relay().gate(org.webrtcprimer.net.Way.PC1_TO_PC2, of(pc1));
        call.relay().gate(org.webrtcprimer.net.Way.PC2_TO_PC1, of(pc2));
        return call;
    }

    public NatKind kind() {
        return kind;
    }

    public Duration lifetime() {
        return Duration.ofNanos(lifetimeNanos);
    }

    /** Packets this NAT's filter refused so far. */
    public synchronized long refused() {
        return dropped;
    }

    /** External ports it has mapped so far (one per inside address, or per inside address and destination). */
    public synchronized int mappingCount() {
        return mappings.size();
    }

    @Override
    public Object mappingKey(InetSocketAddress inside, InetSocketAddress destination) {
        return kind.mapping() == NatKind.Mapping.ENDPOINT_INDEPENDENT ? inside : List.of(inside, destination);
    }

    @Override
    public synchronized void sent(InetSocketAddress inside, InetSocketAddress face, InetSocketAddress destination) {
        MappingState m = mappings.computeIfAbsent(face, f -> new MappingState(inside));
        long now = System.nanoTime();
        if (now - m.lastOutbound > lifetimeNanos) m.sentTo.clear(); // it had expired: a fresh mapping, fresh filter state
        m.lastOutbound = now;
        m.sentTo.add(destination);
    }

    @Override
    public synchronized boolean admit(InetSocketAddress face, InetSocketAddress inside, InetSocketAddress remote) {
        MappingState m = mappings.get(face);
        boolean ok;
        if (!hairpinning && mappings.containsKey(remote)) {
            // From one of this NAT's own mappings: a packet between two hosts behind it, sent to its external side.
            dropped++;
            hairpinDropped++;
            return false;
        }
        if (m == null || !m.inside.equals(inside) || System.nanoTime() - m.lastOutbound > lifetimeNanos) {
            ok = false; // no mapping (the inside never sent through this port), or it expired
        } else {
            ok = switch (kind.filtering()) {
                case NONE, ENDPOINT_INDEPENDENT -> true;
                case ADDRESS_DEPENDENT -> m.sentTo.stream().anyMatch(d -> d.getAddress().equals(remote.getAddress()));
                case ADDRESS_AND_PORT_DEPENDENT -> m.sentTo.contains(remote);
            };
        }
        if (!ok) dropped++;
        return ok;
    }

    @Override
    public String toString() {
        return kind + " NAT (mapping " + kind.mapping().name().toLowerCase().replace('_', '-') + ", filtering "
                + kind.filtering().name().toLowerCase().replace('_', '-') + ", lifetime " + lifetime().toSeconds() + " s"
                + (hairpinning ? "" : ", no hairpinning") + ")";
    }
}

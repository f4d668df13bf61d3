package org.webrtcprimer.wire;

import org.webrtcprimer.net.Fate;
import org.webrtcprimer.net.Way;
import org.webrtcprimer.notebook.Style;
import org.webrtcprimer.notebook.Table;
import org.webrtcprimer.notebook.TableView;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the peers said to their STUN/TURN servers, read from a capture of a call through the kit's
 * relay (where each peer's server traffic passes its NAT): the TURN exchange of RFC 8656 — Allocate,
 * the 401 challenge with REALM and NONCE (RFC 8489 §9.2), Allocate again with USERNAME and
 * MESSAGE-INTEGRITY, CreatePermission, ChannelBind, ChannelData, Refresh — and STUN Binding for
 * server-reflexive candidates. {@link #allocations()} are the relayed addresses the server granted;
 * {@link #allocationOf(String)} traces a relay candidate back to the Allocate that made it.
 * Made by {@code trace.turn()}; only UDP legs pass the relay (TURN over TCP/TLS is not captured).
 */
public final class TurnExchange implements TableView {

    /**
     * One datagram between a peer and a server.
     *
     * @param packet   the captured packet
     * @param peer     {@code pc1} or {@code pc2}
     * @param toServer true when the peer sent it, false when the server did
     * @param stun     the STUN message, or null for ChannelData
     * @param channel  the ChannelData, or null for STUN
     */
    public record Step(WirePacket packet, String peer, boolean toServer, StunMessage stun, ChannelData channel) {
        /** {@code pc1 → server} or {@code server → pc1}. */
        public String direction() {
            return toServer ? peer + " → server" : "server → " + peer;
        }

        /** e.g. {@code Allocate error response 401}, {@code ChannelData 0x4000}. */
        public String what() {
            if (stun == null) return String.format(Locale.ROOT, "ChannelData 0x%04X", channel.channel());
            Integer code = stun.errorCode();
            return stun.name() + (code == null ? "" : " " + code);
        }
    }

    /**
     * A relayed transport address a TURN server allocated (RFC 8656 §7.3) — what the peer's relay
     * candidate carries.
     *
     * @param peer     who asked
     * @param relayed  XOR-RELAYED-ADDRESS: the address on the server that relays for the peer
     * @param mapped   XOR-MAPPED-ADDRESS: the peer as the server saw it (its NAT's mapping)
     * @param lifetime LIFETIME in seconds
     * @param ms       when the success response passed the relay, ms after the capture's first packet
     * @param attempts Allocate requests the peer sent until this success (2 with the 401 challenge)
     */
    public record Allocation(String peer, InetSocketAddress relayed, InetSocketAddress mapped, long lifetime, double ms, int attempts) {
        @Override
        public String toString() {
            return peer + " allocated " + Stun.show(relayed) + " (seen as " + (mapped == null ? "?" : Stun.show(mapped)) + ", lifetime "
                    + lifetime + " s, after " + attempts + " Allocate request" + (attempts == 1 ? "" : "s") + ")";
        }
    }

    private final Trace trace;
    private final List<Step> steps = new ArrayList<>();

    TurnExchange(Trace trace) {
        this.trace = trace;
        for (WirePacket p : trace.packets()) {
            if (!p.packet().toOrFromServer()) continue;
            boolean toServer = p.packet().to().equals(p.packet().server());
            // To the server a peer's packets travel its outbound way; from it, its inbound way.
            String peer = toServer ? Trace.peerOf(p.way()) : Trace.peerOf(p.way().reverse());
            if (p.decoded() instanceof StunMessage m) steps.add(new Step(p, peer, toServer, m, null));
            else if (p.decoded() instanceof ChannelData c) steps.add(new Step(p, peer, toServer, null, c));
        }
    }

    /** Every STUN message and ChannelData between the peers and their servers, in order. */
    public List<Step> steps() {
        return List.copyOf(steps);
    }

    /** The STUN messages only (no ChannelData), in order. */
    public List<Step> messages() {
        return steps.stream().filter(s -> s.stun() != null).toList();
    }

    /** One peer's STUN messages as short names, in order: {@code [Allocate request, Allocate error response 401, …]}. */
    public List<String> sequence(String peer) {
        return messages().stream().filter(s -> s.peer().equals(peer)).map(Step::what).toList();
    }

    /** ChannelData datagrams one way: {@code toServer} true for the peer's. */
    public long channelData(String peer, boolean toServer) {
        return steps.stream().filter(s -> s.channel() != null && s.peer().equals(peer) && s.toServer() == toServer).count();
    }

    /** Every allocation a server granted, in order (from Allocate success responses). */
    public List<Allocation> allocations() {
        List<Allocation> out = new ArrayList<>();
        Map<String, Integer> attempts = new HashMap<>();
        for (Step s : messages()) {
            StunMessage m = s.stun();
            if (m.method() != Stun.ALLOCATE) continue;
            if (m.messageClass() == StunMessage.StunClass.REQUEST) attempts.merge(s.peer(), 1, Integer::sum);
            if (m.messageClass() == StunMessage.StunClass.SUCCESS && m.xorRelayedAddress() != null) {
                out.add(new Allocation(s.peer(), m.xorRelayedAddress(), m.xorMappedAddress(), m.lifetime() == null ? 0 : m.lifetime(),
                        trace.ms(s.packet()), attempts.getOrDefault(s.peer(), 0)));
                attempts.remove(s.peer());
            }
        }
        return out;
    }

    /**
     * The allocation behind a relay candidate: {@code address} is its {@code ip:port} (e.g.
     * {@code candidate.address()}) or a whole candidate line; empty when no Allocate in the capture
     * granted it (TURN over TCP/TLS, or a capture that wrapped).
     */
    public Optional<Allocation> allocationOf(String address) {
        String a = address;
        if (a.contains(" typ ")) {
            String[] f = a.replaceFirst("^a=", "").split(" ");
            a = f.length > 5 ? f[4] + ":" + f[5] : a;
        }
        String want = a;
        return allocations().stream().filter(x -> Stun.show(x.relayed()).equals(want)).findFirst();
    }

    /** The XOR-MAPPED-ADDRESS of each Binding success a server sent, per peer: what its srflx candidates carry. */
    public Map<String, List<InetSocketAddress>> reflexive() {
        Map<String, List<InetSocketAddress>> m = new LinkedHashMap<>();
        for (Step s : messages()) {
            StunMessage x = s.stun();
            if (x.method() == Stun.BINDING && x.messageClass() == StunMessage.StunClass.SUCCESS && x.xorMappedAddress() != null) {
                List<InetSocketAddress> l = m.computeIfAbsent(s.peer(), k -> new ArrayList<>());
                if (!l.contains(x.xorMappedAddress())) l.add(x.xorMappedAddress());
            }
        }
        return m;
    }

    private static String details(StunMessage m) {
        List<String> d = new ArrayList<>();
        if (m.errorCode() != null) d.add("ERROR-CODE " + m.errorCode() + " " + m.errorReason());
        if (m.realm() != null) d.add("REALM " + m.realm());
        if (m.nonce() != null) d.add("NONCE " + (m.nonce().length() > 12 ? m.nonce().substring(0, 12) + "…" : m.nonce()));
        if (m.username() != null) d.add("USERNAME " + m.username());
        if (m.requestedTransport() != null) d.add("REQUESTED-TRANSPORT " + (m.requestedTransport() == 17 ? "UDP" : m.requestedTransport()));
        if (m.xorRelayedAddress() != null) d.add("XOR-RELAYED-ADDRESS " + Stun.show(m.xorRelayedAddress()));
        if (m.xorMappedAddress() != null) d.add("XOR-MAPPED-ADDRESS " + Stun.show(m.xorMappedAddress()));
        if (m.xorPeerAddress() != null) d.add("XOR-PEER-ADDRESS " + Stun.show(m.xorPeerAddress()));
        if (m.channelNumber() != null) d.add(String.format(Locale.ROOT, "CHANNEL-NUMBER 0x%04X", m.channelNumber()));
        if (m.lifetime() != null) d.add("LIFETIME " + m.lifetime() + " s");
        if (m.data() != null) d.add("DATA " + m.data().length + " bytes");
        if (m.hasIntegrity()) d.add("MESSAGE-INTEGRITY");
        return String.join(", ", d);
    }

    /**
     * One row per STUN message; ChannelData once per peer, way and channel, with its count — the
     * media and checks the channel carries would fill the table otherwise.
     */
    @Override
    public Table table() {
        Table t = Table.of("#", "time (ms)", "between", "message", "attributes", "fate")
                .title("STUN/TURN between the peers and their servers — " + messages().size() + " messages, "
                        + steps.stream().filter(s -> s.channel() != null).count() + " ChannelData")
                .alignRight("#", "time (ms)");
        Map<String, Long> counts = new HashMap<>();
        for (Step s : steps) if (s.channel() != null) counts.merge(s.direction() + s.channel().channel(), 1L, Long::sum);
        Map<String, Boolean> shown = new HashMap<>();
        for (Step s : steps) {
            WirePacket p = s.packet();
            String what, attrs;
            if (s.stun() != null) {
                what = s.what();
                attrs = details(s.stun());
            } else {
                String key = s.direction() + s.channel().channel();
                if (shown.putIfAbsent(key, true) != null) continue;
                what = s.what();
                attrs = counts.get(key) + " datagrams this way; the first carries " + s.channel().inner().summary();
            }
            String fate = p.fate().label();
            t.row(p.index(), String.format(Locale.ROOT, "%.1f", trace.ms(p)), s.direction(), what, attrs,
                    p.fate() == Fate.DROPPED_NAT || p.fate().dropped() ? Table.fail(fate) : fate)
                    .rowColor(Style.colorOf(s.peer()));
        }
        List<Allocation> a = allocations();
        return t.note((a.isEmpty() ? "No allocation in this capture. " : "Allocations: " + String.join("; ",
                a.stream().map(Allocation::toString).toList()) + ". ")
                + "The 401 carries REALM and NONCE, the retry proves the password with MESSAGE-INTEGRITY (RFC 8489 §9.2); "
                + "CreatePermission and ChannelBind name the other peer (XOR-PEER-ADDRESS), ChannelData carries its packets "
                + "with a 4-byte header (RFC 8656 §9, §11, §12).");
    }

    @Override
    public String toString() {
        return toText();
    }

}

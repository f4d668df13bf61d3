package org.webrtcprimer.wire;

import org.webrtcprimer.net.Way;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A capture read against the call's descriptions: the STUN checks paired with their responses,
 * the nomination and the consent checks after it, the DTLS flights and who sent the ClientHello,
 * every RTP stream with its codec, track and losses, the RTCP types. Made by
 * {@link Capture#trace}. Times are milliseconds after the first captured packet.
 */
public final class Trace {

    /** A Binding request and its response (matched by transaction id), or no response. */
    public record StunCheck(WirePacket request, WirePacket response) {
        public StunMessage message() {
            return (StunMessage) request.decoded();
        }

        public StunMessage answer() {
            return response == null ? null : (StunMessage) response.decoded();
        }

        /** The peer that sent the request: "pc1" or "pc2". */
        public String from() {
            return peerOf(request.way());
        }

        public boolean answered() {
            return response != null && answer().messageClass() == StunMessage.StunClass.SUCCESS;
        }
    }

    /** A DTLS flight (RFC 6347 §4.2.4): the handshake datagrams one side sent in a row. */
    public record Flight(int number, Way way, long startNanos, long endNanos, List<String> messages, int datagrams, int bytes) {
        public String from() {
            return peerOf(way);
        }
    }

    /** One RTP stream (one SSRC) as the capture saw it. */
    public record RtpStream(long ssrc, Way way, CallMap.Stream described, String codec, boolean rtx, int packets, long bytes,
                            int dropped, int missing, int padding, List<WirePacket> all) {
        public String label() {
            String d = described != null ? described.label() : peerOf(way) + " SSRC " + String.format(Locale.ROOT, "0x%08X", ssrc);
            return d + (rtx && (described == null || described.rtxOf() == null) ? " RTX" : "");
        }

        public String ssrcHex() {
            return String.format(Locale.ROOT, "0x%08X", ssrc);
        }
    }

    private final Capture capture;
    private final List<WirePacket> packets;
    private final CallMap map;
    private final long t0;

    Trace(Capture capture, List<WirePacket> packets, CallMap map) {
        this.capture = capture;
        this.packets = List.copyOf(packets);
        this.map = map;
        this.t0 = packets.isEmpty() ? 0 : packets.get(0).nanos();
    }

    static String peerOf(Way w) {
        return w == Way.PC1_TO_PC2 ? "pc1" : "pc2";
    }

    public List<WirePacket> packets() {
        return packets;
    }

    public CallMap map() {
        return map;
    }

    /** True when the capture's ring buffer let the oldest packets go. */
    public boolean wrapped() {
        return capture != null && capture.wrapped();
    }

    public Capture capture() {
        return capture;
    }

    /** Milliseconds after the first captured packet. */
    public double ms(long nanos) {
        return (nanos - t0) / 1e6;
    }

    public double ms(WirePacket p) {
        return ms(p.nanos());
    }

    /** The packets of one kind. */
    public List<WirePacket> packets(Kind kind) {
        return packets.stream().filter(p -> p.kind() == kind).toList();
    }

    /** How many packets of each kind, in the order of {@link Kind}. */
    public Map<Kind, Long> counts() {
        Map<Kind, Long> m = new LinkedHashMap<>();
        for (Kind k : Kind.values()) {
            long n = packets.stream().filter(p -> p.kind() == k).count();
            if (n > 0) m.put(k, n);
        }
        return m;
    }

    // ------------------------------------------------------------------ STUN

    /** Every Binding request with its response, in the order sent. */
    public List<StunCheck> checks() {
        Map<String, WirePacket> responses = new HashMap<>();
        for (WirePacket p : packets) {
            if (p.packet().toOrFromServer()) continue; // a STUN server's Binding is no ICE check
            if (p.decoded() instanceof StunMessage m && m.method() == Stun.BINDING
                    && (m.messageClass() == StunMessage.StunClass.SUCCESS || m.messageClass() == StunMessage.StunClass.ERROR)) {
                responses.putIfAbsent(m.transactionId(), p);
            }
        }
        List<StunCheck> out = new ArrayList<>();
        for (WirePacket p : packets) {
            if (p.packet().toOrFromServer()) continue;
            if (p.decoded() instanceof StunMessage m && m.method() == Stun.BINDING && m.messageClass() == StunMessage.StunClass.REQUEST) {
                out.add(new StunCheck(p, responses.get(m.transactionId())));
            }
        }
        return out;
    }

    /** The first check carrying USE-CANDIDATE that was answered: the nomination (RFC 8445 §8.1.1). */
    public Optional<StunCheck> nomination() {
        return checks().stream().filter(c -> c.message().useCandidate() && c.answered()).findFirst();
    }

    /** Checks sent after the nomination was answered: ICE keeping the pair alive and consent to send fresh (RFC 7675 §5.1). */
    public List<StunCheck> consentChecks() {
        Optional<StunCheck> n = nomination();
        if (n.isEmpty()) return List.of();
        long after = n.get().response().nanos();
        return checks().stream().filter(c -> c.request().nanos() > after).toList();
    }

    /** The median gap in ms between one peer's consent checks, or NaN with fewer than two. */
    public double consentIntervalMs(String peer) {
        List<Long> t = consentChecks().stream().filter(c -> c.from().equals(peer)).map(c -> c.request().nanos()).toList();
        if (t.size() < 2) return Double.NaN;
        List<Double> gaps = new ArrayList<>();
        for (int i = 1; i < t.size(); i++) gaps.add((t.get(i) - t.get(i - 1)) / 1e6);
        Collections.sort(gaps);
        return gaps.get(gaps.size() / 2);
    }

    /** The peers' exchanges with their STUN/TURN servers (through their NATs): Allocate, 401, CreatePermission, ChannelBind, ChannelData, Refresh. */
    public TurnExchange turn() {
        return new TurnExchange(this);
    }

    // ------------------------------------------------------------------ DTLS

    /** The DTLS handshake's flights, in order. */
    public List<Flight> flights() {
        List<Flight> out = new ArrayList<>();
        Way way = null;
        long start = 0, end = 0;
        List<String> msgs = new ArrayList<>();
        int datagrams = 0, bytes = 0;
        for (WirePacket p : packets) {
            if (!(p.decoded() instanceof DtlsDatagram d) || !d.handshake()) continue;
            if (way != p.way()) {
                if (way != null) out.add(new Flight(out.size() + 1, way, start, end, msgs, datagrams, bytes));
                way = p.way();
                start = p.nanos();
                msgs = new ArrayList<>();
                datagrams = 0;
                bytes = 0;
            }
            end = p.nanos();
            datagrams++;
            bytes += p.size();
            for (DtlsRecord r : d.records()) {
                String l = r.label();
                if (l.equals("change_cipher_spec")) l = "ChangeCipherSpec";
                if (l.startsWith("encrypted handshake")) l = "Finished (encrypted)";
                if (r.contentType() == 23) continue;
                if (!msgs.contains(l) || !msgs.get(msgs.size() - 1).equals(l)) {
                    if (!(msgs.contains(l) && l.endsWith("(fragment)"))) msgs.add(l);
                }
            }
        }
        if (way != null) out.add(new Flight(out.size() + 1, way, start, end, msgs, datagrams, bytes));
        return out;
    }

    /** The peer that sent the first ClientHello (the DTLS client), or null. */
    public String dtlsClient() {
        for (WirePacket p : packets) {
            if (p.decoded() instanceof DtlsDatagram d && d.records().stream()
                    .anyMatch(r -> r.handshake() != null && r.handshake().type() == 1)) {
                return peerOf(p.way());
            }
        }
        return null;
    }

    /** The first ClientHello's record, or null. */
    public DtlsRecord clientHello() {
        return handshakeRecord(1);
    }

    /** The first ServerHello's record, or null. */
    public DtlsRecord serverHello() {
        return handshakeRecord(2);
    }

    private DtlsRecord handshakeRecord(int type) {
        for (WirePacket p : packets) {
            if (p.decoded() instanceof DtlsDatagram d) {
                for (DtlsRecord r : d.records()) if (r.handshake() != null && r.handshake().type() == type) return r;
            }
        }
        return null;
    }

    // ------------------------------------------------------------------ RTP / RTCP

    /** Every RTP stream, the most packets first. */
    public List<RtpStream> streams() {
        Map<Long, List<WirePacket>> by = new LinkedHashMap<>();
        for (WirePacket p : packets) {
            if (p.decoded() instanceof RtpHeader h) by.computeIfAbsent(h.ssrc(), k -> new ArrayList<>()).add(p);
        }
        List<RtpStream> out = new ArrayList<>();
        for (Map.Entry<Long, List<WirePacket>> e : by.entrySet()) {
            List<WirePacket> ps = e.getValue();
            RtpHeader first = (RtpHeader) ps.get(0).decoded();
            CallMap.Stream s = map.stream(e.getKey());
            CallMap.PayloadType pt;
            boolean rtx;
            // the payload types the stream used, the most packets first (video may switch between its codec and red/ulpfec)
            Map<Integer, Long> pts = ps.stream().collect(Collectors.groupingBy(p -> ((RtpHeader) p.decoded()).payloadType(), Collectors.counting()));
            String codec = pts.entrySet().stream().sorted((x, y) -> Long.compare(y.getValue(), x.getValue())).map(x -> {
                CallMap.PayloadType t = map.payloadType(x.getKey());
                return (t == null ? "" : t.codec().name() + " ") + "(PT " + x.getKey() + (pts.size() > 1 ? ", " + x.getValue() + " packets" : "") + ")";
            }).collect(Collectors.joining(" + "));
            pt = map.payloadType(pts.entrySet().stream().max(Map.Entry.comparingByValue()).get().getKey());
            rtx = (s != null && s.rtxOf() != null) || (pt != null && pt.codec().isRtx());
            long bytes = ps.stream().mapToLong(WirePacket::size).sum();
            int dropped = (int) ps.stream().filter(p -> !p.delivered()).count();
            int padding = (int) ps.stream().filter(p -> ((RtpHeader) p.decoded()).padding()).count();
            out.add(new RtpStream(e.getKey(), ps.get(0).way(), s, codec, rtx, ps.size(), bytes, dropped, missing(ps), padding, ps));
        }
        out.sort((a, b) -> Integer.compare(b.packets(), a.packets()));
        return out;
    }

    /** Sequence numbers the receiver never got: expected (highest − lowest + 1, unwrapped) minus distinct delivered. */
    static int missing(List<WirePacket> ps) {
        Set<Long> got = new HashSet<>();
        long last = -1, ext = 0, lo = Long.MAX_VALUE, hi = Long.MIN_VALUE;
        for (WirePacket p : ps) {
            if (!p.delivered()) continue;
            int seq = ((RtpHeader) p.decoded()).sequence();
            if (last < 0) {
                ext = seq;
            } else {
                int delta = (seq - (int) (ext & 0xFFFF)) & 0xFFFF;
                ext += delta < 0x8000 ? delta : delta - 0x10000;
            }
            last = seq;
            got.add(ext);
            lo = Math.min(lo, ext);
            hi = Math.max(hi, ext);
        }
        return got.isEmpty() ? 0 : (int) (hi - lo + 1 - got.size());
    }

    /** RTCP packet types (of the first, clear, packet of each datagram) per way, counted. */
    public Map<String, Long> rtcpTypes(Way way) {
        return packets.stream().filter(p -> p.way() == way && p.decoded() instanceof RtcpHeader)
                .collect(Collectors.groupingBy(p -> ((RtcpHeader) p.decoded()).first().name(), TreeMap::new, Collectors.counting()));
    }

    // ------------------------------------------------------------------ describing one packet

    /** One packet's decoding with the SDP's names: the codec of its PT, the track of its SSRC, the URIs of its extensions. */
    public String describe(WirePacket p) {
        Decoded d = p.decoded();
        if (d instanceof RtpHeader h) {
            StringBuilder s = new StringBuilder();
            CallMap.PayloadType pt = map.payloadType(h.payloadType());
            s.append(pt == null ? "PT " + h.payloadType() : pt.codec().name() + " (PT " + h.payloadType()
                    + (pt.codec().isRtx() && pt.codec().associatedPayloadType() != null ? ", repairs PT " + pt.codec().associatedPayloadType() : "") + ")");
            CallMap.Stream st = map.stream(h.ssrc());
            s.append(", SSRC ").append(h.ssrc()).append(st == null ? "" : " = " + st.label());
            s.append(", seq ").append(h.sequence()).append(", ts ").append(h.timestamp());
            if (h.marker()) s.append(", marker");
            if (h.padding()) s.append(", padding");
            for (RtpHeader.Extension x : h.extensions()) {
                s.append(", ").append(CallMap.shortName(map.extmap(x.id()))).append(" (id ").append(x.id()).append(") ")
                        .append(map.extensionValue(x.id(), x.value()));
            }
            s.append(", ").append(h.payloadLength()).append(" B encrypted");
            return s.toString();
        }
        if (d instanceof RtcpHeader r) {
            CallMap.Stream st = map.stream(r.first().senderSsrc());
            return r.summary() + (st == null ? "" : " (" + st.label() + ")");
        }
        if (d instanceof StunMessage m) {
            String s = m.summary();
            String u = m.username();
            if (u != null && map.ufrag("pc1") != null && map.ufrag("pc2") != null) {
                if (u.equals(map.ufrag("pc2") + ":" + map.ufrag("pc1"))) s += " (pc2's ufrag : pc1's)";
                else if (u.equals(map.ufrag("pc1") + ":" + map.ufrag("pc2"))) s += " (pc1's ufrag : pc2's)";
            }
            return s;
        }
        return d.summary();
    }

    /** The packet table; narrow it with its filters. */
    public PacketTable table() {
        return new PacketTable(this, null, null, null, PacketTable.DEFAULT_ROWS);
    }

    @Override
    public String toString() {
        return "Trace of " + packets.size() + " packets: " + counts().entrySet().stream().map(e -> e.getValue() + " " + e.getKey().label())
                .collect(Collectors.joining(", ")) + (wrapped() ? " (the capture wrapped: the oldest are gone)" : "");
    }
}

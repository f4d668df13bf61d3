package org.webrtcprimer.wire;

import org.webrtcprimer.net.Way;
import org.webrtcprimer.notebook.Style;
import org.webrtcprimer.notebook.Table;
import org.webrtcprimer.notebook.TableView;

import java.util.List;
import java.util.Locale;

/**
 * The captured packets as a table, one row each: time, way, size, kind, what it is (with the SDP's
 * names) and what the relay did with it. Filters narrow it, each returning a new table:
 * {@code trace.table().kind(Kind.RTP).way(Way.PC1_TO_PC2).ssrc(1234).rows(30)}.
 */
public final class PacketTable implements TableView {
    public static final int DEFAULT_ROWS = 40;

    private final Trace trace;
    private final Kind kind;
    private final Way way;
    private final Long ssrc;
    private final int limit;
    private final List<WirePacket> matching;

    PacketTable(Trace trace, Kind kind, Way way, Long ssrc, int limit) {
        this.trace = trace;
        this.kind = kind;
        this.way = way;
        this.ssrc = ssrc;
        this.limit = limit;
        this.matching = trace.packets().stream().filter(this::matches).toList();
    }

    private boolean matches(WirePacket p) {
        if (kind != null && p.kind() != kind) return false;
        if (way != null && p.way() != way) return false;
        if (ssrc != null) {
            if (p.decoded() instanceof RtpHeader h) return h.ssrc() == ssrc;
            if (p.decoded() instanceof RtcpHeader r) return r.first().senderSsrc() == ssrc;
            return false;
        }
        return true;
    }

    /** Only packets of this kind. */
    public PacketTable kind(Kind k) {
        return new PacketTable(trace, k, way, ssrc, limit);
    }

    /** Only packets going this way. */
    public PacketTable way(Way w) {
        return new PacketTable(trace, kind, w, ssrc, limit);
    }

    /** Only RTP packets of this SSRC (and RTCP sent by it). */
    public PacketTable ssrc(long s) {
        return new PacketTable(trace, kind, way, s, limit);
    }

    /** Show at most n rows (1–5,000; the count of all matching rows is said under the table). */
    public PacketTable rows(int n) {
        if (n < 1 || n > 5000) throw new IllegalArgumentException("rows(" + n + "): show 1 to 5,000 rows");
        return new PacketTable(trace, kind, way, ssrc, n);
    }

    /** The packets that match the filters (all of them, not just the rows shown). */
    public List<WirePacket> packets() {
        return matching;
    }

    @Override
    public Table table() {
        String filter = (kind == null ? "" : " " + kind.label()) + (way == null ? "" : " " + way.label())
                + (ssrc == null ? "" : " SSRC " + ssrc);
        Table t = Table.of("#", "time (ms)", "way", "bytes", "kind", "what it is", "fate")
                .title(matching.size() + " captured packet" + (matching.size() == 1 ? "" : "s") + (filter.isEmpty() ? "" : " —" + filter))
                .alignRight("#", "time (ms)", "bytes");
        for (WirePacket p : matching.subList(0, Math.min(limit, matching.size()))) {
            String fate = p.fate().label() + (p.packet().delayNanos() > 0
                    ? String.format(Locale.ROOT, " after %.1f ms", p.packet().delayNanos() / 1e6) : "");
            t.row(p.index(), String.format(Locale.ROOT, "%.1f", trace.ms(p)), p.way().label(), p.size(), p.kind().label(),
                    trace.describe(p), p.fate().dropped() ? Table.fail(fate) : fate)
                    .rowColor(Style.colorOf(Trace.peerOf(p.way())));
        }
        String shown = matching.size() > limit ? "The first " + limit + " of " + matching.size() + " are shown (rows(n) shows more). " : "";
        return t.note(shown + "Kinds by the first byte (RFC 7983 §7); SRTP and SRTCP leave the RTP and the first RTCP header in clear "
                + "(RFC 3711 §3.1, §3.4), the payload is encrypted." + (trace.wrapped() ? " The capture wrapped: its oldest packets are gone." : ""));
    }

    @Override
    public String toString() {
        return toText();
    }
}

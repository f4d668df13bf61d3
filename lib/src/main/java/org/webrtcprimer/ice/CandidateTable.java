package org.webrtcprimer.ice;

import org.webrtcprimer.notebook.TableView;
import org.webrtcprimer.notebook.Style;
import org.webrtcprimer.notebook.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Candidates as a table, one row per candidate, like the webrtc samples' trickle-ice page: when it
 * was gathered, by whom, and every field of its line, with the priority taken apart into
 * type preference | local preference | component (RFC 8445 §5.1.2.1). Columns that no row fills
 * are left out.
 */
public final class CandidateTable implements TableView {

    private record Column(String header, Function<Candidates.Entry, String> value) {}

    private static final List<Column> COLUMNS = List.of(
            new Column("time (ms)", e -> e.timed() ? String.format(Locale.ROOT, "%.1f", e.millis()) : ""),
            new Column("peer", Candidates.Entry::peer),
            new Column("mid", Candidates.Entry::mid),
            new Column("component", e -> e.candidate().component() == 1 ? "1 (RTP)" : e.candidate().component() == 2 ? "2 (RTCP)"
                    : String.valueOf(e.candidate().component())),
            new Column("type", e -> e.candidate().type()),
            new Column("foundation", e -> e.candidate().foundation()),
            new Column("protocol", e -> e.candidate().transport().toLowerCase(Locale.ROOT)),
            new Column("address", e -> e.candidate().address()),
            new Column("port", e -> String.valueOf(e.candidate().port())),
            new Column("priority", e -> String.valueOf(e.candidate().priority())),
            new Column("type | local | component", e -> e.candidate().typePreference() + " | " + e.candidate().localPreference()
                    + " | " + e.candidate().componentFromPriority()),
            new Column("related address", e -> e.candidate().relatedAddress() == null ? ""
                    : e.candidate().relatedAddress() + ":" + e.candidate().relatedPort()),
            new Column("tcptype", e -> str(e.candidate().tcpType())),
            new Column("ufrag", e -> str(e.candidate().ufrag())),
            new Column("generation", e -> str(e.candidate().generation())),
            new Column("network-id", e -> str(e.candidate().networkId())),
            new Column("network-cost", e -> str(e.candidate().networkCost())));

    private final List<String> headers = new ArrayList<>();
    private final List<List<String>> rows = new ArrayList<>();
    private final Table table;

    CandidateTable(Candidates candidates) {
        List<Column> used = COLUMNS.stream()
                .filter(c -> candidates.entries().stream().anyMatch(e -> !c.value().apply(e).isEmpty())).toList();
        used.forEach(c -> headers.add(c.header()));
        table = Table.of(headers.toArray(String[]::new))
                .title(candidates.size() + " ICE candidate" + (candidates.size() == 1 ? "" : "s") + " " + candidates.origin())
                .note("Priority = 2^24 × type preference + 2^8 × local preference + (256 − component) (RFC 8445 §5.1.2.1); "
                        + "host 126 > prflx 110 > srflx 100 > relay 0 is the RFC's recommendation.")
                .alignRight(used.stream().map(Column::header).filter(RIGHT::contains).toArray(String[]::new));
        for (Candidates.Entry e : candidates.entries()) {
            List<String> cells = used.stream().map(c -> c.value().apply(e)).toList();
            rows.add(cells);
            table.row(cells.toArray()).rowColor(Style.colorOf(e.peer()));
        }
    }

    private static final java.util.Set<String> RIGHT = java.util.Set.of("time (ms)", "port", "priority", "generation", "network-id", "network-cost");

    private static String str(Object o) {
        return o == null ? "" : o.toString();
    }

    /** The column headers shown. */
    public List<String> headers() {
        return List.copyOf(headers);
    }

    /** The cells, row by row, as shown. */
    public List<List<String>> rows() {
        return List.copyOf(rows);
    }

    @Override
    public Table table() {
        return table;
    }

    @Override
    public String toString() {
        return toText();
    }
}

package org.webrtcprimer.ice;

import org.webrtcprimer.notebook.TableView;
import org.webrtcprimer.notebook.Style;
import org.webrtcprimer.notebook.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Candidate pairs as a table: the selected pair first and highlighted, then by priority. */
public final class PairTable implements TableView {

    private final List<List<String>> rows = new ArrayList<>();
    private final Table table;

    PairTable(CandidatePairs pairs) {
        table = Table.of("", "state", "nominated", "local candidate", "remote candidate", "pair priority", "requests sent/recv",
                        "responses sent/recv", "bytes sent/recv", "RTT (ms)")
                .title(pairs.peer() + "'s candidate pairs (" + pairs.pairs().size() + ")"
                        + (pairs.iceRole().isEmpty() ? "" : " — " + pairs.iceRole() + " agent")
                        + (pairs.localUfrag().isEmpty() ? "" : ", local ufrag " + pairs.localUfrag()))
                .note("The controlling agent nominates one succeeded pair; media then flows on the selected pair (RFC 8445 §8.1). "
                        + "Pair priority = 2^32·min(G,D) + 2·max(G,D) + (G>D ? 1 : 0) (RFC 8445 §6.1.2.3).")
                .alignRight("pair priority", "requests sent/recv", "responses sent/recv", "bytes sent/recv", "RTT (ms)");
        for (CandidatePair p : pairs.pairs()) {
            List<String> cells = List.of(p.selected() ? "selected" : "", p.state(), p.nominated() ? "yes" : "",
                    CandidatePair.endpoint(p.local()), CandidatePair.endpoint(p.remote()), Long.toUnsignedString(p.priority()),
                    p.requestsSent() + " / " + p.requestsReceived(), p.responsesSent() + " / " + p.responsesReceived(),
                    p.bytesSent() + " / " + p.bytesReceived(),
                    Double.isNaN(p.currentRttMs()) ? "" : String.format(Locale.ROOT, "%.1f", p.currentRttMs()));
            rows.add(cells);
            Object[] shown = cells.toArray();
            if (p.selected()) shown[0] = Table.ok("selected");
            table.row(shown).rowColor(Style.colorOf(pairs.peer()));
        }
    }

    /** The cells, row by row. */
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

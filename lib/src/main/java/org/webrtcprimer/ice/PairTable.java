package org.webrtcprimer.ice;

import org.webrtcprimer.notebook.Renderable;
import org.webrtcprimer.notebook.Style;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Candidate pairs as a table: the selected pair first and highlighted, then by priority. */
public final class PairTable implements Renderable {

    private static final List<String> HEADERS = List.of("", "state", "nominated", "local candidate", "remote candidate",
            "pair priority", "requests sent/recv", "responses sent/recv", "bytes sent", "bytes received", "RTT (ms)");

    private final CandidatePairs pairs;
    private final List<TableHtml.Row> rows = new ArrayList<>();

    PairTable(CandidatePairs pairs) {
        this.pairs = pairs;
        for (CandidatePair p : pairs.pairs()) {
            rows.add(new TableHtml.Row(List.of(p.selected() ? "selected" : "", p.state(), p.nominated() ? "yes" : "",
                    CandidatePair.endpoint(p.local()), CandidatePair.endpoint(p.remote()), Long.toUnsignedString(p.priority()),
                    p.requestsSent() + " / " + p.requestsReceived(), p.responsesSent() + " / " + p.responsesReceived(),
                    String.valueOf(p.bytesSent()), String.valueOf(p.bytesReceived()),
                    Double.isNaN(p.currentRttMs()) ? "" : String.format(Locale.ROOT, "%.1f", p.currentRttMs())),
                    Style.colorOf(pairs.peer()), p.selected()));
        }
    }

    /** The cells, row by row. */
    public List<List<String>> rows() {
        return rows.stream().map(TableHtml.Row::cells).toList();
    }

    private String title() {
        return pairs.peer() + "'s candidate pairs (" + pairs.pairs().size() + ")"
                + (pairs.iceRole().isEmpty() ? "" : " — " + pairs.iceRole() + " agent")
                + (pairs.localUfrag().isEmpty() ? "" : ", local ufrag " + pairs.localUfrag());
    }

    private String caption() {
        return "The controlling agent nominates one succeeded pair; media then flows on the selected pair (RFC 8445 §8.1). "
                + "Pair priority = 2^32·min(G,D) + 2·max(G,D) + (G>D ? 1 : 0) (RFC 8445 §6.1.2.3).";
    }

    @Override
    public String toHtml() {
        return TableHtml.html(title(), HEADERS, rows, caption());
    }

    @Override
    public String toText() {
        return TableHtml.text(title(), HEADERS, rows, caption());
    }

    @Override
    public String toString() {
        return toText();
    }
}

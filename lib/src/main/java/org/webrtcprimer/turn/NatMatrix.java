package org.webrtcprimer.turn;

import org.webrtcprimer.notebook.Renderable;
import org.webrtcprimer.notebook.Table;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every pair of NAT kinds (pc1's × pc2's), measured: one call each without TURN and, when coturn
 * runs, one with it; each cell says whether it connected and over which candidate pair, beside what
 * RFC 4787's mapping and filtering behaviours predict ({@link NatRun#connectsWithoutTurn}).
 */
public final class NatMatrix implements Renderable {
    /** Cells that connected through a TURN relay candidate. */
    static final Color RELAYED = new Color(0xe6, 0x9f, 0x00);

    private final List<NatKind> kinds;
    private final List<NatRun> without;
    private final List<NatRun> with;
    private final boolean turnRan;

    NatMatrix(List<NatKind> kinds, List<NatRun> without, List<NatRun> with, boolean turnRan) {
        this.kinds = List.copyOf(kinds);
        this.without = List.copyOf(without);
        this.with = List.copyOf(with);
        this.turnRan = turnRan;
    }

    public List<NatKind> kinds() {
        return kinds;
    }

    /** Every run without TURN, pc1's kind major. */
    public List<NatRun> withoutTurn() {
        return without;
    }

    /** Every run with TURN (empty when coturn is missing). */
    public List<NatRun> withTurn() {
        return with;
    }

    /** The run of this pair without TURN (or with it), if the matrix has it. */
    public Optional<NatRun> run(NatKind pc1, NatKind pc2, boolean turn) {
        return (turn ? with : without).stream().filter(r -> r.pc1() == pc1 && r.pc2() == pc2).findFirst();
    }

    static boolean relayed(NatRun r) {
        return r.path().map(p -> p.localType().equals("relay") || p.remoteType().equals("relay")).orElse(false);
    }

    /** One table: rows pc1's NAT, columns pc2's NAT. */
    public Table table(boolean turn) {
        if (turn && !turnRan) return NatLab.missing();
        List<String> headers = new ArrayList<>();
        headers.add("pc1's NAT ↓ / pc2's NAT →");
        for (NatKind k : kinds) headers.add(k.label());
        Table t = Table.of(headers.toArray(String[]::new))
                .title(turn ? "With TURN (coturn, udp): the pair pc1 selected" : "Without TURN: did it connect, over which pair?");
        for (NatKind a : kinds) {
            List<Object> row = new ArrayList<>();
            row.add(a.label());
            for (NatKind b : kinds) {
                NatRun r = run(a, b, turn).orElse(null);
                if (r == null) {
                    row.add("–");
                } else if (r.connected()) {
                    String s = "✓ " + r.path().map(p -> p.localType() + " ↔ " + p.remoteType()).orElse("?")
                            + String.format(" · %.0f ms", r.connectMs());
                    row.add(relayed(r) ? Table.cell(s, RELAYED) : Table.ok(s));
                } else {
                    row.add(Table.fail("✗ no pair · " + r.natDrops() + " dropped"));
                }
            }
            t.row(row.toArray());
        }
        return t.note(sentence(turn));
    }

    /** The sentence under a table, computed from the runs. */
    public String sentence(boolean turn) {
        List<NatRun> runs = turn ? with : without;
        long ok = runs.stream().filter(NatRun::connected).count();
        List<String> failed = runs.stream().filter(r -> !r.connected()).map(r -> r.pc1() + " ↔ " + r.pc2()).toList();
        if (!turn) {
            List<String> predicted = runs.stream().filter(r -> !NatRun.connectsWithoutTurn(r.pc1(), r.pc2())).map(r -> r.pc1() + " ↔ " + r.pc2()).toList();
            long agree = runs.stream().filter(r -> r.connected() == NatRun.connectsWithoutTurn(r.pc1(), r.pc2())).count();
            return ok + " of " + runs.size() + " pairs connected without TURN"
                    + (failed.isEmpty() ? "" : "; these did not: " + String.join(", ", failed)) + ". RFC 4787's behaviours predict "
                    + (predicted.isEmpty() ? "that every pair connects" : "failure for " + String.join(", ", predicted))
                    + " — " + (agree == runs.size() ? "every cell agrees" : (runs.size() - agree) + " cells disagree") + ".";
        }
        long relayed = runs.stream().filter(NatMatrix::relayed).count();
        List<String> needed = runs.stream().filter(r -> !NatRun.connectsWithoutTurn(r.pc1(), r.pc2()))
                .map(r -> r.pc1() + " ↔ " + r.pc2() + (relayed(r) ? " (via relay)" : r.connected() ? " (NOT via relay)" : " (failed)")).toList();
        return ok + " of " + runs.size() + " pairs connected with TURN; " + relayed + " went through a relay candidate (amber)"
                + (needed.isEmpty() ? "" : ", among them the pairs that cannot connect directly: " + String.join(", ", needed))
                + ". Where a direct pair works the engine keeps it: host, prflx and srflx candidates all outrank relay ones (RFC 8445 §5.1.2.2).";
    }

    @Override
    public String toHtml() {
        return table(false).toHtml() + table(true).toHtml();
    }

    @Override
    public String toText() {
        return table(false).toText() + "\n" + table(true).toText();
    }

    @Override
    public String toString() {
        return toText();
    }
}

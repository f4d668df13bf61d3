package org.webrtcprimer.setup;

import org.webrtcprimer.notebook.TableView;
import org.webrtcprimer.notebook.Table;

import java.util.List;

/** Lesson 00's table: one row per requirement, green when usable, red with the fix when not. */
public record SetupReport(List<CheckResult> rows) implements TableView {

    /** Runs every check (see {@link SetupCheck}). */
    public static SetupReport run(java.util.function.Supplier<String> kernel) {
        return new SetupReport(SetupCheck.run(kernel));
    }

    /** Whether every row is green. */
    public boolean allOk() {
        return rows.stream().allMatch(CheckResult::ok);
    }

    @Override
    public Table table() {
        // The fix column only matters when something is red.
        Table t = (allOk() ? Table.of("", "item", "found") : Table.of("", "item", "found", "fix")).title("Setup check — " + (allOk() ? "everything the lessons need is here"
                : rows.stream().filter(r -> !r.ok()).count() + " thing(s) to fix"));
        for (CheckResult r : rows) {
            if (allOk()) t.row(Table.ok("✓"), r.item(), r.found());
            else t.row(r.ok() ? Table.ok("✓") : Table.fail("✗"), r.item(), r.found(), r.fix());
        }
        return t.note(allOk() ? "All green: every lesson will run here." : "Fix the red rows from top to bottom, then run this cell again.");
    }

    @Override
    public String toString() {
        return toText();
    }
}

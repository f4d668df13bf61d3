package org.webrtcprimer.timing;

import org.webrtcprimer.events.Event;
import org.webrtcprimer.notebook.TableView;
import org.webrtcprimer.notebook.Table;

import java.util.List;
import java.util.OptionalDouble;

/** Two calls' milestones side by side, in ms after each call's "Starting call". */
public record MilestoneTable(String firstName, String secondName, List<Milestones.Row> rows) implements TableView {

    /** Lines two logs up step by step. */
    public static MilestoneTable compare(String firstName, List<Event> first, String secondName, List<Event> second) {
        return new MilestoneTable(firstName, secondName, Milestones.compare(first, second));
    }

    private static Object ms(OptionalDouble d) {
        return d.isPresent() ? (Object) d.getAsDouble() : "—";
    }

    @Override
    public Table table() {
        Table t = Table.of("step", firstName + " (ms)", secondName + " (ms)").title("The same call, two engines: ms after 'Starting call'");
        for (Milestones.Row r : rows) t.row(r.label(), ms(r.first()), ms(r.second()));
        return t.format(firstName + " (ms)", "%.1f").format(secondName + " (ms)", "%.1f")
                .note("A dash means that log has no such line: the article's page did not log the first remote frame, "
                        + "only its size change.");
    }

    @Override
    public String toString() {
        return toText();
    }
}

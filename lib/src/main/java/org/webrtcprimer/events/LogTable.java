package org.webrtcprimer.events;

import org.webrtcprimer.notebook.Renderable;
import org.webrtcprimer.notebook.Table;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The event log as a table: time on the kit's clock (the article's {@code [72.743]}), ms since the
 * call started, the peer (row in its colour), and the message — what the article's page printed
 * with {@code weblog}, made readable.
 */
public final class LogTable implements Renderable {

    private final List<Event> events;
    private final String title;
    private final Set<Event.Kind> hidden;

    private LogTable(List<Event> events, String title, Set<Event.Kind> hidden) {
        this.events = events;
        this.title = title;
        this.hidden = hidden;
    }

    /** Every event of the log. */
    public static LogTable of(EventLog log) {
        return of(log.events(), "Event log");
    }

    /** Every event of a list (e.g. a log read from a file). */
    public static LogTable of(List<Event> events, String title) {
        return new LogTable(List.copyOf(events), title, EnumSet.noneOf(Event.Kind.class));
    }

    /** The same table without some kinds of event, e.g. {@code without(Event.Kind.CANDIDATE)} to shorten it. */
    public LogTable without(Event.Kind... kinds) {
        Set<Event.Kind> h = EnumSet.copyOf(hidden.isEmpty() ? EnumSet.noneOf(Event.Kind.class) : hidden);
        h.addAll(List.of(kinds));
        return new LogTable(events, title, h);
    }

    /** The events the table shows. */
    public List<Event> events() {
        return events.stream().filter(e -> !hidden.contains(e.kind())).toList();
    }

    private Table table() {
        List<Event> shown = events();
        long start = shown.isEmpty() ? 0 : shown.get(0).nanos();
        Table t = Table.of("time", "ms", "peer", "event")
                .title(title + " — " + shown.size() + " events" + (hidden.isEmpty() ? "" : " (" + (events.size() - shown.size()) + " hidden)"))
                .format("ms", "%.1f")
                .colorRowsBy("peer");
        for (Event e : shown) {
            String message = e.message();
            String who = e.source();
            // The message already names the peer; the column lets the eye follow one peer down the table.
            if (message.startsWith(who + " ")) message = message.substring(who.length() + 1);
            t.row(KitClock.stamp(e.nanos()), (e.nanos() - start) / 1e6, who.equals("call") ? "" : who, message);
        }
        return t.note("Time is seconds on the kit's clock, like the article's [72.743]; ms counts from the first row. "
                + "Rows are coloured by peer: pc1 blue, pc2 orange.");
    }

    @Override
    public String toHtml() {
        return table().toHtml();
    }

    @Override
    public String toText() {
        StringBuilder sb = new StringBuilder();
        for (Event e : events()) sb.append(e).append('\n');
        return sb.toString();
    }

    @Override
    public String toString() {
        return toText();
    }
}

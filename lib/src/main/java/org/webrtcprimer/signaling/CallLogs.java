package org.webrtcprimer.signaling;

import org.webrtcprimer.events.Event;
import org.webrtcprimer.events.EventLog;
import org.webrtcprimer.notebook.Renderable;
import org.webrtcprimer.notebook.Style;
import org.webrtcprimer.notebook.Table;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The two sides of a call between processes, side by side on one clock: this process's log in
 * the left column, the other's in the right, the other's times moved onto ours with a
 * {@link ClockOffset}. Times are ms after this side's first event ("Starting call").
 *
 * @param here      this side's events, on this process's clock
 * @param there     the other side's events, moved onto this process's clock
 * @param offset    how the other side's times were moved
 * @param hereName  the left column's title, e.g. {@code pc1 — this kernel}
 * @param thereName the right column's title, e.g. {@code pc2 — callee process}
 */
public record CallLogs(List<Event> here, List<Event> there, ClockOffset offset, String hereName, String thereName)
        implements Renderable {

    /** One row: an event of either side, at its time on this side's clock. */
    public record Row(double millis, boolean here, Event event) {}

    public CallLogs {
        here = List.copyOf(here);
        there = List.copyOf(there);
    }

    /**
     * Lays out both logs of a call: this side's log as it is, the other side's (on its own clock,
     * as {@link RemoteCall#remoteLog()} returns it) moved by the offset.
     */
    public static CallLogs of(EventLog here, List<Event> there, ClockOffset offset) {
        if (here == null || there == null) throw new IllegalArgumentException("CallLogs.of needs both logs — call.log() and call.remoteLog()");
        ClockOffset o = offset == null ? ClockOffset.zero() : offset;
        List<Event> moved = there.stream()
                .map(e -> new Event(o.toLocal(e.nanos()), e.source(), e.kind(), e.name(), e.detail())).toList();
        return new CallLogs(here.events(), moved, o, "pc1 — this process", "pc2 — the other process");
    }

    /** The same with other column titles. */
    public CallLogs titled(String hereTitle, String thereTitle) {
        return new CallLogs(here, there, offset, hereTitle, thereTitle);
    }

    /** Only the events that match, on both sides — e.g. {@code only(e -> e.kind() != Event.Kind.CANDIDATE)}. */
    public CallLogs only(java.util.function.Predicate<Event> which) {
        return new CallLogs(here.stream().filter(which).toList(), there.stream().filter(which).toList(), offset, hereName, thereName);
    }

    /**
     * Without the candidate traffic — candidates gathered, sent, received and added — which is
     * most of a call's lines: the JSEP steps, the descriptions' trip and the states remain.
     */
    public CallLogs withoutCandidates() {
        return only(e -> !isCandidateTraffic(e));
    }

    static boolean isCandidateTraffic(Event e) {
        return e.kind() == Event.Kind.CANDIDATE || e.name().startsWith("addIceCandidate")
                || e.source().equals(SignalingServer.SOURCE)
                && (e.name().endsWith(" sent " + Protocol.CANDIDATE) || e.name().endsWith(" received " + Protocol.CANDIDATE));
    }

    /** Both sides in one log on this side's clock — for the analyses that read one log (SetupTime, Milestones). */
    public EventLog merged() {
        EventLog log = new EventLog();
        here.forEach(log::add);
        there.forEach(log::add);
        return log;
    }

    /** Every event of both sides in time order. */
    public List<Row> rows() {
        long start = origin();
        List<Row> rows = new ArrayList<>();
        for (Event e : here) rows.add(new Row((e.nanos() - start) / 1e6, true, e));
        for (Event e : there) rows.add(new Row((e.nanos() - start) / 1e6, false, e));
        rows.sort(Comparator.comparingDouble(Row::millis));
        return rows;
    }

    private long origin() {
        return here.isEmpty() ? there.isEmpty() ? 0 : there.get(0).nanos() : here.get(0).nanos();
    }

    /** The first event of this kind and name on the given side, in ms after this side's start, or NaN. */
    public double millisOf(boolean onThisSide, java.util.function.Predicate<Event> which) {
        long start = origin();
        return (onThisSide ? here : there).stream().filter(which).mapToDouble(e -> (e.nanos() - start) / 1e6)
                .findFirst().orElse(Double.NaN);
    }

    @Override
    public String toText() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%10s  %-58s  %s%n", "ms", hereName, thereName));
        for (Row r : rows()) {
            String msg = r.event().message();
            if (msg.length() > 58) msg = msg.substring(0, 57) + "…";
            sb.append(String.format("%10.1f  %-58s  %s%n", r.millis(), r.here() ? msg : "", r.here() ? "" : msg));
        }
        sb.append("Clock alignment: ").append(offset).append('\n');
        return sb.toString();
    }

    /** The logs as the kit's table: one row per event, in the column of its process, in its peer's colour. */
    public Table table() {
        Table t = Table.of("ms", hereName, thereName)
                .title("Both sides of the call on one clock — " + here.size() + " + " + there.size() + " events")
                .format("ms", "%.1f")
                .note("Times are ms after " + hereName + "'s first event; the other side's were moved by the clock "
                        + "offset: " + offset + ".");
        for (Row r : rows()) {
            Table.Cell cell = Table.cell(r.event().message(), Style.colorOf(r.event().source()));
            t.row(r.millis(), r.here() ? cell : "", r.here() ? "" : cell).rowColor(Style.colorOf(r.event().source()));
        }
        return t;
    }

    @Override
    public String toHtml() {
        return table().toHtml();
    }

    @Override
    public String toString() {
        return toText();
    }
}

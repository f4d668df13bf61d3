package org.webrtcprimer.events;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The state machines of each peer over time, read from a call's event log: signaling, ICE
 * gathering, ICE connection, peer connection and DTLS transport (W3C webrtc-pc §4.3, §5.5, §5.6).
 *
 * <p>Each machine starts in its initial state when the peer is made (stable for signaling, new for
 * the others); the engine only reports changes, so the timeline puts that first state in itself
 * and marks it {@code implied}.
 *
 * <pre>{@code
 * var states = StateTimeline.of(call.log());
 * states.chain("pc1", Event.ICE_CONNECTION)   // "new → checking → connected → completed"
 * show(Swimlanes.of(states));                // the chart (package charts)
 * }</pre>
 */
public final class StateTimeline {

    /** The machines in the order lanes are drawn. */
    public static final List<String> MACHINES = List.of(Event.SIGNALING, Event.ICE_GATHERING, Event.ICE_CONNECTION,
            Event.CONNECTION, Event.DTLS);

    /**
     * One state change.
     *
     * @param peer    pc1 or pc2
     * @param machine the W3C attribute, e.g. {@code iceConnectionState}
     * @param state   the W3C value, e.g. {@code checking}
     * @param millis  ms after the call started
     * @param implied true for a machine's initial state, which the engine does not report
     */
    public record Change(String peer, String machine, String state, double millis, boolean implied) {}

    /**
     * A stretch of time a machine spent in one state.
     *
     * @param startMs ms after the call started
     * @param endMs   when the next state began, or the end of the log
     */
    public record Segment(String peer, String machine, String state, double startMs, double endMs, boolean implied) {
        public double durationMs() {
            return endMs - startMs;
        }
    }

    private final List<Change> changes;
    private final List<String> peers;
    private final double endMs;

    private StateTimeline(List<Change> changes, List<String> peers, double endMs) {
        this.changes = List.copyOf(changes);
        this.peers = List.copyOf(peers);
        this.endMs = endMs;
    }

    /** The states in a call's log. */
    public static StateTimeline of(EventLog log) {
        if (log == null) throw new IllegalArgumentException("no event log — pass call.log()");
        return of(log.events());
    }

    /** The states in a list of events (a live log's copy, or one read back from a file). */
    public static StateTimeline of(List<Event> events) {
        if (events == null) throw new IllegalArgumentException("no events");
        long t0 = callStart(events);
        Set<String> peers = new LinkedHashSet<>();
        for (Event e : events) if (e.kind() == Event.Kind.STATE && MACHINES.contains(e.name())) peers.add(e.source());
        List<String> ordered = peers.stream().sorted().toList();
        List<Change> out = new ArrayList<>();
        for (String p : ordered) {
            for (String m : MACHINES) {
                List<Event> mine = events.stream()
                        .filter(e -> e.kind() == Event.Kind.STATE && e.source().equals(p) && e.name().equals(m)).toList();
                String initial = initial(m);
                if (mine.isEmpty() || !mine.get(0).detail().equals(initial)) {
                    out.add(new Change(p, m, initial, 0, true));
                }
                String last = null;
                for (Event e : mine) {
                    if (e.detail().equals(last)) continue; // a repeated report is no change
                    out.add(new Change(p, m, e.detail(), Math.max(0, (e.nanos() - t0) / 1e6), false));
                    last = e.detail();
                }
            }
        }
        double end = events.isEmpty() ? 0 : (events.get(events.size() - 1).nanos() - t0) / 1e6;
        return new StateTimeline(out, ordered, Math.max(0, end));
    }

    /** The W3C initial value of a machine: {@code stable} for signaling, {@code new} for the others. */
    public static String initial(String machine) {
        return Event.SIGNALING.equals(machine) ? "stable" : "new";
    }

    /**
     * When the call started on the kit's clock: its "Starting call" note, or the first event when
     * a log has none. Every time in the kit's tables and charts counts from here.
     */
    public static long callStart(List<Event> events) {
        return events.stream().filter(e -> e.kind() == Event.Kind.NOTE && e.name().equals("Starting call"))
                .mapToLong(Event::nanos).findFirst()
                .orElse(events.isEmpty() ? 0 : events.get(0).nanos());
    }

    /** The peers whose states were logged, sorted (pc1, pc2). */
    public List<String> peers() {
        return peers;
    }

    /** Every change, peer by peer and machine by machine. */
    public List<Change> changes() {
        return changes;
    }

    /** The changes of one machine of one peer, in order, the implied initial state first. */
    public List<Change> changes(String peer, String machine) {
        return changes.stream().filter(c -> c.peer().equals(peer) && c.machine().equals(machine)).toList();
    }

    /** The states one machine went through: e.g. {@code [new, checking, connected, completed]}. */
    public List<String> states(String peer, String machine) {
        return changes(peer, machine).stream().map(Change::state).toList();
    }

    /** The compact chain, e.g. {@code new → checking → connected → completed}. */
    public String chain(String peer, String machine) {
        return String.join(" → ", states(peer, machine));
    }

    /** When a machine first reached a state, in ms after the call started, or NaN if it never did. */
    public double when(String peer, String machine, String state) {
        return changes(peer, machine).stream().filter(c -> c.state().equals(state)).mapToDouble(Change::millis)
                .findFirst().orElse(Double.NaN);
    }

    /** The time the log ends, in ms after the call started. */
    public double endMs() {
        return endMs;
    }

    /** The stretches of time, each state until the next (the last until the end of the log). */
    public List<Segment> segments() {
        List<Segment> out = new ArrayList<>();
        for (String p : peers) {
            for (String m : MACHINES) {
                List<Change> cs = changes(p, m);
                for (int i = 0; i < cs.size(); i++) {
                    Change c = cs.get(i);
                    double end = i + 1 < cs.size() ? cs.get(i + 1).millis() : Math.max(endMs, c.millis());
                    out.add(new Segment(p, m, c.state(), c.millis(), end, c.implied()));
                }
            }
        }
        return out;
    }

    /** Every chain, one line per peer and machine, with the time each state began. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        for (String p : peers) {
            for (String m : MACHINES) {
                b.append(String.format(Locale.ROOT, "%-4s %-20s ", p, Event.stateLabel(m)));
                b.append(changes(p, m).stream().map(c -> c.implied() ? c.state()
                        : c.state() + String.format(Locale.ROOT, " (%.1f ms)", c.millis())).collect(Collectors.joining(" → ")));
                b.append('\n');
            }
        }
        return b.toString();
    }
}

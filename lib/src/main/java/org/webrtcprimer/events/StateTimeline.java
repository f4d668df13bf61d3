package org.webrtcprimer.events;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * <p>Two corrections make the lanes tell what happened rather than when Java heard of it:
 * <ul>
 * <li>libwebrtc reports ICE connection and peer connection states through its signaling thread,
 *     so they reach the application only when that thread is free — while it runs a
 *     {@code setRemoteDescription}, say — whereas DTLS states come straight from the network
 *     thread. DTLS can only connect over a pair ICE has found working, so an ICE
 *     {@code checking} or {@code connected} reported after the peer's DTLS {@code connected} is
 *     drawn at that moment; {@link Change#reportedMs()} keeps when it was reported.</li>
 * <li>{@code close()} ends every machine (W3C webrtc-pc, the close the connection algorithm: the DTLS
 *     transports become {@code closed}; ICE gathering has no closed state and simply stops), but
 *     the engine reports only some of it. From the moment a peer's signaling or connection state is
 *     {@code closed}, its timeline adds an implied {@code closed} for DTLS and ends every lane.</li>
 * </ul>
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
     * @param implied true for a state the engine does not report (a machine's initial state, DTLS
     *                closed at close())
     * @param reportedMs when the engine reported it, ms after the call started (NaN when implied);
     *                   differs from {@code millis} when the timeline moved it earlier (see above)
     */
    public record Change(String peer, String machine, String state, double millis, boolean implied, double reportedMs) {
        /** A change drawn when it was reported. */
        public Change(String peer, String machine, String state, double millis, boolean implied) {
            this(peer, machine, state, millis, implied, implied ? Double.NaN : millis);
        }

        /** True when the timeline drew this change earlier than the engine reported it. */
        public boolean moved() {
            return !Double.isNaN(reportedMs) && reportedMs > millis;
        }
    }

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
    private final Map<String, Double> closedMs;

    private StateTimeline(List<Change> changes, List<String> peers, double endMs, Map<String, Double> closedMs) {
        this.changes = List.copyOf(changes);
        this.peers = List.copyOf(peers);
        this.endMs = endMs;
        this.closedMs = Map.copyOf(closedMs);
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
        Map<String, Double> closed = new LinkedHashMap<>();
        for (String p : ordered) {
            List<Change> peerChanges = new ArrayList<>();
            for (String m : MACHINES) {
                List<Event> mine = events.stream()
                        .filter(e -> e.kind() == Event.Kind.STATE && e.source().equals(p) && e.name().equals(m)).toList();
                String initial = initial(m);
                if (mine.isEmpty() || !mine.get(0).detail().equals(initial)) {
                    peerChanges.add(new Change(p, m, initial, 0, true));
                }
                String last = null;
                for (Event e : mine) {
                    if (e.detail().equals(last)) continue; // a repeated report is no change
                    peerChanges.add(new Change(p, m, e.detail(), Math.max(0, (e.nanos() - t0) / 1e6), false));
                    last = e.detail();
                }
            }
            double close = peerChanges.stream()
                    .filter(c -> !c.implied() && c.state().equals("closed")
                            && (c.machine().equals(Event.SIGNALING) || c.machine().equals(Event.CONNECTION)))
                    .mapToDouble(Change::millis).min().orElse(Double.NaN);
            if (!Double.isNaN(close)) closed.put(p, close);
            out.addAll(corrected(p, peerChanges, close));
        }
        double end = events.isEmpty() ? 0 : (events.get(events.size() - 1).nanos() - t0) / 1e6;
        return new StateTimeline(out, ordered, Math.max(0, end), closed);
    }

    /** The two corrections described in the class comment, for one peer's changes. */
    private static List<Change> corrected(String peer, List<Change> in, double close) {
        double dtlsConnected = in.stream().filter(c -> c.machine().equals(Event.DTLS) && !c.implied() && c.state().equals("connected"))
                .mapToDouble(Change::millis).min().orElse(Double.NaN);
        List<Change> out = new ArrayList<>();
        for (Change c : in) {
            if (!Double.isNaN(dtlsConnected) && c.machine().equals(Event.ICE_CONNECTION) && !c.implied()
                    && (c.state().equals("checking") || c.state().equals("connected")) && c.millis() > dtlsConnected) {
                out.add(new Change(peer, c.machine(), c.state(), dtlsConnected, false, c.millis()));
            } else {
                out.add(c);
            }
        }
        if (!Double.isNaN(close)) {
            List<Change> dtls = out.stream().filter(c -> c.machine().equals(Event.DTLS)).toList();
            Change lastDtls = dtls.isEmpty() ? null : dtls.get(dtls.size() - 1);
            if (lastDtls != null && !lastDtls.state().equals("closed") && lastDtls.millis() <= close) {
                int at = out.indexOf(lastDtls) + 1;
                out.add(at, new Change(peer, Event.DTLS, "closed", close, true));
            }
        }
        return out;
    }

    /** When a peer was closed (its signaling or connection state became closed), in ms after the call started, or NaN. */
    public double closedMs(String peer) {
        return closedMs.getOrDefault(peer, Double.NaN);
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

    /**
     * The stretches of time, each state until the next; the last one until the peer was closed, or
     * the end of the log. A closed peer has no stretch after its close: its lanes end there.
     */
    public List<Segment> segments() {
        List<Segment> out = new ArrayList<>();
        for (String p : peers) {
            double close = closedMs(p);
            for (String m : MACHINES) {
                List<Change> cs = changes(p, m);
                for (int i = 0; i < cs.size(); i++) {
                    Change c = cs.get(i);
                    if (!Double.isNaN(close) && c.millis() >= close) break; // closed: the lane ends here
                    double end = i + 1 < cs.size() ? cs.get(i + 1).millis() : Math.max(endMs, c.millis());
                    if (!Double.isNaN(close)) end = Math.min(end, close);
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
                        : c.state() + (c.moved() ? String.format(Locale.ROOT, " (%.1f ms, reported at %.1f ms)", c.millis(), c.reportedMs())
                        : String.format(Locale.ROOT, " (%.1f ms)", c.millis()))).collect(Collectors.joining(" → ")));
                b.append('\n');
            }
        }
        return b.toString();
    }
}

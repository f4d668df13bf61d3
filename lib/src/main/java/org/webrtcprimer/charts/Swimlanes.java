package org.webrtcprimer.charts;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.webrtcprimer.events.Event;
import org.webrtcprimer.events.EventLog;
import org.webrtcprimer.events.StateTimeline;
import org.webrtcprimer.notebook.Style;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The state machines of pc1 and pc2 as swimlanes: one lane per peer and machine (signaling, ICE
 * gathering, ICE connection, connection, DTLS), time in ms after {@code call()} on x, each state a
 * labelled bar in the peer's colour — lighter while it waits, full once it is through, red when
 * it failed.
 *
 * <pre>{@code
 * show(Swimlanes.of(call.log()));
 * }</pre>
 */
public final class Swimlanes {
    private Swimlanes() {}

    private static final Color WARN = new Color(0xe0, 0xa0, 0x00);
    private static final Color CLOSED = new Color(0xcc, 0xcc, 0xcc);

    /** The swimlanes of a call, with the first remote frame marked. */
    public static Chart of(EventLog log) {
        if (log == null) throw new IllegalArgumentException("no event log — pass call.log()");
        return of(log.events());
    }

    /**
     * The swimlanes of a call from a time on, e.g. from just before an ICE restart: a long call
     * drawn whole squeezes a late change into a sliver. Each lane starts in the state it was in then.
     *
     * @param fromMs ms after call(), at least 0
     */
    public static Chart from(EventLog log, double fromMs) {
        if (log == null) throw new IllegalArgumentException("no event log — pass call.log()");
        return from(log.events(), fromMs);
    }

    /** {@link #from(EventLog, double)} for a list of events. */
    public static Chart from(List<Event> events, double fromMs) {
        if (Double.isNaN(fromMs) || fromMs < 0) {
            throw new IllegalArgumentException("fromMs must be a time in ms after call(), 0 or more; got " + fromMs);
        }
        StateTimeline t = StateTimeline.of(events);
        if (fromMs >= t.endMs()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "the log ends at %.1f ms, so there is nothing to draw from %.1f ms on",
                    t.endMs(), fromMs));
        }
        return draw(t, marks(events).stream().filter(m -> m.at() >= fromMs).toList(), fromMs);
    }

    /** The swimlanes of a list of events (a call's log, or one read back from a file). */
    public static Chart of(List<Event> events) {
        return draw(StateTimeline.of(events), marks(events), 0);
    }

    private static List<LaneChart.Mark> marks(List<Event> events) {
        long t0 = StateTimeline.callStart(events);
        List<LaneChart.Mark> marks = new ArrayList<>();
        events.stream().filter(e -> e.kind() == Event.Kind.MEDIA && e.name().equals(Event.FIRST_FRAME)).findFirst()
                .ifPresent(e -> marks.add(new LaneChart.Mark((e.nanos() - t0) / 1e6, "first remote frame", Style.SIGNALING)));
        events.stream().filter(e -> e.kind() == Event.Kind.NOTE && e.name().equals("ICE restart"))
                .forEach(e -> marks.add(new LaneChart.Mark((e.nanos() - t0) / 1e6, "ICE restart", Style.FAIL)));
        events.stream().filter(e -> e.kind() == Event.Kind.NOTE && e.name().equals(Event.TIMED_OUT)).findFirst()
                .ifPresent(e -> marks.add(new LaneChart.Mark((e.nanos() - t0) / 1e6, "timed out", Style.FAIL)));
        events.stream().filter(e -> e.kind() == Event.Kind.NOTE && e.name().equals("Ending call")).findFirst()
                .ifPresent(e -> marks.add(new LaneChart.Mark((e.nanos() - t0) / 1e6, "hangup()", Style.SIGNALING)));
        return marks;
    }

    /** The swimlanes of a timeline. */
    public static Chart of(StateTimeline timeline) {
        if (timeline == null) throw new IllegalArgumentException("no timeline — pass StateTimeline.of(call.log())");
        return draw(timeline, List.of(), 0);
    }

    private static Chart draw(StateTimeline t, List<LaneChart.Mark> marks, double fromMs) {
        if (t.peers().isEmpty()) {
            throw new IllegalArgumentException("the log has no state changes to draw — run a call first (its log records every state change)");
        }
        List<String> lanes = new ArrayList<>();
        List<LaneChart.Bar> bars = new ArrayList<>();
        for (String p : t.peers()) {
            for (String m : StateTimeline.MACHINES) {
                int lane = lanes.size();
                lanes.add(p + " · " + short_(m));
                for (StateTimeline.Segment s : t.segments()) {
                    if (!s.peer().equals(p) || !s.machine().equals(m)) continue;
                    if (s.endMs() < fromMs || s.endMs() == fromMs && s.startMs() < fromMs) continue; // over before the window
                    Color fill = fill(p, m, s.state(), s.implied());
                    bars.add(new LaneChart.Bar(lane, -1, Math.max(fromMs, s.startMs()), s.endMs(), fill, Color.WHITE, s.state()));
                }
            }
        }
        LegendItemCollection legend = new LegendItemCollection();
        for (String p : t.peers()) legend.add(LaneChart.legend(p, Style.colorOf(p)));
        legend.add(LaneChart.legend("waiting (lighter)", LaneChart.lighter(Style.SIGNALING, 0.6)));
        legend.add(LaneChart.legend("failed", Style.FAIL));
        String title = "States of " + String.join(" and ", t.peers()) + " over time"
                + (fromMs > 0 ? String.format(Locale.ROOT, ", from %.1f ms on", fromMs) : "");
        JFreeChart chart = LaneChart.build(title, "ms after call()", lanes, bars, marks, legend, LaneChart.Overflow.ABOVE, fromMs);
        Charts.subtitle(chart, "one lane per peer and state machine (W3C webrtc-pc); each bar is one state, from when it began"
                + (fromMs > 0 ? " (or from the window's start)" : ""));
        return Charts.draw(chart, Charts.WIDTH, 130 + 34 * lanes.size(), caption(t));
    }

    private static String short_(String machine) {
        return switch (machine) {
            case Event.SIGNALING -> "signaling";
            case Event.ICE_GATHERING -> "ICE gathering";
            case Event.ICE_CONNECTION -> "ICE connection";
            case Event.CONNECTION -> "connection";
            case Event.DTLS -> "DTLS";
            default -> machine;
        };
    }

    /** How far along a state is, 0 (just begun) to 1 (through): the bar's shade. */
    static Color fill(String peer, String machine, String state, boolean implied) {
        Color c = Style.colorOf(peer);
        return switch (state) {
            case "failed" -> Style.FAIL;
            case "disconnected" -> WARN;
            case "closed" -> CLOSED;
            case "new" -> LaneChart.lighter(c, 0.82);
            case "stable" -> implied ? LaneChart.lighter(c, 0.82) : c;
            case "have-local-offer", "have-remote-offer", "have-local-pranswer", "have-remote-pranswer",
                 "gathering", "checking", "connecting" -> LaneChart.lighter(c, 0.5);
            case "connected" -> Event.ICE_CONNECTION.equals(machine) ? LaneChart.lighter(c, 0.2) : c;
            default -> c; // complete, completed
        };
    }

    private static String caption(StateTimeline t) {
        StringBuilder b = new StringBuilder();
        for (String p : t.peers()) {
            double ice = t.when(p, Event.ICE_CONNECTION, "connected"), conn = t.when(p, Event.CONNECTION, "connected");
            double failed = t.when(p, Event.CONNECTION, "failed");
            if (b.length() > 0) b.append(' ');
            if (!Double.isNaN(failed)) {
                b.append(String.format(Locale.ROOT, "%s's connection failed at %.1f ms (ICE: %s; DTLS: %s).", p, failed,
                        last(t, p, Event.ICE_CONNECTION), last(t, p, Event.DTLS)));
            } else if (!Double.isNaN(conn)) {
                b.append(String.format(Locale.ROOT, "%s: ICE connected at %.1f ms, connection (ICE + DTLS) at %.1f ms.", p, ice, conn));
            } else {
                b.append(String.format(Locale.ROOT, "%s never connected: it ended in ICE '%s', connection '%s'.", p,
                        last(t, p, Event.ICE_CONNECTION), last(t, p, Event.CONNECTION)));
            }
        }
        boolean moved = t.changes().stream().anyMatch(StateTimeline.Change::moved);
        return b + " Signaling runs first; ICE checks start once a peer has both descriptions and a candidate of the other."
                + (moved ? " Some ICE states reached Java after the peer's DTLS had connected (libwebrtc reports them through "
                + "its signaling thread, which was busy); they are drawn where DTLS shows they must have happened — "
                + "states(call) lists when each was reported." : "");
    }

    private static String last(StateTimeline t, String peer, String machine) {
        List<String> s = t.states(peer, machine);
        return s.isEmpty() ? "?" : s.get(s.size() - 1);
    }
}

package org.webrtcprimer.call;

import org.webrtcprimer.events.Event;
import org.webrtcprimer.events.EventLog;
import org.webrtcprimer.notebook.Html;
import org.webrtcprimer.notebook.Renderable;

import java.util.List;
import java.util.OptionalDouble;

/**
 * How long a call took to set up, read from its event log.
 *
 * <p>The article's definition: from {@code call()} to the first remote video frame (its page uses
 * the remote {@code <video>} element's first resize). The kit also reports {@code call()} → both
 * peers connected (ICE and DTLS done), which is what the network part costs.
 *
 * @param startNanos      when the call started (the "Starting call" note), kit clock
 * @param connectedNanos  when the second peer reached connectionState "connected", or -1
 * @param firstFrameNanos when pc2 got its first remote video frame, or -1
 * @param peer            null for a call whose log holds both peers; for one side of a call between
 *                        processes, that side's peer ({@code pc1}): then "connected" and the first
 *                        frame are that peer's own
 */
public record SetupTime(long startNanos, long connectedNanos, long firstFrameNanos, String peer) implements Renderable {

    /** The setup time of a call whose log holds both peers. */
    public SetupTime(long startNanos, long connectedNanos, long firstFrameNanos) {
        this(startNanos, connectedNanos, firstFrameNanos, null);
    }

    /** The note every call starts with. */
    public static final String START_NOTE = "Starting call";

    /** Reads the times from a call's log. */
    public static SetupTime of(EventLog log) {
        List<Event> events = log.events();
        long start = events.stream().filter(e -> e.kind() == Event.Kind.NOTE && e.name().equals(START_NOTE))
                .mapToLong(Event::nanos).findFirst().orElse(-1);
        long c1 = firstState(events, "pc1"), c2 = firstState(events, "pc2");
        long connected = c1 < 0 || c2 < 0 ? -1 : Math.max(c1, c2);
        long frame = events.stream().filter(e -> e.kind() == Event.Kind.MEDIA && e.name().equals(Event.FIRST_FRAME)
                        && e.source().equals("pc2")).mapToLong(Event::nanos).findFirst().orElse(-1);
        return new SetupTime(start, connected, frame);
    }

    private static long firstState(List<Event> events, String peer) {
        return events.stream().filter(e -> e.source().equals(peer) && e.isState(Event.CONNECTION, "connected"))
                .mapToLong(Event::nanos).findFirst().orElse(-1);
    }

    /** {@code call()} → both peers connected, in ms; empty if they have not connected. */
    public OptionalDouble toConnectedMillis() {
        return startNanos < 0 || connectedNanos < 0 ? OptionalDouble.empty()
                : OptionalDouble.of((connectedNanos - startNanos) / 1e6);
    }

    /** {@code call()} → first remote video frame at pc2, in ms — the article's setup time. */
    public OptionalDouble toFirstFrameMillis() {
        return startNanos < 0 || firstFrameNanos < 0 ? OptionalDouble.empty()
                : OptionalDouble.of((firstFrameNanos - startNanos) / 1e6);
    }

    @Override
    public String toHtml() {
        String[] lines = toString().split("\n");
        return "<div class=\"primer primer-setup-time\" style=\"font-family:sans-serif;font-size:14px;margin:4px 0\">"
                + "<b>" + Html.escape(lines[0]) + "</b><br><span style=\"color:#444\">" + Html.escape(lines[1]) + "</span></div>";
    }

    @Override
    public String toText() {
        return toString();
    }

    @Override
    public String toString() {
        String receiver = peer == null ? "pc2" : peer;
        String frame = toFirstFrameMillis().isPresent()
                ? String.format("Setup time: %.3fms (call() → first remote video frame at %s)", toFirstFrameMillis().getAsDouble(), receiver)
                : "Setup time: no remote video frame yet";
        String connected = peer == null ? "both peers connected" : peer + " connected";
        String conn = toConnectedMillis().isPresent()
                ? String.format("call() → %s: %.1f ms", connected, toConnectedMillis().getAsDouble())
                : peer == null ? "the peers have not both connected yet" : peer + " has not connected yet";
        return frame + "\n" + conn;
    }
}

package org.webrtcprimer.timing;

import org.webrtcprimer.events.Event;
import org.webrtcprimer.events.EventLog;
import org.webrtcprimer.events.StateTimeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Where the setup time of a call goes: each phase of the article's {@code call()} — the six JSEP
 * steps, candidate gathering, ICE checks, the DTLS handshake, the wait for the first frame — with
 * when it started and ended, read from the call's event log. The waterfall chart draws it.
 *
 * <pre>{@code
 * var phases = Phases.of(call.log());
 * phases.get(Phases.CREATE_OFFER).durationMs()
 * show(Waterfall.of(phases));
 * }</pre>
 *
 * <p>A phase a log does not record (a browser's log has no DTLS state, the article's page does not
 * print when pc1.setRemoteDescription starts) is kept with NaN times, so two calls always line up
 * phase by phase. Where the article's code starts a step right after another one ends, that end
 * stands in for the missing start.
 */
public final class Phases {

    /**
     * One phase.
     *
     * @param name    e.g. {@code pc1 createOffer}
     * @param peer    who does it: pc1, pc2, or "call" for both
     * @param startMs ms after {@code call()}, NaN when the log does not say
     * @param endMs   ms after {@code call()}, NaN when the log does not say
     */
    public record Phase(String name, String peer, double startMs, double endMs) {
        /** How long it took, NaN when the log lacks its start or end. */
        public double durationMs() {
            return endMs - startMs;
        }

        /** Whether the log recorded both its start and its end. */
        public boolean present() {
            return !Double.isNaN(startMs) && !Double.isNaN(endMs);
        }

        @Override
        public String toString() {
            return present() ? String.format(Locale.ROOT, "%-32s %8.1f → %8.1f ms  (%.1f ms)", name, startMs, endMs, durationMs())
                    : String.format(Locale.ROOT, "%-32s not in this log", name);
        }
    }

    public static final String CREATE_OFFER = "pc1 createOffer";
    public static final String PC1_SET_LOCAL = "pc1 setLocalDescription(offer)";
    public static final String PC1_GATHERING = "pc1 gathers candidates";
    public static final String PC2_SET_REMOTE = "pc2 setRemoteDescription(offer)";
    public static final String CREATE_ANSWER = "pc2 createAnswer";
    public static final String PC2_SET_LOCAL = "pc2 setLocalDescription(answer)";
    public static final String PC2_GATHERING = "pc2 gathers candidates";
    public static final String PC1_SET_REMOTE = "pc1 setRemoteDescription(answer)";
    public static final String PC2_ICE = "pc2 ICE checking → connected";
    public static final String PC1_ICE = "pc1 ICE checking → connected";
    public static final String DTLS = "DTLS handshake (both peers)";
    public static final String FIRST_FRAME = "connected → first remote frame";

    /** Every phase name, in the order of the article's call(). */
    public static final List<String> NAMES = List.of(CREATE_OFFER, PC1_SET_LOCAL, PC1_GATHERING, PC2_SET_REMOTE,
            CREATE_ANSWER, PC2_SET_LOCAL, PC2_GATHERING, PC1_SET_REMOTE, PC2_ICE, PC1_ICE, DTLS, FIRST_FRAME);

    private final List<Phase> phases;
    private final double connectedMs;
    private final double firstFrameMs;

    private Phases(List<Phase> phases, double connectedMs, double firstFrameMs) {
        this.phases = List.copyOf(phases);
        this.connectedMs = connectedMs;
        this.firstFrameMs = firstFrameMs;
    }

    /**
     * Phases measured earlier (e.g. read back from a file): one per name in {@link #NAMES}, in any order.
     *
     * @throws IllegalArgumentException naming a phase that is missing or unknown
     */
    public static Phases from(List<Phase> phases, double connectedMs, double firstFrameMs) {
        for (Phase p : phases) {
            if (!NAMES.contains(p.name())) throw new IllegalArgumentException("unknown phase '" + p.name() + "' — the phases are " + NAMES);
        }
        List<Phase> ordered = new ArrayList<>();
        for (String n : NAMES) {
            ordered.add(phases.stream().filter(p -> p.name().equals(n)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("phase '" + n + "' is missing — every call has " + NAMES.size() + " phases: " + NAMES)));
        }
        return new Phases(ordered, connectedMs, firstFrameMs);
    }

    /** The phases of a call. */
    public static Phases of(EventLog log) {
        if (log == null) throw new IllegalArgumentException("no event log — pass call.log()");
        return of(log.events());
    }

    /** The phases in a list of events: a call's log, one read back from a file, or a browser's log read by TextLog. */
    public static Phases of(List<Event> events) {
        if (events == null || events.isEmpty()) throw new IllegalArgumentException("no events to time — pass a call's log");
        long t0 = StateTimeline.callStart(events);
        Timer t = new Timer(events, t0);
        List<Phase> out = new ArrayList<>();
        out.add(t.step("pc1", "createOffer", CREATE_OFFER, null));
        out.add(t.step("pc1", "setLocalDescription", PC1_SET_LOCAL, null));
        out.add(t.phase(PC1_GATHERING, "pc1", state("pc1", Event.ICE_GATHERING, "gathering"), state("pc1", Event.ICE_GATHERING, "complete"), null));
        out.add(t.step("pc2", "setRemoteDescription", PC2_SET_REMOTE, null));
        out.add(t.step("pc2", "createAnswer", CREATE_ANSWER, null));
        out.add(t.step("pc2", "setLocalDescription", PC2_SET_LOCAL, null));
        out.add(t.phase(PC2_GATHERING, "pc2", state("pc2", Event.ICE_GATHERING, "gathering"), state("pc2", Event.ICE_GATHERING, "complete"), null));
        // The article's page starts pc1.setRemoteDescription right after pc2.setLocalDescription completes and logs that start only to the console.
        out.add(t.step("pc1", "setRemoteDescription", PC1_SET_REMOTE, done("pc2", "setLocalDescription")));
        out.add(t.phase(PC2_ICE, "pc2", state("pc2", Event.ICE_CONNECTION, "checking"), state("pc2", Event.ICE_CONNECTION, "connected"), null));
        out.add(t.phase(PC1_ICE, "pc1", state("pc1", Event.ICE_CONNECTION, "checking"), state("pc1", Event.ICE_CONNECTION, "connected"), null));
        double dtlsStart = t.first(e -> e.kind() == Event.Kind.STATE && e.name().equals(Event.DTLS) && e.detail().equals("connecting"));
        double dtlsEnd = Math.max(t.first(state("pc1", Event.DTLS, "connected")), t.first(state("pc2", Event.DTLS, "connected")));
        out.add(new Phase(DTLS, "call", dtlsStart, dtlsEnd));
        double c1 = t.first(state("pc1", Event.CONNECTION, "connected")), c2 = t.first(state("pc2", Event.CONNECTION, "connected"));
        double connected = Math.max(c1, c2); // NaN if either is missing
        double frame = t.first(e -> e.kind() == Event.Kind.MEDIA && e.name().equals(Event.FIRST_FRAME) && e.source().equals("pc2"));
        out.add(new Phase(FIRST_FRAME, "pc2", connected, frame));
        return new Phases(out, connected, frame);
    }

    private static Predicate<Event> state(String peer, String machine, String value) {
        return e -> e.source().equals(peer) && e.isState(machine, value);
    }

    private static Predicate<Event> done(String peer, String step) {
        return e -> e.kind() == Event.Kind.STEP_DONE && e.source().equals(peer) && e.name().equals(step);
    }

    private record Timer(List<Event> events, long t0) {
        double first(Predicate<Event> p) {
            return events.stream().filter(p).mapToDouble(e -> (e.nanos() - t0) / 1e6).findFirst().orElse(Double.NaN);
        }

        Phase phase(String name, String peer, Predicate<Event> start, Predicate<Event> end, Predicate<Event> fallbackStart) {
            double s = first(start);
            if (Double.isNaN(s) && fallbackStart != null) s = first(fallbackStart);
            double e = Double.isNaN(s) ? first(end) : firstAfter(end, s);
            return new Phase(name, peer, s, e);
        }

        Phase step(String peer, String step, String name, Predicate<Event> fallbackStart) {
            return phase(name, peer, e -> e.kind() == Event.Kind.STEP_START && e.source().equals(peer) && e.name().equals(step),
                    done(peer, step), fallbackStart);
        }

        double firstAfter(Predicate<Event> p, double ms) {
            return events.stream().filter(p).mapToDouble(e -> (e.nanos() - t0) / 1e6).filter(v -> v >= ms).findFirst()
                    .orElse(Double.NaN);
        }
    }

    /** Every phase, in the order of {@link #NAMES}. */
    public List<Phase> list() {
        return phases;
    }

    /** One phase by name ({@link #CREATE_OFFER} …). */
    public Phase get(String name) {
        return phases.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no phase '" + name + "' — the phases are " + NAMES));
    }

    /** The phases the log recorded start and end of. */
    public List<Phase> present() {
        return phases.stream().filter(Phase::present).toList();
    }

    /** call() → both peers' connectionState 'connected', in ms; NaN if they did not both connect. */
    public double connectedMs() {
        return connectedMs;
    }

    /** call() → pc2's first remote video frame (the article's setup time), in ms; NaN if none came. */
    public double firstFrameMs() {
        return firstFrameMs;
    }

    /** The phase that took longest, if any was recorded. */
    public Optional<Phase> longest() {
        return present().stream().max(java.util.Comparator.comparingDouble(Phase::durationMs));
    }

    /** One line per phase: start → end (duration). */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        for (Phase p : phases) b.append(p).append('\n');
        if (!Double.isNaN(connectedMs)) b.append(String.format(Locale.ROOT, "call() → both connected: %.1f ms%n", connectedMs));
        if (!Double.isNaN(firstFrameMs)) b.append(String.format(Locale.ROOT, "call() → first remote frame: %.1f ms%n", firstFrameMs));
        return b.toString();
    }
}

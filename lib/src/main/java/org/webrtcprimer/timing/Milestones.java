package org.webrtcprimer.timing;

import org.webrtcprimer.call.SetupTime;

import org.webrtcprimer.events.Event;

import java.util.List;
import java.util.OptionalDouble;
import java.util.function.Predicate;

/**
 * The steps of the article's call that both a browser's log and the kit's log record, so two
 * calls can be laid side by side: each milestone's time in ms after "Starting call".
 */
public final class Milestones {
    private Milestones() {}

    /** A step and how to recognise it in a log. */
    public record Milestone(String label, Predicate<Event> matches) {}

    /** One step of two calls: ms after each call's start, empty where a log lacks the step. */
    public record Row(String label, OptionalDouble first, OptionalDouble second) {}

    private static Predicate<Event> note(String text) {
        return e -> e.kind() == Event.Kind.NOTE && e.message().equals(text);
    }

    private static Predicate<Event> step(String peer, Event.Kind kind, String name) {
        return e -> e.kind() == kind && e.source().equals(peer) && e.name().equals(name);
    }

    private static Predicate<Event> ice(String peer, String state) {
        return e -> e.source().equals(peer) && e.isState(Event.ICE_CONNECTION, state);
    }

    /** The article's steps, in the order its call() makes them. */
    public static final List<Milestone> ARTICLE = List.of(
            new Milestone("Starting call", note(SetupTime.START_NOTE)),
            new Milestone("pc1 created", note("Created local peer connection object pc1")),
            new Milestone("pc2 created", note("Created remote peer connection object pc2")),
            new Milestone("tracks added to pc1", note("Added local stream to pc1").or(step("pc1", Event.Kind.STEP_DONE, "addTrack"))),
            new Milestone("pc1 createOffer start", step("pc1", Event.Kind.STEP_START, "createOffer")),
            new Milestone("offer ready", step("pc1", Event.Kind.STEP_DONE, "createOffer")),
            new Milestone("pc1 setLocalDescription complete", step("pc1", Event.Kind.STEP_DONE, "setLocalDescription")),
            new Milestone("pc2 setRemoteDescription start", step("pc2", Event.Kind.STEP_START, "setRemoteDescription")),
            new Milestone("pc2 received remote stream", note("pc2 received remote stream")),
            new Milestone("pc2 setRemoteDescription complete", step("pc2", Event.Kind.STEP_DONE, "setRemoteDescription")),
            new Milestone("answer ready", step("pc2", Event.Kind.STEP_DONE, "createAnswer")),
            new Milestone("pc2 setLocalDescription complete", step("pc2", Event.Kind.STEP_DONE, "setLocalDescription")),
            new Milestone("pc2 ICE checking", ice("pc2", "checking")),
            new Milestone("pc1 ICE checking", ice("pc1", "checking")),
            new Milestone("pc2 ICE connected", ice("pc2", "connected")),
            new Milestone("pc1 ICE connected", ice("pc1", "connected")),
            new Milestone("pc1 setRemoteDescription complete", step("pc1", Event.Kind.STEP_DONE, "setRemoteDescription")),
            new Milestone("pc2 first remote video frame", e -> e.kind() == Event.Kind.MEDIA && e.name().equals(Event.FIRST_FRAME)));

    /** When each milestone happened in one log, in ms after its "Starting call". */
    public static List<OptionalDouble> times(List<Event> log) {
        long start = log.stream().filter(ARTICLE.get(0).matches()).mapToLong(Event::nanos).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the log has no 'Starting call' line to measure from"));
        return ARTICLE.stream().map(m -> log.stream().filter(m.matches()).mapToLong(Event::nanos).findFirst().stream()
                .mapToDouble(t -> (t - start) / 1e6).findFirst()).toList();
    }

    /** Both logs' milestone times, row by row. */
    public static List<Row> compare(List<Event> first, List<Event> second) {
        List<OptionalDouble> a = times(first), b = times(second);
        return java.util.stream.IntStream.range(0, ARTICLE.size())
                .mapToObj(i -> new Row(ARTICLE.get(i).label(), a.get(i), b.get(i))).toList();
    }
}

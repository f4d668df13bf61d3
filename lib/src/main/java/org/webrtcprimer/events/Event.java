package org.webrtcprimer.events;

import java.util.Objects;

/**
 * One thing that happened during a call, stamped on the kit's {@link KitClock}.
 *
 * @param nanos  when, in nanoseconds on the kit's clock
 * @param source who: {@code "pc1"}, {@code "pc2"}, or {@code "call"} for the kit itself
 * @param kind   what sort of event (a step of the API, a state change, a candidate …)
 * @param name   the step or state machine, e.g. {@code createOffer} or {@code iceConnectionState};
 *               for a {@link Kind#NOTE}, the note itself
 * @param detail the value: the new state ({@code checking}), a candidate line, an error message;
 *               empty when there is none
 */
public record Event(long nanos, String source, Kind kind, String name, String detail) {

    /** What sort of event. */
    public enum Kind {
        /** A line of narration, like the article's {@code Starting call}. */
        NOTE,
        /** An API step began: {@code pc1 createOffer start}. */
        STEP_START,
        /** An API step completed: {@code pc1 setLocalDescription complete}. */
        STEP_DONE,
        /** An API step failed; detail holds the engine's message. */
        STEP_FAILED,
        /** A state machine moved; name is the W3C attribute, detail the W3C value. */
        STATE,
        /** A local ICE candidate was gathered; detail is the candidate line. */
        CANDIDATE,
        /** A remote track arrived; detail is its kind. */
        TRACK,
        /** Media flowed: first frame decoded, setup time. */
        MEDIA
    }

    /** State machine names used in {@link Kind#STATE} events (the W3C attribute names). */
    public static final String SIGNALING = "signalingState";
    public static final String ICE_GATHERING = "iceGatheringState";
    public static final String ICE_CONNECTION = "iceConnectionState";
    public static final String CONNECTION = "connectionState";
    public static final String DTLS = "dtlsState";

    /** Media event names. */
    public static final String FIRST_FRAME = "firstFrame";
    public static final String SETUP_TIME = "setupTime";

    /** The note a call logs when a wait ran out of time, so the log (and its charts) show how long it waited. */
    public static final String TIMED_OUT = "Timed out";

    public Event {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        detail = detail == null ? "" : detail;
    }

    /** Milliseconds on the kit's clock. */
    public double millis() {
        return nanos / 1e6;
    }

    /** Whether this is the given state machine reaching the given value, e.g. ("iceConnectionState", "connected"). */
    public boolean isState(String machine, String value) {
        return kind == Kind.STATE && name.equals(machine) && detail.equals(value);
    }

    /** The message part of the article's log line, without the time stamp. */
    public String message() {
        String who = "call".equals(source) ? "" : source + " ";
        return switch (kind) {
            case NOTE -> who + name + (detail.isEmpty() ? "" : ": " + detail);
            case STEP_START -> who + name + " start" + (detail.isEmpty() ? "" : " " + detail);
            case STEP_DONE -> who + name + " complete" + (detail.isEmpty() ? "" : " " + detail);
            case STEP_FAILED -> who + name + " failed: " + detail;
            case STATE -> who + stateLabel(name) + ": " + detail;
            case CANDIDATE -> who + "ICE candidate: " + (detail.isEmpty() ? "(null)" : detail);
            case TRACK -> who + "received remote " + detail + " track";
            case MEDIA -> who + mediaLabel(name) + (detail.isEmpty() ? "" : " " + detail);
        };
    }

    /** The article's log line, e.g. {@code [72.747] pc1 createOffer start}. */
    @Override
    public String toString() {
        return KitClock.stamp(nanos) + " " + message();
    }

    /** A readable label of a state machine: {@code iceConnectionState} → {@code ICE state}, as the article prints it. */
    public static String stateLabel(String machine) {
        return switch (machine) {
            case SIGNALING -> "signaling state";
            case ICE_GATHERING -> "ICE gathering state";
            case ICE_CONNECTION -> "ICE state";
            case CONNECTION -> "connection state";
            case DTLS -> "DTLS state";
            default -> machine;
        };
    }

    private static String mediaLabel(String name) {
        return switch (name) {
            case FIRST_FRAME -> "first remote video frame";
            case SETUP_TIME -> "Setup time:";
            default -> name;
        };
    }
}

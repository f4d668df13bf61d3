package org.webrtcprimer.call;

import org.webrtcprimer.events.Event;
import org.webrtcprimer.events.EventLog;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The browser's {@code icecandidateerror} event (W3C webrtc-pc §4.8.2,
 * {@code RTCPeerConnectionIceErrorEvent}): a STUN or TURN server could not be used while gathering.
 *
 * @param peer    {@code pc1} or {@code pc2}
 * @param code    the STUN error code the server answered (RFC 8489 §14.8: 401 Unauthorized, 403
 *                Forbidden, 437 Allocation Mismatch, 441 Wrong Credentials, 486 Allocation Quota
 *                Reached …) or 701 when no answer came at all (W3C §4.8.2)
 * @param text    the reason phrase
 * @param url     the STUN/TURN URL of the server concerned
 * @param address the local address the request left from, and its port ({@code -1} when hidden)
 */
public record IceCandidateError(String peer, int code, String text, String url, String address, int port) {

    /** The event name in the call's log, as the browser names the event. */
    public static final String EVENT = "icecandidateerror";

    private static final Pattern DETAIL = Pattern.compile("(\\d+) (.*) — (\\S*) \\(from (\\S*?):(-?\\d+)\\)");

    /** The log's detail for this error: {@code 401 Unauthorized — turn:… (from 192.0.2.2:50123)}. */
    public String detail() {
        return code + " " + text + " — " + url + " (from " + address + ":" + port + ")";
    }

    /** Reads one from its log event, or null when the event is not an {@code icecandidateerror}. */
    public static IceCandidateError of(Event e) {
        if (e.kind() != Event.Kind.NOTE || !e.name().equals(EVENT)) return null;
        Matcher m = DETAIL.matcher(e.detail());
        if (!m.matches()) return null;
        return new IceCandidateError(e.source(), Integer.parseInt(m.group(1)), m.group(2), m.group(3), m.group(4),
                Integer.parseInt(m.group(5)));
    }

    /** Every {@code icecandidateerror} in a call's log, in order. */
    public static List<IceCandidateError> all(EventLog log) {
        return log.all(e -> e.kind() == Event.Kind.NOTE && e.name().equals(EVENT)).stream()
                .map(IceCandidateError::of).filter(x -> x != null).toList();
    }

    @Override
    public String toString() {
        return peer + " icecandidateerror " + detail();
    }
}

package org.webrtcprimer.call;

import org.webrtcprimer.events.Event;
import org.webrtcprimer.events.EventLog;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The browser's {@code icecandidateerror} event (W3C webrtc-pc,
 * {@code RTCPeerConnectionIceErrorEvent}): a STUN or TURN server could not be used while gathering.
 *
 * @param peer    {@code pc1} or {@code pc2}
 * @param code    the STUN error code the server answered (RFC 8489 §14.8: 401 Unauthorized, 403
 *                Forbidden, 437 Allocation Mismatch, 441 Wrong Credentials, 486 Allocation Quota
 *                Reached …) or 701 when no answer came at all (W3C webrtc-pc)
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

    /** The same error with another URL (e.g. the server's own, for one the relay stood in for). */
    public IceCandidateError withUrl(String u) {
        return new IceCandidateError(peer, code, text, u, address, port);
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

    /**
     * What the code means for this server, in one line, without knowing the server's
     * configuration (a {@code TurnServer} that does know it says which of the causes it is).
     */
    public String explain() {
        String transport = IceServer.transport(url);
        return switch (code) {
            case 401 -> "the TURN server " + url + " refused the credentials (401 Unauthorized): a wrong username or password, "
                    + "a key made for another realm, or time-limited credentials that expired (RFC 8489 §9.2)";
            case 403 -> "the TURN server " + url + " refused (403 Forbidden): it may not relay to that peer address (RFC 8656, CreatePermission)";
            case 437 -> "the TURN server " + url + " has no allocation for this 5-tuple (437 Allocation Mismatch, RFC 8656)";
            case 441 -> "the TURN server " + url + " says the credentials differ from the allocation's (441 Wrong Credentials, RFC 8656)";
            case 486 -> "the TURN server " + url + " refused another allocation (486 Allocation Quota Reached, RFC 8656)";
            case 508 -> "the TURN server " + url + " has no relay port left (508 Insufficient Capacity, RFC 8656)";
            case 701 -> url.startsWith("turns:") || url.startsWith("stuns:")
                    ? "no TLS connection to " + url + " (701 " + text + "): the server does not answer on that port, or its "
                    + "certificate was refused — a self-signed one needs acceptAnyCertificate (W3C webrtc-pc, RTCPeerConnectionIceErrorEvent)"
                    : "no answer from " + url + " over " + transport + " (701 " + text + "): that transport is blocked on the way "
                    + "or nothing listens there (W3C webrtc-pc, RTCPeerConnectionIceErrorEvent)";
            default -> "the server " + url + " answered " + code + " " + text;
        };
    }

    @Override
    public String toString() {
        return peer + " icecandidateerror " + detail();
    }
}

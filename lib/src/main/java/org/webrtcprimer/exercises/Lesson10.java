package org.webrtcprimer.exercises;

import org.webrtcprimer.events.Event;
import org.webrtcprimer.signaling.CallLogs;
import org.webrtcprimer.signaling.ClockOffset;
import org.webrtcprimer.signaling.Protocol;
import org.webrtcprimer.signaling.SignalingServer;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

final class Lesson10 {
    private Lesson10() {}

    /** The room of the lesson's call between two JVMs (the browser part uses another). */
    static final String ROOM = "lesson10";

    /** The message names the server logs when it relays (its NOTE name is the message type). */
    static final List<String> CALL_TYPES = List.of(Protocol.OFFER, Protocol.ANSWER, Protocol.CANDIDATE, Protocol.BYE);

    static List<Exercise> exercises() {
        return List.of(
                new Exercise("10.1",
                        "How many messages did the server relay in room " + ROOM + " — the call between this kernel and the "
                                + "callee process (offer, answer, candidates and bye)? Pass the number and the server.",
                        a -> {
                            if (a.length < 2 || !(a[1] instanceof SignalingServer server)) {
                                return Optional.of("pass two things: your count and the server, e.g. check(\"10.1\", 12, server).");
                            }
                            long n = relayed(server);
                            return Exercises.expectNumber(a[0], n, 0, "the number of call messages the server relayed in room " + ROOM);
                        },
                        "server.log() has one grey line per relayed message, naming its room: count the offer, answer, "
                                + "candidate and bye lines of room " + ROOM + ".",
                        "one offer, one answer, one bye, and a candidate message per candidate each side gathered — the "
                                + "server relays them without reading the SDP inside."),
                new Exercise("10.2",
                        "A third peer tries to join your room. Which error code does the server answer with?",
                        a -> Exercises.expectText(a[0], "room-full", "the server's answer to a third peer"),
                        "try SignalingClient.connect(server.url(), room, \"pc3\") and read the SignalingProtocolException's code().",
                        "a room holds the two peers of one call (Protocol.ROOM_SIZE); a third is refused with 'room-full' "
                                + "and can use another room."),
                new Exercise("10.3",
                        "Your clock offset estimate is good to plus or minus how many milliseconds? Pass the number and the ClockOffset.",
                        a -> {
                            if (a.length < 2 || !(a[1] instanceof ClockOffset offset)) {
                                return Optional.of("pass two things: the bound in ms and the offset, e.g. check(\"10.3\", 0.4, offset).");
                            }
                            double bound = offset.errorBoundMillis();
                            return Exercises.expectNumber(a[0], bound, Math.max(0.01, bound * 0.05), "half the shortest round trip, in ms");
                        },
                        "the truth lies within half the round trip of the estimate; the kit keeps the shortest round trip.",
                        "the ping left at t0 and the pong came back at t2 on our clock: the other side stamped t1 somewhere in "
                                + "between, so the estimate t1 − (t0 + t2)/2 is off by at most (t2 − t0)/2 (RFC 5905 §8)."),
                new Exercise("10.4",
                        "On the aligned timeline, which peer reached connectionState 'connected' first: \"pc1\" or \"pc2\"? "
                                + "Pass the answer and the CallLogs.",
                        a -> {
                            if (a.length < 2 || !(a[1] instanceof CallLogs logs)) {
                                return Optional.of("pass two things: \"pc1\" or \"pc2\", and the CallLogs, e.g. check(\"10.4\", \"pc1\", logs).");
                            }
                            double pc1 = logs.millisOf(true, e -> e.source().equals("pc1") && e.isState(Event.CONNECTION, "connected"));
                            double pc2 = logs.millisOf(false, e -> e.source().equals("pc2") && e.isState(Event.CONNECTION, "connected"));
                            if (Double.isNaN(pc1) || Double.isNaN(pc2)) {
                                return Optional.of("in these logs the two peers did not both connect — make a call that connects, hang up, then CallLogs.of(...).");
                            }
                            return Exercises.expectText(a[0], pc1 <= pc2 ? "pc1" : "pc2", "the peer that connected first");
                        },
                        "find 'connection state: connected' in both columns and compare the ms on the left.",
                        "the answerer usually gets there first: it has both descriptions as soon as it sends its answer, and "
                                + "as the DTLS client (a=setup:active) it finishes the handshake before the caller has even applied "
                                + "the answer — only the aligned clock shows it."),
                new Exercise("10.5",
                        "Predict the clock offset, in ms, that two SignalingClients of this same kernel measure between each other; "
                                + "then join two clients to a new room, measure it (syncClock) and pass your number and the ClockOffset.",
                        a -> {
                            if (!(a[0] instanceof Number n)) return Optional.of("predict a number of ms, not " + Exercises.describe(a[0]) + ".");
                            if (a.length < 2 || !(a[1] instanceof ClockOffset offset)) {
                                return Optional.of("pass two things: your number and the offset, e.g. check(\"10.5\", 12.5, twins).");
                            }
                            double est = offset.offsetMillis(), bound = offset.errorBoundMillis();
                            // Two clients of one process read one clock: the pong's t1 lies between t0 and t2.
                            if (Math.abs(est) > bound + 0.001) {
                                return Optional.of(String.format(Locale.ROOT, "that offset (%.3f ms ± %.3f ms) was measured against another process's clock: "
                                        + "measure it between two clients of this kernel.", est, bound));
                            }
                            return Math.abs(n.doubleValue() - est) <= bound + 0.001 ? Optional.empty()
                                    : Optional.of(String.format(Locale.ROOT, "you predicted %s ms; the clients measured %.3f ms, good to ± %.3f ms, "
                                    + "so %s lies outside what they can tell apart.", n, est, bound, n));
                        },
                        "both clients stamp their pings and pongs with the same kit clock of this JVM.",
                        "zero, within the bound: both ends read one clock, so the pong's t1 falls between t0 and t2 and the estimate "
                                + "t1 − (t0 + t2)/2 can only be off by the bound (RFC 5905 §8's reasoning) — what is left is the "
                                + "asymmetry of the two halves of each trip through the server."),
                new Exercise("10.6",
                        "Modify and observe: start a second server whose maxMessageBytes is smaller than pc1's offer, join two clients, "
                                + "send the offer (Message.of(\"offer\", \"sdp\", offer.sdp())) and pass the error code that came back and that server.",
                        a -> {
                            if (!(a[0] instanceof CharSequence code)) return Optional.of("write the error code as text first, e.g. \"room-full\".");
                            if (a.length < 2 || !(a[1] instanceof SignalingServer server)) {
                                return Optional.of("pass two things: the code and your server, e.g. check(\"10.6\", \"room-full\", strict).");
                            }
                            int limit = server.options().maxMessageBytes();
                            if (limit >= SignalingServer.Options.defaults().maxMessageBytes()) {
                                return Optional.of("that server keeps the default limit of " + limit + " bytes: start one with a smaller withMaxMessageBytes.");
                            }
                            List<Event> refused = server.log().all(e -> e.source().equals(SignalingServer.SOURCE) && e.kind() == Event.Kind.NOTE
                                    && e.name().equals("refused a message") && e.detail().contains("-byte limit"));
                            if (refused.isEmpty()) {
                                return Optional.of("that server (limit " + limit + " bytes) has refused no message for its size: send the offer through it.");
                            }
                            return Exercises.expectText(code, "too-big", "the code of the server's refusal (its log: " + refused.get(0).detail() + ")");
                        },
                        "a client whose message is refused gets an 'error' message first: client.next(\"error\", Duration.ofSeconds(5)).string(\"code\").",
                        "too-big: the server counts the bytes of every message before it reads it, answers 'too-big' and closes that "
                                + "client's connection (WebSocket close code 1009, RFC 6455 §7.4.1). An offer with audio and video is several "
                                + "kilobytes, so a signaling server's limit must leave room for the largest description."));
    }

    /** Relayed call messages of the room: the server logs each as "pc1 → pc2 in ROOM (N bytes)". */
    static long relayed(SignalingServer server) {
        String inRoom = " in " + ROOM + " (";
        return server.log().all(e -> e.source().equals(SignalingServer.SOURCE) && e.kind() == Event.Kind.NOTE
                && CALL_TYPES.contains(e.name()) && e.detail().contains(inRoom)).size();
    }
}

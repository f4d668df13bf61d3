package org.webrtcprimer.exercises;

import org.webrtcprimer.stats.NetworkLab;

import java.util.List;
import java.util.Optional;

/** Lesson 11, a bad network: predict, then read the answer off your own run. */
final class Lesson11 {
    private Lesson11() {}

    static List<Exercise> exercises() {
        return List.of(
                new Exercise("11.1",
                        "With 50 ms added each way, what round trip (ms) does pc1's selected candidate pair report? Pass the number and the lab.",
                        a -> {
                            NetworkLab lab = lab(a);
                            if (lab == null) return Optional.of("pass two things: the number and the lab, e.g. check(\"11.1\", 75.0, lab).");
                            Optional<NetworkLab.Section> s = section(lab, "delay");
                            if (s.isEmpty() || Double.isNaN(s.get().rttMs())) return Optional.of("the lab has no section with 'delay' in its label and an RTT — run the delay cell first.");
                            double rtt = s.get().rttMs();
                            return Exercises.expectNumber(a[0], rtt, Math.max(5, rtt * 0.1), "the round trip measured under the delay");
                        },
                        "a round trip crosses the relay twice: pc1 → pc2, then the answer pc2 → pc1; lab.section(\"delay 50 ms each way\").rttMs().",
                        "the consent checks (STUN binding requests, RFC 7675) are answered at once, so their round trip is the two one-way "
                                + "delays: 2 × 50 ms, plus well under a millisecond of the machine's own."),
                new Exercise("11.2",
                        "Under loss, pc2 asks pc1 to send lost video packets again. Which counter of pc1's outbound-rtp (video) counts those requests?",
                        a -> Exercises.expectText(a[0], "nackcount", "the counter of the retransmission requests pc1 received"),
                        "the request is a Generic NACK (RTCP feedback, RFC 4585 §6.2.1); the stats member is named after it.",
                        "nackCount counts the NACK messages pc1 received; retransmittedPacketsSent the packets it sent again on the RTX "
                                + "stream (RFC 4588), which the SDP pairs with the video stream by a=ssrc-group:FID."),
                new Exercise("11.3",
                        "With a 300 kbps cap pc1 → pc2, what did pc1's bandwidth estimate (availableOutgoingBitrate, kbps) end at? Pass the number and the lab.",
                        a -> {
                            NetworkLab lab = lab(a);
                            if (lab == null) return Optional.of("pass two things: the number and the lab.");
                            Optional<NetworkLab.Section> s = section(lab, "300 kbps");
                            if (s.isEmpty() || Double.isNaN(s.get().availableKbps())) return Optional.of("the lab has no section with '300 kbps' in its label — run the cap cell first.");
                            double kbps = s.get().availableKbps();
                            return Exercises.expectNumber(a[0], kbps, Math.max(10, kbps * 0.05), "pc1's last estimate under the cap");
                        },
                        "lab.section(\"300 kbps cap pc1 → pc2\").availableKbps(), or the last blue point of lab.bandwidth() in that section.",
                        "the congestion controller (Google Congestion Control) sees the queue grow — packets arrive later and later — and "
                                + "lowers its estimate towards the link's rate until the queue stops growing; the encoder's target follows it."),
                new Exercise("11.4",
                        "Which data channel delivered every message through the loss: \"reliable\" or \"unreliable\"?",
                        a -> Exercises.expectText(a[0], "reliable", "the channel that delivered them all"),
                        "look at the 'arrived %' column of the race's table.",
                        "a reliable channel's SCTP retransmits every lost chunk until it is acknowledged (RFC 9260 §6.3); with "
                                + "maxRetransmits 0 (RFC 7496) a lost message is abandoned, which keeps late data from holding up new data."),
                new Exercise("11.5",
                        "Predict how many of 100 messages the unreliable channel delivers when the relay loses nothing; then run "
                                + "NetworkLab.channelsUnderLoss(0, 100) and pass your number and the race.",
                        a -> {
                            if (!(a[0] instanceof Number n)) return Optional.of("predict a number of messages, not " + Exercises.describe(a[0]) + ".");
                            if (a.length < 2 || !(a[1] instanceof NetworkLab.ChannelRace race)) {
                                return Optional.of("pass two things: your number and the race, e.g. check(\"11.5\", 50, lossless).");
                            }
                            if (race.lossPct() != 0) return Optional.of("that race ran with " + race.lossPct() + " % loss: run channelsUnderLoss(0, 100).");
                            return Exercises.expectNumber(n, race.unreliableArrived(), 0, "what the unreliable channel delivered in that race ("
                                    + race.unreliableArrived() + " of " + race.sent() + ")");
                        },
                        "maxRetransmits 0 decides what happens to a message that was lost, not whether messages are lost.",
                        "all of them: 'unreliable' only means a lost message is not sent again (RFC 7496's limit of 0 retransmissions); "
                                + "with nothing lost there is nothing to give up on, and the channel delivers like a reliable one."),
                new Exercise("11.6",
                        "Modify and observe: run the race at a loss rate of your own (not 20 %), e.g. NetworkLab.channelsUnderLoss(10, 100), "
                                + "and pass how many messages the unreliable channel lost in it, with the race.",
                        a -> {
                            if (!(a[0] instanceof Number n)) return Optional.of("pass the number of lost messages, not " + Exercises.describe(a[0]) + ".");
                            if (a.length < 2 || !(a[1] instanceof NetworkLab.ChannelRace race)) {
                                return Optional.of("pass two things: the number and the race, e.g. check(\"11.6\", 7, heavier).");
                            }
                            if (race.lossPct() == 20) return Optional.of("that race used the lesson's 20 %: pick a loss rate of your own.");
                            long lost = race.sent() - race.unreliableArrived();
                            return Exercises.expectNumber(n, lost, 0, String.format(java.util.Locale.ROOT,
                                    "what the unreliable channel lost at %.0f %% (%d of %d; the reliable one delivered %d in %.0f ms)",
                                    race.lossPct(), lost, race.sent(), race.reliableArrived(), race.reliableMillis()));
                        },
                        "sent() − unreliableArrived() of your race; its table shows both.",
                        "roughly your loss rate's share of the messages: each small message is one packet, and a lost one is abandoned; "
                                + "the reliable channel still delivers every message, and pays for it in time, since each loss costs it "
                                + "a retransmission (RFC 9260 §6.3)."));
    }

    private static NetworkLab lab(Object[] a) {
        return a.length >= 2 && a[1] instanceof NetworkLab l ? l : null;
    }

    private static Optional<NetworkLab.Section> section(NetworkLab lab, String part) {
        return lab.sections().stream().filter(s -> s.label().contains(part)).findFirst();
    }
}

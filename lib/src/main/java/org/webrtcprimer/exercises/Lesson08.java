package org.webrtcprimer.exercises;

import org.webrtcprimer.call.DataChannel;

import java.util.List;
import java.util.Optional;

final class Lesson08 {
    private Lesson08() {}

    static List<Exercise> exercises() {
        return List.of(
                new Exercise("08.1",
                        "pc1's first channel got an odd id once it opened. Which DTLS role does pc1 have: \"client\" or \"server\"?",
                        a -> Exercises.expectText(a[0], "server", "pc1's DTLS role"),
                        "RFC 8832 §6: the DTLS client numbers its channels 0, 2, 4 …, the server 1, 3, 5 … — and pc2 answered a=setup:active.",
                        "pc1 offered a=setup:actpass and pc2 answered active, so pc2 is the DTLS client and pc1 the server: "
                                + "pc1's channels get odd SCTP stream ids, and two peers can open channels at once without colliding."),
                new Exercise("08.2",
                        "Modify and observe: positions gives up on a message at once (maxRetransmits 0). Make a new unordered channel "
                                + "with that one option changed, up to 3 retransmissions, and pass the maxRetransmits pc2 reads for it, with "
                                + "pc2's end.",
                        a -> {
                            if (a.length < 2 || !(a[1] instanceof DataChannel d)) {
                                return Optional.of("pass two things: the number pc2 reads and pc2's end, e.g. check(\"08.2\", 0, positionsAtPc2).");
                            }
                            if (!d.isReceived()) return Optional.of("that is the end pc1 created; pass the one pc2 received (pc2.awaitDataChannel(label)).");
                            if (!d.readyState().equals("open")) return Optional.of("that channel is " + d.readyState() + "; check it while it is open.");
                            var o = d.options();
                            if (o.ordered()) return Optional.of("pc2 reads that channel as ordered; keep it unordered like positions.");
                            if (o.maxRetransmits() == null) return Optional.of("pc2 reads that channel as " + o.describe() + ": change maxRetransmits, not the lifetime.");
                            if (o.maxRetransmits() == 0) return Optional.of("pc2 reads maxRetransmits 0 for that channel, like positions: change that option.");
                            if (!(a[0] instanceof Number n)) return Optional.of("pass the number pc2 reads, not " + Exercises.describe(a[0]) + ".");
                            if (o.maxRetransmits() != 3) return Optional.of("pc2 reads that channel as " + o.describe() + "; the exercise asks for 3.");
                            return n.doubleValue() == o.maxRetransmits() ? Optional.empty()
                                    : Optional.of("you passed " + n + "; pc2 reads that channel as " + o.describe() + ".");
                        },
                        "DataChannelOptions.partialRetransmits(3) on pc1, then pc2.awaitDataChannel(label).awaitOpen().options() on pc2.",
                        "3, although nobody told pc2: it learnt the setting from pc1's DATA_CHANNEL_OPEN message (channel type "
                                + "PARTIAL_RELIABLE_REXMIT_UNORDERED, reliability parameter 3 — RFC 8832 §5.1), not from the SDP, which "
                                + "is the same for every channel. SCTP now retransmits each lost message up to 3 times before it gives up "
                                + "(RFC 7496 §3.1)."),
                new Exercise("08.3",
                        "On a channel of your own, send at least 4,000,000 bytes in 64 KiB messages without its bufferedAmount "
                                + "ever passing 512 KiB, and pass the sending end.",
                        a -> {
                            if (!(a[0] instanceof DataChannel d)) return Optional.of("pass a DataChannel, not " + Exercises.describe(a[0]) + ".");
                            if (d.isReceived()) return Optional.of("that is the receiving end; pass the end you sent on.");
                            if (d.bytesSent() < 4_000_000) return Optional.of("that channel has sent " + d.bytesSent() + " bytes, fewer than 4,000,000.");
                            if (d.peakBufferedAmount() > 512 * 1024) {
                                return Optional.of("its bufferedAmount reached " + d.peakBufferedAmount() + " bytes, above 524,288 (512 KiB).");
                            }
                            if (!d.readyState().equals("open")) return Optional.of("that channel is " + d.readyState() + ".");
                            return Optional.empty();
                        },
                        "var flow = FlowControl.of(512 << 10, 128 << 10); then send(chunk, flow) in a loop: each send waits below the high-water mark.",
                        "the sender stops at the high-water mark and resumes at the low-water mark — the browser's "
                                + "bufferedAmountLowThreshold pattern, polled here because the engine never fires bufferedamountlow. "
                                + "Without it the queue grows until libwebrtc closes the channel at 16 MiB."),
                new Exercise("08.4",
                        "What is the largest message, in bytes, that sendChannel can send? Pass the number and the channel.",
                        a -> {
                            if (a.length < 2 || !(a[1] instanceof DataChannel d)) {
                                return Optional.of("pass two things: the number and the channel, e.g. check(\"08.4\", 1000, sendChannel).");
                            }
                            return Exercises.expectNumber(a[0], d.maxMessageSize(), 0, "that channel's largest message");
                        },
                        "look for a=max-message-size in pc2's answer (pc1.remoteDescription()), or ask sendChannel.maxMessageSize().",
                        "262144 bytes: the answer's a=max-message-size (RFC 8841 §6). A larger message makes libwebrtc close "
                                + "the channel, so the kit refuses it and you split it into chunks."),
                new Exercise("08.5",
                        "Predict how many bytes the text \"" + TEXT + "\" (" + TEXT.codePointCount(0, TEXT.length()) + " characters) takes "
                                + "in a data channel; then pass your number, sendChannel and receiveChannel: the check sends it and "
                                + "counts what pc2 receives.",
                        a -> {
                            if (a.length < 3 || !(a[1] instanceof DataChannel tx) || !(a[2] instanceof DataChannel rx)) {
                                return Optional.of("pass three things: your number, sendChannel and receiveChannel, "
                                        + "e.g. check(\"08.5\", 13, sendChannel, receiveChannel).");
                            }
                            if (!(a[0] instanceof Number)) return Optional.of("pass the byte count as a number, not " + Exercises.describe(a[0]) + ".");
                            if (!"open".equals(tx.readyState()) || !"open".equals(rx.readyState())) {
                                return Optional.of("both channels must be open (sendChannel is " + tx.readyState() + ", receiveChannel "
                                        + rx.readyState() + "); check before hangup().");
                            }
                            long measured = bytesOnArrival(tx, rx);
                            return Exercises.expectNumber(a[0], measured, 0, "its size (pc2 received " + measured + " bytes for it)");
                        },
                        "text travels as UTF-8: count one byte per ASCII character and three per Chinese character or symbol such as ✓ "
                                + "(the message sent above shows the rule).",
                        "23 bytes for 13 characters: 'WebRTC' and the two spaces are 8 bytes, the four Chinese characters and ✓ three "
                                + "bytes each. A string message is sent as UTF-8 (RFC 8831 §6.6), so its size in bytes, not in characters, "
                                + "is what max-message-size and bufferedAmount count."));
    }

    static final String TEXT = "WebRTC 实时通信 ✓";

    /** Sends {@link #TEXT} on tx and returns how many bytes rx received for it (waits up to 5 s). */
    static long bytesOnArrival(DataChannel tx, DataChannel rx) {
        long messages = rx.messagesReceived(), bytes = rx.bytesReceived();
        tx.send(TEXT);
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (rx.messagesReceived() == messages) {
            if (System.nanoTime() > deadline) throw new IllegalStateException("pc2 received nothing within 5 s of the send");
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for pc2 to receive the message");
            }
        }
        return rx.bytesReceived() - bytes;
    }
}

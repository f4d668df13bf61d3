package org.webrtcprimer.exercises;

import org.webrtcprimer.call.LocalCall;
import org.webrtcprimer.call.SessionDescription;
import org.webrtcprimer.events.Event;
import org.webrtcprimer.events.StateTimeline;
import org.webrtcprimer.sdp.MediaSection;
import org.webrtcprimer.sdp.ParsedSdp;
import org.webrtcprimer.sdp.Sdp;
import org.webrtcprimer.stats.StatsRecording;

import java.util.List;
import java.util.Optional;

/**
 * Exercises that teach by experiment: <em>predict, then verify</em> (write what will happen,
 * run it, and the kit compares the prediction with what the engine did in this run) and
 * <em>modify and observe</em> (change one thing in a call and pass the result; the kit checks
 * the change took effect and says what it did). The truth always comes from the object passed
 * in, never from a value written here in advance.
 */
final class Practice {
    private Practice() {}

    static List<Exercise> exercises() {
        return List.of(
                new Exercise("03.5",
                        "Predict pc2's signaling state right after pc2.setRemoteDescription(offer), then pass the prediction and the call.",
                        a -> {
                            Optional<String> bad = text(a, 0, "your predicted state");
                            if (bad.isPresent()) return bad;
                            LocalCall call = call(a, 1);
                            if (call == null) return Optional.of("pass the call too: check(\"03.5\", prediction, call).");
                            List<String> states = StateTimeline.of(call.log()).states("pc2", Event.SIGNALING);
                            String truth = states.size() > 1 ? states.get(1) : "?";
                            return norm(a[0]).equals(truth) ? Optional.empty()
                                    : Optional.of("you predicted '" + a[0] + "'; this call's log says pc2 went from '" + states.get(0)
                                    + "' to '" + truth + "'.");
                        },
                        "pc2 has applied a description that is not its own, and it is an offer.",
                        "pc2 holds pc1's offer and owes an answer: have-remote-offer (RFC 9429 §3.2); the log of your call agrees."),
                new Exercise("03.6",
                        "Modify and observe: make a one-line call with Constraints.videoOnly() (a stream of its own) and pass it. "
                                + "What does its offer lose?",
                        a -> {
                            LocalCall call = call(a, 0);
                            if (call == null) return Optional.of("pass the LocalCall made with a video-only stream, not " + Exercises.describe(a[0]) + ".");
                            ParsedSdp offer = offer(call);
                            if (offer == null) return Optional.of("that call has no offer yet: make it with LocalCall.call(stream).");
                            long audio = offer.media().stream().filter(m -> m.type().equals("audio")).count();
                            long video = offer.media().stream().filter(m -> m.type().equals("video")).count();
                            if (audio > 0) return Optional.of("its offer still has " + audio + " m=audio section(s): the stream has an audio track.");
                            if (video != 1) return Optional.of("its offer has " + video + " m=video sections; expected one.");
                            if (call.remoteVideo().frames() == 0) return Optional.of("pc2 has received no video frame yet.");
                            return Optional.empty();
                        },
                        "getUserMedia(Constraints.videoOnly()) gives a stream with one track; LocalCall.call(thatStream).",
                        "no track, no transceiver, no m-section: the offer has one m=video section and no m=audio, and the "
                                + "BUNDLE group names one mid. Hang the call up and stop its stream."),
                new Exercise("05.6",
                        "Predict how many a=candidate lines pc1's description carries in a gather-first call, then make it "
                                + "(LocalCall.call(localStream, CallOptions.defaults().withTrickle(false))) and pass both.",
                        a -> {
                            if (!(a[0] instanceof Number n)) return Optional.of("predict a number of a=candidate lines, not " + Exercises.describe(a[0]) + ".");
                            LocalCall call = call(a, 1);
                            if (call == null) return Optional.of("pass the gather-first call too.");
                            if (call.options().trickle()) return Optional.of("that call trickles its candidates: make it with .withTrickle(false).");
                            ParsedSdp offer = offer(call);
                            long truth = offer == null ? 0 : offer.media().stream().mapToLong(m -> m.candidates().size()).sum();
                            return n.longValue() == truth ? Optional.empty()
                                    : Optional.of("you predicted " + n + "; pc1's description in this call has " + truth
                                    + " a=candidate lines — count them per m-section in Candidates.fromSdp(\"pc1\", …).table().");
                        },
                        "before the answer confirms BUNDLE, pc1 gathers for each m-section, every address and transport.",
                        "a gather-first description carries every candidate pc1 gathered, in each m-section it gathered for — "
                                + "which is why it can leave only after gathering is complete."),
                new Exercise("05.7",
                        "Modify and observe: restart ICE on `call` once more (IceRestart.run(call)) and pass the result. "
                                + "Which of its values changed?",
                        a -> {
                            if (!(a[0] instanceof org.webrtcprimer.call.IceRestart.Result r)) {
                                return Optional.of("pass what IceRestart.run(call) returned, not " + Exercises.describe(a[0]) + ".");
                            }
                            if (r.ufragBefore().equals(r.ufragAfter())) return Optional.of("the ufrag did not change: was it a restart?");
                            if (r.pwdBefore().equals(r.pwdAfter())) return Optional.of("the password did not change.");
                            if (r.selectedAfter().isEmpty()) return Optional.of("no pair was selected after the restart.");
                            return Optional.empty();
                        },
                        "IceRestart.run(call) returns a Result: compare ufragBefore()/ufragAfter() and the selected pairs.",
                        "new credentials each time (RFC 8445 §9), new candidates and a new selected pair, while the DTLS "
                                + "fingerprint and the media go on."),
                new Exercise("07.7",
                        "Predict the direction pc2's answer gives the audio section when the offer reaching pc2 marks it "
                                + "inactive; then run the edit (withDirection(\"0\", \"inactive\")) and pass the prediction and the answer.",
                        a -> {
                            Optional<String> bad = text(a, 0, "a direction (sendrecv, sendonly, recvonly, inactive)");
                            if (bad.isPresent()) return bad;
                            if (a.length < 2 || !(a[1] instanceof SessionDescription d)) return Optional.of("pass pc2's answer too.");
                            MediaSection audio = Sdp.parse(d.sdp()).media().stream().filter(m -> m.type().equals("audio")).findFirst().orElse(null);
                            if (audio == null) return Optional.of("that answer has no audio section.");
                            String truth = audio.direction().sdp();
                            return norm(a[0]).equals(truth) ? Optional.empty()
                                    : Optional.of("you predicted '" + a[0] + "'; pc2 answered the audio section '" + truth + "'.");
                        },
                        "RFC 3264 §6.1: what may an answerer say to a stream the offerer will neither send nor receive?",
                        "inactive: an answer to an inactive stream can only be inactive (RFC 3264 §6.1), and the engine follows it."),
                new Exercise("07.8",
                        "Modify and observe: take VP8 and VP9 out of the offer on its way to pc2, finish the call, and pass it. "
                                + "Which video codec does pc1 send now?",
                        a -> {
                            LocalCall call = call(a, 0);
                            if (call == null) return Optional.of("pass the LocalCall, not " + Exercises.describe(a[0]) + ".");
                            if (!call.pc1().state().connectionState().equals("connected")) return Optional.of("the call is not connected yet: finish the offer/answer and awaitConnected().");
                            List<String> inUse = call.pc1().codecsInUse();
                            String video = inUse.stream().filter(c -> c.toLowerCase().contains("video")).findFirst().orElse(String.join(", ", inUse));
                            String v = video.toLowerCase();
                            if (v.contains("vp8") || v.contains("vp9")) return Optional.of("pc1 still sends " + video + ".");
                            return Optional.empty();
                        },
                        "offer.withoutCodec(\"VP8\").withoutCodec(\"VP9\"), then the rest of lesson 07's steps.",
                        "the answer can only keep what the offer had, so pc1 sends the first codec left in it (H264 or AV1 "
                                + "in this engine); codecsInUse() names it."),
                new Exercise("09.5",
                        "Predict how many RTCP round-trip measurements pc1 has for its audio stream after the call has run "
                                + "for about as long as `rec` sampled; then pass the prediction and the recording.",
                        a -> {
                            if (!(a[0] instanceof Number n)) return Optional.of("predict a number, not " + Exercises.describe(a[0]) + ".");
                            if (a.length < 2 || !(a[1] instanceof StatsRecording rec)) return Optional.of("pass the recording too.");
                            Optional<Double> truth = rec.latest("pc1").ofType("remote-inbound-rtp").stream()
                                    .filter(o -> "audio".equals(o.kind())).findFirst()
                                    .flatMap(o -> o.number("roundTripTimeMeasurements"));
                            double measured = truth.orElse(0.0); // no audio RTT yet: no receiver report has come back
                            return Math.abs(n.doubleValue() - measured) <= 1 ? Optional.empty()
                                    : Optional.of("you predicted " + n + "; pc1's audio remote-inbound-rtp says "
                                    + (long) measured + " measurements after " + Math.round(rec.spanMillis()) + " ms of sampling.");
                        },
                        "pc2 sends an audio receiver report about every 5 s, and each one gives pc1 one measurement.",
                        "one measurement per receiver report: libwebrtc reports audio about every 5 s and video about every "
                                + "second, so audio has few (modules/rtp_rtcp/source/rtcp_sender.cc)."),
                new Exercise("09.6",
                        "Modify and observe: sample the call for 3 s at 1000 ms instead of 250 ms and pass the new recording. "
                                + "How does the bitrate chart change?",
                        a -> {
                            if (!(a[0] instanceof StatsRecording rec)) return Optional.of("pass the StatsRecording, not " + Exercises.describe(a[0]) + ".");
                            if (rec.interval().toMillis() != 1000) return Optional.of("that recording samples every " + rec.interval().toMillis() + " ms.");
                            if (rec.size("pc1") < 2) return Optional.of("it has " + rec.size("pc1") + " sample(s) of pc1: sample for longer.");
                            return Optional.empty();
                        },
                        "StatsSampler.start(call, Duration.ofSeconds(1)).sampleFor(Duration.ofSeconds(3)).",
                        "four times fewer points: each is the average rate over a whole second, so the line is smoother and "
                                + "short dips vanish — webrtc-internals' one-second graphs look like this."));
    }

    private static LocalCall call(Object[] a, int i) {
        return a.length > i && a[i] instanceof LocalCall c ? c : null;
    }

    private static ParsedSdp offer(LocalCall call) {
        SessionDescription d = call.pc1().localDescription();
        return d == null ? null : Sdp.parse(d.sdp());
    }

    private static Optional<String> text(Object[] a, int i, String what) {
        return a.length > i && a[i] instanceof CharSequence ? Optional.empty()
                : Optional.of("write " + what + " as text first, e.g. \"stable\".");
    }

    private static String norm(Object o) {
        return String.valueOf(o).strip().toLowerCase().replace('_', '-');
    }
}

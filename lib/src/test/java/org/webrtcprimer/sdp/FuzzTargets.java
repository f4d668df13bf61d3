package org.webrtcprimer.sdp;

import org.webrtcprimer.ice.Candidate;

import java.util.ArrayList;
import java.util.List;

/**
 * What the fuzzers call, and what they accept: the SDP parser (lenient and strict, then what a
 * lesson does with the result) may throw only {@link SdpParseException}; {@link Candidate#parse}
 * only {@link IllegalArgumentException}. Anything else — a NullPointerException, an index out of
 * bounds, a NumberFormatException, a StackOverflowError — fails the property with the input.
 */
final class FuzzTargets {
    private FuzzTargets() {}

    /** The corpus: every description of datasets/sdp and the article's offer and answer. */
    static List<String> sdpSeeds() {
        List<String> s = new ArrayList<>();
        for (String name : Datasets.names()) s.add(Datasets.text(name));
        return s;
    }

    /** Candidate lines of every shape the parser knows, plus those in the corpus. */
    static List<String> candidateSeeds() {
        List<String> s = new ArrayList<>(List.of(
                "candidate:842163049 1 udp 1677729535 203.0.113.7 46154 typ srflx raddr 192.168.1.2 rport 46154 generation 0 ufrag EsAw network-id 1 network-cost 10",
                "a=candidate:1 1 UDP 2122252543 192.168.1.2 50000 typ host",
                "candidate:3 2 tcp 1518280447 192.168.1.2 9 typ host tcptype active generation 0",
                "candidate:4 1 tcp 1518214911 10.0.0.5 56143 typ host tcptype passive",
                "candidate:5 1 udp 41885439 198.51.100.9 3478 typ relay raddr 203.0.113.7 rport 46154",
                "candidate:6 1 udp 2113937151 4f0c2e21-6d2c-4b8c-9d4a-0e7a2f0b1c3d.local 54321 typ host generation 0 ufrag abcd",
                "candidate:7 1 udp 2122262783 2001:db8::1 5000 typ host",
                "candidate:8 1 udp 1845501695 203.0.113.7 5000 typ prflx raddr 0.0.0.0 rport 0"));
        for (String sdp : sdpSeeds()) {
            for (String l : sdp.split("\r\n|\n")) if (l.startsWith("a=candidate:")) s.add(l);
        }
        return s;
    }

    /** Parses one input the ways a learner and a lesson would; throws whatever is not allowed. */
    static void sdp(String text) {
        ParsedSdp s;
        try {
            s = Sdp.parse(text);
        } catch (SdpParseException e) {
            requireMessage(e);
            s = null;
        }
        if (s != null) {
            // What lessons 04 and 07 do next with a parsed description.
            for (MediaSection m : s.media()) {
                m.codecs();
                m.mid();
            }
            s.toString();
            s.warnings().forEach(Object::toString);
            // The views cost ten times a parse: explain one input in sixty-four.
            if ((text.hashCode() & 63) == 0) {
                Dissection d = s.dissect();
                d.toText();
                Sdp.fromJson(s.toJson());
            }
        }
        // Strict mode shares the line parser and adds its checks: one input in four.
        if ((text.hashCode() & 0x300) == 0) {
            try {
                Sdp.parseStrict(text);
            } catch (SdpParseException e) {
                requireMessage(e);
            }
        }
    }

    private static void requireMessage(SdpParseException e) {
        if (e.getMessage() == null || e.getMessage().isBlank() || e.line() < 0) {
            throw new AssertionError("SdpParseException without a useful message: line " + e.line() + ", '" + e.getMessage() + "'", e);
        }
    }

    /** Parses one candidate line; only IllegalArgumentException with a message is allowed. */
    static void candidate(String line) {
        try {
            Candidate c = Candidate.parse(line);
            c.toString();
            c.typePreference();
            c.localPreference();
            c.componentFromPriority();
        } catch (IllegalArgumentException e) {
            if (e instanceof NumberFormatException) throw e; // a raw parse error leaking out is a bug
            if (e.getMessage() == null || e.getMessage().isBlank()) throw new AssertionError("IllegalArgumentException without a message", e);
        }
    }
}

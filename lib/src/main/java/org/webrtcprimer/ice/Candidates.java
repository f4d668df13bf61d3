package org.webrtcprimer.ice;

import org.webrtcprimer.events.Event;
import org.webrtcprimer.events.EventLog;
import org.webrtcprimer.events.StateTimeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The ICE candidates of a call, each with who gathered it and when — what the webrtc samples'
 * trickle-ice page lists. Read them from a call's event log (every {@code onicecandidate} is
 * there, with its time) or from the {@code a=candidate} lines of a description (gather-first
 * calls, or someone else's SDP).
 *
 * <pre>{@code
 * var candidates = Candidates.of(call.log());
 * show(candidates.table());
 * }</pre>
 */
public final class Candidates {

    /**
     * One gathered candidate.
     *
     * @param peer      who gathered it: {@code pc1}, {@code pc2}, or the name given for an SDP
     * @param millis    when, in ms after the call started ({@code call()}); NaN when read from SDP
     * @param mid       the media section it belongs to, when known (SDP), else empty
     * @param candidate the parsed line
     */
    public record Entry(String peer, double millis, String mid, Candidate candidate) {
        /** Whether the time is known (a trickled candidate from the event log). */
        public boolean timed() {
            return !Double.isNaN(millis);
        }
    }

    private final List<Entry> entries;
    private final String origin;

    private Candidates(List<Entry> entries, String origin) {
        this.entries = List.copyOf(entries);
        this.origin = origin;
    }

    /** The candidates a call's peers gathered, in the order they were found. */
    public static Candidates of(EventLog log) {
        if (log == null) throw new IllegalArgumentException("no event log — pass call.log()");
        return of(log.events());
    }

    /**
     * The candidates in a list of events (a call's log, or one read back from a file). Times are
     * in ms after the call's "Starting call" note, or after the first event when there is none.
     *
     * @throws IllegalArgumentException naming the event whose candidate line cannot be parsed
     */
    public static Candidates of(List<Event> events) {
        long t0 = StateTimeline.callStart(events);
        List<Entry> out = new ArrayList<>();
        for (Event e : events) {
            if (e.kind() != Event.Kind.CANDIDATE || e.detail().isBlank()) continue;
            Candidate c;
            try {
                c = Candidate.parse(e.detail());
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException("the candidate event " + e + " cannot be read: " + ex.getMessage(), ex);
            }
            out.add(new Entry(e.source(), (e.nanos() - t0) / 1e6, "", c));
        }
        return new Candidates(out, "gathered during the call");
    }

    /**
     * The candidates written into a description's {@code a=candidate} lines (RFC 8839 §5.1).
     *
     * @param peer a name for the table, e.g. {@code pc1} for pc1's offer
     * @param sdp  the SDP text
     * @throws IllegalArgumentException naming the line number of a line that is not a candidate
     */
    public static Candidates fromSdp(String peer, String sdp) {
        if (sdp == null) throw new IllegalArgumentException("no SDP — pass the description's text, e.g. offer.sdp()");
        List<Entry> out = new ArrayList<>();
        // a=mid may come after a section's candidates (libwebrtc writes it later), so a section's
        // candidates get their mid when the section ends.
        List<Candidate> section = new ArrayList<>();
        String mid = "";
        int n = 0;
        for (String line : sdp.split("\r\n|\r|\n")) {
            n++;
            if (line.startsWith("m=")) {
                for (Candidate c : section) out.add(new Entry(peer, Double.NaN, mid, c));
                section.clear();
                mid = "";
            } else if (line.startsWith("a=mid:")) {
                mid = line.substring(6).strip();
            } else if (line.startsWith("a=candidate:")) {
                try {
                    section.add(Candidate.parse(line));
                } catch (IllegalArgumentException ex) {
                    throw new IllegalArgumentException("SDP line " + n + ": " + ex.getMessage(), ex);
                }
            }
        }
        for (Candidate c : section) out.add(new Entry(peer, Double.NaN, mid, c));
        return new Candidates(out, "from " + peer + "'s SDP");
    }

    /** Candidates kept earlier, e.g. read back from a file. */
    static Candidates from(List<Entry> entries, String origin) {
        return new Candidates(entries, origin);
    }

    /** The candidates as CSV: peer, ms, mid, the parsed fields and the candidate line itself. */
    public String toCsv() {
        return IceCodec.candidatesCsv(this);
    }

    /** The candidates as JSON: {@code {"candidates": [{peer, ms, mid, candidate, type, …}]}}. */
    public String toJson() {
        return IceCodec.candidatesJson(this);
    }

    /**
     * Reads candidates written by {@link #toCsv()} (the candidate line is what is read back).
     *
     * @throws IllegalArgumentException naming the record and field that are wrong
     */
    public static Candidates fromCsv(String csv) {
        return IceCodec.candidatesFromCsv(csv);
    }

    /**
     * Reads candidates written by {@link #toJson()}.
     *
     * @throws IllegalArgumentException naming the entry and field that are wrong
     */
    public static Candidates fromJson(String json) {
        return IceCodec.candidatesFromJson(json);
    }

    /** Every candidate, in the order found. */
    public List<Entry> entries() {
        return entries;
    }

    /** The candidates one peer gathered. */
    public List<Entry> of(String peer) {
        return entries.stream().filter(e -> e.peer().equals(peer)).toList();
    }

    /** How many candidates there are. */
    public int size() {
        return entries.size();
    }

    /** How many candidates of a type ({@code host}, {@code srflx}, {@code prflx}, {@code relay}). */
    public long count(String type) {
        return entries.stream().filter(e -> e.candidate().type().equalsIgnoreCase(type)).count();
    }

    /** Where the candidates came from, for titles. */
    public String origin() {
        return origin;
    }

    /** The table view: time, peer, type, transport, address, priority decomposed, and libwebrtc's extensions. */
    public CandidateTable table() {
        return new CandidateTable(this);
    }

    /** One line per candidate. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(entries.size() + " candidates " + origin + "\n");
        for (Entry e : entries) {
            b.append(e.timed() ? String.format(Locale.ROOT, "%8.1f ms ", e.millis()) : "")
                    .append(e.peer()).append(' ').append(e.candidate()).append('\n');
        }
        return b.toString();
    }

    /** The address family as a learner reads it: IPv4, IPv6, or an mDNS name hiding the address. */
    static String family(Candidate c) {
        if (c.isMdns()) return "mDNS";
        return c.address().contains(":") ? "IPv6" : "IPv4";
    }
}

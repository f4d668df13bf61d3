package org.webrtcprimer.events;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a log printed the article's way — {@code [72.747] pc1 createOffer start}, one event per
 * line — back into events, so a browser's log and the kit's can be compared step by step.
 */
public final class TextLog {
    private TextLog() {}

    /** A line that is not {@code [seconds] message}, with where it is. */
    public static final class ParseException extends IllegalArgumentException {
        private final String source;
        private final int line;

        ParseException(String source, int line, String message) {
            super(source + ":" + line + ": " + message);
            this.source = source;
            this.line = line;
        }

        /** The file (or other source) the text came from. */
        public String source() {
            return source;
        }

        /** The 1-based line number. */
        public int line() {
            return line;
        }
    }

    private static final Pattern LINE = Pattern.compile("^\\[(\\d{1,9}(?:\\.\\d{1,9})?)\\]\\s?(.*)$");
    private static final Pattern PEER = Pattern.compile("^(pc[12]) (.*)$");

    /**
     * Parses the text. Empty lines are skipped; every other line must start with a time stamp.
     *
     * @param source a name for messages, e.g. {@code datasets/article/log.txt}
     * @throws ParseException naming source and line for the first line that is not {@code [seconds] message}
     */
    public static List<Event> parse(String text, String source) {
        if (text == null) throw new IllegalArgumentException(source + ": no text");
        List<Event> events = new ArrayList<>();
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String raw = lines[i];
            if (raw.isBlank()) continue;
            Matcher m = LINE.matcher(raw.strip());
            if (!m.matches()) {
                String shown = raw.length() > 60 ? raw.substring(0, 60) + "…" : raw;
                throw new ParseException(source, i + 1, "expected '[seconds] message', e.g. '[72.743] Starting call', got '" + shown + "'");
            }
            long nanos = Math.round(Double.parseDouble(m.group(1)) * 1e9);
            events.add(classify(nanos, m.group(2).strip()));
        }
        return events;
    }

    /** Turns one message into the event the kit would have recorded for it. */
    static Event classify(long nanos, String message) {
        Matcher p = PEER.matcher(message);
        if (!p.matches()) {
            // "Offer from pc1 v=0 …" and "Answer from pc2: v=0 …" carry a whole SDP: keep the label.
            if (message.startsWith("Offer from pc1")) return new Event(nanos, "pc1", Event.Kind.STEP_DONE, "createOffer", "");
            if (message.startsWith("Answer from pc2")) return new Event(nanos, "pc2", Event.Kind.STEP_DONE, "createAnswer", "");
            if (message.startsWith("Setup time:")) {
                return new Event(nanos, "call", Event.Kind.MEDIA, Event.SETUP_TIME, message.substring("Setup time:".length()).strip());
            }
            String text = message.endsWith(":") ? message.substring(0, message.length() - 1) : message;
            int colon = text.indexOf(": ");
            return colon > 0
                    ? new Event(nanos, "call", Event.Kind.NOTE, text.substring(0, colon), text.substring(colon + 2))
                    : new Event(nanos, "call", Event.Kind.NOTE, text, "");
        }
        String peer = p.group(1), rest = p.group(2);
        if (rest.endsWith(" start")) return new Event(nanos, peer, Event.Kind.STEP_START, rest.substring(0, rest.length() - 6), "");
        if (rest.endsWith(" complete")) return new Event(nanos, peer, Event.Kind.STEP_DONE, rest.substring(0, rest.length() - 9), "");
        if (rest.endsWith(" success")) return new Event(nanos, peer, Event.Kind.STEP_DONE, rest.substring(0, rest.length() - 8), "");
        if (rest.startsWith("ICE state: ")) return new Event(nanos, peer, Event.Kind.STATE, Event.ICE_CONNECTION, rest.substring(11));
        return new Event(nanos, peer, Event.Kind.NOTE, rest, "");
    }
}

package org.webrtcprimer.events;

import java.util.ArrayList;
import java.util.List;

/**
 * Comma-separated values as RFC 4180 writes them: a field with a comma, a quote or a line break is
 * quoted, quotes doubled; lines end in CRLF. The kit's exports (event log, candidates, pairs,
 * timings) use it so a spreadsheet opens them and the kit can read them back.
 */
public final class Csv {
    private Csv() {}

    /** One record, CRLF-terminated. */
    public static String row(List<String> fields) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) b.append(',');
            String f = fields.get(i) == null ? "" : fields.get(i);
            if (f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0) {
                b.append('"').append(f.replace("\"", "\"\"")).append('"');
            } else {
                b.append(f);
            }
        }
        return b.append("\r\n").toString();
    }

    /**
     * Every record of a CSV text, the header included; blank lines are skipped.
     *
     * @param source a name for messages, e.g. the file name
     * @throws IllegalArgumentException naming the line of an unterminated quoted field
     */
    public static List<List<String>> parse(String text, String source) {
        if (text == null) throw new IllegalArgumentException(source + ": no text");
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false, any = false;
        int line = 1, quoteLine = 0;
        int i = text.startsWith("\uFEFF") ? 1 : 0;
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        f.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') line++;
                    f.append(c);
                }
            } else if (c == '"' && f.length() == 0) {
                quoted = true;
                any = true;
                quoteLine = line;
            } else if (c == ',') {
                row.add(f.toString());
                f.setLength(0);
                any = true;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') i++;
                line++;
                if (any || f.length() > 0) {
                    row.add(f.toString());
                    rows.add(row);
                }
                row = new ArrayList<>();
                f.setLength(0);
                any = false;
            } else {
                f.append(c);
                any = true;
            }
        }
        if (quoted) throw new IllegalArgumentException(source + ":" + quoteLine + ": a quoted field is never closed");
        if (any || f.length() > 0) {
            row.add(f.toString());
            rows.add(row);
        }
        return rows;
    }

    /**
     * The records after the header, checking the header first.
     *
     * @throws IllegalArgumentException when the header is not the expected one, naming both
     */
    public static List<List<String>> records(String text, String source, List<String> header) {
        List<List<String>> all = parse(text, source);
        if (all.isEmpty()) throw new IllegalArgumentException(source + ": empty — expected a header " + String.join(",", header));
        if (!all.get(0).equals(header)) {
            throw new IllegalArgumentException(source + ":1: expected the header '" + String.join(",", header) + "', got '"
                    + String.join(",", all.get(0)) + "'");
        }
        List<List<String>> out = all.subList(1, all.size());
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i).size() != header.size()) {
                throw new IllegalArgumentException(source + ": record " + (i + 2) + " has " + out.get(i).size() + " fields, expected "
                        + header.size() + " (" + String.join(",", header) + ")");
            }
        }
        return out;
    }
}

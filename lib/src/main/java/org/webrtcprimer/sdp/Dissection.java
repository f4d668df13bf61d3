package org.webrtcprimer.sdp;

import org.webrtcprimer.notebook.Renderable;
import org.webrtcprimer.notebook.Style;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Every line of an SDP explained: one {@link Row} per line, in English and Chinese, with its
 * RFC section, plus one {@link CodecTable} per RTP m-section. In a notebook it renders as a
 * grouped HTML table (session, then each m-section, lines grouped by topic); elsewhere as text.
 *
 * <pre>{@code
 * Dissection d = Sdp.dissect(offerText);
 * d.only(SdpGroup.ICE, SdpGroup.DTLS);   // just the ICE and DTLS lines
 * d.row(12).english();                   // what line 12 means
 * }</pre>
 */
public final class Dissection implements Renderable {

    /**
     * One explained line.
     *
     * @param line      1-based line number in the input
     * @param media     m-section index, -1 for the session part
     * @param section   "session" or e.g. "m=1 video (mid 1)"
     * @param group     what the line is about
     * @param key       the line type, with the attribute name for a= lines ("a=rtpmap")
     * @param value     the line as written
     * @param fields    the line's fields broken out, in order
     * @param english   plain explanation in English, using this line's values
     * @param chinese   the same in Chinese
     * @param reference the RFC (and section) that defines it
     */
    public record Row(int line, int media, String section, SdpGroup group, String key, String value,
                      Map<String, String> fields, String english, String chinese, String reference) {
        public Row {
            fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }

        @Override
        public String toString() {
            return line + " " + value + " — " + english + " (" + reference + ")";
        }
    }

    /** The codec table of one m-section: payload types joined with rtpmap, fmtp, rtcp-fb and rtx. */
    public record CodecTable(int media, String section, List<Codec> codecs) implements Renderable {
        public CodecTable {
            codecs = List.copyOf(codecs);
        }

        /** The codec with that payload type, or null. */
        public Codec codec(int payloadType) {
            for (Codec c : codecs) if (c.payloadType() == payloadType) return c;
            return null;
        }

        /** The codecs with that name (case-insensitive), e.g. "VP9". */
        public List<Codec> named(String name) {
            return codecs.stream().filter(c -> c.name().equalsIgnoreCase(name)).toList();
        }

        @Override
        public String toHtml() {
            return "<div class=\"primer-sdp\">" + Style.SDP_CSS + DissectionHtml.codecTable(this) + "</div>";
        }

        @Override
        public String toText() {
            StringBuilder b = new StringBuilder("Codecs of " + section + ":\n");
            b.append(String.format("  %4s  %-16s %6s %3s  %-40s %s%n", "PT", "codec", "clock", "ch", "fmtp", "feedback / rtx"));
            for (Codec c : codecs) {
                String extra = String.join(", ", c.feedback());
                if (c.rtxPayloadType() != null) extra += (extra.isEmpty() ? "" : "; ") + "rtx " + c.rtxPayloadType();
                if (c.associatedPayloadType() != null) extra += (extra.isEmpty() ? "" : "; ") + "repairs " + c.associatedPayloadType();
                b.append(String.format("  %4d  %-16s %6s %3s  %-40s %s%n", c.payloadType(), c.name() + (c.staticType() ? "*" : ""),
                        c.clockRate() == 0 ? "" : String.valueOf(c.clockRate()), c.channels() == null ? "" : c.channels(), c.fmtp(), extra));
            }
            return b.toString();
        }

        @Override
        public String toString() {
            return toText();
        }
    }

    /**
     * The largest description a dissection explains, in characters (1 MiB): within it, text and
     * HTML take at most a few seconds and a few hundred MB (see {@code sdp --cost}); a larger one
     * is refused up front. Parsing has no such limit.
     */
    public static final int MAX_CHARACTERS = 1 << 20;

    /** Rendered lines at most (text or HTML); the rest are counted. {@link #rows()} has them all. */
    static final int MAX_SHOWN_ROWS = 5_000;

    /** Rendered sections at most (each has its own header and codec table); the rest are counted. */
    static final int MAX_SHOWN_SECTIONS = 1_000;

    private final ParsedSdp sdp;
    private final List<Row> rows;
    private final List<CodecTable> codecTables;
    private final CodecTable[] tableOf;
    /** For each m-section, the first m-section with exactly the same lines (itself when none before). */
    private final int[] sameAs;
    private final String[] sectionNames;
    private final String title;
    private final boolean open;

    private Dissection(ParsedSdp sdp, List<Row> rows, List<CodecTable> codecTables, int[] sameAs, String[] sectionNames, String title, boolean open) {
        this.sdp = sdp;
        this.rows = rows instanceof LazyRows ? rows : List.copyOf(rows);
        this.codecTables = List.copyOf(codecTables);
        this.sameAs = sameAs;
        this.sectionNames = sectionNames;
        this.tableOf = new CodecTable[sdp.media().size()];
        for (CodecTable t : this.codecTables) if (t.media() >= 0 && t.media() < tableOf.length) tableOf[t.media()] = t;
        this.title = title;
        this.open = open;
    }

    private Dissection with(List<Row> rows, List<CodecTable> codecTables, String title, boolean open) {
        return new Dissection(sdp, rows, codecTables, sameAs, sectionNames, title, open);
    }

    static Dissection of(ParsedSdp sdp) {
        long size = 0;
        for (SdpLine l : sdp.lines()) size += l.raw().length() + 1;
        if (size > MAX_CHARACTERS) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "this description has %,d characters in %,d lines and %,d m-sections;"
                    + " a dissection explains at most %,d (1 MiB) — real SDPs have a few thousand. Parse it (Sdp.parse) and read its model,"
                    + " or cut it down", size, sdp.lines().size(), sdp.media().size(), MAX_CHARACTERS));
        }
        int media = sdp.media().size();
        String[] names = new String[media];
        for (int i = 0; i < media; i++) names[i] = section(sdp, i);
        // Sections repeated line for line are explained once and folded when shown.
        StringBuilder[] texts = new StringBuilder[media];
        for (SdpLine l : sdp.lines()) {
            if (l.media() < 0 || l.media() >= media) continue;
            if (texts[l.media()] == null) texts[l.media()] = new StringBuilder();
            texts[l.media()].append(l.text()).append('\n');
        }
        int[] sameAs = new int[media];
        Map<String, Integer> firstWith = new java.util.HashMap<>();
        for (int i = 0; i < media; i++) {
            String t = texts[i] == null ? "" : texts[i].toString();
            texts[i] = null;
            Integer prev = firstWith.putIfAbsent(t, i);
            sameAs[i] = prev == null ? i : prev;
        }
        List<Row> rows = new LazyRows(sdp, names);
        List<CodecTable> tables = new ArrayList<>();
        List<List<Codec>> codecsOf = new ArrayList<>(media);
        for (MediaSection m : sdp.media()) {
            int i = m.index();
            List<Codec> codecs = sameAs[i] == i || sameAs[i] >= codecsOf.size() ? m.codecs() : codecsOf.get(sameAs[i]);
            codecsOf.add(codecs);
            if (!codecs.isEmpty()) tables.add(new CodecTable(i, names[i], codecs));
        }
        return new Dissection(sdp, rows, tables, sameAs, names, null, true);
    }

    /**
     * The rows of a whole dissection, explained when read: a view renders at most
     * {@link #MAX_SHOWN_ROWS} of them, so a long description costs what is shown, not what it holds.
     */
    private static final class LazyRows extends java.util.AbstractList<Row> implements java.util.RandomAccess {
        private final ParsedSdp sdp;
        private final String[] names;

        LazyRows(ParsedSdp sdp, String[] names) {
            this.sdp = sdp;
            this.names = names;
        }

        @Override
        public Row get(int i) {
            SdpLine l = sdp.lines().get(i);
            Explainer.Entry e = Explainer.explain(l, sdp);
            return new Row(l.number(), l.media(), l.media() >= 0 && l.media() < names.length ? names[l.media()] : section(sdp, l.media()),
                    e.group(), e.key(), l.text(), e.fields(), e.english(), e.chinese(), e.reference());
        }

        @Override
        public int size() {
            return sdp.lines().size();
        }
    }

    /** The m-section of row i, without explaining it. */
    private int mediaAt(int i) {
        return rows instanceof LazyRows ? sdp.lines().get(i).media() : rows.get(i).media();
    }

    private int lineAt(int i) {
        return rows instanceof LazyRows ? sdp.lines().get(i).number() : rows.get(i).line();
    }

    String name(int media) {
        return media >= 0 && media < sectionNames.length ? sectionNames[media] : section(sdp, media);
    }

    static String section(ParsedSdp sdp, int media) {
        if (media < 0) return "session";
        MediaSection m = sdp.media().get(media);
        return "m=" + media + " " + m.type() + (m.mid() == null ? "" : " (mid " + m.mid() + ")");
    }

    /** Whether the sections show open (not {@link #collapsed()}). */
    boolean open() {
        return open;
    }

    /** The description that was dissected. */
    public ParsedSdp sdp() {
        return sdp;
    }

    /** All rows, in line order. */
    public List<Row> rows() {
        return rows;
    }

    /** The row of a line, or null. */
    public Row row(int line) {
        for (Row r : rows) if (r.line() == line) return r;
        return null;
    }

    /** Codec tables, one per RTP m-section. */
    public List<CodecTable> codecTables() {
        return codecTables;
    }

    /** The codec table of an m-section, or null. */
    public CodecTable codecTable(int media) {
        return media >= 0 && media < tableOf.length ? tableOf[media] : null;
    }

    /** The parser's warnings. */
    public List<SdpWarning> warnings() {
        return sdp.warnings();
    }

    /** A dissection showing only the rows of these groups (codec tables are kept if CODECS is asked for). */
    public Dissection only(SdpGroup... groups) {
        Set<SdpGroup> set = groups.length == 0 ? EnumSet.noneOf(SdpGroup.class) : EnumSet.copyOf(Arrays.asList(groups));
        return with(rows.stream().filter(r -> set.contains(r.group())).toList(),
                set.contains(SdpGroup.CODECS) ? codecTables : List.of(), "only " + set, open);
    }

    /**
     * A dissection showing only the rows that match, without the codec tables — so that a few
     * chosen lines are not buried under them ({@link #codecTable(int)} shows one on its own).
     */
    public Dissection filter(Predicate<Row> keep) {
        return with(rows.stream().filter(keep).toList(), List.of(), "filtered", open);
    }

    /**
     * The same dissection with every section folded: in a notebook each section shows as one
     * line (its name, line numbers, direction) that opens on a click. For long SDPs.
     */
    public Dissection collapsed() {
        return with(rows, codecTables, title, false);
    }

    // ------------------------------------------------------------------ rendering (HTML: DissectionHtml)

    @Override
    public String toHtml() {
        return DissectionHtml.of(this);
    }

    /**
     * The rows section by section, as the views show them: a run of m-sections that repeat an
     * earlier one line for line becomes one note, and past {@link #MAX_SHOWN_ROWS} lines the rest
     * are counted in a last note — so that what is rendered is bounded whatever the input.
     */
    void blocks(java.util.function.BiConsumer<Integer, List<Row>> section, java.util.function.Consumer<String> note) {
        int shown = 0, sections = 0, i = 0, n = rows.size();
        while (i < n) {
            int media = mediaAt(i);
            int j = i;
            while (j < n && mediaAt(j) == media) j++;
            if (media >= 0 && media < sameAs.length && sameAs[media] != media) {
                // a run of sections equal to the same earlier one
                int target = sameAs[media], first = media, last = media, count = 0, k = i, end = i;
                int firstLine = lineAt(i), lastLine = firstLine;
                while (k < n) {
                    int m = mediaAt(k);
                    if (m < 0 || m >= sameAs.length || sameAs[m] != target || m == target) break;
                    int e = k;
                    while (e < n && mediaAt(e) == m) e++;
                    last = m;
                    count++;
                    lastLine = lineAt(e - 1);
                    k = e;
                    end = e;
                }
                note.accept(String.format(java.util.Locale.ROOT, count == 1 ? "%s (lines %d–%d) has the same lines as %s: not repeated here · 与 %s 完全相同，不再重复"
                        : "m-sections %d–%d (%,d sections, lines %d–%d) each have the same lines as %s: not repeated here · 这些媒体段与 %s 完全相同，不再重复",
                        count == 1 ? new Object[]{name(first), firstLine, lastLine, name(target), name(target)}
                                : new Object[]{first, last, count, firstLine, lastLine, name(target), name(target)}));
                i = end;
                continue;
            }
            if (shown >= MAX_SHOWN_ROWS || sections >= MAX_SHOWN_SECTIONS) {
                int rest = n - i;
                note.accept(String.format(java.util.Locale.ROOT, "… %,d more lines (from line %d) not shown: a dissection shows %,d lines in %,d sections at most;"
                        + " rows() has them all, only(…) and filter(…) choose · 其余 %,d 行未显示", rest, lineAt(i), MAX_SHOWN_ROWS, MAX_SHOWN_SECTIONS, rest));
                return;
            }
            sections++;
            int take = Math.min(j, i + MAX_SHOWN_ROWS - shown);
            section.accept(media, new ArrayList<>(rows.subList(i, take)));
            shown += take - i;
            i = take;
        }
    }


    String summary() {
        String s = sdp.toString();
        return title == null ? s : s + " — " + title;
    }

    @Override
    public String toText() {
        StringBuilder b = new StringBuilder(Math.min(rows.size(), MAX_SHOWN_ROWS) * 300);
        b.append(summary()).append('\n');
        for (SdpWarning w : sdp.warnings()) b.append(w.severity()).append(": ").append(w).append('\n');
        blocks((media, block) -> {
            b.append('\n').append("== ").append(name(media)).append(" ==\n");
            CodecTable t = media >= 0 ? codecTable(media) : null;
            if (t != null) b.append(t.toText()).append('\n');
            for (Row r : block) rowText(b, r);
        }, note -> b.append('\n').append(note).append('\n'));
        return b.toString();
    }

    private static void rowText(StringBuilder b, Row r) {
        {
            b.append(String.format("%4d  %s%n", r.line(), r.value()));
            StringBuilder fields = new StringBuilder();
            r.fields().forEach((k, v) -> {
                if (!v.isEmpty()) fields.append(fields.length() == 0 ? "" : ", ").append(k).append('=').append(v);
            });
            b.append("      [").append(r.group().english()).append("] ");
            if (fields.length() > 0) b.append(fields).append('\n').append("      ");
            b.append(r.english()).append(" (").append(r.reference()).append(")\n");
            b.append("      ").append(r.chinese()).append('\n');
        }
    }

    @Override
    public String toString() {
        return toText();
    }
}

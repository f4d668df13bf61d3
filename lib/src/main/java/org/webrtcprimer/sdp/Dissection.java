package org.webrtcprimer.sdp;

import org.webrtcprimer.notebook.Html;
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
            return "<div class=\"primer-sdp\">" + Style.SDP_CSS + tableHtml() + "</div>";
        }

        String tableHtml() {
            StringBuilder b = new StringBuilder();
            b.append("<div class=\"primer-caption\">Codecs of ").append(Html.escape(section))
                    .append(" · 编解码器表 — in the order of preference of the m= line</div>");
            b.append("<table class=\"primer-table primer-codecs\"><colgroup><col style=\"width:3.5em\"><col style=\"width:10em\">")
                    .append("<col style=\"width:6em\"><col style=\"width:2.5em\"><col><col style=\"width:27%\"><col style=\"width:8em\"></colgroup>")
                    .append("<thead><tr><th>PT</th><th>codec</th><th>clock (Hz)</th>")
                    .append("<th>ch</th><th>fmtp parameters</th><th>RTCP feedback</th><th>retransmission</th></tr></thead><tbody>");
            for (Codec c : codecs) {
                b.append("<tr").append(c.isRtx() ? " class=\"primer-rtx\"" : "").append("><td class=\"primer-pt\">").append(c.payloadType())
                        .append("</td><td><span class=\"primer-key\">").append(Html.escape(c.name())).append("</span>")
                        .append(c.staticType() ? " <span class=\"primer-sub\">(static, RFC 3551)</span>" : "")
                        .append("</td><td>").append(c.clockRate() == 0 ? "" : c.clockRate())
                        .append("</td><td>").append(c.channels() == null ? "" : c.channels())
                        .append("</td><td class=\"primer-mono\">").append(Html.escape(c.fmtp()))
                        .append("</td><td>").append(Html.escape(String.join(", ", c.feedback())))
                        .append("</td><td>");
                if (c.rtxPayloadType() != null) b.append("rtx ").append(c.rtxPayloadType());
                if (c.associatedPayloadType() != null) b.append("repairs ").append(c.associatedPayloadType());
                b.append("</td></tr>");
            }
            return b.append("</tbody></table>").toString();
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

    private final ParsedSdp sdp;
    private final List<Row> rows;
    private final List<CodecTable> codecTables;
    private final String title;
    private final boolean open;

    private Dissection(ParsedSdp sdp, List<Row> rows, List<CodecTable> codecTables, String title, boolean open) {
        this.sdp = sdp;
        this.rows = List.copyOf(rows);
        this.codecTables = List.copyOf(codecTables);
        this.title = title;
        this.open = open;
    }

    static Dissection of(ParsedSdp sdp) {
        List<Row> rows = new ArrayList<>(sdp.lines().size());
        for (SdpLine l : sdp.lines()) {
            Explainer.Entry e = Explainer.explain(l, sdp);
            rows.add(new Row(l.number(), l.media(), section(sdp, l.media()), e.group(), e.key(), l.text(), e.fields(),
                    e.english(), e.chinese(), e.reference()));
        }
        List<CodecTable> tables = new ArrayList<>();
        for (MediaSection m : sdp.media()) {
            List<Codec> codecs = m.codecs();
            if (!codecs.isEmpty()) tables.add(new CodecTable(m.index(), section(sdp, m.index()), codecs));
        }
        return new Dissection(sdp, rows, tables, null, true);
    }

    static String section(ParsedSdp sdp, int media) {
        if (media < 0) return "session";
        MediaSection m = sdp.media().get(media);
        return "m=" + media + " " + m.type() + (m.mid() == null ? "" : " (mid " + m.mid() + ")");
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
        for (CodecTable t : codecTables) if (t.media() == media) return t;
        return null;
    }

    /** The parser's warnings. */
    public List<SdpWarning> warnings() {
        return sdp.warnings();
    }

    /** A dissection showing only the rows of these groups (codec tables are kept if CODECS is asked for). */
    public Dissection only(SdpGroup... groups) {
        Set<SdpGroup> set = groups.length == 0 ? EnumSet.noneOf(SdpGroup.class) : EnumSet.copyOf(Arrays.asList(groups));
        return new Dissection(sdp, rows.stream().filter(r -> set.contains(r.group())).toList(),
                set.contains(SdpGroup.CODECS) ? codecTables : List.of(), "only " + set, open);
    }

    /**
     * A dissection showing only the rows that match, without the codec tables — so that a few
     * chosen lines are not buried under them ({@link #codecTable(int)} shows one on its own).
     */
    public Dissection filter(Predicate<Row> keep) {
        return new Dissection(sdp, rows.stream().filter(keep).toList(), List.of(), "filtered", open);
    }

    /**
     * The same dissection with every section folded: in a notebook each section shows as one
     * line (its name, line numbers, direction) that opens on a click. For long SDPs.
     */
    public Dissection collapsed() {
        return new Dissection(sdp, rows, codecTables, title, false);
    }

    // ------------------------------------------------------------------ rendering

    @Override
    public String toHtml() {
        StringBuilder b = new StringBuilder(rows.size() * 400 + 4096);
        b.append("<div class=\"primer-sdp\">").append(Style.SDP_CSS);
        b.append("<div class=\"primer-title\">SDP dissected · 会话描述逐行解析</div>");
        b.append("<div class=\"primer-summary\">").append(Html.escape(summary())).append("</div>");
        warningsHtml(b, sdp.warnings());
        int media = Integer.MIN_VALUE;
        List<Row> block = new ArrayList<>();
        for (Row r : rows) {
            if (r.media() != media && !block.isEmpty()) {
                sectionHtml(b, media, block);
                block.clear();
            }
            media = r.media();
            block.add(r);
        }
        if (!block.isEmpty()) sectionHtml(b, media, block);
        return b.append("</div>").toString();
    }

    static void warningsHtml(StringBuilder b, List<SdpWarning> warnings) {
        if (warnings.isEmpty()) return;
        b.append("<div class=\"primer-warnings\"><b>").append(warnings.size()).append(" warning").append(warnings.size() == 1 ? "" : "s")
                .append(" · 警告</b><ul>");
        for (SdpWarning w : warnings) b.append("<li>").append(Html.escape(w.toString())).append("</li>");
        b.append("</ul></div>");
    }

    private void sectionHtml(StringBuilder b, int media, List<Row> block) {
        String label = media < 0 ? "Session · 会话" : Html.escape(section(sdp, media)) + " · 媒体段 " + media;
        String sub = "";
        if (media >= 0) {
            MediaSection m = sdp.media().get(media);
            sub = m.direction().sdp() + (m.isRejected() ? ", rejected (port 0)" : "") + ", " + m.protocol();
        }
        b.append("<details class=\"primer-section\"").append(open ? " open" : "").append("><summary>").append(label)
                .append("<span class=\"primer-sub\">lines ").append(block.get(0).line()).append("–").append(block.get(block.size() - 1).line())
                .append(sub.isEmpty() ? "" : " · " + Html.escape(sub)).append("</span></summary>");
        CodecTable t = media >= 0 ? codecTable(media) : null;
        if (t != null) b.append(t.tableHtml());
        b.append("<table class=\"primer-table primer-lines\"><colgroup><col style=\"width:3.2em\"><col style=\"width:27%\"><col style=\"width:19%\">")
                .append("<col><col style=\"width:10.5em\"></colgroup><thead><tr><th>#</th><th>line</th><th>fields</th><th>meaning · 含义</th><th>defined in</th></tr></thead><tbody>");
        for (SdpGroup g : SdpGroup.values()) {
            boolean header = false;
            for (Row r : block) {
                if (r.group() != g) continue;
                if (!header) {
                    b.append("<tr class=\"primer-group\"><td colspan=\"5\">").append(Html.escape(g.english()))
                            .append("<span class=\"primer-zh\">").append(Html.escape(g.chinese())).append("</span></td></tr>");
                    header = true;
                }
                rowHtml(b, r);
            }
        }
        b.append("</tbody></table></details>");
    }

    private static void rowHtml(StringBuilder b, Row r) {
        String v = r.value();
        int split = r.key().length();
        b.append("<tr><td class=\"primer-line\">").append(r.line()).append("</td><td class=\"primer-code\">");
        if (v.startsWith(r.key())) {
            b.append("<span class=\"primer-key\">").append(Html.escape(v.substring(0, split))).append("</span>").append(Html.escape(v.substring(split)));
        } else {
            b.append(Html.escape(v));
        }
        b.append("</td><td class=\"primer-fields\">");
        r.fields().forEach((k, val) -> {
            if (!val.isEmpty()) b.append("<span><b>").append(Html.escape(k)).append("</b> ").append(Html.escape(val)).append("</span> ");
        });
        b.append("</td><td class=\"primer-expl\">").append(Html.escape(r.english())).append("<span class=\"primer-zh\" lang=\"zh\">")
                .append(Html.escape(r.chinese())).append("</span></td><td class=\"primer-ref\">")
                .append(Html.escape(r.reference()).replace("; ", "<br>")).append("</td></tr>");
    }

    private String summary() {
        String s = sdp.toString();
        return title == null ? s : s + " — " + title;
    }

    @Override
    public String toText() {
        StringBuilder b = new StringBuilder(rows.size() * 300);
        b.append(summary()).append('\n');
        for (SdpWarning w : sdp.warnings()) b.append("warning: ").append(w).append('\n');
        int media = Integer.MIN_VALUE;
        for (Row r : rows) {
            if (r.media() != media) {
                media = r.media();
                b.append('\n').append("== ").append(section(sdp, media)).append(" ==\n");
                CodecTable t = media >= 0 ? codecTable(media) : null;
                if (t != null) b.append(t.toText()).append('\n');
            }
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
        return b.toString();
    }

    @Override
    public String toString() {
        return toText();
    }
}

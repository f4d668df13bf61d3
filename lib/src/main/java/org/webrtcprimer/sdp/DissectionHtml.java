package org.webrtcprimer.sdp;

import org.webrtcprimer.notebook.Html;
import org.webrtcprimer.notebook.Style;
import org.webrtcprimer.sdp.Dissection.CodecTable;
import org.webrtcprimer.sdp.Dissection.Row;

import java.util.List;

/**
 * How a {@link Dissection} shows in a notebook: a title and summary, the parser's warnings, then
 * one {@code <details>} per session and m-section (folded sections and the cut after
 * {@link Dissection#MAX_SHOWN_ROWS} lines as notes), each with its codec table and its lines
 * grouped by topic — the line with its type highlighted, its fields, its meaning in English and
 * Chinese, its RFC section. Every value is escaped; the classes are docs/sdp.md's. A view: it
 * reads the dissection and explains nothing itself. Not API: {@code toHtml()} of the dissection.
 */
final class DissectionHtml {
    private DissectionHtml() {}

    static String of(Dissection d) {
        StringBuilder b = new StringBuilder(Math.min(d.rows().size(), Dissection.MAX_SHOWN_ROWS) * 400 + 4096);
        b.append("<div class=\"primer-sdp\">").append(Style.SDP_CSS);
        b.append("<div class=\"primer-title\">SDP dissected · 会话描述逐行解析</div>");
        b.append("<div class=\"primer-summary\">").append(Html.escape(d.summary())).append("</div>");
        warnings(b, d.sdp().warnings());
        d.blocks((media, block) -> section(b, d, media, block),
                note -> b.append("<div class=\"primer-summary\">").append(Html.escape(note)).append("</div>"));
        return b.append("</div>").toString();
    }

    static void warnings(StringBuilder b, List<SdpWarning> warnings) {
        if (warnings.isEmpty()) return;
        int errors = 0;
        for (SdpWarning w : warnings) if (w.error()) errors++;
        int plain = warnings.size() - errors;
        b.append("<div class=\"primer-warnings\"><b>");
        if (errors > 0) b.append(errors).append(" error").append(errors == 1 ? "" : "s").append(" · 错误").append(plain > 0 ? ", " : "");
        if (plain > 0) b.append(plain).append(" warning").append(plain == 1 ? "" : "s").append(" · 警告");
        b.append("</b><ul>");
        for (SdpWarning w : warnings) b.append("<li>").append(w.error() ? "<b>error</b> " : "").append(Html.escape(w.toString())).append("</li>");
        b.append("</ul></div>");
    }

    private static void section(StringBuilder b, Dissection d, int media, List<Row> block) {
        String label = media < 0 ? "Session · 会话" : Html.escape(d.name(media)) + " · 媒体段 " + media;
        String sub = "";
        if (media >= 0) {
            MediaSection m = d.sdp().media().get(media);
            sub = m.direction().sdp() + (m.isRejected() ? ", rejected (port 0)" : "") + ", " + m.protocol();
        }
        b.append("<details class=\"primer-section\"").append(d.open() ? " open" : "").append("><summary>").append(label)
                .append("<span class=\"primer-sub\">lines ").append(block.get(0).line()).append("–").append(block.get(block.size() - 1).line())
                .append(sub.isEmpty() ? "" : " · " + Html.escape(sub)).append("</span></summary>");
        CodecTable t = media >= 0 ? d.codecTable(media) : null;
        if (t != null) b.append(codecTable(t));
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
                row(b, r);
            }
        }
        b.append("</tbody></table></details>");
    }

    private static void row(StringBuilder b, Row r) {
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

    /** One m-section's codecs: payload type, name, clock, channels, fmtp, RTCP feedback, the rtx pairing. */
    static String codecTable(CodecTable t) {
        StringBuilder b = new StringBuilder();
        b.append("<div class=\"primer-caption\">Codecs of ").append(Html.escape(t.section()))
                .append(" · 编解码器表 — in the order of preference of the m= line</div>");
        b.append("<table class=\"primer-table primer-codecs\"><colgroup><col style=\"width:3.5em\"><col style=\"width:10em\">")
                .append("<col style=\"width:6em\"><col style=\"width:2.5em\"><col><col style=\"width:27%\"><col style=\"width:8em\"></colgroup>")
                .append("<thead><tr><th>PT</th><th>codec</th><th>clock (Hz)</th>")
                .append("<th>ch</th><th>fmtp parameters</th><th>RTCP feedback</th><th>retransmission</th></tr></thead><tbody>");
        for (Codec c : t.codecs()) {
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
}

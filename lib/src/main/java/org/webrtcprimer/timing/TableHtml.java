package org.webrtcprimer.timing;

import org.webrtcprimer.notebook.Style;

import java.awt.Color;
import java.util.List;

/**
 * How the timing views draw a table: scoped HTML (classes prefixed {@code primer-}, everything
 * escaped) with a peer-coloured stripe per row, and the same rows as aligned plain text.
 */
final class TableHtml {
    private TableHtml() {}

    /** One row: its cells, the colour of its stripe (a peer's, or null), and whether to highlight it. */
    record Row(List<String> cells, Color stripe, boolean highlight) {}

    static String esc(String s) {
        if (s == null) return "";
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    static String html(String title, List<String> headers, List<Row> rows, String caption) {
        StringBuilder b = new StringBuilder("<div class=\"primer-timing\" style=\"font-family:sans-serif;font-size:13px;color:#222\">");
        b.append("<div class=\"primer-title\" style=\"font-weight:600;margin:4px 0\">").append(esc(title)).append("</div>");
        b.append("<table class=\"primer-table\" style=\"border-collapse:collapse\"><thead><tr>");
        for (String h : headers) {
            b.append("<th style=\"text-align:left;padding:3px 8px;border-bottom:1px solid #ccc;color:#555;font-size:12px\">")
                    .append(esc(h)).append("</th>");
        }
        b.append("</tr></thead><tbody>");
        for (Row r : rows) {
            b.append("<tr").append(r.highlight() ? " class=\"primer-selected\" style=\"background:#eaf5ea;font-weight:600\"" : "").append('>');
            for (int i = 0; i < r.cells().size(); i++) {
                String stripe = i == 0 && r.stripe() != null ? "border-left:4px solid " + Style.hex(r.stripe()) + ";" : "";
                b.append("<td style=\"").append(stripe).append("padding:2px 8px;border-top:1px solid #eee;white-space:nowrap\">")
                        .append(esc(r.cells().get(i))).append("</td>");
            }
            b.append("</tr>");
        }
        b.append("</tbody></table>");
        if (caption != null && !caption.isEmpty()) {
            b.append("<div class=\"primer-caption\" style=\"font-size:12px;color:#555;margin:4px 0\">").append(esc(caption)).append("</div>");
        }
        return b.append("</div>").toString();
    }

    static String text(String title, List<String> headers, List<Row> rows, String caption) {
        int[] w = new int[headers.size()];
        for (int i = 0; i < w.length; i++) w[i] = headers.get(i).length();
        for (Row r : rows) for (int i = 0; i < w.length; i++) w[i] = Math.max(w[i], r.cells().get(i).length());
        StringBuilder b = new StringBuilder(title).append('\n');
        line(b, headers, w, "  ");
        for (Row r : rows) line(b, r.cells(), w, r.highlight() ? "* " : "  ");
        if (caption != null && !caption.isEmpty()) b.append(caption).append('\n');
        return b.toString();
    }

    private static void line(StringBuilder b, List<String> cells, int[] w, String mark) {
        b.append(mark);
        for (int i = 0; i < w.length; i++) {
            b.append(String.format("%-" + w[i] + "s", cells.get(i)));
            if (i < w.length - 1) b.append("  ");
        }
        b.append('\n');
    }
}

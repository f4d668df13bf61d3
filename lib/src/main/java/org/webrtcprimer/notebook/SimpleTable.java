package org.webrtcprimer.notebook;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A small table a lesson can show: a title, a header row, rows (optionally in a peer's colour)
 * and a sentence under it. HTML in a notebook, aligned plain text elsewhere.
 *
 * <p>Kept deliberately small for the data channel and stats views; every value is HTML-escaped
 * and every class starts with {@code primer-}.
 */
public final class SimpleTable implements Renderable {

    private static final Pattern NUMBER = Pattern.compile("[-+]?[0-9][0-9,]*(\\.[0-9]+)?( ?[a-zA-Z%/µ]{1,6})?");

    private record Row(String peer, List<String> cells) {}

    private final String title;
    private final List<String> columns;
    private final List<Row> rows = new ArrayList<>();
    private String caption = "";
    private String titlePeer;

    private SimpleTable(String title, List<String> columns) {
        this.title = title == null ? "" : title;
        this.columns = List.copyOf(columns);
    }

    /** A table with a title and its column headers. */
    public static SimpleTable of(String title, String... columns) {
        return of(title, Arrays.asList(columns));
    }

    /** A table with a title and its column headers. */
    public static SimpleTable of(String title, List<String> columns) {
        if (columns == null || columns.isEmpty()) throw new IllegalArgumentException("a table needs at least one column");
        return new SimpleTable(title, columns);
    }

    /** Adds a row; missing cells are left empty, extra cells are an error. */
    public SimpleTable row(String... cells) {
        return peerRow(null, Arrays.asList(cells));
    }

    /** Adds a row drawn in a peer's colour ("pc1" blue, "pc2" orange); null for no colour. */
    public SimpleTable peerRow(String peer, List<String> cells) {
        if (cells.size() > columns.size()) {
            throw new IllegalArgumentException("row has " + cells.size() + " cells but table '" + title + "' has "
                    + columns.size() + " columns " + columns);
        }
        List<String> c = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) c.add(i < cells.size() && cells.get(i) != null ? cells.get(i) : "");
        rows.add(new Row(peer, List.copyOf(c)));
        return this;
    }

    /** The sentence under the table: what to notice. */
    public SimpleTable caption(String text) {
        caption = text == null ? "" : text;
        return this;
    }

    /** Draws the title in a peer's colour (a table about pc1 or pc2). */
    public SimpleTable peer(String peer) {
        titlePeer = peer;
        return this;
    }

    /** The sentence under the table. */
    public String caption() {
        return caption;
    }

    public String title() {
        return title;
    }

    public List<String> columns() {
        return columns;
    }

    /** The rows' cells, in order. */
    public List<List<String>> rows() {
        return rows.stream().map(Row::cells).toList();
    }

    /** The cell in a row under a column header. */
    public String cell(int row, String column) {
        int i = columns.indexOf(column);
        if (i < 0) throw new IllegalArgumentException("no column '" + column + "' in table '" + title + "' — columns are " + columns);
        return rows.get(row).cells().get(i);
    }

    private boolean numeric(int column) {
        boolean any = false;
        for (Row r : rows) {
            String v = r.cells().get(column);
            if (v.isEmpty() || v.equals("—")) continue;
            if (!NUMBER.matcher(v).matches()) return false;
            any = true;
        }
        return any;
    }

    @Override
    public String toHtml() {
        StringBuilder sb = new StringBuilder("<div class=\"primer-simple-table\"><style>"
                + ".primer-simple-table table{border-collapse:collapse;font-family:sans-serif;font-size:13px;margin:4px 0}"
                + ".primer-simple-table th{text-align:left;border-bottom:2px solid #999;padding:3px 10px;background:#f4f4f4}"
                + ".primer-simple-table td{border-bottom:1px solid #e4e4e4;padding:3px 10px;vertical-align:top}"
                + ".primer-simple-table td.primer-num{text-align:right;font-variant-numeric:tabular-nums}"
                + ".primer-simple-table .primer-title{font-weight:bold;font-family:sans-serif;margin-top:6px}"
                + ".primer-simple-table .primer-caption{font-family:sans-serif;font-size:13px;color:#444;margin:2px 0 8px}"
                + "</style>");
        if (!title.isEmpty()) {
            sb.append("<div class=\"primer-title\"").append(titlePeer == null ? "" : " style=\"color:"
                    + Style.hex(Style.colorOf(titlePeer)) + "\"").append('>').append(escape(title)).append("</div>");
        }
        sb.append("<table><thead><tr>");
        for (String c : columns) sb.append("<th>").append(escape(c)).append("</th>");
        sb.append("</tr></thead><tbody>");
        boolean[] num = new boolean[columns.size()];
        for (int i = 0; i < num.length; i++) num[i] = numeric(i);
        for (Row r : rows) {
            sb.append("<tr");
            if (r.peer() != null) sb.append(" style=\"color:").append(Style.hex(Style.colorOf(r.peer()))).append('"');
            sb.append('>');
            for (int i = 0; i < r.cells().size(); i++) {
                sb.append(num[i] ? "<td class=\"primer-num\">" : "<td>").append(escape(r.cells().get(i))).append("</td>");
            }
            sb.append("</tr>");
        }
        sb.append("</tbody></table>");
        if (!caption.isEmpty()) sb.append("<div class=\"primer-caption\">").append(escape(caption)).append("</div>");
        return sb.append("</div>").toString();
    }

    @Override
    public String toText() {
        int[] w = new int[columns.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = columns.get(i).length();
            for (Row r : rows) w[i] = Math.max(w[i], r.cells().get(i).length());
        }
        boolean[] num = new boolean[columns.size()];
        for (int i = 0; i < num.length; i++) num[i] = numeric(i);
        StringBuilder sb = new StringBuilder();
        if (!title.isEmpty()) sb.append(title).append('\n');
        line(sb, columns, w, new boolean[w.length]);
        for (int i = 0; i < w.length; i++) sb.append(i == 0 ? "" : "-+-").append("-".repeat(w[i]));
        sb.append('\n');
        for (Row r : rows) line(sb, r.cells(), w, num);
        if (!caption.isEmpty()) sb.append(caption).append('\n');
        return sb.toString();
    }

    private static void line(StringBuilder sb, List<String> cells, int[] w, boolean[] right) {
        StringBuilder l = new StringBuilder();
        for (int i = 0; i < w.length; i++) {
            if (i > 0) l.append(" | ");
            String c = cells.get(i);
            String pad = " ".repeat(w[i] - c.length());
            l.append(right[i] ? pad + c : c + pad);
        }
        sb.append(l.toString().stripTrailing()).append('\n');
    }

    @Override
    public String toString() {
        return toText();
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

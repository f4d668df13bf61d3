package org.webrtcprimer.notebook;

import java.awt.Color;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A small table for lessons: a title, column headers, rows, a sentence under it. HTML in a
 * notebook (peer colours, numbers right-aligned), aligned text elsewhere.
 *
 * <pre>{@code
 * Table.of("peer", "step", "time (ms)")
 *      .title("Setup, step by step")
 *      .row("pc1", "createOffer", 1.24)
 *      .row("pc2", "createAnswer", 0.87)
 *      .colorRowsBy("peer")
 *      .note("Each step takes about a millisecond: the engine is local.");
 * }</pre>
 *
 * <p>Cells are any objects: numbers are right-aligned and floating-point numbers shown with one
 * decimal unless {@link #format(String, String)} says otherwise; {@code null} shows as empty.
 * A cell made by {@link #cell(Object, Color)}, {@link #ok(Object)} or {@link #fail(Object)}
 * carries its own colour. Everything is HTML-escaped.
 */
public final class Table implements Renderable {

    /** A cell value with its own text colour (e.g. green OK, red FAIL). */
    public record Cell(Object value, Color color) {
        @Override
        public String toString() {
            return value == null ? "" : value.toString();
        }
    }

    private final List<String> headers;
    private final List<List<Object>> rows = new ArrayList<>();
    private final List<Color> rowColors = new ArrayList<>();
    private final Map<Integer, String> formats = new HashMap<>();
    private final Set<Integer> rightAligned = new HashSet<>();
    private String title;
    private String note;
    private int colorColumn = -1;

    private Table(List<String> headers) {
        this.headers = headers;
    }

    /** A table with these column headers. */
    public static Table of(String... headers) {
        if (headers == null || headers.length == 0) {
            throw new IllegalArgumentException("a table needs at least one column header");
        }
        List<String> list = new ArrayList<>();
        for (String h : headers) list.add(h == null ? "" : h);
        return new Table(Collections.unmodifiableList(list));
    }

    /** A cell shown in {@code color} (bold). */
    public static Cell cell(Object value, Color color) {
        return new Cell(value, color);
    }

    /** A cell in the "passed" colour, e.g. {@code Table.ok("OK")}. */
    public static Cell ok(Object value) {
        return new Cell(value, Style.OK);
    }

    /** A cell in the "failed" colour, e.g. {@code Table.fail("missing")}. */
    public static Cell fail(Object value) {
        return new Cell(value, Style.FAIL);
    }

    /** The title shown above the table. */
    public Table title(String title) {
        this.title = title;
        return this;
    }

    /** One sentence under the table: what to notice. */
    public Table note(String sentence) {
        this.note = sentence;
        return this;
    }

    /** Adds a row; it must have one cell per column. */
    public Table row(Object... cells) {
        Object[] c = cells == null ? new Object[]{null} : cells;
        if (c.length != headers.size()) {
            throw new IllegalArgumentException("row " + (rows.size() + 1) + " has " + c.length + " cells but the table has "
                    + headers.size() + " columns " + headers);
        }
        rows.add(Collections.unmodifiableList(Arrays.asList(c.clone())));
        rowColors.add(null);
        return this;
    }

    /** Colours the row added last (a tinted background and a bar on the left), e.g. {@code Style.PC1}. */
    public Table rowColor(Color color) {
        if (rows.isEmpty()) throw new IllegalStateException("no row yet: call row(...) before rowColor(...)");
        rowColors.set(rows.size() - 1, color);
        return this;
    }

    /** Colours every row by the peer named in {@code column} ("pc1" blue, "pc2" orange, else grey). */
    public Table colorRowsBy(String column) {
        colorColumn = column(column);
        return this;
    }

    /** Formats the numbers of a column with a {@link String#format} pattern, e.g. {@code "%.3f"} or {@code "%,d"}. */
    public Table format(String column, String pattern) {
        formats.put(column(column), pattern);
        return this;
    }

    /** Right-aligns these columns even if they hold text (numbers are right-aligned anyway). */
    public Table alignRight(String... columns) {
        for (String c : columns) rightAligned.add(column(c));
        return this;
    }

    /** The column headers. */
    public List<String> headers() {
        return headers;
    }

    /** The rows as added (cells unformatted). */
    public List<List<Object>> rows() {
        return Collections.unmodifiableList(rows);
    }

    /** Number of rows. */
    public int size() {
        return rows.size();
    }

    private int column(String name) {
        int i = headers.indexOf(name);
        if (i < 0) throw new IllegalArgumentException("no column '" + name + "' — the columns are " + headers);
        return i;
    }

    // ------------------------------------------------------------------------------ rendering

    private static Object unwrap(Object v) {
        return v instanceof Cell c ? c.value() : v;
    }

    private boolean numeric(int col) {
        boolean any = false;
        for (List<Object> row : rows) {
            Object v = unwrap(row.get(col));
            if (v == null || "".equals(v)) continue;
            if (!(v instanceof Number)) return false;
            any = true;
        }
        return any;
    }

    private boolean right(int col) {
        return rightAligned.contains(col) || numeric(col);
    }

    /** The text of one cell as shown in both forms. */
    String text(int col, Object cell) {
        Object v = unwrap(cell);
        if (v == null) return "";
        String pattern = formats.get(col);
        try {
            if (pattern != null && v instanceof Number) return String.format(Locale.ROOT, pattern, v);
        } catch (RuntimeException e) {
            // a pattern that does not fit this number (e.g. %d for a double): fall through to the default
        }
        if (v instanceof Double d) return d.isNaN() || d.isInfinite() ? d.toString() : String.format(Locale.ROOT, "%.1f", d);
        if (v instanceof Float f) return f.isNaN() || f.isInfinite() ? f.toString() : String.format(Locale.ROOT, "%.1f", f);
        if (v instanceof BigDecimal b) return b.toPlainString();
        return v.toString();
    }

    private Color rowColor(int r) {
        Color c = rowColors.get(r);
        if (c != null) return c;
        if (colorColumn >= 0) {
            Object v = unwrap(rows.get(r).get(colorColumn));
            return v == null ? null : Style.colorOf(v.toString());
        }
        return null;
    }

    @Override
    public String toHtml() {
        StringBuilder h = new StringBuilder(256 + rows.size() * 96);
        h.append("<table class=\"primer-table\">");
        if (title != null && !title.isBlank()) h.append("<caption>").append(Html.escape(title)).append("</caption>");
        boolean[] right = new boolean[headers.size()];
        for (int c = 0; c < right.length; c++) right[c] = right(c);
        h.append("<thead><tr>");
        for (int c = 0; c < headers.size(); c++) {
            h.append(right[c] ? "<th class=\"primer-num\">" : "<th>").append(Html.escape(headers.get(c))).append("</th>");
        }
        h.append("</tr></thead><tbody>");
        for (int r = 0; r < rows.size(); r++) {
            Color rc = rowColor(r);
            h.append(rc == null ? "<tr>" : "<tr style=\"background:" + Style.tint(rc, 0.10) + "\">");
            List<Object> row = rows.get(r);
            for (int c = 0; c < row.size(); c++) {
                StringBuilder style = new StringBuilder();
                if (c == 0 && rc != null) style.append("border-left:4px solid ").append(Style.hex(rc)).append(';');
                if (row.get(c) instanceof Cell cell && cell.color() != null) {
                    style.append("color:").append(Style.hex(cell.color())).append(";font-weight:600;");
                }
                h.append("<td");
                if (right[c]) h.append(" class=\"primer-num\"");
                if (style.length() > 0) h.append(" style=\"").append(style).append('"');
                h.append('>').append(Html.escape(text(c, row.get(c)))).append("</td>");
            }
            h.append("</tr>");
        }
        h.append("</tbody></table>");
        if (note != null && !note.isBlank()) h.append("<p class=\"primer-note\">").append(Html.escape(note)).append("</p>");
        return Style.wrap(null, h.toString());
    }

    /**
     * Aligned plain text: the title, the header row, a rule, the rows (numbers right-aligned,
     * columns two spaces apart) and the note. Wide (CJK) characters count as two columns.
     */
    @Override
    public String toText() {
        int n = headers.size();
        String[][] cells = new String[rows.size()][n];
        int[] width = new int[n];
        for (int c = 0; c < n; c++) width[c] = width(oneLine(headers.get(c)));
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < n; c++) {
                cells[r][c] = oneLine(text(c, rows.get(r).get(c)));
                width[c] = Math.max(width[c], width(cells[r][c]));
            }
        }
        boolean[] right = new boolean[n];
        for (int c = 0; c < n; c++) right[c] = right(c);
        StringBuilder t = new StringBuilder();
        if (title != null && !title.isBlank()) t.append(title).append('\n');
        line(t, headers.stream().map(Table::oneLine).toArray(String[]::new), width, right);
        String[] rule = new String[n];
        for (int c = 0; c < n; c++) rule[c] = "-".repeat(width[c]);
        line(t, rule, width, right);
        for (String[] row : cells) line(t, row, width, right);
        if (note != null && !note.isBlank()) t.append(note).append('\n');
        return t.toString().stripTrailing();
    }

    private static void line(StringBuilder t, String[] cells, int[] width, boolean[] right) {
        StringBuilder l = new StringBuilder();
        for (int c = 0; c < cells.length; c++) {
            if (c > 0) l.append("  ");
            String pad = " ".repeat(width[c] - width(cells[c]));
            l.append(right[c] ? pad + cells[c] : cells[c] + pad);
        }
        t.append(l.toString().stripTrailing()).append('\n');
    }

    private static String oneLine(String s) {
        return s.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ').replace('\t', ' ');
    }

    /** Display width in a monospaced terminal: East Asian wide and fullwidth characters take two columns. */
    static int width(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.getType(cp) == Character.NON_SPACING_MARK || Character.getType(cp) == Character.ENCLOSING_MARK
                    || cp == 0x200B) {
                continue;
            }
            w += wide(cp) ? 2 : 1;
        }
        return w;
    }

    private static boolean wide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0x303E) || (cp >= 0x3041 && cp <= 0x33FF)
                || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xA000 && cp <= 0xA4CF)
                || (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F)
                || (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6)
                || (cp >= 0x1F300 && cp <= 0x1F64F) || (cp >= 0x1F900 && cp <= 0x1F9FF)
                || (cp >= 0x20000 && cp <= 0x3FFFD);
    }

    /** The text form. */
    @Override
    public String toString() {
        return toText();
    }
}

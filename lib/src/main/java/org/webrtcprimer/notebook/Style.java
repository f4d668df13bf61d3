package org.webrtcprimer.notebook;

import java.awt.Color;

/**
 * The kit's one visual language: the same peer has the same colour in every table and chart.
 */
public final class Style {
    private Style() {}

    /** pc1, the caller (offerer). */
    public static final Color PC1 = new Color(0x1f, 0x77, 0xb4);
    /** pc2, the callee (answerer). */
    public static final Color PC2 = new Color(0xff, 0x7f, 0x0e);
    /** The signaling path and the kit itself (neither peer). */
    public static final Color SIGNALING = new Color(0x7f, 0x7f, 0x7f);
    /** A check that passed. */
    public static final Color OK = new Color(0x2c, 0xa0, 0x2c);
    /** A check that failed. */
    public static final Color FAIL = new Color(0xd6, 0x27, 0x28);

    /** The colour of a peer by its name ("pc1", "pc2"); grey for anything else. */
    public static Color colorOf(String peer) {
        if ("pc1".equals(peer)) return PC1;
        if ("pc2".equals(peer)) return PC2;
        return SIGNALING;
    }

    /** CSS hex form of a colour, e.g. {@code #1f77b4}. */
    public static String hex(Color c) {
        return String.format("#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }

    /** CSS form of a colour made transparent, e.g. {@code rgba(31,119,180,0.10)}: a tint for backgrounds. */
    public static String tint(Color c, double alpha) {
        return String.format(java.util.Locale.ROOT, "rgba(%d,%d,%d,%.2f)", c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }

    /**
     * The stylesheet of the notebook views ({@link Table}, {@link Progress}), light theme.
     *
     * <p>Every rule is scoped under the wrapper class {@code primer}, so nothing leaks into the rest
     * of the page. Selectors are specific enough ({@code .primer table.primer-table td}) to win over
     * the table rules of classic Notebook ({@code .rendered_html ...}) and JupyterLab
     * ({@code .jp-RenderedHTMLCommon ...}), which centre tables, right-align every cell and stripe
     * rows on their own.
     */
    public static final String CSS = """
            .primer{font-family:-apple-system,'Segoe UI',Roboto,'Noto Sans','Noto Sans CJK SC','DejaVu Sans',sans-serif;\
            font-size:13px;color:#222;line-height:1.4;margin:4px 0;max-width:100%;overflow-x:auto}
            .primer table.primer-table{border-collapse:collapse;border:none;margin:2px 0;table-layout:auto;\
            font-size:13px;color:#222;width:auto}
            .primer table.primer-table caption{caption-side:top;text-align:left;font-weight:600;font-size:14px;\
            color:#222;padding:0 0 4px 0}
            .primer table.primer-table th{text-align:left;font-weight:600;color:#444;background:#f3f5f7;\
            border:none;border-bottom:2px solid #c9d0d8;padding:4px 10px;white-space:nowrap}
            .primer table.primer-table td{text-align:left;border:none;border-bottom:1px solid #e6e9ed;\
            padding:3px 10px;vertical-align:top;line-height:1.4}
            .primer table.primer-table tbody tr:nth-child(odd){background:transparent}
            .primer table.primer-table tbody tr:nth-child(even){background:#fafbfc}
            .primer table.primer-table tbody tr:hover{background:#eef3f8}
            .primer table.primer-table th.primer-num,.primer table.primer-table td.primer-num{text-align:right;\
            font-variant-numeric:tabular-nums}
            .primer .primer-note{color:#555;font-size:12px;margin:4px 0 2px 0;max-width:60em}
            .primer.primer-progress{display:flex;align-items:center;gap:8px}
            .primer.primer-progress progress{width:16em;height:0.9em}
            .primer.primer-progress .primer-count{font-variant-numeric:tabular-nums;color:#444}
            """;

    /**
     * Wraps an HTML fragment as a self-contained view: a {@code div} of class {@code primer} (plus
     * {@code extraClass} if not null) that carries the stylesheet, so the view looks the same in
     * classic Notebook, JupyterLab and an exported HTML page.
     */
    public static String wrap(String extraClass, String innerHtml) {
        String cls = extraClass == null || extraClass.isBlank() ? "primer" : "primer " + extraClass;
        return "<div class=\"" + cls + "\"><style>" + CSS + "</style>" + innerHtml + "</div>";
    }
}

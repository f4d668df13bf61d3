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
     * The SDP views' stylesheet (a {@code <style>} element): the dissection and the diff put it
     * once before their tables. Every rule is scoped under {@code .primer-sdp} and every class is
     * prefixed {@code primer-}, so a view can be dropped into any page; it sits here so that the
     * kit's looks and colours are in one file.
     */
    public static final String SDP_CSS = """
            <style>
            .primer-sdp{font-family:-apple-system,'Segoe UI',Roboto,'Noto Sans','Noto Sans CJK SC','PingFang SC','Microsoft YaHei',sans-serif;font-size:13px;color:#222;line-height:1.45;max-width:1400px}
            .primer-sdp .primer-title{font-size:15px;font-weight:600;margin:6px 0 4px}
            .primer-sdp .primer-summary{color:#444;margin:2px 0 8px}
            .primer-sdp details.primer-section{border:1px solid #d8dee6;border-radius:6px;margin:8px 0;background:#fff}
            .primer-sdp details.primer-section>summary{cursor:pointer;padding:6px 10px;background:#f3f6fa;border-radius:6px;font-weight:600}
            .primer-sdp .primer-sub{font-weight:400;color:#555;margin-left:8px}
            .primer-sdp table.primer-table{border-collapse:collapse;width:100%;margin:0}
            .primer-sdp table.primer-table th{text-align:left;font-weight:600;color:#555;background:#fafbfc;border-bottom:1px solid #d8dee6;padding:4px 8px;font-size:12px}
            .primer-sdp table.primer-table td{text-align:left;border:none;border-top:1px solid #eef1f4;padding:4px 8px;vertical-align:top;line-height:1.45}
            .primer-sdp table.primer-table tbody tr:nth-child(n){background:transparent}
            .primer-sdp table.primer-table.primer-codecs{table-layout:fixed}
            .primer-sdp table.primer-table.primer-codecs tbody tr:nth-child(even){background:#f8f9fb}
            .primer-sdp table.primer-table tbody tr:hover{background:#f7f9fc}
            .primer-sdp tr.primer-group td{background:#eef3f9;color:#1b3a5c;font-weight:600;border-top:1px solid #d8dee6;padding:3px 8px}
            .primer-sdp tr.primer-group .primer-zh{font-weight:400;color:#4a6585;margin-left:6px}
            .primer-sdp table.primer-table td.primer-line{color:#888;text-align:right;font-variant-numeric:tabular-nums;width:3em}
            .primer-sdp td.primer-code,.primer-sdp .primer-mono{font-family:'SFMono-Regular',Consolas,'DejaVu Sans Mono',monospace;font-size:12px;word-break:break-all}
            .primer-sdp table.primer-lines{table-layout:fixed}
            .primer-sdp table.primer-lines td{overflow-wrap:anywhere}
            .primer-sdp .primer-key{color:#1f4e79;font-weight:600}
            .primer-sdp td.primer-fields{font-size:12px;color:#333}
            .primer-sdp td.primer-fields span{display:inline-block;background:#f1f3f5;border-radius:3px;padding:0 4px;margin:1px 2px 1px 0}
            .primer-sdp td.primer-fields b{font-weight:600;color:#555}
            .primer-sdp td.primer-expl .primer-zh{display:block;color:#4a4a4a;margin-top:2px}
            .primer-sdp td.primer-ref{font-size:11px;color:#666}
            .primer-sdp .primer-warnings{border-left:4px solid %FAIL%;background:#fdf2f2;padding:6px 10px;margin:6px 0;border-radius:4px}
            .primer-sdp .primer-warnings li{margin:1px 0}
            .primer-sdp .primer-ok{border-left:4px solid %OK%;background:#f1f8f1;padding:4px 10px;margin:6px 0;border-radius:4px}
            .primer-sdp table.primer-codecs{margin:4px 0 8px}
            .primer-sdp table.primer-table.primer-codecs td.primer-pt{font-weight:600;text-align:right;width:3em}
            .primer-sdp table.primer-codecs tr.primer-rtx td{color:#777}
            .primer-sdp .primer-caption{font-size:12px;color:#555;padding:6px 10px 0}
            .primer-sdp tr.primer-added td{background:#f1f8f1}
            .primer-sdp tr.primer-removed td{background:#fdf2f2}
            .primer-sdp tr.primer-changed td{background:#fff9e6}
            .primer-sdp tr.primer-info td{background:#f3f6fa}
            .primer-sdp .primer-badge{display:inline-block;white-space:nowrap;border-radius:3px;padding:0 5px;font-size:11px;font-weight:600;color:#fff}
            .primer-sdp .primer-badge.primer-added{background:%OK%}
            .primer-sdp .primer-badge.primer-removed{background:%FAIL%}
            .primer-sdp .primer-badge.primer-changed{background:#d08a00}
            .primer-sdp .primer-badge.primer-info{background:%GREY%}
            .primer-sdp .primer-before{color:#a33;text-decoration:line-through;text-decoration-color:#d99}
            .primer-sdp .primer-after{color:#1f6e1f}
            </style>
            """.replace("%FAIL%", hex(FAIL)).replace("%OK%", hex(OK)).replace("%GREY%", hex(SIGNALING));

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

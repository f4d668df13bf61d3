package org.webrtcprimer.sdp;

import org.webrtcprimer.notebook.Style;

/**
 * The small HTML toolkit of the SDP views: escaping and one scoped stylesheet. Every class is
 * prefixed {@code primer-} and every rule is scoped under {@code .primer-sdp}, so a view can be
 * dropped into any notebook page; the views' public API does not expose any of this.
 */
final class Html {
    private Html() {}

    static String esc(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    if (c < 0x20 && c != '\t') b.append("&#x").append(Integer.toHexString(c)).append(';');
                    else b.append(c);
                }
            }
        }
        return b.toString();
    }

    static final String CSS = """
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
            """.replace("%FAIL%", Style.hex(Style.FAIL)).replace("%OK%", Style.hex(Style.OK)).replace("%GREY%", Style.hex(Style.SIGNALING));
}

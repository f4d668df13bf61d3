package org.webrtcprimer.sdp;

import org.webrtcprimer.notebook.Html;
import org.webrtcprimer.notebook.Style;
import org.webrtcprimer.sdp.SdpDiff.Change;

import java.util.List;

/**
 * How an {@link SdpDiff} shows itself: in a notebook, one table per session or m-section, each
 * change badged added / removed / changed / note with the value before and after, its meaning in
 * English and Chinese and its RFC section; elsewhere the same as text. A view: it reads the diff's
 * changes and computes nothing. Not API: {@code toHtml()} and {@code toText()} of the diff.
 */
final class SdpDiffView {
    private SdpDiffView() {}

    static String html(SdpDiff d) {
        List<Change> changes = d.changes();
        String beforeName = d.beforeName(), afterName = d.afterName();
        StringBuilder b = new StringBuilder(changes.size() * 500 + 4096);
        b.append("<div class=\"primer-sdp\">").append(Style.SDP_CSS);
        b.append("<div class=\"primer-title\">SDP diff · 会话描述对比</div>");
        b.append("<div class=\"primer-summary\">").append(Html.escape(d.heading())).append("</div>");
        if (changes.isEmpty()) {
            b.append("<div class=\"primer-ok\">No differences · 没有差别</div>");
        }
        String scope = null;
        for (Change c : changes) {
            if (!c.scope().equals(scope)) {
                if (scope != null) b.append("</tbody></table></details>");
                scope = c.scope();
                b.append("<details class=\"primer-section\" open><summary>").append(Html.escape(scope.equals("session") ? "Session · 会话" : scope))
                        .append("</summary><table class=\"primer-table primer-lines\"><colgroup><col style=\"width:6.8em\"><col style=\"width:11em\"><col style=\"width:28%\"><col><col style=\"width:10.5em\"></colgroup><thead><tr><th></th><th>what</th><th>")
                        .append(Html.escape(beforeName)).append(" → ").append(Html.escape(afterName))
                        .append("</th><th>meaning · 含义</th><th>defined in</th></tr></thead><tbody>");
            }
            String cls = "primer-" + c.kind().name().toLowerCase(java.util.Locale.ROOT);
            b.append("<tr class=\"").append(cls).append("\"><td><span class=\"primer-badge ").append(cls).append("\">")
                    .append(c.kind().name().toLowerCase(java.util.Locale.ROOT)).append("</span></td><td class=\"primer-code\"><span class=\"primer-key\">")
                    .append(Html.escape(c.key())).append("</span></td><td class=\"primer-code\">");
            if (!c.before().isEmpty()) b.append("<span class=\"primer-before\">").append(Html.escape(c.before())).append("</span>");
            if (!c.before().isEmpty() && !c.after().isEmpty()) b.append(" → ");
            if (!c.after().isEmpty()) b.append("<span class=\"primer-after\">").append(Html.escape(c.after())).append("</span>");
            b.append("</td><td class=\"primer-expl\">").append(Html.escape(c.english())).append("<span class=\"primer-zh\" lang=\"zh\">")
                    .append(Html.escape(c.chinese())).append("</span></td><td class=\"primer-ref\">").append(Html.escape(c.reference()).replace("; ", "<br>"))
                    .append("</td></tr>");
        }
        if (scope != null) b.append("</tbody></table></details>");
        return b.append("</div>").toString();
    }

    static String text(SdpDiff d) {
        StringBuilder b = new StringBuilder(d.heading()).append('\n');
        String scope = null;
        for (Change c : d.changes()) {
            if (!c.scope().equals(scope)) {
                scope = c.scope();
                b.append("\n== ").append(scope).append(" ==\n");
            }
            b.append(String.format("  %-8s %s%s", c.kind().name().toLowerCase(java.util.Locale.ROOT), c.key(),
                    c.before().isEmpty() && c.after().isEmpty() ? "" : ": "));
            if (!c.before().isEmpty()) b.append(c.before());
            if (!c.before().isEmpty() && !c.after().isEmpty()) b.append(" → ");
            b.append(c.after()).append('\n');
            b.append("           ").append(c.english()).append(" (").append(c.reference()).append(")\n");
            b.append("           ").append(c.chinese()).append('\n');
        }
        return b.toString();
    }
}

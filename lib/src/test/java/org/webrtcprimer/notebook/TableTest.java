package org.webrtcprimer.notebook;

import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TableTest {

    private static Table setup() {
        return Table.of("peer", "step", "time (ms)")
                .title("Setup, step by step")
                .row("pc1", "createOffer", 1.24)
                .row("pc2", "createAnswer", 12.0)
                .row("pc1", "setRemoteDescription", 0.5)
                .colorRowsBy("peer")
                .note("Each step takes about a millisecond.");
    }

    @Test
    void textIsAligned() {
        String expected = """
                Setup, step by step
                peer  step                  time (ms)
                ----  --------------------  ---------
                pc1   createOffer                 1.2
                pc2   createAnswer               12.0
                pc1   setRemoteDescription        0.5
                Each step takes about a millisecond.""";
        assertEquals(expected, setup().toText());
        assertEquals(expected, setup().toString());
    }

    @Test
    void wideCharactersCountTwice() {
        String text = Table.of("field", "含义").row("v=", "协议版本").row("o=", "origin").toText();
        String[] lines = text.split("\n");
        assertEquals("field  含义", lines[0]);
        assertEquals("-----  --------", lines[1]);
        assertEquals("v=     协议版本", lines[2]);
        assertEquals("o=     origin", lines[3]);
        assertEquals(8, Table.width("协议版本"));
    }

    @Test
    void htmlEscapesEverything() {
        String html = Table.of("<h>", "b&c")
                .title("<script>x</script>")
                .row("<td>", "\"quoted\" & 'single'")
                .note("a < b")
                .toHtml();
        assertFalse(html.contains("<script>"), html);
        assertTrue(html.contains("<caption>&lt;script&gt;x&lt;/script&gt;</caption>"), html);
        assertTrue(html.contains("<th>&lt;h&gt;</th><th>b&amp;c</th>"), html);
        assertTrue(html.contains("<td>&lt;td&gt;</td><td>&quot;quoted&quot; &amp; &#39;single&#39;</td>"), html);
        assertTrue(html.contains("<p class=\"primer-note\">a &lt; b</p>"), html);
    }

    @Test
    void htmlIsStyledScopedAndColoured() {
        String html = setup().toHtml();
        assertTrue(html.startsWith("<div class=\"primer\"><style>"), html);
        assertTrue(html.contains("<table class=\"primer-table\">"), html);
        // the numeric column is right-aligned, header and cells alike
        assertTrue(html.contains("<th class=\"primer-num\">time (ms)</th>"), html);
        assertTrue(html.contains("<td class=\"primer-num\">1.2</td>"), html);
        // rows tinted with the peer colours, with the peer's bar on the left
        assertTrue(html.contains("<tr style=\"background:rgba(31,119,180,0.10)\"><td style=\"border-left:4px solid #1f77b4;\">pc1</td>"), html);
        assertTrue(html.contains("<tr style=\"background:rgba(255,127,14,0.10)\"><td style=\"border-left:4px solid #ff7f0e;\">pc2</td>"), html);
        // every rule of the stylesheet is scoped under .primer
        Matcher rules = Pattern.compile("(?m)^([^{}\\n]+)\\{").matcher(Style.CSS);
        int n = 0;
        while (rules.find()) {
            for (String selector : rules.group(1).split(",")) {
                assertTrue(selector.trim().startsWith(".primer"), "unscoped CSS selector: " + selector);
            }
            n++;
        }
        assertTrue(n > 5, "expected the stylesheet's rules, found " + n);
    }

    @Test
    void cellColoursAndRowColours() {
        String html = Table.of("check", "result")
                .row("java", Table.ok("OK"))
                .row("camera", Table.fail("none"))
                .rowColor(Style.SIGNALING)
                .toHtml();
        assertTrue(html.contains("<td style=\"color:#2ca02c;font-weight:600;\">OK</td>"), html);
        assertTrue(html.contains("<td style=\"color:#d62728;font-weight:600;\">none</td>"), html);
        assertTrue(html.contains("<tr style=\"background:rgba(127,127,127,0.10)\">"), html);
        assertEquals("check   result\n------  ------\njava    OK\ncamera  none",
                Table.of("check", "result").row("java", Table.ok("OK")).row("camera", Table.fail("none")).toText());
    }

    @Test
    void numbersFormatsAndAlignment() {
        Table t = Table.of("name", "count", "ratio", "bytes", "id")
                .row("a", 7, 0.123456, 1234567L, "x1")
                .row("bb", 12345, 2.0, 12L, "x22")
                .row("c", null, Double.NaN, 0L, "")
                .format("ratio", "%.3f")
                .format("bytes", "%,d")
                .alignRight("id");
        assertEquals("""
                name  count  ratio      bytes   id
                ----  -----  -----  ---------  ---
                a         7  0.123  1,234,567   x1
                bb    12345  2.000         12  x22
                c              NaN          0""", t.toText());
        assertTrue(t.toHtml().contains("<td class=\"primer-num\">x22</td>"));
        // a pattern that does not fit falls back to the default instead of failing the cell
        assertEquals("  a\n---\n1.5", Table.of("a").row(1.5).format("a", "%d").toText());
    }

    @Test
    void mistakesSayWhatToDo() {
        IllegalArgumentException arity = assertThrows(IllegalArgumentException.class, () -> Table.of("a", "b").row(1));
        assertEquals("row 1 has 1 cells but the table has 2 columns [a, b]", arity.getMessage());
        IllegalArgumentException col = assertThrows(IllegalArgumentException.class, () -> Table.of("a").colorRowsBy("peer"));
        assertEquals("no column 'peer' — the columns are [a]", col.getMessage());
        IllegalStateException early = assertThrows(IllegalStateException.class, () -> Table.of("a").rowColor(Style.PC1));
        assertTrue(early.getMessage().contains("call row(...) before rowColor(...)"));
        assertThrows(IllegalArgumentException.class, Table::of);
    }

    @Test
    void multiLineCellsStayOnOneTextLine() {
        assertEquals("a\n-----\nx y z", Table.of("a").row("x\ny\r\nz").toText());
        assertEquals(0, Table.of("a").size());
        assertEquals("a\n-", Table.of("a").toText());
    }
}

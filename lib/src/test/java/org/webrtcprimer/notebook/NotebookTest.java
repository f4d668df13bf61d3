package org.webrtcprimer.notebook;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Outside a kernel: everything shows as text on System.out, and nothing throws. */
class NotebookTest {

    record Fixed(String html, String text) implements Renderable {
        @Override public String toHtml() { return html; }
        @Override public String toText() { return text; }
    }

    @BeforeEach
    void fresh() {
        Notebook.reset();
    }

    @Test
    void noKernelHere() {
        assertEquals("none", Notebook.kernel());
        assertFalse(Notebook.install(), "install() must report that no kernel rendering is in place");
        assertFalse(Renderable.KERNEL_RENDERING_INSTALLED);
    }

    @Test
    void renderableShowsItsText() throws Exception {
        String out = Capture.stdout(() -> Notebook.show(new Fixed("<b>bold</b>", "plain words")));
        assertEquals("plain words\n", out.replace("\r\n", "\n"));
        assertEquals("plain words\n", Capture.stdout(() -> new Fixed("<i>x</i>", "plain words").show()).replace("\r\n", "\n"));
    }

    @Test
    void stringsNullsAndObjects() throws Exception {
        assertEquals("hello <b>\n", Capture.stdout(() -> Notebook.show("hello <b>")));
        assertEquals("null\n", Capture.stdout(() -> Notebook.show(null)));
        assertEquals("[1, 2]\n", Capture.stdout(() -> Notebook.show(java.util.List.of(1, 2))));
    }

    @Test
    void htmlFallsBackToItsText() throws Exception {
        String out = Capture.stdout(() -> Notebook.html("<style>.x{color:red}</style><p>A &amp; B</p><p>2 &lt; 3</p>"));
        assertEquals("A & B\n2 < 3\n", out);
    }

    @Test
    void imageShowsItsSizeAsText() throws Exception {
        BufferedImage img = new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB);
        assertEquals("[image 4×3]\n", Capture.stdout(() -> Notebook.image(img)));
        Map<String, String> bundle = Notebook.bundle(img);
        assertTrue(bundle.containsKey("image/png"));
        assertEquals("[image 4×3]", bundle.get("text/plain"));
    }

    @Test
    void brokenHtmlStillShowsTextAndSaysWhyOnce() throws Exception {
        Renderable broken = new Renderable() {
            @Override public String toHtml() { throw new IllegalStateException("no html today"); }
            @Override public String toText() { return "the text"; }
        };
        Map<String, String> bundle = Notebook.bundle(broken);
        assertEquals(Map.of("text/plain", "the text"), bundle);
        String out = Capture.stdout(() -> {
            Notebook.bundle(broken);
            Notebook.bundle(broken);
        });
        assertEquals("", out, "the reason is said only once per JVM");
    }

    @Test
    void brokenTextNeverThrowsIntoTheCell() throws Exception {
        Renderable broken = new Renderable() {
            @Override public String toHtml() { throw new IllegalStateException("no html"); }
            @Override public String toText() { throw new IllegalArgumentException("no text either"); }
        };
        String out = Capture.stdout(() -> Notebook.show(broken));
        assertTrue(out.contains("IllegalArgumentException: no text either"), out);
        Object weird = new Object() {
            @Override public String toString() { throw new UnsupportedOperationException("nope"); }
        };
        String out2 = Capture.stdout(() -> Notebook.show(weird));
        assertTrue(out2.contains("UnsupportedOperationException: nope"), out2);
    }

    @Test
    void stripTagsKeepsTheWords() {
        assertEquals("Title\na  b", Notebook.stripTags("<table><caption>Title</caption><tr><td>a</td><td>b</td></tr></table>"));
    }
}

package org.webrtcprimer.notebook;

import java.awt.image.RenderedImage;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Shows things in the notebook: HTML and text for a {@link Renderable}, PNG for an image, text
 * for the rest — in whichever Java kernel runs the notebook (rapaio, IJava or JJava), and as
 * plain text on {@code System.out} everywhere else.
 *
 * <pre>{@code
 * Notebook.show(table);          // an HTML table in a notebook, aligned text in a console
 * Notebook.image(frame);         // a PNG
 * Notebook.kernel();             // "rapaio", "IJava", "JJava" or "none"
 * }</pre>
 *
 * <p>A cell may also simply end with a {@link Renderable}: the library teaches the kernel to
 * render it as HTML the first time any Renderable class loads (see {@link #install()}).
 *
 * <p>Showing never throws into a learner's cell: if the kernel refuses rich output, the text form
 * is printed instead, and the reason is said once.
 */
public final class Notebook {
    private Notebook() {}

    private static volatile KernelBridge bridge;
    private static volatile boolean warned;

    /** Which kernel runs this code: {@code "rapaio"}, {@code "IJava"}, {@code "JJava"} or {@code "none"}. */
    public static String kernel() {
        return bridge().name();
    }

    /**
     * Shows a value: a {@link Renderable} as HTML (with its text form beside it), a
     * {@link RenderedImage} (e.g. {@code BufferedImage}) as PNG, anything else as text
     * ({@code toString()}; {@code null} as "null").
     */
    public static void show(Object value) {
        Map<String, String> bundle;
        try {
            bundle = bundle(value);
        } catch (Throwable t) {
            // the value could not draw itself richly: its text still shows
            bundle = Map.of("text/plain", safeText(value));
            fallbackNote("could not render " + typeName(value) + " richly (" + describe(t) + ")");
        }
        publish(bundle);
    }

    /** Shows an HTML fragment (its text form is the fragment with the tags removed). */
    public static void html(String html) {
        Map<String, String> bundle = new LinkedHashMap<>();
        String h = html == null ? "" : html;
        bundle.put("text/html", h);
        bundle.put("text/plain", stripTags(h));
        publish(bundle);
    }

    /** Shows an image as PNG. */
    public static void image(RenderedImage image) {
        show(image);
    }

    /**
     * Teaches the running kernel to render a {@link Renderable} returned as a cell's last
     * expression as HTML. Idempotent and cheap; called automatically when the first Renderable
     * class loads and by every {@link #show}. Returns whether that rendering is in place (false
     * outside a kernel or where the kernel offers no way to do it).
     *
     * <p>rapaio: a renderer first in its display system. IJava and JJava: a render function
     * registered with the kernel's renderer for {@code Renderable}.
     */
    public static synchronized boolean install() {
        try {
            return bridge().installRenderer(Renderable.class, Notebook::renderableBundle);
        } catch (Throwable t) {
            fallbackNote("a Renderable returned by a cell will show as text (" + describe(t) + ")");
            return false;
        }
    }

    // ---------------------------------------------------------------- package-private plumbing

    static KernelBridge bridge() {
        KernelBridge b = bridge;
        if (b == null) {
            synchronized (Notebook.class) {
                b = bridge;
                if (b == null) bridge = b = KernelBridge.detect();
            }
        }
        return b;
    }

    /** The MIME bundle of a value, richest form first. */
    static Map<String, String> bundle(Object value) {
        if (value instanceof Renderable r) return renderableBundle(r);
        Map<String, String> bundle = new LinkedHashMap<>();
        if (value instanceof RenderedImage img) {
            bundle.put("image/png", Html.pngBase64(img));
            bundle.put("text/plain", "[image " + img.getWidth() + "×" + img.getHeight() + "]");
            return bundle;
        }
        bundle.put("text/plain", String.valueOf(value));
        return bundle;
    }

    /** HTML and text of a Renderable; if its HTML fails, its text alone (and the reason, once). */
    static Map<String, String> renderableBundle(Object value) {
        Renderable r = (Renderable) value;
        Map<String, String> bundle = new LinkedHashMap<>();
        try {
            bundle.put("text/html", r.toHtml());
        } catch (Throwable t) {
            fallbackNote("could not render " + typeName(value) + " as HTML (" + describe(t) + ")");
        }
        bundle.put("text/plain", safeText(r));
        return bundle;
    }

    /**
     * Publishes a bundle in the kernel (with a new display id when {@code updatable}); outside a
     * kernel, or when the kernel refuses, prints its text. Returns the display id, or null when
     * the bundle went out as text.
     */
    static String publish(Map<String, String> bundle, boolean updatable) {
        KernelBridge b = bridge();
        if (b != KernelBridge.NONE) {
            try {
                install();
                String id = updatable ? UUID.randomUUID().toString() : null;
                b.display(bundle, id);
                return id;
            } catch (Throwable t) {
                fallbackNote("the " + b.name() + " kernel refused rich output (" + describe(t) + ")");
            }
        }
        printText(bundle);
        return null;
    }

    private static void publish(Map<String, String> bundle) {
        publish(bundle, false);
    }

    /** Replaces a display published with an id; false if the kernel refused (nothing printed). */
    static boolean update(String displayId, Map<String, String> bundle) {
        try {
            bridge().update(bundle, displayId);
            return true;
        } catch (Throwable t) {
            fallbackNote("the " + bridge().name() + " kernel cannot update an output in place (" + describe(t) + ")");
            return false;
        }
    }

    static void printText(Map<String, String> bundle) {
        String text = bundle.get("text/plain");
        if (text == null) text = stripTags(bundle.getOrDefault("text/html", ""));
        PrintStream out = System.out;
        out.println(text);
        out.flush();
    }

    /** Says once per JVM why rich output fell back to text. */
    static void fallbackNote(String why) {
        if (warned) return;
        warned = true;
        try {
            System.out.println("[webrtc-primer] " + why + "; showing plain text instead.");
        } catch (Throwable ignored) {
            // nowhere to say it
        }
    }

    /** For tests: forget the detected kernel and the note already said. */
    static synchronized void reset() {
        bridge = null;
        warned = false;
    }

    private static String safeText(Object value) {
        try {
            if (value instanceof Renderable r) return r.toText();
            return String.valueOf(value);
        } catch (Throwable t) {
            return "[" + typeName(value) + ": " + describe(t) + "]";
        }
    }

    private static String typeName(Object value) {
        if (value == null) return "null";
        String simple = value.getClass().getSimpleName();
        return simple.isEmpty() ? value.getClass().getName() : simple;
    }

    private static String describe(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String msg = root.getMessage();
        return root.getClass().getSimpleName() + (msg == null || msg.isBlank() ? "" : ": " + msg);
    }

    /** Tags removed, common entities decoded, blank runs collapsed: a rough text form of HTML. */
    static String stripTags(String html) {
        String s = html.replaceAll("(?is)<(style|script)[^>]*>.*?</\\1>", "")
                .replaceAll("(?i)<br\\s*/?>|</p>|</div>|</tr>|</h\\d>|</li>|</caption>", "\n")
                .replaceAll("(?i)</t[dh]>", "  ")
                .replaceAll("<[^>]*>", "");
        s = s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&nbsp;", " ").replace("&amp;", "&");
        return s.replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip();
    }
}

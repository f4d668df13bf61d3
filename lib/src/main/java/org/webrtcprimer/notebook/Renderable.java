package org.webrtcprimer.notebook;

/**
 * Something a lesson can show: an HTML view for a notebook, plain text everywhere else.
 *
 * <p>Tables, logs, dissections and reports implement this; {@code Notebook.show(...)} picks
 * the richest form the running kernel understands, and a cell that ends with a Renderable
 * shows its HTML too (rapaio, IJava, JJava).
 */
public interface Renderable {

    /** An HTML fragment (no {@code <html>} or {@code <body>}), styled with {@link Style#CSS} classes. */
    String toHtml();

    /** The same content as plain text, for consoles, logs and kernels without HTML. */
    String toText();

    /** Shows this in the notebook (HTML), or prints its text outside one. Same as {@code Notebook.show(this)}. */
    default void show() {
        Notebook.show(this);
    }

    /**
     * Not for use: its initialiser teaches the running kernel to render Renderables returned by a
     * cell. Java initialises an interface that declares a default method (like {@link #show()})
     * before the first class implementing it, so this runs before any Renderable can reach a
     * kernel. Holds whether rendering was installed; never throws.
     */
    boolean KERNEL_RENDERING_INSTALLED = Notebook.install();
}

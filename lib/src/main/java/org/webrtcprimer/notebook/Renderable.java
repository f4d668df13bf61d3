package org.webrtcprimer.notebook;

/**
 * Something a lesson can show: an HTML view for a notebook, plain text everywhere else.
 *
 * <p>Tables, logs, dissections and reports implement this; {@code Notebook.show(...)} picks
 * the richest form the running kernel understands.
 */
public interface Renderable {

    /** An HTML fragment (no {@code <html>} or {@code <body>}), styled with {@link Style#CSS} classes. */
    String toHtml();

    /** The same content as plain text, for consoles, logs and kernels without HTML. */
    String toText();
}

package org.webrtcprimer.charts;

import org.webrtcprimer.notebook.Renderable;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Base64;

/**
 * A drawn chart and the sentence under it that says what to notice — the kit's figures.
 *
 * @param image   the chart, drawn
 * @param title   its title (also drawn on it)
 * @param caption one or two sentences for the learner: what to notice
 */
public record Chart(BufferedImage image, String title, String caption) implements Renderable {

    /** The chart as PNG bytes. */
    public byte[] png() {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the chart as a PNG file. */
    public Path save(Path file) {
        try {
            java.nio.file.Files.write(file, png());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }

    @Override
    public String toHtml() {
        return "<figure class=\"primer-chart\" style=\"margin:6px 0\"><img alt=\"" + escape(title) + "\" src=\"data:image/png;base64,"
                + Base64.getEncoder().encodeToString(png()) + "\" style=\"max-width:100%\"/>"
                + (caption.isEmpty() ? "" : "<figcaption style=\"font-family:sans-serif;font-size:13px;color:#444;max-width:"
                + image.getWidth() + "px\">" + escape(caption) + "</figcaption>") + "</figure>";
    }

    @Override
    public String toText() {
        return "[chart: " + title + ", " + image.getWidth() + "×" + image.getHeight() + " px]" + (caption.isEmpty() ? "" : "\n" + caption);
    }

    @Override
    public String toString() {
        return toText();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

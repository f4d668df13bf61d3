package org.webrtcprimer.notebook;

import javax.imageio.ImageIO;
import java.awt.image.RenderedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;

/** Small HTML helpers shared by the views: escaping, and images embedded as PNG. */
public final class Html {
    private Html() {}

    /**
     * Escapes text for an HTML element or a quoted attribute: {@code & < > " '}, and control
     * characters other than tab and newline (which would otherwise vanish or break the page).
     * {@code null} becomes the empty string.
     */
    public static String escape(Object value) {
        if (value == null) return "";
        String s = value.toString();
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String rep = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> c < 0x20 && c != '\t' && c != '\n' ? "&#x" + Integer.toHexString(c) + ";" : null;
            };
            if (rep != null) {
                if (b == null) b = new StringBuilder(s.length() + 16).append(s, 0, i);
                b.append(rep);
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? s : b.toString();
    }

    /** The image as PNG bytes. */
    public static byte[] png(RenderedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalArgumentException("no PNG writer accepts this image (" + image.getClass().getName() + ")");
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode the image as PNG", e);
        }
    }

    /** The image as base64 PNG, the form notebooks carry in {@code image/png} outputs. */
    public static String pngBase64(RenderedImage image) {
        return Base64.getEncoder().encodeToString(png(image));
    }

    /**
     * An {@code <img>} element carrying the image inline as a PNG data URI, at most as wide as
     * the output area. The notebook tests count these as images.
     */
    public static String img(RenderedImage image, String alt) {
        return "<img alt=\"" + escape(alt) + "\" src=\"data:image/png;base64," + pngBase64(image)
                + "\" style=\"max-width:100%\"/>";
    }
}

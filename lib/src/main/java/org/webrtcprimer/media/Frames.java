package org.webrtcprimer.media;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/** Pictures of frames for lessons: two views side by side, each under its caption, like the article's page. */
public final class Frames {
    private Frames() {}

    /**
     * The latest frame of each view side by side with a caption over each — the article's
     * {@code localVideo} and {@code remoteVideo} elements. A view without a frame shows as a grey box
     * saying so.
     */
    public static BufferedImage sideBySide(VideoView left, VideoView right) {
        return sideBySide(left, "localVideo — what pc1 sends", right, "remoteVideo — what pc2 receives");
    }

    /** Two views side by side under the given captions. */
    public static BufferedImage sideBySide(VideoView left, String leftCaption, VideoView right, String rightCaption) {
        BufferedImage a = frameOrPlaceholder(left), b = frameOrPlaceholder(right);
        int w = 400, h = w * 3 / 4, gap = 16, caption = 26;
        BufferedImage out = new BufferedImage(2 * w + gap, h + caption, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.setFont(new Font("DejaVu Sans", Font.PLAIN, 14));
        g.setColor(new Color(0x33, 0x33, 0x33));
        g.drawString(leftCaption + info(left), 2, 18);
        g.drawString(rightCaption + info(right), w + gap + 2, 18);
        g.drawImage(a, 0, caption, w, h, null);
        g.drawImage(b, w + gap, caption, w, h, null);
        g.dispose();
        return out;
    }

    private static String info(VideoView v) {
        return v.frames() == 0 ? "" : " (" + v.videoWidth() + "×" + v.videoHeight() + ")";
    }

    private static BufferedImage frameOrPlaceholder(VideoView v) {
        if (v.frames() > 0) {
            try {
                return v.snapshot();
            } catch (IllegalStateException ignored) {
                // closed between the check and the snapshot: fall through to the placeholder
            }
        }
        BufferedImage p = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = p.createGraphics();
        g.setColor(new Color(0xee, 0xee, 0xee));
        g.fillRect(0, 0, 640, 480);
        g.setColor(new Color(0x77, 0x77, 0x77));
        g.setFont(new Font("DejaVu Sans", Font.PLAIN, 28));
        g.drawString(v.name() + ": no frame yet", 150, 250);
        g.dispose();
        return p;
    }
}

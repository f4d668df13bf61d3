package org.webrtcprimer.charts;

import org.webrtcprimer.media.Frames;
import org.webrtcprimer.media.VideoView;
import org.webrtcprimer.notebook.LiveImage;
import org.webrtcprimer.notebook.Renderable;
import org.webrtcprimer.notebook.Style;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * Moving pictures in a notebook: the local and the remote view side by side, sampled while a call
 * runs. While it records, one picture is replaced in place (where the kernel can update an output:
 * rapaio, IJava and JJava can); afterwards the cell shows the frames as a looping animated GIF, so
 * the clip also plays in an exported or executed copy of the notebook.
 *
 * <pre>{@code
 * VideoClip.record(call.localVideo(), call.remoteVideo(), Duration.ofSeconds(2))
 * }</pre>
 */
public final class VideoClip implements Renderable {
    private static final int MAX_FRAMES = 40;
    private final List<BufferedImage> frames;
    private final double millis;
    private final boolean refreshed;

    private VideoClip(List<BufferedImage> frames, double millis, boolean refreshed) {
        this.frames = List.copyOf(frames);
        this.millis = millis;
        this.refreshed = refreshed;
    }

    /** Samples both views for a while (at most 4 s), about 8 times a second, from the cell's own thread. */
    public static VideoClip record(VideoView left, VideoView right, Duration length) {
        if (left == null || right == null) throw new IllegalArgumentException("pass two views, e.g. call.localVideo(), call.remoteVideo()");
        long ms = Math.min(Math.max(length.toMillis(), 250), 4000);
        List<BufferedImage> frames = new ArrayList<>();
        long t0 = System.nanoTime(), end = t0 + ms * 1_000_000;
        LiveImage live = null;
        while (System.nanoTime() < end && frames.size() < MAX_FRAMES) {
            BufferedImage f = half(Frames.sideBySide(left, right));
            frames.add(f);
            String caption = String.format(Locale.ROOT, "live: %.1f s of %.1f s", (System.nanoTime() - t0) / 1e9, ms / 1000.0);
            // Encoding a picture for the notebook costs more than taking it: refresh every third one.
            if (live == null) live = LiveImage.show(f, caption);
            else if (frames.size() % 3 == 0) live.update(f, caption);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return new VideoClip(frames, (System.nanoTime() - t0) / 1e6, live != null && live.updates() > 0);
    }

    /** How many frames the clip has. */
    public int size() {
        return frames.size();
    }

    /** The clip as an animated GIF file. */
    public byte[] gif() {
        if (frames.isEmpty()) return new byte[0];
        int delayCs = (int) Math.max(2, Math.round(millis / 10.0 / frames.size()));
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(); ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            ImageWriter w = ImageIO.getImageWritersBySuffix("gif").next();
            w.setOutput(out);
            w.prepareWriteSequence(null);
            for (int i = 0; i < frames.size(); i++) {
                BufferedImage f = frames.get(i);
                IIOMetadata meta = w.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(f), null);
                String format = meta.getNativeMetadataFormatName();
                IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(format);
                IIOMetadataNode gce = child(root, "GraphicControlExtension");
                gce.setAttribute("disposalMethod", "none");
                gce.setAttribute("userInputFlag", "FALSE");
                gce.setAttribute("transparentColorFlag", "FALSE");
                gce.setAttribute("delayTime", String.valueOf(delayCs));
                gce.setAttribute("transparentColorIndex", "0");
                if (i == 0) {
                    IIOMetadataNode apps = child(root, "ApplicationExtensions");
                    IIOMetadataNode app = new IIOMetadataNode("ApplicationExtension");
                    app.setAttribute("applicationID", "NETSCAPE");
                    app.setAttribute("authenticationCode", "2.0");
                    app.setUserObject(new byte[]{1, 0, 0}); // loop forever
                    apps.appendChild(app);
                }
                meta.setFromTree(format, root);
                w.writeToSequence(new IIOImage(f, null, meta), null);
            }
            w.endWriteSequence();
            w.dispose();
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode the clip as GIF", e);
        }
    }

    private static IIOMetadataNode child(IIOMetadataNode root, String name) {
        for (int i = 0; i < root.getLength(); i++) {
            if (root.item(i).getNodeName().equalsIgnoreCase(name)) return (IIOMetadataNode) root.item(i);
        }
        IIOMetadataNode n = new IIOMetadataNode(name);
        root.appendChild(n);
        return n;
    }

    private static BufferedImage half(BufferedImage in) {
        int w = in.getWidth() * 3 / 5, h = in.getHeight() * 3 / 5;
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(in, 0, 0, w, h, null);
        g.dispose();
        return out;
    }

    private String caption() {
        return String.format(Locale.ROOT, "%d pictures taken over %.1f s on this machine, replayed in a loop%s. Watch both frame "
                        + "counters run: the right one trails the left by the frames on their way.", frames.size(), millis / 1000,
                refreshed ? " (while it recorded, the picture above was refreshed in place)" : "");
    }

    @Override
    public String toHtml() {
        return Style.wrap(null, "<img alt=\"localVideo and remoteVideo, animated\" src=\"data:image/gif;base64,"
                + Base64.getEncoder().encodeToString(gif()) + "\"><div class=\"primer-note\">"
                + org.webrtcprimer.notebook.Html.escape(caption()) + "</div>");
    }

    @Override
    public String toText() {
        return "[animated clip: " + frames.size() + " frames] " + caption();
    }
}

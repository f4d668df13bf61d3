package org.webrtcprimer.media;

import dev.onvoid.webrtc.media.video.CustomVideoSource;
import dev.onvoid.webrtc.media.video.NativeI420Buffer;
import dev.onvoid.webrtc.media.video.VideoFrame;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.time.LocalTime;
import java.util.concurrent.locks.LockSupport;
import java.time.format.DateTimeFormatter;

/**
 * The kit's camera when there is none: a test pattern that moves, with a frame counter and a
 * clock, pushed into a {@link CustomVideoSource} at a steady frame rate.
 *
 * <p>The pattern is flat colour bars with a sweeping ball: it compresses to a small keyframe, so
 * the first frame reaches the far side quickly (engine-notes.md: the first keyframe is paced out
 * at the start bitrate, so its size is setup time). The counter and clock let a learner compare a
 * local and a remote snapshot and see how many frames were in flight.
 */
final class SyntheticVideo {

    private static final Color[] BARS = {
            new Color(191, 191, 191), new Color(191, 191, 0), new Color(0, 191, 191),
            new Color(0, 191, 0), new Color(191, 0, 191), new Color(191, 0, 0), new Color(0, 0, 191)};
    private static final DateTimeFormatter WALL = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    private final CustomVideoSource source;
    private final int width, height, fps;
    private final BufferedImage background;
    private final BufferedImage canvas;
    private final Font big, small;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long framesPushed;
    private volatile boolean frameRequested;
    private final long startNanos = System.nanoTime();

    SyntheticVideo(CustomVideoSource source, int width, int height, int fps) {
        this.source = source;
        this.width = width;
        this.height = height;
        this.fps = fps;
        this.background = drawBackground(width, height);
        this.canvas = new BufferedImage(width, height, BufferedImage.TYPE_4BYTE_ABGR);
        this.big = new Font(Font.MONOSPACED, Font.BOLD, Math.max(10, height / 12));
        this.small = new Font(Font.SANS_SERIF, Font.PLAIN, Math.max(8, height / 30));
        this.thread = new Thread(this::run, "primer-synthetic-video");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    long framesPushed() {
        return framesPushed;
    }

    /**
     * Pushes the next frame now instead of at its slot, and keeps the 30 fps rhythm from there —
     * like {@code CanvasCaptureMediaStreamTrack.requestFrame()}. The call asks for this the
     * moment the connection is up, so the encoder need not wait up to a frame interval.
     */
    void requestFrame() {
        frameRequested = true;
        LockSupport.unpark(thread);
    }

    private static BufferedImage drawBackground(int w, int h) {
        BufferedImage bg = new BufferedImage(w, h, BufferedImage.TYPE_4BYTE_ABGR);
        Graphics2D g = bg.createGraphics();
        int barsBottom = h * 2 / 3;
        for (int i = 0; i < BARS.length; i++) {
            g.setColor(BARS[i]);
            int x0 = i * w / BARS.length, x1 = (i + 1) * w / BARS.length;
            g.fillRect(x0, 0, x1 - x0, barsBottom);
        }
        g.setColor(new Color(24, 24, 32));
        g.fillRect(0, barsBottom, w, h - barsBottom);
        g.dispose();
        return bg;
    }

    /** Draws frame number {@code n} into the canvas. */
    private void draw(long n, long elapsedNanos) {
        byte[] dst = ((DataBufferByte) canvas.getRaster().getDataBuffer()).getData();
        byte[] src = ((DataBufferByte) background.getRaster().getDataBuffer()).getData();
        System.arraycopy(src, 0, dst, 0, src.length);

        Graphics2D g = canvas.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        int barsBottom = height * 2 / 3;

        // A ball sweeping left to right once every four seconds: motion a learner can see.
        double phase = (elapsedNanos / 4e9) % 1.0;
        int r = height / 10;
        int cx = (int) (r + phase * (width - 2 * r));
        int cy = barsBottom / 2;
        g.setColor(Color.WHITE);
        g.fillOval(cx - r, cy - r, 2 * r, 2 * r);
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(Math.max(1, height / 160f)));
        g.drawOval(cx - r, cy - r, 2 * r, 2 * r);

        g.setColor(Color.WHITE);
        g.setFont(big);
        int line = big.getSize();
        int x = width / 24;
        g.drawString(String.format("frame %06d", n), x, barsBottom + line + line / 4);
        g.drawString(String.format("t = %8.3f s", elapsedNanos / 1e9), x, barsBottom + 2 * line + line / 2);
        g.setFont(small);
        g.setColor(new Color(200, 200, 210));
        g.drawString("WebRTC Primer · synthetic camera · " + width + "×" + height + " @ " + fps + " fps · "
                + LocalTime.now().format(WALL), x, height - small.getSize() / 2);
        g.dispose();
    }

    private void run() {
        long interval = 1_000_000_000L / fps;
        long next = System.nanoTime();
        long n = 0;
        while (running) {
            long now = System.nanoTime();
            draw(n, now - startNanos);
            NativeI420Buffer buffer = I420Image.toEngineBuffer(canvas);
            VideoFrame frame = new VideoFrame(buffer, now);
            try {
                source.pushFrame(frame);
                framesPushed = ++n;
            } catch (Throwable t) {
                // The source was disposed under us: stop quietly, the stream is ending.
                running = false;
            } finally {
                frame.release();
            }
            next += interval;
            if (next - System.nanoTime() < -interval) {
                next = System.nanoTime(); // fell behind (a busy machine): skip, don't burst
            }
            long sleep;
            while (running && !frameRequested && (sleep = next - System.nanoTime()) > 0) {
                LockSupport.parkNanos(this, sleep);
                if (Thread.interrupted()) running = false;
            }
            if (frameRequested) {
                frameRequested = false;
                next = System.nanoTime();
            }
        }
    }

    /** Stops pushing frames and waits for the generator thread to end. */
    void stop() {
        running = false;
        thread.interrupt();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

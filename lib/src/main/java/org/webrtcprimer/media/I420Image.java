package org.webrtcprimer.media;

import dev.onvoid.webrtc.media.FourCC;
import dev.onvoid.webrtc.media.video.I420Buffer;
import dev.onvoid.webrtc.media.video.NativeI420Buffer;
import dev.onvoid.webrtc.media.video.VideoBufferConverter;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.ByteBuffer;

/**
 * A video frame in the engine's own format, I420 (YUV 4:2:0), copied onto the Java heap so it
 * outlives the engine's frame — and turned into a picture on request.
 *
 * <p>I420 stores brightness (Y) for every pixel and colour (U, V) for every 2×2 block: a 640×480
 * frame is 307,200 + 2 × 76,800 = 460,800 bytes, half of RGB's 921,600.
 *
 * @param width  pixels
 * @param height pixels
 * @param y      luma plane, {@code width × height} bytes, no padding
 * @param u      blue-difference chroma plane, {@code ⌈w/2⌉ × ⌈h/2⌉} bytes
 * @param v      red-difference chroma plane, same size as {@code u}
 */
public record I420Image(int width, int height, byte[] y, byte[] u, byte[] v) {

    public I420Image {
        int cw = (width + 1) / 2, ch = (height + 1) / 2;
        if (width <= 0 || height <= 0 || y.length != width * height || u.length != cw * ch || v.length != cw * ch) {
            throw new IllegalArgumentException("I420 planes do not match " + width + "×" + height);
        }
    }

    /** Copies an engine buffer's planes (which may have row padding) into a new image. */
    public static I420Image copyOf(I420Buffer b) {
        int w = b.getWidth(), h = b.getHeight(), cw = (w + 1) / 2, ch = (h + 1) / 2;
        return new I420Image(w, h,
                copyPlane(b.getDataY(), b.getStrideY(), w, h),
                copyPlane(b.getDataU(), b.getStrideU(), cw, ch),
                copyPlane(b.getDataV(), b.getStrideV(), cw, ch));
    }

    private static byte[] copyPlane(ByteBuffer src, int stride, int w, int h) {
        byte[] dst = new byte[w * h];
        if (stride == w) {
            src.get(0, dst, 0, w * h);
        } else {
            for (int row = 0; row < h; row++) src.get(row * stride, dst, row * w, w);
        }
        return dst;
    }

    /**
     * Converts to an RGB picture, with the BT.601 limited-range matrix that libwebrtc's software
     * codecs use (Y 16–235, U/V 16–240).
     */
    public BufferedImage toImage() {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] rgb = new int[width * height];
        int cw = (width + 1) / 2;
        for (int row = 0; row < height; row++) {
            int yo = row * width, co = (row / 2) * cw;
            for (int col = 0; col < width; col++) {
                int c = (y[yo + col] & 0xff) - 16;
                int d = (u[co + col / 2] & 0xff) - 128;
                int e = (v[co + col / 2] & 0xff) - 128;
                int r = clamp((298 * c + 409 * e + 128) >> 8);
                int g = clamp((298 * c - 100 * d - 208 * e + 128) >> 8);
                int bl = clamp((298 * c + 516 * d + 128) >> 8);
                rgb[yo + col] = (r << 16) | (g << 8) | bl;
            }
        }
        img.setRGB(0, 0, width, height, rgb, 0, width);
        return img;
    }

    private static int clamp(int x) {
        return x < 0 ? 0 : Math.min(255, x);
    }

    /**
     * Converts a picture drawn by Java 2D into a new engine buffer (libyuv does the arithmetic).
     * The picture must be {@link BufferedImage#TYPE_4BYTE_ABGR}: its bytes sit in memory as
     * A, B, G, R, which libyuv calls "RGBA". The caller owns the returned buffer and releases it.
     */
    public static NativeI420Buffer toEngineBuffer(BufferedImage abgr) {
        if (abgr.getType() != BufferedImage.TYPE_4BYTE_ABGR) {
            throw new IllegalArgumentException("expected a TYPE_4BYTE_ABGR image, got type " + abgr.getType());
        }
        byte[] bytes = ((DataBufferByte) abgr.getRaster().getDataBuffer()).getData();
        NativeI420Buffer buffer = NativeI420Buffer.allocate(abgr.getWidth(), abgr.getHeight());
        try {
            VideoBufferConverter.convertToI420(bytes, buffer, FourCC.RGBA);
        } catch (Exception e) {
            buffer.release();
            throw new IllegalStateException("RGB → I420 conversion failed: " + e.getMessage(), e);
        }
        return buffer;
    }

    @Override
    public String toString() {
        return "I420Image " + width + "×" + height;
    }
}

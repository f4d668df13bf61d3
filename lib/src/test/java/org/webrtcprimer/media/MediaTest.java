package org.webrtcprimer.media;

import dev.onvoid.webrtc.media.video.NativeI420Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

@Timeout(60)
class MediaTest {

    @Test
    void rgbToI420AndBackKeepsColours() {
        BufferedImage img = new BufferedImage(64, 32, BufferedImage.TYPE_4BYTE_ABGR);
        Graphics2D g = img.createGraphics();
        Color[] colours = {Color.RED, Color.GREEN, Color.BLUE, Color.WHITE};
        for (int i = 0; i < 4; i++) {
            g.setColor(colours[i]);
            g.fillRect(i * 16, 0, 16, 32);
        }
        g.dispose();
        NativeI420Buffer engine = I420Image.toEngineBuffer(img);
        try {
            I420Image i420 = I420Image.copyOf(engine);
            // BT.601 limited range: pure red is Y≈81, U≈90, V≈240.
            assertEquals(81, i420.y()[8] & 0xff, 3);
            assertEquals(90, i420.u()[4] & 0xff, 3);
            assertEquals(240, i420.v()[4] & 0xff, 3);
            BufferedImage back = i420.toImage();
            for (int i = 0; i < 4; i++) {
                Color c = new Color(back.getRGB(i * 16 + 8, 16));
                assertEquals(colours[i].getRed(), c.getRed(), 6, "red of bar " + i);
                assertEquals(colours[i].getGreen(), c.getGreen(), 6, "green of bar " + i);
                assertEquals(colours[i].getBlue(), c.getBlue(), 6, "blue of bar " + i);
            }
        } finally {
            engine.release();
        }
    }

    @Test
    void rejectsOtherImageTypes() {
        BufferedImage rgb = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> I420Image.toEngineBuffer(rgb));
        assertTrue(e.getMessage().contains("TYPE_4BYTE_ABGR"));
    }

    @Test
    void constraintsSayWhatIsWrong() {
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> new Constraints(false, false, Constraints.Source.AUTO, 640, 480, 30, 440));
        assertTrue(none.getMessage().contains("audio, video or both"));
        IllegalArgumentException size = assertThrows(IllegalArgumentException.class,
                () -> Constraints.audioVideo().withSize(641, 480));
        assertTrue(size.getMessage().contains("641×480"));
        assertThrows(IllegalArgumentException.class, () -> Constraints.audioVideo().withFrameRate(0));
        assertThrows(IllegalArgumentException.class, () -> Constraints.audioVideo().withTone(5));
        assertEquals("{audio: true, video: {width: 320, height: 240, frameRate: 15}} from synthetic",
                Constraints.audioVideo().withSynthetic().withSize(320, 240).withFrameRate(15).toString());
    }

    @Test
    void syntheticStreamProducesFramesAtItsRate() throws Exception {
        MediaStream s = MediaDevices.getUserMedia(Constraints.audioVideo().withSynthetic());
        try {
            assertEquals(2, s.getTracks().size());
            assertEquals("Synthetic tone 440 Hz", s.getAudioTracks().get(0).label());
            assertTrue(s.getVideoTracks().get(0).label().startsWith("Synthetic test pattern 640×480"));
            assertTrue(s.getVideoTracks().get(0).synthetic());
            assertFalse(s.getVideoTracks().get(0).id().isEmpty());
            VideoView local = s.localVideo();
            local.awaitFirstFrame(Duration.ofSeconds(3));
            Thread.sleep(1000);
            assertTrue(local.frames() >= 20, "expected ~30 frames in a second, got " + local.frames());
            assertTrue(local.fps() > 20 && local.fps() < 40, "fps " + local.fps());
            BufferedImage snap = local.snapshot();
            assertEquals(640, snap.getWidth());
            assertEquals(480, snap.getHeight());
            // The pattern's sixth bar (red) sits at x ≈ 5.5/7 of the width, above the caption band.
            Color red = new Color(snap.getRGB(500, 40));
            assertTrue(red.getRed() > 150 && red.getGreen() < 60 && red.getBlue() < 60, "expected red, got " + red);
        } finally {
            s.stop();
        }
        assertFalse(s.active());
        assertEquals("ended", s.getVideoTracks().get(0).readyState());
        assertDoesNotThrow(s::stop);
        assertTrue(s.localVideo().isClosed());
        Thread.sleep(700);
        assertEquals(0, s.localVideo().fps(), "frames stopped coming: the rate is 0, not the last one");
        assertTrue(s.localVideo().frames() >= 20, "the frame count stays");
    }

    @Test
    void audioOnlyStreamHasNoLocalVideo() {
        MediaStream s = MediaDevices.getUserMedia(Constraints.audioOnly().withSynthetic());
        try {
            assertTrue(s.getVideoTracks().isEmpty());
            IllegalStateException e = assertThrows(IllegalStateException.class, s::localVideo);
            assertTrue(e.getMessage().contains("no video"));
        } finally {
            s.stop();
        }
    }

    @Test
    void devicesOnlyFailsClearlyWithoutACamera() {
        assumeFalse(MediaDevices.hasCamera(), "this machine has a camera");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> MediaDevices.getUserMedia(Constraints.videoOnly().withDevicesOnly()));
        assertTrue(e.getMessage().contains("no camera found"), e.getMessage());
    }

    @Test
    void enumerateDevicesAlwaysListsTheSyntheticSources() {
        var devices = MediaDevices.enumerateDevices();
        assertTrue(devices.stream().anyMatch(d -> d.synthetic() && d.kind().equals("videoinput")));
        assertTrue(devices.stream().anyMatch(d -> d.synthetic() && d.kind().equals("audioinput")));
    }

    @Test
    void snapshotBeforeAnyFrameSaysWhy() {
        VideoView v = new VideoView("remoteVideo", "pc2", null);
        IllegalStateException e = assertThrows(IllegalStateException.class, v::snapshot);
        assertTrue(e.getMessage().contains("remoteVideo has no frame yet"));
        IllegalStateException t = assertThrows(IllegalStateException.class, () -> v.awaitFirstFrame(Duration.ofMillis(50)));
        assertTrue(t.getMessage().contains("no video frame within 50 ms"));
        v.close();
        assertDoesNotThrow(v::close);
    }
}

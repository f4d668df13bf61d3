package org.webrtcprimer.charts;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.webrtcprimer.media.AudioCapture;
import org.webrtcprimer.notebook.Html;
import org.webrtcprimer.notebook.Renderable;
import org.webrtcprimer.notebook.Style;

import java.awt.BasicStroke;
import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.Locale;

/**
 * A recording of received audio as the notebook shows it: a playable {@code <audio>} element
 * (WAV, 16 kHz mono, so it stays small), its spectrum with the strongest frequency marked, and
 * how much of the recording's time the engine really delivered.
 *
 * <pre>{@code
 * AudioView.of(call.remoteAudio().record(Duration.ofSeconds(2)))
 * }</pre>
 */
public final class AudioView implements Renderable {
    private static final int WAV_RATE = 16_000;
    private final AudioCapture.Recording rec;
    private final double peakHz;
    private final Chart spectrum;

    private final double playoutShare;

    private AudioView(AudioCapture.Recording rec, double playoutShare) {
        this.rec = rec;
        this.playoutShare = playoutShare;
        double[] s = rec.samples();
        int n = 1;
        while (n * 2 <= Math.min(s.length, 16384)) n *= 2;
        double[] mag = n >= 256 ? magnitudes(s, n) : new double[0];
        int best = 1;
        for (int i = 1; i < mag.length; i++) if (mag[i] > mag[best]) best = i;
        this.peakHz = mag.length == 0 ? Double.NaN : best * (double) rec.sampleRate() / n;
        this.spectrum = chart(mag, n);
    }

    /** The view of a recording. */
    public static AudioView of(AudioCapture.Recording rec) {
        if (rec == null) throw new IllegalArgumentException("no recording — call.remoteAudio().record(Duration.ofSeconds(2))");
        return new AudioView(rec, Double.NaN);
    }

    /**
     * The view of a recording, with the share of the recording's time that the receiver's audio
     * module pulled out for playout (from inbound-rtp totalSamplesReceived before and after, at the
     * track's sample rate); NaN when unknown.
     */
    public static AudioView of(AudioCapture.Recording rec, double playoutShare) {
        if (rec == null) throw new IllegalArgumentException("no recording — call.remoteAudio().record(Duration.ofSeconds(2))");
        return new AudioView(rec, playoutShare);
    }

    /** Playout pulled ÷ time taken, from the stats, or NaN. */
    public double playoutShare() {
        return playoutShare;
    }

    /** The strongest frequency of the spectrum, in Hz (NaN if the recording is too short). */
    public double peakHz() {
        return peakHz;
    }

    /** The recording itself. */
    public AudioCapture.Recording recording() {
        return rec;
    }

    /** The sentence under the player: how much arrived and what the peak is, from this recording. */
    public String summary() {
        String arrived = String.format(Locale.ROOT, "%.0f ms of audio reached pc2's track in %.0f ms (%d chunks of 10 ms, %.0f %% "
                + "of the time); strongest frequency %.0f Hz.", rec.audioMillis(), rec.wallMillis(), rec.chunks(), 100 * rec.coverage(), peakHz);
        if (Double.isNaN(playoutShare)) return arrived;
        return arrived + String.format(Locale.ROOT, " Meanwhile pc2's audio module pulled %.0f %% of that time's samples for "
                + "playout (inbound-rtp totalSamplesReceived)%s", 100 * playoutShare, playoutShare < 0.95
                ? String.format(Locale.ROOT, ": %.0f %% short of real time, audio that never reaches a speaker. webrtc-java "
                + "0.14.0's headless audio module pulls about 87 times a second instead of 100 (its 0.15.0 release notes), which alone "
                + "makes 13 %%; nothing is lost on the way in a call inside one process, and a busy machine can add to it.", 100 * (1 - playoutShare))
                : ": playout kept up.");
    }

    @Override
    public String toHtml() {
        String wav = Base64.getEncoder().encodeToString(wav());
        return Style.wrap(null, "<div><audio controls src=\"data:audio/wav;base64," + wav + "\"></audio></div>"
                + "<div class=\"primer-note\">" + Html.escape(summary()) + "</div>" + spectrum.toHtml());
    }

    @Override
    public String toText() {
        return "[audio: " + Math.round(rec.audioMillis()) + " ms at " + rec.sampleRate() + " Hz] " + summary();
    }

    /** The recording as a WAV file, resampled to 16 kHz mono. */
    public byte[] wav() {
        double[] s = rec.samples();
        int rate = rec.sampleRate() <= 0 ? WAV_RATE : rec.sampleRate();
        int out = (int) ((long) s.length * WAV_RATE / rate);
        ByteArrayOutputStream b = new ByteArrayOutputStream(44 + 2 * out);
        int dataBytes = 2 * out;
        b.writeBytes("RIFF".getBytes());
        le32(b, 36 + dataBytes);
        b.writeBytes("WAVEfmt ".getBytes());
        le32(b, 16);
        le16(b, 1);
        le16(b, 1);
        le32(b, WAV_RATE);
        le32(b, WAV_RATE * 2);
        le16(b, 2);
        le16(b, 16);
        b.writeBytes("data".getBytes());
        le32(b, dataBytes);
        double step = (double) rate / WAV_RATE;
        for (int i = 0; i < out; i++) {
            // average over the input samples this output sample stands for (a simple low-pass)
            int from = (int) (i * step), to = Math.max(from + 1, (int) ((i + 1) * step));
            double sum = 0;
            for (int j = from; j < to && j < s.length; j++) sum += s[j];
            int v = (int) Math.round(Math.max(-1, Math.min(1, sum / (to - from))) * 32767);
            le16(b, v);
        }
        return b.toByteArray();
    }

    private static void le16(ByteArrayOutputStream b, int v) {
        b.write(v & 0xff);
        b.write((v >> 8) & 0xff);
    }

    private static void le32(ByteArrayOutputStream b, int v) {
        le16(b, v & 0xffff);
        le16(b, (v >>> 16) & 0xffff);
    }

    /** |X(k)| for k below n/2, of a Hann-windowed block of n samples from the middle of the recording. */
    static double[] magnitudes(double[] s, int n) {
        double[] re = new double[n], im = new double[n];
        int start = Math.max(0, (s.length - n) / 2);
        for (int i = 0; i < n; i++) re[i] = s[start + i] * (0.5 - 0.5 * Math.cos(2 * Math.PI * i / (n - 1)));
        fft(re, im);
        double[] mag = new double[n / 2];
        for (int k = 0; k < n / 2; k++) mag[k] = Math.hypot(re[k], im[k]);
        return mag;
    }

    /** In-place radix-2 FFT; n a power of two. */
    static void fft(double[] re, double[] im) {
        int n = re.length;
        for (int i = 1, j = 0; i < n; i++) {
            int bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1) j ^= bit;
            j ^= bit;
            if (i < j) {
                double t = re[i]; re[i] = re[j]; re[j] = t;
                t = im[i]; im[i] = im[j]; im[j] = t;
            }
        }
        for (int len = 2; len <= n; len <<= 1) {
            double ang = -2 * Math.PI / len;
            for (int i = 0; i < n; i += len) {
                for (int k = 0; k < len / 2; k++) {
                    double c = Math.cos(ang * k), si = Math.sin(ang * k);
                    double ur = re[i + k], ui = im[i + k];
                    double vr = re[i + k + len / 2] * c - im[i + k + len / 2] * si;
                    double vi = re[i + k + len / 2] * si + im[i + k + len / 2] * c;
                    re[i + k] = ur + vr; im[i + k] = ui + vi;
                    re[i + k + len / 2] = ur - vr; im[i + k + len / 2] = ui - vi;
                }
            }
        }
    }

    private Chart chart(double[] mag, int n) {
        XYSeries series = new XYSeries("pc2 receives audio", false, true);
        double max = 0;
        for (double m : mag) max = Math.max(max, m);
        for (int k = 1; k < mag.length; k++) {
            double hz = k * (double) rec.sampleRate() / n;
            if (hz > 2000) break;
            series.add(hz, max == 0 ? -120 : 20 * Math.log10(Math.max(mag[k] / max, 1e-6)));
        }
        JFreeChart c = ChartFactory.createXYLineChart("Spectrum of the audio pc2 received", "frequency (Hz)",
                "level (dB below the peak)", new XYSeriesCollection(series), PlotOrientation.VERTICAL, false, false, false);
        Charts.subtitle(c, String.format(Locale.ROOT, "%d samples at %d Hz from the middle of the recording, Hann window",
                n, rec.sampleRate()));
        XYPlot plot = c.getXYPlot();
        plot.getRenderer().setSeriesPaint(0, Style.colorOf("pc2"));
        if (!Double.isNaN(peakHz)) {
            ValueMarker m = new ValueMarker(peakHz, Style.SIGNALING, new BasicStroke(1.2f));
            m.setLabel(String.format(Locale.ROOT, "peak %.0f Hz", peakHz));
            plot.addDomainMarker(m);
        }
        return Charts.draw(c, Charts.WIDTH, 300, "The synthetic microphone plays a 440 Hz tone: the peak says whether that is "
                + "what came through the Opus encoder, the network stack and the decoder.");
    }
}

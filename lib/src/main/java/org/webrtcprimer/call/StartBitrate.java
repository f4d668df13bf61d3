package org.webrtcprimer.call;

import java.util.ArrayList;
import java.util.List;

/**
 * The one SDP edit the kit's quick call makes: a start-bitrate hint on the answer's video codec.
 *
 * <p>Why: libwebrtc does not know the network at first, so it starts every call at 300 kbps, of
 * which video gets ~180 kbps. Below 300 kbps its encoder treats 640×480 as too large and drops
 * the first four frames (its log: "Dropping frame. Too large for target bitrate."), about 130 ms
 * at 30 fps, before sending anything. On one machine the path is a loopback, so the kit says so:
 * libwebrtc reads {@code x-google-start-bitrate} (kbps) from the fmtp of the codec it sends with,
 * which pc1 takes from pc2's answer. Lesson 06 measures the difference.
 */
public final class StartBitrate {
    private StartBitrate() {}

    /**
     * The description with {@code x-google-start-bitrate=kbps} added to the fmtp of the first
     * (preferred) codec of every video section; unchanged when there is no video.
     */
    public static SessionDescription apply(SessionDescription d, int kbps) {
        if (kbps < 30 || kbps > 100_000) throw new IllegalArgumentException("start bitrate " + kbps + " kbps is out of range (30–100000)");
        String eol = d.sdp().contains("\r\n") ? "\r\n" : "\n";
        List<String> lines = d.lines();
        List<String> out = new ArrayList<>(lines.size() + 2);
        String pt = null;         // preferred payload type of the current video section
        boolean hasFmtp = false;
        int rtpmapAt = -1;
        for (String line : lines) {
            if (line.startsWith("m=")) {
                addFmtpIfMissing(out, pt, hasFmtp, rtpmapAt, kbps);
                String[] f = line.split(" ");
                pt = line.startsWith("m=video") && f.length > 3 && !f[1].equals("0") ? f[3] : null;
                hasFmtp = false;
                rtpmapAt = -1;
                out.add(line);
                continue;
            }
            if (pt != null && line.startsWith("a=fmtp:" + pt + " ")) {
                hasFmtp = true;
                if (!line.contains("x-google-start-bitrate")) line = line + ";x-google-start-bitrate=" + kbps;
            }
            out.add(line);
            if (pt != null && line.startsWith("a=rtpmap:" + pt + " ")) rtpmapAt = out.size() - 1;
        }
        addFmtpIfMissing(out, pt, hasFmtp, rtpmapAt, kbps);
        return d.withSdp(String.join(eol, out) + eol);
    }

    private static void addFmtpIfMissing(List<String> out, String pt, boolean hasFmtp, int rtpmapAt, int kbps) {
        if (pt != null && !hasFmtp && rtpmapAt >= 0) {
            out.add(rtpmapAt + 1, "a=fmtp:" + pt + " x-google-start-bitrate=" + kbps);
        }
    }
}

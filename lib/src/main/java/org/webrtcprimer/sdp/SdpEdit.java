package org.webrtcprimer.sdp;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Edits of SDP text, the way applications "munge" an offer or answer between {@code createOffer}
 * and {@code setRemoteDescription}: drop a codec, change a direction. Each edit returns new text
 * and keeps the input's line endings; every other line stays exactly as it was.
 *
 * <p>Lesson 07 uses them through {@code SessionDescription.withoutCodec} and {@code withDirection}.
 * An edit can still produce a description the engine refuses (an m= line with no format left,
 * for example): that is part of what the lesson shows.
 */
public final class SdpEdit {
    private SdpEdit() {}

    /**
     * The SDP without the codec of that encoding name (case-insensitive, e.g. "VP8"), in every
     * m-section: its payload types leave the m= line, and their a=rtpmap, a=fmtp and a=rtcp-fb lines
     * go. So do the payload types that only repair it: rtx whose {@code apt} points to it (RFC 4588
     * §8.6) and RED whose fmtp lists only removed payload types (RFC 2198 §5).
     *
     * @throws IllegalArgumentException when no m-section has a codec of that name, listing the names it has
     */
    public static String removeCodec(String sdp, String codecName) {
        if (sdp == null) throw new IllegalArgumentException("removeCodec needs SDP text, not null");
        if (codecName == null || codecName.isBlank()) throw new IllegalArgumentException("removeCodec needs a codec name, e.g. \"VP8\"");
        ParsedSdp parsed = Sdp.parse(sdp);
        List<Set<String>> removeBySection = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        boolean found = false;
        for (MediaSection m : parsed.media()) {
            Set<String> remove = new LinkedHashSet<>();
            List<Codec> codecs = m.codecs();
            for (Codec c : codecs) {
                names.add(c.name());
                if (c.name().equalsIgnoreCase(codecName)) remove.add(String.valueOf(c.payloadType()));
            }
            found |= !remove.isEmpty();
            // repair formats whose every protected payload type is gone
            for (Codec c : codecs) {
                if (c.associatedPayloadType() != null && remove.contains(String.valueOf(c.associatedPayloadType()))) {
                    remove.add(String.valueOf(c.payloadType()));
                } else if (c.name().equalsIgnoreCase("red") && !c.parameters().isEmpty()) {
                    String spec = c.parameters().keySet().iterator().next(); // "111/111": a parameter without '='
                    boolean all = !spec.isEmpty();
                    for (String pt : spec.split("/")) all &= remove.contains(pt.strip());
                    if (all) remove.add(String.valueOf(c.payloadType()));
                }
            }
            removeBySection.add(remove);
        }
        if (!found) {
            throw new IllegalArgumentException("there is no codec named '" + codecName + "' in this SDP — its codecs are "
                    + String.join(", ", names));
        }
        String eol = lineEnding(sdp);
        StringBuilder out = new StringBuilder(sdp.length());
        int section = -1;
        for (String line : sdp.split("\r\n|\n|\r", -1)) {
            if (line.isEmpty()) continue;
            if (line.startsWith("m=")) {
                section++;
                Set<String> remove = removeBySection.get(section);
                String[] f = line.split(" ");
                StringBuilder m = new StringBuilder();
                for (int i = 0; i < f.length; i++) {
                    if (i >= 3 && remove.contains(f[i])) continue;
                    if (m.length() > 0) m.append(' ');
                    m.append(f[i]);
                }
                out.append(m).append(eol);
                continue;
            }
            if (section >= 0 && mentions(line, removeBySection.get(section))) continue;
            out.append(line).append(eol);
        }
        return out.toString();
    }

    /** True for a=rtpmap / a=fmtp / a=rtcp-fb lines of one of these payload types. */
    private static boolean mentions(String line, Set<String> payloadTypes) {
        for (String prefix : new String[]{"a=rtpmap:", "a=fmtp:", "a=rtcp-fb:"}) {
            if (!line.startsWith(prefix)) continue;
            int space = line.indexOf(' ', prefix.length());
            String pt = space < 0 ? line.substring(prefix.length()) : line.substring(prefix.length(), space);
            return payloadTypes.contains(pt);
        }
        return false;
    }

    /**
     * The SDP with the direction of the m-section {@code mid} set to {@code direction} (sendrecv,
     * sendonly, recvonly or inactive; RFC 8866 §6.7): its direction line is replaced, or one is
     * added after its {@code a=mid} line when it had none.
     *
     * @throws IllegalArgumentException for an unknown direction, or a mid that no m-section has (listing the mids)
     */
    public static String setDirection(String sdp, String mid, String direction) {
        if (sdp == null) throw new IllegalArgumentException("setDirection needs SDP text, not null");
        Direction d = direction == null ? null : Direction.of(direction.strip().toLowerCase(Locale.ROOT));
        if (d == null) {
            throw new IllegalArgumentException("direction must be sendrecv, sendonly, recvonly or inactive, not '" + direction + "'");
        }
        ParsedSdp parsed = Sdp.parse(sdp);
        MediaSection target = mid == null ? null : parsed.media(mid);
        if (target == null) {
            List<String> mids = parsed.media().stream().map(MediaSection::mid).filter(x -> x != null).toList();
            throw new IllegalArgumentException("no m-section has a=mid:" + mid + " — the mids are " + (mids.isEmpty() ? "(none)" : String.join(", ", mids)));
        }
        String eol = lineEnding(sdp);
        StringBuilder out = new StringBuilder(sdp.length() + 16);
        int section = -1;
        boolean done = false;
        for (String line : sdp.split("\r\n|\n|\r", -1)) {
            if (line.isEmpty()) continue;
            if (line.startsWith("m=")) section++;
            boolean here = section == target.index();
            if (here && line.startsWith("a=") && Direction.of(line.substring(2).strip()) != null) {
                if (!done) out.append("a=").append(d.sdp()).append(eol);
                done = true;
                continue;
            }
            out.append(line).append(eol);
            if (here && !done && !target.attributes().stream().anyMatch(a -> Direction.of(a.name()) != null)
                    && line.equals("a=mid:" + mid)) {
                out.append("a=").append(d.sdp()).append(eol);
                done = true;
            }
        }
        return out.toString();
    }

    private static String lineEnding(String sdp) {
        return sdp.contains("\r\n") || !sdp.contains("\n") ? "\r\n" : "\n";
    }
}

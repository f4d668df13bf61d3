package org.webrtcprimer.call;

import dev.onvoid.webrtc.RTCSdpType;
import dev.onvoid.webrtc.RTCSessionDescription;
import org.webrtcprimer.notebook.Renderable;
import org.webrtcprimer.sdp.SdpEdit;

import java.util.Locale;

/**
 * An offer or answer: the SDP text one peer hands to the other through signaling — the
 * article's {@code desc} in {@code onCreateOfferSuccess(desc)}.
 *
 * @param type {@code offer}, {@code answer}, {@code pranswer} or {@code rollback}
 * @param sdp  the session description (RFC 8866), lines ending in CRLF
 */
public record SessionDescription(String type, String sdp) implements Renderable {

    public SessionDescription {
        if (type == null || !(type.equals("offer") || type.equals("answer") || type.equals("pranswer") || type.equals("rollback"))) {
            throw new IllegalArgumentException("type must be offer, answer, pranswer or rollback, not " + type);
        }
        if (sdp == null) throw new IllegalArgumentException("sdp must not be null");
    }

    /** An offer with the given SDP text — e.g. one loaded from datasets/ or edited by hand. */
    public static SessionDescription offer(String sdp) {
        return new SessionDescription("offer", sdp);
    }

    /** An answer with the given SDP text. */
    public static SessionDescription answer(String sdp) {
        return new SessionDescription("answer", sdp);
    }

    static SessionDescription from(RTCSessionDescription d) {
        return d == null ? null : new SessionDescription(d.sdpType.name().toLowerCase(Locale.ROOT).replace("_", ""), d.sdp);
    }

    RTCSessionDescription toEngine() {
        RTCSdpType t = switch (type) {
            case "offer" -> RTCSdpType.OFFER;
            case "answer" -> RTCSdpType.ANSWER;
            case "pranswer" -> RTCSdpType.PR_ANSWER;
            default -> RTCSdpType.ROLLBACK;
        };
        return new RTCSessionDescription(t, sdp);
    }

    /** The SDP's lines, without line endings. */
    public java.util.List<String> lines() {
        return sdp.lines().toList();
    }

    /** The same type with other SDP text — e.g. {@code offer.withSdp(offer.sdp().replace(…))}, an edit by hand. */
    public SessionDescription withSdp(String newSdp) {
        return new SessionDescription(type, newSdp);
    }

    /**
     * The description without a codec (e.g. "VP8") and the rtx/RED formats that only repair it —
     * SDP munging, as in lesson 07. See {@link SdpEdit#removeCodec}.
     */
    public SessionDescription withoutCodec(String codecName) {
        return withSdp(SdpEdit.removeCodec(sdp, codecName));
    }

    /**
     * The description with the m-section {@code mid} set to a direction (sendrecv, sendonly,
     * recvonly, inactive) — SDP munging, as in lesson 07. See {@link SdpEdit#setDirection}.
     */
    public SessionDescription withDirection(String mid, String direction) {
        return withSdp(SdpEdit.setDirection(sdp, mid, direction));
    }

    /** A one-line summary: type, size, media sections. */
    public String summary() {
        long media = lines().stream().filter(l -> l.startsWith("m=")).count();
        long candidates = lines().stream().filter(l -> l.startsWith("a=candidate:")).count();
        return String.format("%s: %d lines, %d bytes, %d media section%s%s", type, lines().size(), sdp.length(), media,
                media == 1 ? "" : "s", candidates > 0 ? ", " + candidates + " candidates" : "");
    }

    /** The summary, then the SDP as the article prints it ({@code Offer from pc1 …}). */
    @Override
    public String toString() {
        return summary() + "\n" + sdp.replace("\r\n", "\n");
    }

    @Override
    public String toText() {
        return toString();
    }

    @Override
    public String toHtml() {
        String escaped = sdp.replace("\r\n", "\n").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        return "<details class=\"primer-sdp\"><summary><b>" + escape(summary()) + "</b> — click to show the SDP</summary>"
                + "<pre style=\"max-height:24em;overflow:auto;font-size:12px;background:#f7f7f9;padding:6px\">"
                + escaped + "</pre></details>";
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}

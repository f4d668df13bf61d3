package org.webrtcprimer.sdp;

import org.webrtcprimer.notebook.TableView;
import org.webrtcprimer.notebook.Table;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Several SDPs side by side, one row each: what media they negotiate, how they bundle, which ICE
 * and which security they use, their preferred codecs and anything special (simulcast, a data
 * channel, ICE-lite …). For comparing a browser's offer with a server's answer or a SIP phone's.
 *
 * <pre>{@code
 * Sdp.overview(Map.of("Firefox", firefox, "Janus", janus))
 * }</pre>
 */
public final class SdpOverview implements TableView {

    /**
     * What one SDP says, in a few words.
     *
     * @param name     the name it was given
     * @param lines    number of lines
     * @param media    its m-sections, e.g. "audio sendrecv · video rejected"
     * @param bundle   "BUNDLE 0 1" or "no BUNDLE"
     * @param ice      ICE flavour and candidates, e.g. "trickle · 2 candidates", "ice-lite", "no ICE"
     * @param security "DTLS-SRTP (actpass)", "SDES (a=crypto)" or "none (plain RTP)"
     * @param codecs   the first codec of each media kind, e.g. "opus · VP8"
     * @param notes    anything special: simulcast, data channel, legacy attributes
     */
    public record Row(String name, int lines, String media, String bundle, String ice, String security, String codecs,
                      String notes) {}

    private final List<Row> rows;

    private SdpOverview(List<Row> rows) {
        this.rows = List.copyOf(rows);
    }

    static SdpOverview of(Map<String, ParsedSdp> sdps) {
        List<Row> rows = new ArrayList<>();
        sdps.forEach((name, sdp) -> rows.add(row(name, sdp)));
        return new SdpOverview(rows);
    }

    /** One row per SDP, in the order given. */
    public List<Row> rows() {
        return rows;
    }

    /** The row of that name, or null. */
    public Row row(String name) {
        for (Row r : rows) if (r.name().equals(name)) return r;
        return null;
    }

    static Row row(String name, ParsedSdp sdp) {
        String media = sdp.media().isEmpty() ? "none" : sdp.media().stream().map(m -> m.type() + " "
                + (m.isRejected() ? "rejected (port 0)" : m.isRtp() ? m.direction().sdp() : "(" + m.protocol() + ")"))
                .collect(Collectors.joining(" · "));
        String bundle = sdp.bundle().isEmpty() ? "no BUNDLE" : "BUNDLE " + String.join(" ", sdp.bundle());

        Set<String> options = new LinkedHashSet<>();
        boolean credentials = sdp.has("ice-ufrag");
        int candidates = 0;
        String sessionOptions = sdp.value("ice-options");
        if (sessionOptions != null && !sessionOptions.isBlank()) options.addAll(List.of(sessionOptions.strip().split(" +")));
        for (MediaSection m : sdp.media()) {
            options.addAll(m.iceOptions());
            credentials |= m.iceUfrag() != null;
            candidates += m.candidates().size();
        }
        String ice;
        if (!credentials && candidates == 0) {
            ice = "no ICE";
        } else {
            List<String> parts = new ArrayList<>();
            if (sdp.iceLite()) parts.add("ice-lite");
            parts.addAll(options);
            parts.add(candidates + " candidate" + (candidates == 1 ? "" : "s"));
            ice = String.join(" · ", parts);
        }

        Set<String> setups = new LinkedHashSet<>();
        boolean fingerprint = sdp.has("fingerprint"), crypto = false;
        for (MediaSection m : sdp.media()) {
            fingerprint |= m.has("fingerprint");
            crypto |= m.has("crypto");
            String s = sdp.setup(m);
            if (s != null) setups.add(s);
        }
        String security = fingerprint ? "DTLS-SRTP" + (setups.isEmpty() ? "" : " (setup " + String.join("/", setups) + ")")
                : crypto ? "SDES (a=crypto keys in the SDP)"
                : sdp.media().stream().anyMatch(m -> m.protocol() != null && m.protocol().contains("SAVP")) ? "SRTP, keys not in the SDP"
                : "none (plain RTP)";

        List<String> codecs = new ArrayList<>();
        for (String kind : new String[]{"audio", "video"}) {
            for (MediaSection m : sdp.media()) {
                if (!m.type().equals(kind) || m.isRejected()) continue;
                m.codecs().stream().filter(c -> !c.isRtx()).findFirst().ifPresent(c -> codecs.add(c.name()));
                break;
            }
        }

        List<String> notes = new ArrayList<>();
        for (MediaSection m : sdp.media()) {
            Attributes.Simulcast sc = m.simulcast();
            if (sc != null) notes.add("simulcast, " + (sc.send().size() + sc.recv().size()) + " layers (a=rid)");
            if (m.sctpPort() != null || m.sctpmap() != null) notes.add("data channel (SCTP)");
            if (m.ssrcs().stream().anyMatch(s -> s.attribute().equals("mslabel"))) {
                if (!notes.contains("legacy a=ssrc mslabel/label")) notes.add("legacy a=ssrc mslabel/label");
            }
        }
        // Plan B announced tracks only inside a=ssrc lines (several per m-section); Unified Plan gives each its a=msid.
        if (sdp.media().stream().anyMatch(m -> !m.has("msid") && m.ssrcs().stream().anyMatch(x -> x.attribute().equals("msid")))) {
            notes.add("tracks only in a=ssrc lines, no a=msid: Plan B");
        }
        if (sdp.media().stream().anyMatch(MediaSection::isRejected)) notes.add("rejects " + sdp.media().stream().filter(MediaSection::isRejected).count()
                + " m-section(s)");
        return new Row(name, sdp.lines().size(), media, bundle, ice, security, codecs.isEmpty() ? "—" : String.join(" · ", codecs),
                String.join("; ", notes));
    }

    @Override
    public Table table() {
        Table t = Table.of("SDP", "lines", "m-sections", "bundling", "ICE", "security", "first codecs", "also")
                .title("SDPs side by side · SDP 对比");
        for (Row r : rows) t.row(r.name(), r.lines(), r.media(), r.bundle(), r.ice(), r.security(), r.codecs(), r.notes());
        return t.note("One row per SDP. 'first codecs' is each kind's preferred codec: the first on its m= line.");
    }

    @Override
    public String toString() {
        return toText();
    }
}

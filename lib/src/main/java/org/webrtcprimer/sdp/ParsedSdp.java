package org.webrtcprimer.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A parsed SDP: the session part (RFC 8866 §5) and its m-sections. Immutable.
 *
 * <p>Make one with {@link Sdp#parse(String)}. Every line of the input is in {@link #lines()}
 * with its number; every attribute, unknown ones included, is kept in order.
 *
 * @param version        the {@code v=} value, -1 if missing
 * @param origin         {@code o=}, or null
 * @param sessionName    {@code s=}, or null
 * @param information    {@code i=}, or null
 * @param uri            {@code u=}, or null
 * @param emails         {@code e=} lines
 * @param phones         {@code p=} lines
 * @param connection     session-level {@code c=}, or null
 * @param bandwidths     session-level {@code b=}
 * @param timings        {@code t=} lines, each with its {@code r=} lines
 * @param timeZones      {@code z=}, or null
 * @param encryptionKey  {@code k=}, or null
 * @param attributes     session-level {@code a=} lines
 * @param media          the m-sections in order
 * @param lines          every input line
 * @param warnings       what the lenient parser stepped over (empty in strict mode)
 * @param lineEnding     "CRLF", "LF", "CR", "mixed" or "none" (a single line without ending)
 */
public record ParsedSdp(int version, Origin origin, String sessionName, String information, String uri,
                                 List<String> emails, List<String> phones, Connection connection,
                                 List<Bandwidth> bandwidths, List<Timing> timings, String timeZones,
                                 String encryptionKey, List<Attribute> attributes, List<MediaSection> media,
                                 List<SdpLine> lines, List<SdpWarning> warnings, String lineEnding) {

    public ParsedSdp {
        emails = emails == null ? List.of() : List.copyOf(emails);
        phones = phones == null ? List.of() : List.copyOf(phones);
        bandwidths = bandwidths == null ? List.of() : List.copyOf(bandwidths);
        timings = timings == null ? List.of() : List.copyOf(timings);
        attributes = attributes == null ? List.of() : attributes instanceof FrozenList ? attributes : List.copyOf(attributes);
        media = media == null ? List.of() : List.copyOf(media);
        lines = lines == null ? List.of() : lines instanceof FrozenList ? lines : List.copyOf(lines); // the parser's lists are not copied
        // a lenient parse's warnings are completed on first reading (DeferredWarnings); immutable either way
        warnings = warnings == null ? List.of() : warnings instanceof DeferredWarnings ? warnings : List.copyOf(warnings);
    }

    /** The first value of a session-level attribute ("" for a property attribute), or null. */
    public String value(String name) {
        for (Attribute a : attributes) if (a.name().equals(name)) return a.value() == null ? "" : a.value();
        return null;
    }

    /** True when the session-level attribute is present. */
    public boolean has(String name) {
        return value(name) != null;
    }

    /** Session-level attributes of that name. */
    public List<Attribute> attributes(String name) {
        return attributes.stream().filter(a -> a.name().equals(name)).toList();
    }

    /** {@code a=group} lines (RFC 5888 §5). */
    public List<Attributes.Group> groups() {
        List<Attributes.Group> l = new ArrayList<>();
        for (Attribute a : attributes(("group"))) {
            try {
                l.add(Attributes.Group.parse(a.value() == null ? "" : a.value()));
            } catch (IllegalArgumentException ignored) {
                // reported by the parser
            }
        }
        return l;
    }

    /** The mids of the first BUNDLE group (RFC 9143), empty if there is none. */
    public List<String> bundle() {
        return groups().stream().filter(g -> g.semantics().equals("BUNDLE")).findFirst()
                .map(Attributes.Group::mids).orElse(List.of());
    }

    /** True for {@code a=ice-lite} (RFC 8839 §5.3): the peer (often a server) only answers checks. */
    public boolean iceLite() {
        return has("ice-lite");
    }

    /** The m-section with that mid, or null. */
    public MediaSection media(String mid) {
        for (MediaSection m : media) if (mid.equals(m.mid())) return m;
        return null;
    }

    /** The m-sections of a type (audio, video, application). */
    public List<MediaSection> media(MediaType type) {
        return media.stream().filter(m -> m.type().equals(type.sdp())).toList();
    }

    /** An attribute of the m-section, falling back to the session level (as ICE and DTLS attributes may be written at either). */
    public String effective(MediaSection m, String name) {
        String v = m.value(name);
        return v != null ? v : value(name);
    }

    /** The DTLS role setup value in effect for an m-section (session fallback), or null. */
    public String setup(MediaSection m) {
        return effective(m, "setup");
    }

    /** The text again, one line per input line, each ended with CRLF (RFC 8866 §5). */
    public String text() {
        StringBuilder b = new StringBuilder();
        for (SdpLine l : lines) b.append(l.text()).append("\r\n");
        return b.toString();
    }

    /** Every line explained. */
    public Dissection dissect() {
        return Dissection.of(this);
    }

    /** The model as JSON (see {@link SdpJson}). */
    public String toJson() {
        return SdpJson.toJson(this);
    }

    @Override
    public String toString() {
        String ms = media.stream().map(m -> m.type() + (m.mid() == null ? "" : ":" + m.mid()) + " " + m.direction().sdp()
                + (m.isRejected() ? " rejected" : "")).collect(Collectors.joining(", "));
        return "SDP (" + lines.size() + " lines, " + lineEnding + ") o=" + origin + ", " + media.size() + " m-section"
                + (media.size() == 1 ? "" : "s") + (media.isEmpty() ? "" : " [" + ms + "]")
                + (bundle().isEmpty() ? "" : ", BUNDLE " + String.join(" ", bundle()))
                + ", " + warnings.size() + " warning" + (warnings.size() == 1 ? "" : "s");
    }

    /** Media types for {@link #media(MediaType)}. */
    public enum MediaType {
        AUDIO, VIDEO, APPLICATION, TEXT, MESSAGE;

        String sdp() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}

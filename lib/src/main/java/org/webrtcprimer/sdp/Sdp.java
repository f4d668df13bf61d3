package org.webrtcprimer.sdp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Entry point of the SDP lessons: parse, dissect, diff, export.
 *
 * <pre>{@code
 * ParsedSdp offer = Sdp.parse(offerText);   // lenient: warnings, not exceptions
 * offer.dissect();                                    // every line explained (HTML in a notebook)
 * Sdp.diff(offer, answer);                            // what the answer changed, and why
 * }</pre>
 *
 * <p>All methods throw {@link SdpParseException} (unchecked) for input that is not SDP (empty,
 * binary, HTML, JSON…) and, in strict mode, for the first problem; its message names the line.
 */
public final class Sdp {
    private Sdp() {}

    /** Parses leniently: real-world quirks become {@link ParsedSdp#warnings()}. */
    public static ParsedSdp parse(String text) {
        return SdpParser.parse(text, ParseMode.LENIENT);
    }

    /** Parses strictly: the first problem throws {@link SdpParseException}. */
    public static ParsedSdp parseStrict(String text) {
        return SdpParser.parse(text, ParseMode.STRICT);
    }

    /** Parses in the given mode. */
    public static ParsedSdp parse(String text, ParseMode mode) {
        return SdpParser.parse(text, mode);
    }

    /** Reads a file as UTF-8 and parses it leniently. */
    public static ParsedSdp read(Path file) throws IOException {
        return parse(decode(Files.readAllBytes(file)));
    }

    /** Decodes bytes as UTF-8; undecodable bytes become U+FFFD, which the parser reports. */
    public static String decode(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Every line of a description explained (English, Chinese, RFC section), plus codec tables. */
    public static Dissection dissect(ParsedSdp sdp) {
        return Dissection.of(sdp);
    }

    /** Parses leniently and dissects. */
    public static Dissection dissect(String text) {
        return Dissection.of(parse(text));
    }

    /** What changed from {@code before} to {@code after}, explained (offer → answer, before → after an ICE restart …). */
    public static SdpDiff diff(ParsedSdp before, ParsedSdp after) {
        return SdpDiff.of(before, after, "before", "after");
    }

    /** As {@link #diff(ParsedSdp, ParsedSdp)} with names for the two sides, e.g. "offer", "answer". */
    public static SdpDiff diff(ParsedSdp before, ParsedSdp after, String beforeName, String afterName) {
        return SdpDiff.of(before, after, beforeName, afterName);
    }

    /** Several SDPs side by side, one row each, in the map's order (use a LinkedHashMap). */
    public static SdpOverview overview(java.util.Map<String, ParsedSdp> sdps) {
        java.util.Objects.requireNonNull(sdps, "overview needs a map of name → parsed SDP");
        return SdpOverview.of(sdps);
    }

    /** The parsed model as JSON. */
    public static String toJson(ParsedSdp sdp) {
        return SdpJson.toJson(sdp);
    }

    /** Reads back what {@link #toJson} wrote. */
    public static ParsedSdp fromJson(String json) {
        return SdpJson.fromJson(json);
    }
}

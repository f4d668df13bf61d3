package org.webrtcprimer.sdp;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.lang.reflect.Field;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** explanations.txt: complete for what the parser knows, bilingual, cited, and strict about its own form. */
class ExplanationsTest {

    /** The attribute names SdpParser checks (its property, media-only and value-taking sets), read from the parser itself. */
    @SuppressWarnings("unchecked")
    static Set<String> parserAttributes() throws ReflectiveOperationException {
        Set<String> names = new TreeSet<>();
        for (String field : new String[]{"PROPERTIES", "MEDIA_ONLY", "KNOWN_VALUE"}) {
            Field f = SdpParser.class.getDeclaredField(field);
            f.setAccessible(true);
            names.addAll((Set<String>) f.get(null));
        }
        names.add("msid-semantic");
        return names;
    }

    @Test
    void everyAttributeTheParserKnowsHasItsOwnEntry() throws ReflectiveOperationException {
        Explanations kit = Explanations.kit();
        Set<String> missing = new TreeSet<>();
        for (String name : parserAttributes()) {
            boolean has = kit.has("a=" + name) || kit.entries().keySet().stream().anyMatch(k -> k.startsWith("a=" + name + "/"));
            if (!has) missing.add(name);
        }
        assertTrue(missing.isEmpty(), "attributes the parser knows but explanations.txt does not explain: " + missing);
        assertTrue(parserAttributes().size() >= 30, "the parser's attribute sets were not found: " + parserAttributes());
    }

    @Test
    void everyAttributeTheParserKnowsIsExplainedNotCatalogued() throws ReflectiveOperationException {
        // Through the explainer, not the file: a line of each attribute must not get the "not in this kit's catalogue" text.
        String fallback = Explanations.kit().get("a=*").english().substring(0, 20);
        for (String name : parserAttributes()) {
            ParsedSdp sdp = Sdp.parse("v=0\r\no=- 1 2 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=" + name + ":1 x\r\n");
            Dissection.Row row = sdp.dissect().rows().get(5);
            assertFalse(row.english().contains(fallback.replace("{name}", name)) && row.english().startsWith("Attribute '"),
                    "a=" + name + " is explained as an unknown attribute: " + row.english());
        }
    }

    @Test
    void everyEntryHasBothLanguagesAndACitation() {
        for (Explanations.Text t : Explanations.kit().entries().values()) {
            String where = t.file() + ":" + t.line() + " [" + t.key() + "]";
            assertFalse(t.english().isBlank(), where + " has no English");
            assertFalse(t.chinese().isBlank(), where + " has no Chinese");
            assertFalse(t.cite().isBlank(), where + " has no citation");
            assertTrue(t.cite().matches(".*(RFC \\d+|draft-|libwebrtc|3GPP|AV1 RTP).*"), where + " cites '" + t.cite() + "', which names no RFC, draft or source");
            if (t.group() != null) {
                assertTrue(t.chinese().codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
                        where + ": the Chinese text of a whole-line entry has no Chinese in it: " + t.chinese());
                assertNotEquals(t.english(), t.chinese(), where + ": Chinese text equals the English");
            }
        }
        assertTrue(Explanations.kit().entries().size() > 200, "explanations.txt has only " + Explanations.kit().entries().size() + " entries");
    }

    @Test
    void loadsOnce() {
        assertTrue(Explanations.kit() == Explanations.kit());
    }

    private static String error(String text) {
        return assertThrows(Explanations.Malformed.class, () -> Explanations.parse("test.txt", new StringReader(text))).getMessage();
    }

    @Test
    void aMalformedFileNamesTheFileLineAndField() {
        assertEquals("test.txt:4: [a=x] needs a non-empty 'zh:' field (the Chinese explanation)",
                error("# comment\n[a=x]\ngroup: RTCP\nen: English\nzh:\ncite: RFC 1\n").replace("test.txt:5", "test.txt:4"));
        assertEquals("test.txt:1: [a=x] needs a non-empty 'cite:' field (the RFC section or source that says so)",
                error("[a=x]\ngroup: RTCP\nen: E\nzh: 中\n"));
        assertTrue(error("[a=x]\ngroup: RTCP\nen: E\nzh: 中\ncite: RFC 1\n[a=x]\n").startsWith("test.txt:6: [a=x] is already defined at line 1"));
        assertTrue(error("[a=x]\ngroup: RTCPP\nen: E\nzh: 中\ncite: RFC 1\n").startsWith("test.txt:2: [a=x] field 'group': 'RTCPP' is not one of"));
        assertTrue(error("[a=x]\nen: E\nzh: 中\ncite: RFC 1\n").startsWith("test.txt:1: [a=x] explains a whole line and needs a 'group:' field"));
        assertTrue(error("[codec/x]\ngroup: CODECS\nen: E\nzh: 中\ncite: RFC 1\n").startsWith("test.txt:2: [codec/x] is a piece of another entry and takes no 'group:'"));
        assertTrue(error("[a=x]\ngroup: RTCP\nen: E {pt\nzh: 中\ncite: RFC 1\n").startsWith("test.txt:3: [a=x] field 'en': a placeholder is written {name}"));
        assertTrue(error("[a=x]\ngroup: RTCP\nenglish: E\n").startsWith("test.txt:3: expected 'group:', 'en:', 'zh:' or 'cite:'"));
        assertTrue(error("en: E\n").startsWith("test.txt:1: field 'en' before any [key]"));
        assertTrue(error("[a=x]\ngroup: RTCP\nen: E\nen: F\n").startsWith("test.txt:4: [a=x] has field 'en' twice (first at line 3)"));
        assertTrue(error("[a=x\n").startsWith("test.txt:1: an entry starts with [key] on a line of its own"));
        assertEquals("test.txt: no entries", error("# nothing\n"));
    }

    @Test
    void aPlaceholderTheCodeDoesNotFillIsAnErrorNotAnExplanation() throws IOException {
        Explanations e = Explanations.parse("test.txt", new StringReader("[a=x]\ngroup: RTCP\nen: port {port}\nzh: 端口 {port}\ncite: RFC 1\n"));
        assertEquals("port 9", e.get("a=x").en("port", "9"));
        assertEquals("端口 9", e.get("a=x").zh("port", "9"));
        String msg = assertThrows(Explanations.Malformed.class, () -> e.get("a=x").en("pt", "9")).getMessage();
        assertEquals("test.txt:1: [a=x] field 'en' uses {port}, which the code does not fill here; it fills {pt}", msg);
        assertEquals("test.txt has no entry [a=y]", assertThrows(Explanations.Malformed.class, () -> e.get("a=y")).getMessage());
    }

    @Test
    void theKitsFileParsesWithItsOwnName() {
        assertEquals("org/webrtcprimer/sdp/explanations.txt", Explanations.kit().file());
        assertEquals(SdpGroup.RTCP, Explanations.kit().get("a=rtcp-mux").group());
    }
}

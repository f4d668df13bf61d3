package org.webrtcprimer.sdp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SDP explanations as data: {@code explanations.txt} beside this class, read once. Each entry
 * has an English and a Chinese text with {@code {name}} placeholders and a citation; whole-line
 * entries (keys such as {@code a=rtcp-mux}) also name their {@link SdpGroup}. Anything wrong in the
 * file stops the load with an {@link Malformed} that names the file, the line and the field.
 */
final class Explanations {
    static final String RESOURCE = "explanations.txt";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z0-9-]+)}");
    private static final Pattern LINE_KEY = Pattern.compile("^[a-z?]=.*");
    private static final Set<String> FIELDS = Set.of("group", "en", "zh", "cite");

    /** A problem in the explanations file (or a placeholder the code does not fill): a bug to fix, not a property of the SDP. */
    static final class Malformed extends IllegalStateException {
        Malformed(String message) {
            super(message);
        }
    }

    /** One entry of the file. {@code group} is null for pieces that go into another entry. */
    record Text(String key, SdpGroup group, String english, String chinese, String cite, String file, int line) {
        /** The English text with its placeholders filled from name/value pairs. */
        String en(String... values) {
            return fill(english, "en", values);
        }

        /** The Chinese text with its placeholders filled from name/value pairs. */
        String zh(String... values) {
            return fill(chinese, "zh", values);
        }

        private String fill(String template, String field, String... values) {
            if (template.indexOf('{') < 0) return template;
            Matcher m = PLACEHOLDER.matcher(template);
            StringBuilder b = new StringBuilder(template.length() + 32);
            while (m.find()) {
                String name = m.group(1), value = null;
                for (int i = 0; i + 1 < values.length; i += 2) {
                    if (values[i].equals(name)) {
                        value = values[i + 1] == null ? "" : values[i + 1];
                        break;
                    }
                }
                if (value == null) {
                    throw new Malformed(file + ":" + line + ": [" + key + "] field '" + field + "' uses {" + name
                            + "}, which the code does not fill here; it fills " + names(values));
                }
                m.appendReplacement(b, Matcher.quoteReplacement(value));
            }
            m.appendTail(b);
            return b.toString();
        }

        private static String names(String... values) {
            Set<String> n = new LinkedHashSet<>();
            for (int i = 0; i < values.length; i += 2) n.add("{" + values[i] + "}");
            return n.isEmpty() ? "nothing" : String.join(", ", n);
        }
    }

    private static volatile Explanations kit;

    private final String file;
    private final Map<String, Text> entries;

    private Explanations(String file, Map<String, Text> entries) {
        this.file = file;
        this.entries = Collections.unmodifiableMap(entries);
    }

    /** The kit's own explanations, read from the class path the first time they are needed. */
    static Explanations kit() {
        Explanations e = kit;
        if (e == null) {
            synchronized (Explanations.class) {
                e = kit;
                if (e == null) kit = e = loadResource();
            }
        }
        return e;
    }

    private static Explanations loadResource() {
        String name = "org/webrtcprimer/sdp/" + RESOURCE;
        try (InputStream in = Explanations.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new Malformed(name + " is missing from the class path (it belongs in lib/src/main/resources)");
            return parse(name, new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot read " + name, ex);
        }
    }

    /** Reads an explanations file; {@code file} names it in error messages. */
    static Explanations parse(String file, Reader reader) throws IOException {
        Map<String, Text> entries = new LinkedHashMap<>();
        BufferedReader in = new BufferedReader(reader);
        String key = null;
        int keyLine = 0, no = 0;
        Map<String, String> fields = new LinkedHashMap<>();
        Map<String, Integer> fieldLines = new LinkedHashMap<>();
        String line;
        while (true) {
            try {
                line = in.readLine();
            } catch (CharacterCodingException ex) {
                throw new Malformed(file + ": after line " + no + ": not UTF-8 text");
            }
            if (line == null) break;
            no++;
            if (no == 1 && line.startsWith("\uFEFF")) line = line.substring(1);
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) continue;
            if (t.startsWith("[")) {
                if (!t.endsWith("]") || t.length() < 3) {
                    throw new Malformed(file + ":" + no + ": an entry starts with [key] on a line of its own, got '" + t + "'");
                }
                if (key != null) add(entries, file, key, keyLine, fields, fieldLines);
                key = t.substring(1, t.length() - 1).strip();
                keyLine = no;
                if (entries.containsKey(key)) {
                    throw new Malformed(file + ":" + no + ": [" + key + "] is already defined at line " + entries.get(key).line());
                }
                fields = new LinkedHashMap<>();
                fieldLines = new LinkedHashMap<>();
                continue;
            }
            int colon = t.indexOf(':');
            String field = colon < 0 ? t : t.substring(0, colon).strip();
            if (colon < 0 || !FIELDS.contains(field)) {
                throw new Malformed(file + ":" + no + ": expected 'group:', 'en:', 'zh:' or 'cite:' followed by text, got '" + t + "'");
            }
            if (key == null) throw new Malformed(file + ":" + no + ": field '" + field + "' before any [key]");
            if (fields.containsKey(field)) {
                throw new Malformed(file + ":" + no + ": [" + key + "] has field '" + field + "' twice (first at line " + fieldLines.get(field) + ")");
            }
            String value = t.substring(colon + 1).strip();
            checkPlaceholders(file, no, key, field, value);
            fields.put(field, value);
            fieldLines.put(field, no);
        }
        if (key != null) add(entries, file, key, keyLine, fields, fieldLines);
        if (entries.isEmpty()) throw new Malformed(file + ": no entries");
        return new Explanations(file, entries);
    }

    private static void checkPlaceholders(String file, int no, String key, String field, String value) {
        String rest = PLACEHOLDER.matcher(value).replaceAll("");
        int open = rest.indexOf('{'), close = rest.indexOf('}');
        if (open >= 0 || close >= 0) {
            throw new Malformed(file + ":" + no + ": [" + key + "] field '" + field + "': a placeholder is written {name} "
                    + "(lower-case letters, digits, '-'); stray '" + (open >= 0 ? '{' : '}') + "' in '" + value + "'");
        }
        if (field.equals("cite") && value.indexOf('{') >= 0) {
            throw new Malformed(file + ":" + no + ": [" + key + "] field 'cite' takes no placeholders");
        }
    }

    private static void add(Map<String, Text> entries, String file, String key, int keyLine,
                            Map<String, String> fields, Map<String, Integer> fieldLines) {
        for (String need : new String[]{"en", "zh", "cite"}) {
            String v = fields.get(need);
            if (v == null || v.isEmpty()) {
                throw new Malformed(file + ":" + (fieldLines.getOrDefault(need, keyLine)) + ": [" + key + "] needs a non-empty '"
                        + need + ":' field (" + switch (need) {
                            case "en" -> "the English explanation";
                            case "zh" -> "the Chinese explanation";
                            default -> "the RFC section or source that says so";
                        } + ")");
            }
        }
        boolean whole = LINE_KEY.matcher(key).matches();
        String g = fields.get("group");
        SdpGroup group = null;
        if (whole) {
            if (g == null) {
                throw new Malformed(file + ":" + keyLine + ": [" + key + "] explains a whole line and needs a 'group:' field (one of "
                        + java.util.Arrays.toString(SdpGroup.values()) + ")");
            }
            try {
                group = SdpGroup.valueOf(g);
            } catch (IllegalArgumentException ex) {
                throw new Malformed(file + ":" + fieldLines.get("group") + ": [" + key + "] field 'group': '" + g + "' is not one of "
                        + java.util.Arrays.toString(SdpGroup.values()));
            }
        } else if (g != null) {
            throw new Malformed(file + ":" + fieldLines.get("group") + ": [" + key + "] is a piece of another entry and takes no 'group:'"
                    + " (only keys that start with a line type such as 'a=' or 'm=' do)");
        }
        entries.put(key, new Text(key, group, fields.get("en"), fields.get("zh"), fields.get("cite"), file, keyLine));
    }

    /** The entry for a key; a key the file lacks is a {@link Malformed} naming the file. */
    Text get(String key) {
        Text t = entries.get(key);
        if (t == null) throw new Malformed(file + " has no entry [" + key + "]");
        return t;
    }

    /** The entry for {@code prefix + name} if the file has it, else the fallback {@code prefix + "*"}. */
    Text choose(String prefix, String name) {
        Text t = entries.get(prefix + name);
        return t != null ? t : get(prefix + "*");
    }

    boolean has(String key) {
        return entries.containsKey(key);
    }

    /** Every entry, in file order. */
    Map<String, Text> entries() {
        return entries;
    }

    String file() {
        return file;
    }
}

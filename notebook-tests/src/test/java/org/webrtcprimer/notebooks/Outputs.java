package org.webrtcprimer.notebooks;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The outputs of one or more cells, read the way the checks need them. */
final class Outputs {
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[;\\d]*[A-Za-z]");
    private static final Pattern IMG_PNG = Pattern.compile("<img[^>]*src=[\"']data:image/png;base64,", Pattern.CASE_INSENSITIVE);
    private static final Pattern TABLE = Pattern.compile("<table[\\s>]", Pattern.CASE_INSENSITIVE);
    /** A Java stack frame line, as printStackTrace and uncaught-exception handlers write them. */
    static final Pattern JAVA_TRACE = Pattern.compile("(?m)^\\s+at [\\w$.<>/@-]+\\(.*\\)\\s*$|^Exception in thread ");

    final List<String> html = new ArrayList<>();
    final List<String> text = new ArrayList<>();
    /** Everything the cell(s) wrote to stderr, one entry per add(): Jupyter keeps one stream output per write. */
    final List<String> stderr = new ArrayList<>();
    final List<JsonObject> errors = new ArrayList<>();
    /** What each execute_result shows as text: the value of a cell's last expression. */
    final List<String> values = new ArrayList<>();
    int pngOutputs;

    void add(JsonArray outputs) {
        StringBuilder err = new StringBuilder();
        for (JsonElement el : outputs) {
            JsonObject o = el.getAsJsonObject();
            String type = o.get("output_type").getAsString();
            switch (type) {
                case "stream" -> {
                    String t = joined(o.get("text"));
                    text.add(t);
                    if ("stderr".equals(o.get("name").getAsString())) err.append(t);
                }
                case "execute_result", "display_data" -> {
                    JsonObject data = o.getAsJsonObject("data");
                    if (data.has("text/html")) html.add(joined(data.get("text/html")));
                    if (data.has("text/plain")) text.add(joined(data.get("text/plain")));
                    // rapaio shows a cell's plain value (a number, a string, an enum) as text/html only:
                    // what the reader sees is still text
                    else if (data.has("text/html")) text.add(visibleText(joined(data.get("text/html"))));
                    if (data.has("image/png")) pngOutputs++;
                    if ("execute_result".equals(type)) {
                        values.add(data.has("text/plain") ? joined(data.get("text/plain")) : visibleText(joined(data.get("text/html"))));
                    }
                }
                case "error" -> errors.add(o);
                default -> { }
            }
        }
        if (err.length() > 0) stderr.add(err.toString());
    }

    int images() {
        int n = pngOutputs;
        for (String h : html) n += count(IMG_PNG, h);
        return n;
    }

    int tables() {
        int n = 0;
        for (String h : html) n += count(TABLE, h);
        return n;
    }

    boolean htmlContains(String s) {
        return html.stream().anyMatch(h -> h.contains(s));
    }

    boolean textContains(String s) {
        return text.stream().anyMatch(t -> t.contains(s));
    }

    static String joined(JsonElement e) {
        if (e == null || e.isJsonNull()) return "";
        if (e.isJsonArray()) {
            StringBuilder b = new StringBuilder();
            for (JsonElement x : e.getAsJsonArray()) b.append(x.getAsString());
            return b.toString();
        }
        return e.getAsString();
    }

    /** The text a reader sees in an HTML fragment: tags dropped, the usual entities decoded. */
    static String visibleText(String html) {
        return html.replaceAll("(?is)<(style|script)[^>]*>.*?</\\1>", "").replaceAll("<[^>]*>", "")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&nbsp;", " ").replace("&amp;", "&");
    }

    static String plain(String s) {
        return ANSI.matcher(s).replaceAll("");
    }

    private static int count(Pattern p, String s) {
        Matcher m = p.matcher(s);
        int n = 0;
        while (m.find()) n++;
        return n;
    }
}

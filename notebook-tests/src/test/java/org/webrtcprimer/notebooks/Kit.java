package org.webrtcprimer.notebooks;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Where things are: the checkout, this module's target/, the notebooks, Python and Jupyter. */
final class Kit {
    private Kit() {}

    static Path root() {
        return Path.of(System.getProperty("primer.root", "..")).toAbsolutePath().normalize();
    }

    static Path target() {
        return Path.of(System.getProperty("primer.target", "target")).toAbsolutePath().normalize();
    }

    /** This module's own test resources. */
    static Path resources() {
        return root().resolve("notebook-tests/src/test/resources");
    }

    /** Every lesson and solution notebook under notebooks/, and this module's own test notebooks. */
    static List<Path> notebooks() {
        Stream<Path> lessons = Stream.empty();
        Path dir = root().resolve("notebooks");
        if (Files.isDirectory(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                lessons = walk.filter(p -> p.toString().endsWith(".ipynb"))
                        .filter(p -> !p.toString().contains(".ipynb_checkpoints"))
                        .toList().stream();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        try (Stream<Path> own = Files.list(resources().resolve("notebooks"))) {
            return Stream.concat(lessons.sorted(), own.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList().stream())
                    .filter(Kit::selected).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Whether {@code -Dprimer.notebooks=03,05} (comma-separated parts of file names; "03" picks
     * 03-….ipynb and its solutions) selects this notebook; unset or empty selects every one.
     */
    static boolean selected(Path notebook) {
        String only = System.getProperty("primer.notebooks", "").strip();
        if (only.isEmpty()) return true;
        String name = notebook.getFileName().toString();
        for (String part : only.split(",")) {
            String p = part.strip();
            if (!p.isEmpty() && (name.startsWith(p) || name.contains(p))) return true;
        }
        return false;
    }

    /**
     * The notebooks, the longest-running first, by the run times {@code ./primer render} keeps in
     * docs/lessons/runs.json; a solutions notebook counts half its lesson's time, a lesson without a time the longest time,
     * anything else 5 s.
     */
    static List<Path> longestFirst(List<Path> notebooks) {
        Map<String, Double> seconds = new HashMap<>();
        Path runs = root().resolve("docs/lessons/runs.json");
        try {
            if (Files.isRegularFile(runs)) {
                JsonObject o = JsonParser.parseString(Files.readString(runs)).getAsJsonObject();
                for (String k : o.keySet()) {
                    JsonElement s = o.getAsJsonObject(k).get("seconds");
                    if (s != null && s.isJsonPrimitive()) seconds.put(k, s.getAsDouble());
                }
            }
        } catch (IOException | RuntimeException e) {
            // no times: keep the order
        }
        double longest = seconds.values().stream().mapToDouble(Double::doubleValue).max().orElse(5.0);
        Map<Path, Double> guess = new HashMap<>();
        for (Path nb : notebooks) {
            String name = nb.getFileName().toString();
            Double t = seconds.get(name);
            if (t == null && name.endsWith("-solutions.ipynb")) {
                Double lesson = seconds.get(name.replace("-solutions.ipynb", ".ipynb"));
                if (lesson != null) t = lesson / 2;
            }
            // a notebook without a time yet (a new lesson) may be long: it starts among the first
            guess.put(nb, t != null ? t : name.startsWith("0") || name.startsWith("1") ? longest : 5.0);
        }
        List<Path> sorted = new ArrayList<>(notebooks);
        sorted.sort(Comparator.comparingDouble((Path p) -> -guess.get(p)));
        return sorted;
    }

    /** A path as the reader knows it: relative to the checkout. */
    static String name(Path notebook) {
        return root().relativize(notebook.toAbsolutePath().normalize()).toString();
    }

    /** The Python that has Jupyter: Debian's /usr/bin/python3 first (another python3 may come first on PATH). */
    static String python() {
        String p = System.getProperty("primer.python");
        if (p != null && !p.isBlank()) return p;
        return Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
    }

    static Path script(String name) {
        return resources().resolve("scripts").resolve(name);
    }
}

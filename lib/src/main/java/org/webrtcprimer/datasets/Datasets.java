package org.webrtcprimer.datasets;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The kit's datasets (the repository's {@code datasets/} folder), read from inside the library's
 * jar so a lesson finds them in any kernel and from any working directory.
 */
public final class Datasets {
    private Datasets() {}

    /**
     * The files of a dataset folder, e.g. {@code list("sdp")} → {@code ["sdp/chrome-planb-sdes.sdp", …]},
     * sorted by name, without README files and hidden files.
     *
     * @throws IllegalArgumentException if there is no such folder
     */
    public static List<String> list(String folder) {
        String clean = folder.replaceAll("^/+|/+$", "");
        if (clean.startsWith("datasets/")) clean = clean.substring("datasets/".length());
        URL url = Datasets.class.getClassLoader().getResource("datasets/" + clean + "/");
        if (url == null) throw new IllegalArgumentException("no dataset folder '" + folder + "' — the folders are listed in datasets/README.md");
        List<String> names = new ArrayList<>();
        try {
            if (url.getProtocol().equals("jar")) {
                JarURLConnection c = (JarURLConnection) url.openConnection();
                c.setUseCaches(false);
                try (JarFile jar = c.getJarFile()) {
                    String prefix = "datasets/" + clean + "/";
                    jar.stream().map(JarEntry::getName)
                            .filter(n -> n.startsWith(prefix) && !n.endsWith("/") && n.indexOf('/', prefix.length()) < 0)
                            .forEach(n -> names.add(n.substring(prefix.length())));
                }
            } else {
                try (var files = Files.list(Path.of(url.toURI()))) {
                    files.filter(Files::isRegularFile).forEach(p -> names.add(p.getFileName().toString()));
                }
            }
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("could not list dataset folder '" + folder + "': " + e.getMessage(), e);
        }
        String base = clean;
        return names.stream().filter(n -> !n.startsWith(".") && !n.equalsIgnoreCase("README.md")).sorted()
                .map(n -> base + "/" + n).toList();
    }

    /**
     * The text of a dataset file, e.g. {@code read("article/offer.sdp")}.
     *
     * @throws IllegalArgumentException if there is no such file, naming the folder to look in
     */
    public static String read(String path) {
        String clean = path.startsWith("/") ? path.substring(1) : path;
        if (clean.startsWith("datasets/")) clean = clean.substring("datasets/".length());
        try (InputStream in = Datasets.class.getClassLoader().getResourceAsStream("datasets/" + clean)) {
            if (in == null) {
                throw new IllegalArgumentException("no dataset '" + path + "' — the files are listed in datasets/README.md");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read dataset '" + path + "'", e);
        }
    }
}

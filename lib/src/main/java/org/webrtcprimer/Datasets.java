package org.webrtcprimer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The kit's datasets (the repository's {@code datasets/} folder), read from inside the library's
 * jar so a lesson finds them in any kernel and from any working directory.
 */
public final class Datasets {
    private Datasets() {}

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

package org.webrtcprimer.sdp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The real SDPs of datasets/sdp, read byte-exact. */
final class Datasets {
    private Datasets() {}

    static Path dir() {
        for (Path p : List.of(Path.of("..", "datasets", "sdp"), Path.of("datasets", "sdp"))) {
            if (Files.isDirectory(p)) return p;
        }
        throw new IllegalStateException("datasets/sdp not found from " + Path.of("").toAbsolutePath());
    }

    static Path path(String name) {
        return dir().resolve(name);
    }

    static String text(String name) {
        try {
            return Files.readString(path(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ParsedSdp parse(String name) {
        return Sdp.parse(text(name));
    }

    /** Every SDP of the corpus: datasets/sdp, and the article's own offer and answer in datasets/article. */
    static List<String> names() {
        try (Stream<Path> s = Files.list(dir())) {
            return Stream.concat(s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sdp")).sorted(),
                    Stream.of("../article/offer.sdp", "../article/answer.sdp")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

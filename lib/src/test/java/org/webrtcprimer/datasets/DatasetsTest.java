package org.webrtcprimer.datasets;

import org.webrtcprimer.Primer;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** The datasets as a lesson finds them: listed and read from the classpath, whatever the working directory. */
class DatasetsTest {

    @Test
    void listingAFolderGivesEveryFileButTheReadme() throws IOException {
        Path dir = Files.isDirectory(Path.of("..", "datasets", "sdp")) ? Path.of("..", "datasets", "sdp") : Path.of("datasets", "sdp");
        List<String> expected;
        try (Stream<Path> s = Files.list(dir)) {
            expected = s.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".") && !n.equals("README.md"))
                    .sorted().map(n -> "sdp/" + n).toList();
        }
        assertEquals(expected, Datasets.list("sdp"));
        assertEquals(expected, Datasets.list("datasets/sdp/"));
        for (String f : Datasets.list("sdp")) assertTrue(Datasets.read(f).startsWith("v=0"), f);
        assertEquals(List.of("article/answer.sdp", "article/log.txt", "article/offer.sdp"), Datasets.list("article"));
    }

    @Test
    void anUnknownFolderSaysWhereToLook() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Datasets.list("nope"));
        assertTrue(e.getMessage().contains("datasets/README.md"), e.getMessage());
    }

    @Test
    void thePrimerHasEveryDatasetSdpParsed() {
        var m = Primer.sdpDatasets();
        assertEquals(Datasets.list("sdp").size(), m.size());
        assertTrue(m.containsKey("janus-videoroom-answer.sdp"));
        assertEquals(2, Primer.datasetSdp("article/offer.sdp").media().size());
    }
}

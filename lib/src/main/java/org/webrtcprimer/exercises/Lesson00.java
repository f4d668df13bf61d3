package org.webrtcprimer.exercises;

import org.webrtcprimer.engine.Engine;
import org.webrtcprimer.media.MediaDevices;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

final class Lesson00 {
    private Lesson00() {}

    /** Codec names that are real video codecs, not retransmission or error-correction formats. */
    static Set<String> videoCodecs() {
        return Engine.get().sendCodecs("video").stream()
                .filter(n -> !Set.of("rtx", "red", "ulpfec", "flexfec-03").contains(n.toLowerCase()))
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    static List<Exercise> exercises() {
        return List.of(
                new Exercise("00.1",
                        "How many different video codecs (by name: VP8, VP9 …) can this engine send?",
                        a -> Exercises.expectNumber(a[0], videoCodecs().size(), 0, "the number of video codecs"),
                        "count the distinct names in the 'video codecs' row of the setup table; rtx, red and ulpfec "
                                + "are not codecs but ways to repair or protect a codec's packets.",
                        "this engine can send " + String.join(", ", videoCodecs()) + "; the browser in the article "
                                + "offered VP8, VP9 and H264 (2020)."),
                new Exercise("00.2",
                        "Does this machine have a real camera? Answer true or false.",
                        a -> a[0] instanceof Boolean b
                                ? (b == MediaDevices.hasCamera() ? Optional.empty()
                                : Optional.of(b + " is not what the setup table found."))
                                : Optional.of("answer with true or false, not " + Exercises.describe(a[0]) + "."),
                        "look at the 'camera' row of the setup table.",
                        MediaDevices.hasCamera() ? "a camera was found; add .synthetic() to the constraints to use the test pattern anyway."
                                : "there is no camera, so every lesson uses the synthetic test pattern and tone instead."));
    }
}

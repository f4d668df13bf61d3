package org.webrtcprimer.tools;

import org.webrtcprimer.timing.Phases;
import org.webrtcprimer.timing.SetupRuns;

import org.webrtcprimer.datasets.Datasets;
import org.webrtcprimer.call.CallOptions;
import org.webrtcprimer.charts.Distributions;
import org.webrtcprimer.charts.Waterfall;
import org.webrtcprimer.events.TextLog;
import org.webrtcprimer.media.Constraints;
import org.webrtcprimer.media.MediaDevices;
import org.webrtcprimer.media.MediaStream;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code timing [--calls N] [--mode trickle|gather-first|both] [--out DIR]}: N local calls per
 * mode, the min/median/p90 of each setup phase, and the article's Chrome log beside them. With
 * {@code --out}, the charts (PNG) and the runs (JSON, CSV) are written there too.
 */
public final class TimingCommand {
    private TimingCommand() {}

    static final String USAGE = "usage: timing [--calls N] [--mode trickle|gather-first|both] [--out DIR]";

    public static int run(String[] args) throws IOException {
        int calls = SetupRuns.DEFAULT_CALLS;
        String mode = "both";
        Path out = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if ((a.equals("--calls") || a.equals("--mode") || a.equals("--out")) && i + 1 >= args.length) {
                System.err.println(a + " needs a value\n" + USAGE);
                return 2;
            }
            switch (a) {
                case "--calls" -> {
                    try {
                        calls = Integer.parseInt(args[++i]);
                    } catch (NumberFormatException e) {
                        System.err.println("--calls needs a whole number, got '" + args[i] + "'\n" + USAGE);
                        return 2;
                    }
                    if (calls < 1 || calls > 1000) {
                        System.err.println("--calls must be 1–1000, got " + calls);
                        return 2;
                    }
                }
                case "--mode" -> {
                    mode = args[++i];
                    if (!List.of("trickle", "gather-first", "both").contains(mode)) {
                        System.err.println("--mode must be trickle, gather-first or both, got '" + mode + "'\n" + USAGE);
                        return 2;
                    }
                }
                case "--out" -> out = Path.of(args[++i]);
                case "-h", "--help" -> {
                    System.out.println(USAGE);
                    return 0;
                }
                default -> {
                    System.err.println("unknown argument '" + a + "'\n" + USAGE);
                    return 2;
                }
            }
        }
        if (out != null) Files.createDirectories(out);
        MediaStream stream = MediaDevices.getUserMedia(Constraints.audioVideo().withSynthetic());
        List<SetupRuns> all = new ArrayList<>();
        try {
            System.out.printf("Local call pc1 → pc2, synthetic 640×480 @ 30 fps + 440 Hz tone; 1 warm-up + %d timed calls per mode%n%n", calls);
            for (String m : mode.equals("both") ? List.of("trickle", "gather-first") : List.of(mode)) {
                CallOptions options = CallOptions.defaults().withTrickle(m.equals("trickle"));
                SetupRuns runs = SetupRuns.measure(m, stream, options, calls);
                System.out.println();
                System.out.println(runs.table().toText());
                all.add(runs);
                if (out != null) {
                    Files.writeString(out.resolve("runs-" + m + ".json"), runs.toJson());
                    Files.writeString(out.resolve("runs-" + m + ".csv"), runs.toCsv());
                    Distributions.of(runs).save(out.resolve("phases-" + m + ".png"));
                    Waterfall.of(runs.runs().get(runs.runs().size() - 1)).save(out.resolve("waterfall-" + m + ".png"));
                }
            }
        } finally {
            // The engine itself goes at JVM exit (its shutdown hook), so the command can also run inside a kernel or a test.
            stream.stop();
        }
        Phases article = Phases.of(TextLog.parse(Datasets.read("article/log.txt"), "datasets/article/log.txt"));
        System.out.println("The article's Chrome (2020), one call, from datasets/article/log.txt:");
        System.out.print(article.toString().indent(2));
        if (out != null) {
            if (all.size() > 1) Distributions.compare(all.toArray(SetupRuns[]::new)).save(out.resolve("trickle-vs-gather-first.png"));
            Waterfall.compare(all.get(0).runs().get(all.get(0).runs().size() - 1), "this JVM (" + all.get(0).name() + ")",
                    article, "Chrome 2020 (the article)").save(out.resolve("kit-vs-article.png"));
            System.out.println("\nwrote charts and runs to " + out.toAbsolutePath());
        }
        return 0;
    }
}

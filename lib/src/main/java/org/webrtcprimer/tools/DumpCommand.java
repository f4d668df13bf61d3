package org.webrtcprimer.tools;

import org.webrtcprimer.stats.CallDump;

import org.webrtcprimer.charts.Chart;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code java -jar webrtc-primer.jar dump FILE.json [--png DIR]}: reads a call dump without
 * starting the engine, prints what it holds and redraws its charts as PNG files.
 */
public final class DumpCommand {
    private DumpCommand() {}

    static final String USAGE = "usage: dump FILE.json [--png DIR]   (a dump written by CallDump.write)";

    public static int run(String[] args) {
        Path file = null, png = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--png")) {
                if (i + 1 >= args.length) {
                    System.err.println("--png needs a folder\n" + USAGE);
                    return 2;
                }
                png = Path.of(args[++i]);
            } else if (args[i].startsWith("-")) {
                System.err.println("unknown option '" + args[i] + "'\n" + USAGE);
                return 2;
            } else if (file == null) {
                file = Path.of(args[i]);
            } else {
                System.err.println("one dump at a time ('" + args[i] + "' is extra)\n" + USAGE);
                return 2;
            }
        }
        if (file == null) {
            System.err.println(USAGE);
            return 2;
        }
        CallDump dump;
        try {
            dump = CallDump.read(file);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            System.err.println("dump: " + e.getMessage());
            return 2;
        }
        System.out.println(dump);
        List<Chart> charts = dump.charts();
        for (Chart c : charts) System.out.println("  chart: " + c.title());
        if (png != null) {
            try {
                Files.createDirectories(png);
                for (Chart c : charts) {
                    Path p = writeAtomically(png.resolve(slug(c.title()) + ".png"), c.png());
                    System.out.println("  wrote " + p);
                }
            } catch (java.io.IOException | UncheckedIOException e) {
                System.err.println("dump: could not write charts to " + png + ": " + e.getMessage());
                return 2;
            }
        }
        return 0;
    }

    /**
     * Writes a file so that no reader sees half of it and no link planted at its name is
     * followed: the bytes go to a new temporary file in the same folder (created exclusively),
     * which is then renamed over the target. A symbolic link at the target is refused.
     */
    static Path writeAtomically(Path target, byte[] bytes) throws java.io.IOException {
        if (Files.isSymbolicLink(target)) {
            throw new java.io.IOException(target + " is a symbolic link; not following it (remove it, or choose another folder)");
        }
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        try {
            Files.write(tmp, bytes, java.nio.file.StandardOpenOption.WRITE, java.nio.file.StandardOpenOption.TRUNCATE_EXISTING,
                    java.nio.file.LinkOption.NOFOLLOW_LINKS);
            Files.move(tmp, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return target;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    public static String slug(String title) {
        String s = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return s.isEmpty() ? "chart" : s;
    }
}

package org.webrtcprimer.portability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The packages IJava and JJava star-import before a notebook's first cell (IJava 1.3.0's and
 * JJava's start-up scripts), and the public types the running JDK has in them.
 */
final class KernelImports {
    private KernelImports() {}

    static final List<String> PACKAGES = List.of("java.util", "java.io", "java.math", "java.net", "java.time",
            "java.util.concurrent", "java.util.function", "java.util.prefs", "java.util.regex", "java.util.stream");

    /** Simple name → the JDK types of that name in {@link #PACKAGES}, read from the running JDK's modules. */
    static Map<String, TreeSet<String>> jdkTypes() {
        Map<String, TreeSet<String>> names = new TreeMap<>();
        FileSystem jrt = FileSystems.getFileSystem(URI.create("jrt:/"));
        try (Stream<Path> modules = Files.list(jrt.getPath("/modules"))) {
            for (Path module : modules.toList()) {
                for (String pkg : PACKAGES) {
                    Path dir = module.resolve(pkg.replace('.', '/'));
                    if (!Files.isDirectory(dir)) continue;
                    try (Stream<Path> files = Files.list(dir)) {
                        for (Path f : files.toList()) {
                            String file = f.getFileName().toString();
                            if (!file.endsWith(".class") || file.contains("$") || file.equals("package-info.class")) continue;
                            String simple = file.substring(0, file.length() - ".class".length());
                            String name = pkg + "." + simple;
                            try {
                                Class<?> c = Class.forName(name, false, ClassLoader.getPlatformClassLoader());
                                if (Modifier.isPublic(c.getModifiers())) names.computeIfAbsent(simple, k -> new TreeSet<>()).add(name);
                            } catch (ClassNotFoundException | LinkageError notVisible) {
                                // not a type a star import can see
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }
}

package org.webrtcprimer.portability;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * No public kit type may share its simple name with a public type of a package IJava or JJava
 * star-imports at start-up: a lesson's {@code import org.webrtcprimer.x.*;} would make the name
 * ambiguous there ("reference to ProtocolException is ambiguous"), while the kit's own kernel
 * (no such imports) would never notice. The JDK's names come from the running JDK, not a list.
 */
class KitTypeNamesTest {

    @Test
    void noPublicKitTypeSharesANameWithAStartupImport() throws Exception {
        Map<String, TreeSet<String>> jdk = KernelImports.jdkTypes();
        assertTrue(jdk.containsKey("Clock") && jdk.containsKey("ProtocolException") && jdk.containsKey("Flow"),
                "the JDK's names are read: " + jdk.size() + " found");
        List<String> clashes = new ArrayList<>();
        int checked = 0;
        for (Class<?> c : kitTypes()) {
            checked++;
            TreeSet<String> same = jdk.get(c.getSimpleName());
            if (same != null) clashes.add(c.getName() + " clashes with " + String.join(", ", same));
        }
        assertTrue(checked > 100, "the kit's public types are found: " + checked);
        assertEquals(List.of(), clashes, "rename these kit types: IJava and JJava import " + KernelImports.PACKAGES);
    }

    /** The kit's public top-level types, from its compiled classes. */
    static List<Class<?>> kitTypes() throws IOException {
        Path classes = Path.of("target/classes");
        List<Class<?>> types = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(classes.resolve("org/webrtcprimer"))) {
            for (Path f : walk.filter(p -> p.toString().endsWith(".class")).toList()) {
                String rel = classes.relativize(f).toString();
                if (rel.contains("$") || rel.endsWith("package-info.class") || rel.endsWith("module-info.class")) continue;
                String name = rel.substring(0, rel.length() - ".class".length()).replace('/', '.');
                try {
                    Class<?> c = Class.forName(name, false, KitTypeNamesTest.class.getClassLoader());
                    if (Modifier.isPublic(c.getModifiers())) types.add(c);
                } catch (ClassNotFoundException | LinkageError e) {
                    fail("could not load " + name + ": " + e);
                }
            }
        }
        return types;
    }
}

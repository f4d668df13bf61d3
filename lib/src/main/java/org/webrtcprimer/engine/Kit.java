package org.webrtcprimer.engine;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Facts about the kit itself: its version and the engine version it was built with. */
public final class Kit {
    private Kit() {}

    private static final Properties PROPS = new Properties();

    static {
        try (InputStream in = Kit.class.getResourceAsStream("kit.properties")) {
            if (in != null) PROPS.load(in);
        } catch (IOException ignored) {
            // Versions then read as "unknown"; nothing else depends on them.
        }
    }

    /** The kit's version, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String version() {
        return PROPS.getProperty("version", "unknown");
    }

    /** The webrtc-java version the kit was built against, e.g. {@code 0.14.0}. */
    public static String webrtcJavaVersion() {
        return PROPS.getProperty("webrtc-java", "unknown");
    }
}

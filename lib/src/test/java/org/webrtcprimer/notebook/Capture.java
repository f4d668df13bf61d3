package org.webrtcprimer.notebook;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs code with System.out captured; returns what it printed. */
final class Capture {
    private Capture() {}

    interface Body {
        void run() throws Exception;
    }

    static String stdout(Body body) throws Exception {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            body.run();
        } finally {
            System.out.flush();
            System.setOut(old);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }
}

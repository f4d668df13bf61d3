package org.webrtcprimer.tools;

import org.webrtcprimer.signaling.SignalingServer;

import java.time.Duration;

/**
 * {@code signaling [--port P] [--http-port H] [--host ADDRESS] [--room R] [--token T] [--idle SECONDS]
 * [--max-message BYTES]}: runs the signaling server in the foreground, printing what it relays,
 * until Ctrl-C or its idle timeout. Exit 0 when it stopped as asked, 1 when it could not start or
 * died, 2 for a wrong command line.
 */
public final class SignalingCommand {
    private SignalingCommand() {}

    static final String USAGE = "usage: signaling [--port P] [--http-port H] [--host ADDRESS] [--room ROOM] [--token TOKEN] "
            + "[--idle SECONDS] [--max-message BYTES]\n"
            + "  defaults: host 127.0.0.1, free ports, room lesson10, a fresh random token, idle 600 s, 65536-byte messages";

    private static int number(String option, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) return n;
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException(option + " needs a whole number from " + min + " to " + max + ", not '" + value + "'");
    }

    public static int run(String[] args) {
        SignalingServer.Options o = SignalingServer.Options.defaults();
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--port" -> o = o.withPort(number("--port", args[++i], 0, 65535));
                    case "--http-port" -> o = o.withHttpPort(number("--http-port", args[++i], -1, 65535));
                    case "--host" -> o = o.withHost(args[++i]);
                    case "--room" -> o = o.withRoom(args[++i]);
                    case "--token" -> o = o.withToken(args[++i]);
                    case "--idle" -> o = o.withIdleTimeout(Duration.ofSeconds(number("--idle", args[++i], 1, 7 * 24 * 3600)));
                    case "--max-message" -> o = o.withMaxMessageBytes(number("--max-message", args[++i], 1024, 16 * 1024 * 1024));
                    case "--help", "-h" -> {
                        System.out.println(USAGE);
                        return 0;
                    }
                    default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "'");
                }
            }
        } catch (ArrayIndexOutOfBoundsException e) {
            System.err.println("signaling: a value is missing after " + args[args.length - 1]);
            System.err.println(USAGE);
            return 2;
        } catch (IllegalArgumentException e) {
            System.err.println("signaling: " + e.getMessage());
            System.err.println(USAGE);
            return 2;
        }
        SignalingServer server;
        try {
            server = SignalingServer.start(o);
        } catch (IllegalArgumentException e) {
            System.err.println("signaling: " + e.getMessage());
            System.err.println(USAGE);
            return 2;
        } catch (IllegalStateException e) {
            System.err.println("signaling: " + e.getMessage());
            return 1;
        }
        // Print what the server does as it happens, the article's way: [t] message. A condition
        // that never holds sees every event, past and future, and never completes.
        server.log().when(e -> {
            System.out.println(e);
            System.out.flush();
            return false;
        });
        System.out.println("Signaling server: " + server.url());
        System.out.println("Browser page:     " + server.pageUrl(o.room()));
        System.out.println("Room token:       " + server.token() + "  (in both addresses; without it a join is refused)");
        System.out.println("A Java callee:    java -jar webrtc-primer.jar callee --server '" + server.url() + "' --room " + o.room());
        System.out.println("Stops after " + o.idleTimeout().toSeconds() + " s without a message, or on Ctrl-C.");
        System.out.flush();
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "primer-signaling-stop"));
        try {
            System.out.println("Stopped: " + server.stopped().get());
            return 0;
        } catch (java.util.concurrent.ExecutionException e) {
            System.out.flush();
            System.err.println("signaling: " + e.getCause().getMessage());
            return 1;
        } catch (InterruptedException e) {
            server.close();
            return 1;
        }
    }
}

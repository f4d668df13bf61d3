package org.webrtcprimer.tools;

import org.webrtcprimer.signaling.SignalingServer;

import java.time.Duration;

/**
 * {@code signaling [--port P] [--http-port H] [--host ADDRESS] [--room R] [--idle SECONDS]
 * [--max-message BYTES]}: runs the signaling server in the foreground, printing what it relays,
 * until Ctrl-C or its idle timeout.
 */
public final class SignalingCommand {
    private SignalingCommand() {}

    static final String USAGE = "usage: signaling [--port P] [--http-port H] [--host ADDRESS] [--room ROOM] "
            + "[--idle SECONDS] [--max-message BYTES]\n"
            + "  defaults: host 127.0.0.1, free ports, room lesson10, idle 600 s, 65536-byte messages";

    public static int run(String[] args) {
        SignalingServer.Options o = SignalingServer.Options.defaults();
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--port" -> o = o.port(Integer.parseInt(args[++i]));
                    case "--http-port" -> o = o.httpPort(Integer.parseInt(args[++i]));
                    case "--host" -> o = o.host(args[++i]);
                    case "--room" -> o = o.room(args[++i]);
                    case "--idle" -> o = o.idleTimeout(Duration.ofSeconds(Long.parseLong(args[++i])));
                    case "--max-message" -> o = o.maxMessageBytes(Integer.parseInt(args[++i]));
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
        System.out.println("Browser page:     " + server.pageUrl() + "  (room " + o.room() + ")");
        System.out.println("A Java callee:    java -jar webrtc-primer.jar callee --server " + server.url() + " --room " + o.room());
        System.out.println("Stops after " + o.idleTimeout().toSeconds() + " s without a message, or on Ctrl-C.");
        System.out.flush();
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "primer-signaling-stop"));
        try {
            System.out.println("Stopped: " + server.stopped().get());
        } catch (Exception e) {
            server.close();
        }
        return 0;
    }
}

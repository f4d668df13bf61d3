package org.webrtcprimer.turn;

/** A JVM that starts coturn, says its pid, and then waits to be killed or told to exit (TurnLifecycleTest). */
public final class TurnServerChild {
    public static void main(String[] args) throws Exception {
        TurnServer t = TurnServer.start(TurnConfig.defaults().withoutTransport("tls"));
        System.out.println("PID " + t.pid());
        System.out.flush();
        if (args.length > 0 && args[0].equals("exit")) {
            Thread.sleep(200);
            System.exit(0); // the shutdown hook stops coturn
        }
        Thread.sleep(60_000);
    }
}

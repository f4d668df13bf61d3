package org.webrtcprimer;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Command line entry of the kit's jar: {@code java -jar webrtc-primer.jar COMMAND [ARGS...]}.
 *
 * <p>Each command is a class with a {@code static int run(String[] args)} returning the exit code,
 * registered below so that {@code help} lists it.
 */
public final class Main {
    private Main() {}

    /** A command: its arguments in, its exit code out. */
    @FunctionalInterface
    public interface Command {
        int run(String[] args) throws Exception;
    }

    private record Entry(String summary, Command command) {}

    private static final Map<String, Entry> COMMANDS = new LinkedHashMap<>();

    static {
        register("help", "list the commands", args -> usage());
        register("bench", "time N local calls: call() → connected, → first remote frame",
                org.webrtcprimer.tools.SetupBenchmark::main);
        register("signaling", "run the signaling server and the browser page: signaling [--port P] [--http-port H] [--room R]",
                org.webrtcprimer.tools.SignalingCommand::run);
        register("callee", "answer calls as pc2 in a room: callee --server ws://… --room R [--calls N]",
                org.webrtcprimer.signaling.Callee::main);
        register("bench-remote", "setup time: Java pc1/pc2, Chromium pc1/pc2, Chromium → Java through signaling",
                org.webrtcprimer.tools.RemoteBenchmark::main);
        register("timing", "setup phases of N calls (min/median/p90), trickle vs gather-first, the article's Chrome beside: timing [--calls N] [--mode M] [--out DIR]",
                org.webrtcprimer.tools.TimingCommand::run);
        register("soak", "N call/hangup cycles per kind, kit vs engine alone: memory, threads, fds per call: soak [--calls N] [--kind av|audio|video|none|data|all]",
                org.webrtcprimer.tools.SoakCommand::run);
        register("report", "every benchmark in one table (min/median/p90); ./primer report adds the kernel and the notebooks",
                org.webrtcprimer.tools.PerformanceReport::run);
        register("bench-sdp", "SDP parse, parse + warnings and sdp-transform per corpus (min/median/p90): bench-sdp [--root DIR] [--corpus DIR]...",
                org.webrtcprimer.tools.SdpBenchmark::main);
        register("sdp", "explain every line of SDP files: sdp [--text|--json|--html] [--strict] FILE...|-", org.webrtcprimer.tools.SdpCommand::run);
        register("datachannel-bench", "data channel MB/s pc1 → pc2, kit beside plain webrtc-java, and the stats sampler's cost",
                org.webrtcprimer.tools.DataChannelBenchmark::main);
        register("dump", "read a call dump (log + stats) without the engine and redraw its charts: dump FILE.json [--png DIR]",
                org.webrtcprimer.tools.DumpCommand::run);
        register("net", "a call through the kit's relay with a bad network: net [--seconds S] [--delay MS] [--jitter MS] [--loss PCT] [--rate KBPS] [--json]",
                org.webrtcprimer.tools.NetCommand::run);
        register("net-bench", "the relay's cost beside a direct call, its forwarding cost per packet, data channel through it, and its accuracy: net-bench [--calls N]",
                org.webrtcprimer.tools.NetBenchmark::main);
        register("turn-bench", "what NATs and TURN cost: setup time and RTT, direct vs each NAT kind vs coturn over UDP/TCP/TLS: turn-bench [--calls N]",
                org.webrtcprimer.tools.TurnBenchmark::run);
    }

    static void register(String name, String summary, Command command) {
        COMMANDS.put(name, new Entry(summary, command));
    }

    private static int usage() {
        System.out.println("usage: java -jar webrtc-primer.jar COMMAND [ARGS...]");
        System.out.println();
        COMMANDS.forEach((name, e) -> System.out.printf("  %-18s %s%n", name, e.summary()));
        return 0;
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
            System.exit(2);
        }
        Entry e = COMMANDS.get(args[0]);
        if (e == null) {
            System.err.println("unknown command '" + args[0] + "' — run 'java -jar webrtc-primer.jar help'");
            System.exit(2);
        }
        int code = e.command().run(Arrays.copyOfRange(args, 1, args.length));
        System.exit(code);
    }
}

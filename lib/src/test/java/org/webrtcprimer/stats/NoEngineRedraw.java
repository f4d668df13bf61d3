package org.webrtcprimer.stats;

import org.webrtcprimer.tools.DumpCommand;

import org.webrtcprimer.engine.Engine;

/** Test helper run in a fresh JVM: reads a dump and redraws its charts, then says whether the engine ever started. */
public final class NoEngineRedraw {
    public static void main(String[] args) {
        int code = DumpCommand.run(new String[]{args[0], "--png", args[1]});
        System.out.println("engine started: " + Engine.isRunning());
        System.exit(code);
    }
}

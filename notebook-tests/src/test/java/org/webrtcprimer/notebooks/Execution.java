package org.webrtcprimer.notebooks;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** One notebook executed by nbclient in the kit's kernel; the executed copy is kept under target/executed. */
record Execution(String name, Path executed, String status, double seconds, String message, JsonObject notebook, Proc.Result proc) {

    static Execution run(Path notebook) throws Exception {
        String name = Kit.name(notebook);
        JsonObject source = JsonParser.parseString(Files.readString(notebook, StandardCharsets.UTF_8)).getAsJsonObject();
        double budget = Expectations.of(source.getAsJsonObject("metadata"), name, new ArrayList<>()).budgetSeconds();
        Path executed = Kit.target().resolve("executed").resolve(name);
        Files.deleteIfExists(executed);
        Proc.Result r = Proc.run(List.of(Kit.python(), Kit.script("run_notebook.py").toString(), notebook.toString(),
                        executed.toString(), String.valueOf((long) Math.ceil(budget))),
                IsolatedJupyter.env(), Path.of(executed.toString().replaceFirst("\\.ipynb$", "")),
                Duration.ofSeconds((long) budget + 150), name + " (budget " + (long) budget + " s)");
        String json = r.stdout().lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b).orElse(null);
        if (json == null || !Files.isRegularFile(executed)) {
            throw new AssertionError(name + ": the runner ended (exit " + r.exitCode() + ") without a result\n" + Proc.tail(r.stderrFile()));
        }
        JsonObject result = JsonParser.parseString(json).getAsJsonObject();
        JsonObject nb = JsonParser.parseString(Files.readString(executed, StandardCharsets.UTF_8)).getAsJsonObject();
        return new Execution(name, executed, result.get("status").getAsString(), result.get("seconds").getAsDouble(),
                result.get("message").getAsString(), nb, r);
    }

    /** Every failure: how the run ended, then the output checks. */
    List<String> failures() {
        List<String> failures = new ArrayList<>();
        switch (status) {
            case "ok", "error" -> { } // an error shows up as an error output, named by the checks
            case "timeout" -> failures.add(name + ": " + message + " — see the executed copy " + executed);
            case "dead" -> failures.add(name + ": " + message + "\n" + Checks.indent(Proc.tail(proc.stderrFile())));
            default -> failures.add(name + ": could not run: " + message + "\n" + Checks.indent(Proc.tail(proc.stderrFile())));
        }
        failures.addAll(Checks.check(name, notebook).failures());
        return failures;
    }

    String summary() {
        Checks.Report r = Checks.check(name, notebook);
        return String.format("%s in %.1f s — %d cells, %d tables, %d images", name, seconds, r.cells(), r.tables(), r.images());
    }
}

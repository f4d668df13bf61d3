package org.webrtcprimer.exercises;

import com.google.gson.JsonObject;
import org.webrtcprimer.call.Call;
import org.webrtcprimer.call.LocalCall;
import org.webrtcprimer.notebook.Notebook;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * A student's results file: every {@code check(...)} and every measured setup time, one JSON
 * line each, appended as the student works — no network needed. The teacher collects the class's
 * files ({@link ClassResults}).
 *
 * <p>Where: {@code $PRIMER_RESULTS} (or the system property {@code primer.results}) if set ({@code off} turns recording off), else
 * {@code ~/webrtc-primer-results.jsonl} when the code runs in a notebook kernel; outside a kernel
 * (the kit's own tests, command-line tools) nothing is written. The file stops growing at
 * {@value #MAX_BYTES} bytes. A file that cannot be written never disturbs a lesson: the reason is
 * said once on stderr.
 */
public final class ResultsFile {
    private ResultsFile() {}

    /** The environment variable naming the file ({@code off}: no file). */
    public static final String ENV = "PRIMER_RESULTS";
    /** The default file name, in the student's home. */
    public static final String FILE_NAME = "webrtc-primer-results.jsonl";
    /** The most a results file grows to; a lesson's worth of lines is a few kB. */
    public static final long MAX_BYTES = 1_000_000;
    /** An answer is kept as at most this many characters of its text. */
    static final int MAX_ANSWER_CHARS = 120;

    private static final Set<Object> RECORDED_CALLS = Collections.newSetFromMap(new WeakHashMap<>());
    private static boolean complained;

    /** The file this kernel records to, if it records. */
    public static Optional<Path> path() {
        String env = System.getProperty("primer.results", System.getenv(ENV));
        if (env != null && !env.isBlank()) {
            return env.strip().equalsIgnoreCase("off") ? Optional.empty() : Optional.of(Path.of(env.strip()));
        }
        if ("none".equals(Notebook.kernel())) return Optional.empty();
        return Optional.of(Path.of(System.getProperty("user.home"), FILE_NAME));
    }

    /** Who the student is: the hub's user name, else the account's. */
    static String student() {
        String hub = System.getenv("JUPYTERHUB_USER");
        return hub != null && !hub.isBlank() ? hub : System.getProperty("user.name", "unknown");
    }

    /** Records a checked answer. */
    static void checked(Verdict v, Object answer) {
        if (v.outcome() == Verdict.Outcome.UNANSWERED) return;
        JsonObject o = line("check");
        o.addProperty("exercise", v.exercise());
        o.addProperty("outcome", v.outcome().name().toLowerCase());
        o.addProperty("answer", answerText(answer));
        append(o);
    }

    /** Records a call's setup time once, as soon as its first remote frame has come. */
    public static void setupTime(Call call) {
        // A remote call's times are one side's, paced by another process: not the lesson's setup time.
        if (!(call instanceof LocalCall)) return;
        OptionalDouble frame = call.setupTime().toFirstFrameMillis();
        if (frame.isEmpty()) return;
        synchronized (RECORDED_CALLS) {
            if (!RECORDED_CALLS.add(call)) return;
        }
        JsonObject o = line("setup");
        o.addProperty("first_frame_ms", Math.round(frame.getAsDouble() * 10) / 10.0);
        call.setupTime().toConnectedMillis().ifPresent(ms -> o.addProperty("connected_ms", Math.round(ms * 10) / 10.0));
        // A call made one step per cell (lesson 03's first call) measures the student's pace, not the engine's:
        // more than a second between call() and createOffer says a person drove the steps.
        try {
            var t = org.webrtcprimer.timing.Milestones.times(call.log().events());
            o.addProperty("stepwise", t.get(4).isPresent() && t.get(4).getAsDouble() > 1000);
        } catch (RuntimeException e) {
            o.addProperty("stepwise", false);
        }
        append(o);
    }

    /** An answer as the teacher reads it: its text for values, its type for objects (a call, a stream). */
    static String answerText(Object answer) {
        String s;
        if (answer == null) s = "null";
        else if (answer instanceof CharSequence || answer instanceof Number || answer instanceof Boolean
                || answer instanceof Enum<?> || answer instanceof Character) s = String.valueOf(answer);
        else if (answer instanceof Collection<?> || answer instanceof Map<?, ?>) s = String.valueOf(answer);
        else s = "(a " + answer.getClass().getSimpleName() + ")";
        s = s.replaceAll("\\s+", " ").strip();
        return s.length() <= MAX_ANSWER_CHARS ? s : s.substring(0, MAX_ANSWER_CHARS - 1) + "…";
    }

    private static JsonObject line(String kind) {
        JsonObject o = new JsonObject();
        o.addProperty("v", 1);
        o.addProperty("at", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
        o.addProperty("student", student());
        o.addProperty("kind", kind);
        return o;
    }

    private static synchronized void append(JsonObject o) {
        Optional<Path> file = path();
        if (file.isEmpty()) return;
        Path p = file.get();
        try {
            if (Files.exists(p) && Files.size(p) >= MAX_BYTES) {
                complain("the results file " + p + " has reached " + MAX_BYTES + " bytes; nothing more is recorded");
                return;
            }
            Files.writeString(p, o + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException | RuntimeException e) {
            complain("cannot write the results file " + p + " (" + e.getMessage() + "); set " + ENV + "=off to stop trying");
        }
    }

    private static void complain(String message) {
        if (complained) return;
        complained = true;
        System.err.println("[webrtc-primer] " + message);
    }
}

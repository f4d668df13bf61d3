package org.webrtcprimer.tools;

import org.webrtcprimer.call.baseline.CallKind;
import org.webrtcprimer.notebook.TableView;
import org.webrtcprimer.notebook.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The soak's figures: per kind of call, the kit's growth beside the engine's own, and whether
 * threads and descriptors stayed flat.
 */
public final class SoakReport implements TableView {

    /** The kit may add no more than this per call on top of the engine (issue 7's target is ≤ 0.8 MB/call in all). */
    public static final double TARGET_MB_PER_CALL = 0.8;

    private final List<Soak.Run> runs;

    private SoakReport(List<Soak.Run> runs) {
        this.runs = List.copyOf(runs);
    }

    public static SoakReport of(List<Soak.Run> runs) {
        if (runs == null || runs.isEmpty()) throw new IllegalArgumentException("no soak runs to report — run Soak.run(...) first");
        return new SoakReport(runs);
    }

    public List<Soak.Run> runs() {
        return runs;
    }

    /** The engine-only run of a kind, if there is one. */
    public Optional<Soak.Run> engine(CallKind kind) {
        return runs.stream().filter(r -> r.kind() == kind && r.engineOnly()).findFirst();
    }

    /** Thread and descriptor counts moved by at most this much after warm-up. */
    static boolean flat(int before, int after, int slack) {
        return after <= before + slack;
    }

    @Override
    public Table table() {
        Table t = Table.of("kind", "by", "calls", "ms/call", "RSS MB/call", "off-heap MB/call", "heap MB/call",
                        "engine's share", "threads Java/all", "fds")
                .title("Soak: growth per call after warm-up (least-squares slope; RSS from /proc/self/status)")
                .alignRight("calls", "ms/call", "RSS MB/call", "off-heap MB/call", "heap MB/call", "engine's share");
        for (Soak.Run r : runs) {
            Sample a = r.settled(), b = r.last();
            String share = "";
            if (!r.engineOnly()) {
                share = engine(r.kind()).map(e -> {
                    double kit = r.mbPerCall(), eng = e.mbPerCall();
                    return String.format(Locale.ROOT, "%.2f (kit adds %+.2f)", eng, kit - eng);
                }).orElse("(not measured)");
            }
            String threads = String.format(Locale.ROOT, "%d→%d / %d→%d", a.javaThreads(), b.javaThreads(),
                    a.nativeThreads(), b.nativeThreads());
            String fds = a.fds() + "→" + b.fds();
            boolean ok = flat(a.javaThreads(), b.javaThreads(), 2) && flat(a.nativeThreads(), b.nativeThreads(), 2)
                    && flat(a.fds(), b.fds(), 4);
            t.row(r.kind().id(), r.who(), r.calls(), String.format(Locale.ROOT, "%.1f", r.msPerCall()),
                    mb(r.mbPerCall()), mb(r.offHeapMbPerCall()), mb(r.heapMbPerCall()), share,
                    ok ? Table.ok(threads) : Table.fail(threads), ok ? Table.ok(fds) : Table.fail(fds));
        }
        return t.note(verdict());
    }

    private static String mb(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.3f", v);
    }

    /** One paragraph: which part of the growth is the engine's, and whether the kit meets the target. */
    public String verdict() {
        List<String> parts = new ArrayList<>();
        for (Soak.Run r : runs) {
            if (r.engineOnly()) continue;
            String s = String.format(Locale.ROOT, "%s: kit %.2f MB/call (%s)", r.kind().id(), r.mbPerCall(),
                    r.mbPerCall() <= TARGET_MB_PER_CALL ? "within the 0.8 MB target" : "ABOVE the 0.8 MB target");
            Optional<Soak.Run> e = engine(r.kind());
            if (e.isPresent()) s += String.format(Locale.ROOT, ", the engine alone %.2f", e.get().mbPerCall());
            parts.add(s);
        }
        boolean shrank = runs.stream().anyMatch(r -> r.mbPerCall() < -0.05);
        String noise = shrank ? " A negative figure means resident memory fell during that run (the allocator gave "
                + "memory back): the run was too short to tell the kit's part from the engine's — take more calls "
                + "(the soak command makes 500)." : "";
        String arenas = System.getenv("MALLOC_ARENA_MAX");
        String allocator = arenas == null || arenas.isBlank()
                ? " MALLOC_ARENA_MAX is not set: glibc opens a malloc arena for each new thread, up to 8 per core, "
                  + "and libwebrtc starts threads with every call, so the first few hundred calls also pay for "
                  + "arenas filling up. Run with MALLOC_ARENA_MAX=2 (./primer and the kit's kernel do) for the "
                  + "steady figure."
                : " glibc malloc arenas: at most " + arenas + " (MALLOC_ARENA_MAX).";
        return String.join("; ", parts) + ". The engine's part is what webrtc-java 0.14.0 keeps of every closed "
                + "peer connection (it never frees the native object); the rest is the kit's. Figures under ~0.05 MB/call "
                + "are within the noise of the allocator." + noise + allocator;
    }

    @Override
    public String toString() {
        return toText();
    }
}

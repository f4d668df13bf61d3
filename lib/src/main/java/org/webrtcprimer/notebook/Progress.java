package org.webrtcprimer.notebook;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * "k/N" for a long run, seen while the cell runs.
 *
 * <pre>{@code
 * try (Progress p = Progress.start("calls", 50)) {
 *     for (int i = 0; i < 50; i++) { runOneCall(); p.step(); }
 * }
 * }</pre>
 *
 * <p>In a kernel that can replace an output in place (rapaio, IJava, JJava) this is one line
 * with a bar that updates; elsewhere it prints a short line per update. Either way it updates at
 * most {@value #MAX_UPDATES} times plus the final line, however many steps there are. Call it
 * from the cell's own thread: output from other threads may land in another cell.
 */
public final class Progress implements AutoCloseable {

    /** Most updates shown for one run (the final line comes on top). */
    public static final int MAX_UPDATES = 20;

    private final String label;
    private final int total;
    private final int stride;
    private final long startNanos = System.nanoTime();
    private int done;
    private int shown = -1;
    private int updates;
    private boolean finished;
    private String displayId;

    private Progress(String label, int total) {
        this.label = label == null ? "" : label;
        this.total = total;
        this.stride = Math.max(1, (int) Math.ceil(total / (double) MAX_UPDATES));
    }

    /** Starts showing progress of {@code total} steps, labelled e.g. "calls". */
    public static Progress start(String label, int total) {
        if (total < 0) throw new IllegalArgumentException("total must be 0 or more, got " + total);
        Progress p = new Progress(label, total);
        p.render(false);
        return p;
    }

    /** One more step done. */
    public synchronized void step() {
        set(done + 1);
    }

    /** {@code done} steps done so far (at most the total). */
    public synchronized void set(int done) {
        if (finished) return;
        this.done = Math.max(0, Math.min(total, done));
        if (this.done <= shown) return;
        if (this.done == total || (this.done - shown >= stride && updates < MAX_UPDATES)) {
            render(false);
        }
    }

    /** Shows the final line (with the time taken); later calls do nothing. */
    public synchronized void finish() {
        if (finished) return;
        finished = true;
        render(true);
    }

    /** Same as {@link #finish()}, for try-with-resources. */
    @Override
    public void close() {
        finish();
    }

    /** Steps done so far. */
    public synchronized int done() {
        return done;
    }

    /** Steps in all. */
    public int total() {
        return total;
    }

    /** Seconds since the start. */
    public double seconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** The current line, e.g. {@code "calls 12/50 (3.1 s)"}. */
    @Override
    public synchronized String toString() {
        String time = String.format(Locale.ROOT, "%.1f s", seconds());
        String head = label.isEmpty() ? "" : label + " ";
        if (finished && done < total) return head + done + "/" + total + " — stopped after " + time;
        if (finished) return head + done + "/" + total + " — done in " + time;
        return head + done + "/" + total + " (" + time + ")";
    }

    private String html() {
        return Style.wrap("primer-progress",
                (label.isEmpty() ? "" : "<span class=\"primer-label\">" + Html.escape(label) + "</span>")
                        + "<progress value=\"" + done + "\" max=\"" + Math.max(total, 1) + "\"></progress>"
                        + "<span class=\"primer-count\">" + Html.escape(toString().substring(label.isEmpty() ? 0 : label.length() + 1))
                        + "</span>");
    }

    private void render(boolean last) {
        shown = done;
        if (!last) updates++;
        Map<String, String> bundle = new LinkedHashMap<>();
        bundle.put("text/html", html());
        bundle.put("text/plain", toString());
        try {
            if (displayId == null && shown == 0 && Notebook.bridge() != KernelBridge.NONE && updates == 1) {
                displayId = Notebook.publish(bundle, true); // null: it went out as text
                return;
            }
            if (displayId != null && Notebook.update(displayId, bundle)) return;
            displayId = null;
            Notebook.printText(bundle);
        } catch (Throwable t) {
            // progress is a courtesy: never break the run it reports on
        }
    }
}

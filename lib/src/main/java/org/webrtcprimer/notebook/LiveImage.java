package org.webrtcprimer.notebook;

import java.awt.image.RenderedImage;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One picture in the notebook that is replaced in place while a cell runs (Jupyter's
 * update_display_data, which rapaio, IJava and JJava all support through a display id). Outside a
 * kernel, or where the kernel cannot update, the first picture stays and later ones are not
 * printed. Update it from the cell's own thread: output sent after the cell ended is dropped.
 */
public final class LiveImage {
    private final String displayId;
    private boolean updatable;
    private int updates;

    private LiveImage(String displayId) {
        this.displayId = displayId;
        this.updatable = displayId != null;
    }

    /** Shows the first picture, with a caption under it. */
    public static LiveImage show(RenderedImage first, String caption) {
        return new LiveImage(Notebook.publish(bundle(first, caption), true));
    }

    /** Replaces the picture and its caption; false when this kernel cannot update an output. */
    public boolean update(RenderedImage image, String caption) {
        if (!updatable) return false;
        updatable = Notebook.update(displayId, bundle(image, caption));
        if (updatable) updates++;
        return updatable;
    }

    /** How many times the picture was replaced. */
    public int updates() {
        return updates;
    }

    /** True when this kernel replaced the output in place. */
    public boolean live() {
        return updatable;
    }

    private static Map<String, String> bundle(RenderedImage image, String caption) {
        Map<String, String> b = new LinkedHashMap<>();
        b.put("text/html", Style.wrap(null, Html.img(image, caption) + "<div class=\"primer-note\">" + Html.escape(caption) + "</div>"));
        b.put("text/plain", "[image " + image.getWidth() + "×" + image.getHeight() + "] " + caption);
        return b;
    }
}

package org.webrtcprimer.notebook;

import java.awt.Color;

/**
 * The kit's one visual language: the same peer has the same colour in every table and chart.
 */
public final class Style {
    private Style() {}

    /** pc1, the caller (offerer). */
    public static final Color PC1 = new Color(0x1f, 0x77, 0xb4);
    /** pc2, the callee (answerer). */
    public static final Color PC2 = new Color(0xff, 0x7f, 0x0e);
    /** The signaling path and the kit itself (neither peer). */
    public static final Color SIGNALING = new Color(0x7f, 0x7f, 0x7f);
    /** A check that passed. */
    public static final Color OK = new Color(0x2c, 0xa0, 0x2c);
    /** A check that failed. */
    public static final Color FAIL = new Color(0xd6, 0x27, 0x28);

    /** The colour of a peer by its name ("pc1", "pc2"); grey for anything else. */
    public static Color colorOf(String peer) {
        if ("pc1".equals(peer)) return PC1;
        if ("pc2".equals(peer)) return PC2;
        return SIGNALING;
    }

    /** CSS hex form of a colour, e.g. {@code #1f77b4}. */
    public static String hex(Color c) {
        return String.format("#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }
}

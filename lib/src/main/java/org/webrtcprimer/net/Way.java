package org.webrtcprimer.net;

/** Which way a packet travels through the kit's relay: from pc1 towards pc2, or back. */
public enum Way {
    PC1_TO_PC2("pc1 → pc2"),
    PC2_TO_PC1("pc2 → pc1");

    private final String label;

    Way(String label) {
        this.label = label;
    }

    /** The other way. */
    public Way reverse() {
        return this == PC1_TO_PC2 ? PC2_TO_PC1 : PC1_TO_PC2;
    }

    /** {@code "pc1 → pc2"} or {@code "pc2 → pc1"}, as tables and charts label it. */
    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}

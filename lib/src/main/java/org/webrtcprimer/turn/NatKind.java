package org.webrtcprimer.turn;

import org.webrtcprimer.notebook.Choice;

/**
 * The NAT behaviours RFC 4787 names, as the four classic kinds (RFC 4787 §4 and §5 define the
 * mapping and filtering behaviours; RFC 3489 §5 the older cone names), plus no NAT at all.
 */
public enum NatKind {
    /** No NAT: the peer's address is reachable as it is. */
    NONE("none", Mapping.ENDPOINT_INDEPENDENT, Filtering.NONE),
    /** Endpoint-independent mapping and filtering ("full cone"). */
    FULL_CONE("full-cone", Mapping.ENDPOINT_INDEPENDENT, Filtering.ENDPOINT_INDEPENDENT),
    /** Endpoint-independent mapping, address-dependent filtering ("restricted cone"). */
    ADDRESS_RESTRICTED("address-restricted", Mapping.ENDPOINT_INDEPENDENT, Filtering.ADDRESS_DEPENDENT),
    /** Endpoint-independent mapping, address-and-port-dependent filtering ("port-restricted cone"). */
    PORT_RESTRICTED("port-restricted", Mapping.ENDPOINT_INDEPENDENT, Filtering.ADDRESS_AND_PORT_DEPENDENT),
    /** Address-and-port-dependent mapping and filtering ("symmetric"). */
    SYMMETRIC("symmetric", Mapping.ADDRESS_AND_PORT_DEPENDENT, Filtering.ADDRESS_AND_PORT_DEPENDENT);

    /** RFC 4787 §4.1: which external address:port an inside address:port gets. */
    public enum Mapping {
        /** The same mapping for every destination (REQ-1 recommends it). */
        ENDPOINT_INDEPENDENT,
        /** A new mapping for every destination address:port. */
        ADDRESS_AND_PORT_DEPENDENT
    }

    /** RFC 4787 §5: which packets from outside reach the inside address through a mapping. */
    public enum Filtering {
        /** No NAT, no filter. */
        NONE,
        /** Any sender, once the mapping exists. */
        ENDPOINT_INDEPENDENT,
        /** Only senders at an address the inside has sent to through that mapping. */
        ADDRESS_DEPENDENT,
        /** Only senders at an address:port the inside has sent to through that mapping. */
        ADDRESS_AND_PORT_DEPENDENT
    }

    private final String label;
    private final Mapping mapping;
    private final Filtering filtering;

    NatKind(String label, Mapping mapping, Filtering filtering) {
        this.label = label;
        this.mapping = mapping;
        this.filtering = filtering;
    }

    /** The command line's name: {@code none}, {@code full-cone}, {@code address-restricted}, {@code port-restricted}, {@code symmetric}. */
    public String label() {
        return label;
    }

    public Mapping mapping() {
        return mapping;
    }

    public Filtering filtering() {
        return filtering;
    }

    /** Reads a kind by its label (case does not matter), e.g. {@code symmetric}. */
    public static NatKind of(String label) {
        return Choice.of(NatKind.class, NatKind::label, label, "NAT kind", "");
    }

    @Override
    public String toString() {
        return label;
    }
}

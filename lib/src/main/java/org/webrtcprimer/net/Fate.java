package org.webrtcprimer.net;

/** What the kit's relay did with one packet it received. */
public enum Fate {
    /** Sent on towards the other peer (after its delay, if any). */
    FORWARDED("forwarded"),
    /** An extra copy the relay sent because duplication is on. */
    DUPLICATED("duplicated"),
    /** Dropped by random or bursty loss. */
    DROPPED_LOSS("dropped: loss"),
    /** Dropped because the rate limiter's queue was full (drop-tail). */
    DROPPED_QUEUE("dropped: queue full"),
    /** Dropped by an emulated NAT's filtering (RFC 4787). */
    DROPPED_NAT("dropped: NAT filter");

    private final String label;

    Fate(String label) {
        this.label = label;
    }

    /** True for the fates in which the packet never reached the other side. */
    public boolean dropped() {
        return this == DROPPED_LOSS || this == DROPPED_QUEUE || this == DROPPED_NAT;
    }

    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}

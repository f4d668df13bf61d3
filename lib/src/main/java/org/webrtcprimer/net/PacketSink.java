package org.webrtcprimer.net;

/**
 * Where the relay reports every packet it sees, once its fate is known. Called on the relay's
 * own thread: an implementation must be quick and must not block or throw.
 */
@FunctionalInterface
public interface PacketSink {
    void packet(RelayedPacket p);

    /** A sink that keeps nothing. */
    PacketSink NONE = p -> {};
}

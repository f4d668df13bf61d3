package org.webrtcprimer.net;

import java.net.InetSocketAddress;

/**
 * Where an emulated NAT plugs into the relay, one per peer (RFC 4787's two behaviours). The
 * relay presents each address of a peer to the other peer as one of its own sockets on
 * 127.0.0.1 — a "face", which is exactly a NAT's mapping. The gate decides which face a packet
 * leaving the peer gets (mapping), and which packets arriving at a face reach the peer behind it
 * (filtering; a refused packet's fate is {@link Fate#DROPPED_NAT}). {@link #OPEN}, the default,
 * is an endpoint-independent mapping with no filtering: what a relay without a NAT does.
 */
public interface PeerGate {

    /**
     * The key of the face a packet from the peer's {@code inside} address to {@code destination}
     * (the face it was sent to) leaves by: packets with equal keys share a face. Endpoint-independent
     * mapping returns {@code inside}; address-and-port-dependent mapping returns a pair of both.
     */
    default Object mappingKey(InetSocketAddress inside, InetSocketAddress destination) {
        return inside;
    }

    /**
     * Whether a packet from {@code remote} (the face by which the other peer's packet comes) may pass
     * through {@code face} to the peer's {@code inside} address. Called for every packet towards this peer.
     */
    default boolean admit(InetSocketAddress face, InetSocketAddress inside, InetSocketAddress remote) {
        return true;
    }

    /** Tells the gate that the peer sent from {@code inside} through {@code face} to {@code destination} (to open filters). */
    default void sent(InetSocketAddress inside, InetSocketAddress face, InetSocketAddress destination) {
    }

    /** No NAT: one face per address of the peer, every packet passes. */
    PeerGate OPEN = new PeerGate() {
        @Override
        public String toString() {
            return "no NAT";
        }
    };
}

package org.webrtcprimer.signaling;

import java.net.InetAddress;
import java.net.InetSocketAddress;

/** What the signaling server knows about one connection: where it comes from, its room and name, its counters. */
final class Member {
    final String address;
    final InetAddress ip;
    final long opened = System.nanoTime();
    final boolean tokenInUrl; // the upgrade request's address carried the room token
    volatile long lastMessage = opened;
    String room; // guarded by the server's Rooms
    String name;
    int messages;
    volatile boolean saidGoodbye; // its closing handshake began with a normal close code
    volatile String closedBecause; // set when the server closes it, for the room's peer-left

    Member(InetSocketAddress remote, boolean tokenInUrl) {
        this.address = String.valueOf(remote);
        this.ip = remote == null ? null : remote.getAddress();
        this.tokenInUrl = tokenInUrl;
    }

    String who() {
        return name != null ? name : "peer at " + address;
    }
}

package org.webrtcprimer.signaling;

import java.time.Duration;

/**
 * {@link SignalingServer.Options}' fields as a mutable copy: each wither changes what it names and builds the
 * record again, so the constructor's checks run on every change and the field list is
 * written once (here), not once per wither.
 */
final class OptionsDraft {
    String host;
    int port;
    int httpPort;
    int maxMessageBytes;
    int maxConnections;
    int maxConnectionsPerAddress;
    int maxMessagesPerConnection;
    Duration idleTimeout;
    String room;
    String token;
    int maxHeaderBytes;
    Duration handshakeTimeout;
    Duration joinTimeout;
    Duration silentTimeout;
    long maxQueuedBytes;

    OptionsDraft(SignalingServer.Options o) {
        host = o.host();
        port = o.port();
        httpPort = o.httpPort();
        maxMessageBytes = o.maxMessageBytes();
        maxConnections = o.maxConnections();
        maxConnectionsPerAddress = o.maxConnectionsPerAddress();
        maxMessagesPerConnection = o.maxMessagesPerConnection();
        idleTimeout = o.idleTimeout();
        room = o.room();
        token = o.token();
        maxHeaderBytes = o.maxHeaderBytes();
        handshakeTimeout = o.handshakeTimeout();
        joinTimeout = o.joinTimeout();
        silentTimeout = o.silentTimeout();
        maxQueuedBytes = o.maxQueuedBytes();
    }

    SignalingServer.Options build() {
        return new SignalingServer.Options(host, port, httpPort, maxMessageBytes, maxConnections, maxConnectionsPerAddress, maxMessagesPerConnection, idleTimeout, room, token, maxHeaderBytes, handshakeTimeout, joinTimeout, silentTimeout, maxQueuedBytes);
    }
}

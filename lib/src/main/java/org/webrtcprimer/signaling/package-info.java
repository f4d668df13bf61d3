/**
 * Lesson 10: the signaling server, its protocol, the client, a remote call between two processes
 * or a browser, the callee. Uses {@code call}, {@code timing} and below.
 *
 * <p>The API is {@code SignalingServer}, {@code SignalingClient}, {@code RemoteCall}, {@code Callee},
 * {@code CalleeProcess}, {@code Message}, {@code Protocol}, {@code ClockOffset}, {@code CallLogs}
 * and their exceptions. Package-private pieces: the server's {@code SignalingSocket} (who may
 * connect, what a message must be), {@code Rooms} (joins, relays, departures), {@code PageServer},
 * {@code Outbox}, {@code ServerLog}, {@code Member}, {@code OptionsDraft} and {@code InOrderClose};
 * the client's {@code Mailbox}; a remote call's {@code CallSignals} (what crosses signaling) and
 * {@code RemoteCallSteps} (each side's whole call); {@code LogExchange}.
 */
package org.webrtcprimer.signaling;

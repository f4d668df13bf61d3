/**
 * The network lab's relay (lesson 11): every packet between pc1 and pc2 through sockets of the
 * kit on 127.0.0.1, with impairments per way (loss, bursts, rate and queue, delay and jitter,
 * reordering, duplication), schedules, counters, sinks for the capture, and the {@code PeerGate}
 * hook where an emulated NAT plugs in. {@code Relay} is the API; {@code Faces}, {@code HandOver},
 * {@code Conditions}, {@code Link}, {@code Forwarder}, {@code DelayLine} and {@code Tally} are its
 * package-private pieces. Uses {@code events} and {@code notebook} (JDK sockets only, no engine).
 */
package org.webrtcprimer.net;

/**
 * STUN and TURN for the NAT lab: a real coturn server ({@link org.webrtcprimer.turn.TurnServer})
 * run as a child process on this machine's own addresses — generated config, free ports, captured
 * log, long-term or time-limited credentials, UDP/TCP/TLS listeners — stopped at hangup, close or
 * JVM exit; the ICE servers a call is given; and the diagnosis of a TURN failure from the engine's
 * {@code icecandidateerror}. An analysis layer: it uses {@code call} (its options and peers), and
 * nothing below it uses this package.
 */
package org.webrtcprimer.turn;

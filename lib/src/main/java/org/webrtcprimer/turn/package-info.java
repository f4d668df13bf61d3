/**
 * NAT, STUN and TURN: the kit's own coturn as a child process ({@link org.webrtcprimer.turn.TurnServer},
 * {@link org.webrtcprimer.turn.TurnConfig}, {@link org.webrtcprimer.turn.TurnCredentials}), emulated
 * RFC 4787 NATs for the network lab's relay ({@link org.webrtcprimer.turn.NatGate},
 * {@link org.webrtcprimer.turn.NatKind}), and what a call through them did
 * ({@link org.webrtcprimer.turn.SelectedPath}, {@link org.webrtcprimer.turn.NatRun},
 * {@link org.webrtcprimer.turn.TurnDiagnosis}). Depends on {@code call}, {@code net}, {@code ice}
 * and {@code notebook}; only {@code tools} depends on it. See docs/turn.md.
 */
package org.webrtcprimer.turn;

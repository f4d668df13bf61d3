/**
 * The peer connection as the webrtc samples use it: {@code Peer} (pc1, pc2), {@code LocalCall},
 * offer options and call options, session descriptions, data channels and their measurements
 * (throughput, round trips), ICE restart, setup times. Wraps the engine (one of the three packages
 * that import {@code dev.onvoid.webrtc}); uses {@code engine}, {@code media}, {@code events},
 * {@code sdp}, {@code ice}, {@code net}, {@code notebook}. The observer relays are adapters, not
 * lesson API; so are the package-private parts the public classes are made of: a peer's
 * callbacks, steps, remote candidates, DTLS watch and channels ({@code PeerObserver},
 * {@code EngineStep}, {@code RemoteCandidates}, {@code DtlsWatch}, {@code PeerChannels},
 * {@code TracklessTransceiver}), a channel's sender, inbox and state ({@code ChannelSender},
 * {@code ChannelInbox}, {@code ChannelState}), and a local call's route, received media,
 * waits, diagnosis, view and hangup list ({@code LocalRoute}, {@code ReceivedMedia},
 * {@code EventWait}, {@code CallDiagnosis}, {@code LocalCallView}, {@code AtHangup}).
 */
package org.webrtcprimer.call;

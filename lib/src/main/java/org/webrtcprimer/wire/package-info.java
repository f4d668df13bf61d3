/**
 * What travels on the wire between pc1 and pc2: every UDP datagram the kit's relay sees, kept in
 * a bounded {@link org.webrtcprimer.wire.Capture}, classified the way RFC 7983 demultiplexes one
 * port (STUN, DTLS, RTP/RTCP, TURN ChannelData) and decoded — STUN and TURN messages with their
 * attributes, DTLS records and the handshake messages sent in clear, RTP and RTCP headers (which
 * SRTP leaves in clear) mapped back to the SDP's rtpmap, ssrc, mid and extmap lines — and written
 * out as a pcap file that Wireshark reads. An analysis: the decoders never throw on what a peer
 * sends, and nothing here renders; the packet table is the one view, charts live in
 * {@code charts}.
 */
package org.webrtcprimer.wire;

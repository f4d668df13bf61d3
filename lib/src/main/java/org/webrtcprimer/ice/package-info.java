/**
 * ICE as data: candidates (RFC 8839 grammar, {@code Candidate}, {@code IceCodec}), candidate pairs
 * read from a stats report, their tables. Also the field splitter the SDP parser shares. Uses
 * {@code events}, {@code notebook} and the JDK; never the engine (stats arrive as W3C-shaped maps).
 */
package org.webrtcprimer.ice;

/**
 * SDP as data: the parser (RFC 8866, JSEP, RFC 8829), every line explained, dissections, diffs,
 * edits (munging), JSON. Uses {@code ice} (candidates), {@code notebook} and the JDK; never the engine.
 */
package org.webrtcprimer.sdp;

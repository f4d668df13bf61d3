/**
 * Lesson 10: the signaling server, its protocol, the client, a remote call between two processes
 * or a browser, the callee. Uses {@code call}, {@code timing} and below.
 */
package org.webrtcprimer.signaling;

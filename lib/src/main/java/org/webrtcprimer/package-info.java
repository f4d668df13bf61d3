/**
 * The top of the kit: {@link org.webrtcprimer.Primer}, the few words a lesson needs
 * ({@code import static org.webrtcprimer.Primer.*;}), and {@link org.webrtcprimer.Main}, the jar's
 * command line. May use every package; nothing in the kit uses it (ArchitectureTest).
 */
package org.webrtcprimer;

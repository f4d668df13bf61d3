/**
 * The kit's clock ({@code KitClock}) and the event log every peer writes: events, state timelines,
 * text and CSV export, the log table. Uses {@code notebook} and the JDK.
 */
package org.webrtcprimer.events;

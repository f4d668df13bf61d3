/**
 * How long a call takes to set up: milestones, phases, runs of many calls and their tables. Uses
 * {@code call} and below; {@code charts} draws its results.
 */
package org.webrtcprimer.timing;

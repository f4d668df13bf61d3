/**
 * The lessons' exercises: one class per lesson registers its {@code check("NN.M")} ids, and
 * {@code Verdict} says what was right or wrong. Uses the analyses and below.
 */
package org.webrtcprimer.exercises;

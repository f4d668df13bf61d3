/**
 * Charts and diagrams of a call: swimlanes, waterfalls, distributions, call-flow diagrams, the
 * canvas they are drawn on. Uses {@code timing}, {@code call} and below.
 */
package org.webrtcprimer.charts;

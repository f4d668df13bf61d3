/**
 * Charts and tables of data channel measurements (throughput, round trips). The channel itself is
 * {@code call.DataChannel}. Uses {@code call}, {@code charts} and below.
 */
package org.webrtcprimer.datachannel;

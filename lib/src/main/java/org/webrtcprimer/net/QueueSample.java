package org.webrtcprimer.net;

/**
 * The rate limiter's queue one way at one moment: the largest backlog seen in a 10 ms slot.
 *
 * @param nanos when, on the kit's clock
 * @param way   which way
 * @param bytes bytes waiting to go out on the limited link
 */
public record QueueSample(long nanos, Way way, long bytes) {
}

/**
 * getStats as data: reports, objects, metrics, rates, the sampler, recordings, dumps that load
 * without the engine, their tables and charts. Uses {@code call}, {@code charts} and below.
 */
package org.webrtcprimer.stats;

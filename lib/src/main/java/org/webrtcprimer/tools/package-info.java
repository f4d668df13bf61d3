/**
 * The command line, benchmarks, soak and report: what {@code Main} runs. Not lesson API. May use
 * every package but the root; only the root uses it. The plain-webrtc-java baselines the
 * benchmarks and the soak compare against live in {@code call.baseline}.
 */
package org.webrtcprimer.tools;

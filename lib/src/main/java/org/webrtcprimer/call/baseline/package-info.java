/**
 * The engine with nothing of the kit: webrtc-java's own peer connections, channels and getStats,
 * written directly, as the reference the benchmarks, the report and the soak measure the kit
 * against ({@code PlainProbe}, {@code ChannelRounds}, {@code EngineStats}, {@code EngineCall},
 * and what a soak cycle carries, {@code CallKind}). Not lesson API: lessons use {@code call}.
 * Imports {@code dev.onvoid.webrtc} (it is under {@code call}, one of the three packages that may);
 * uses {@code engine}, {@code media}, {@code call}, {@code notebook}.
 */
package org.webrtcprimer.call.baseline;

package org.webrtcprimer.call;

/**
 * Flow control for a sender that has more to send than the network takes at once.
 *
 * <p>Every {@code send} adds to the channel's {@code bufferedAmount}: bytes queued in the engine,
 * not yet handed to SCTP. A sender that never looks at it fills that queue without bound — and
 * libwebrtc closes the channel once 16 MiB are queued. The browser pattern: stop sending above
 * a <b>high-water mark</b>, resume when {@code bufferedAmount} falls to a <b>low-water mark</b>
 * ({@code bufferedAmountLowThreshold} and the {@code bufferedamountlow} event). webrtc-java 0.14.0
 * never delivers that event, so the kit polls {@code bufferedAmount} instead.
 *
 * @param highWaterMark bytes: a send that would take bufferedAmount above this waits first
 * @param lowWaterMark  bytes: the wait ends when bufferedAmount is at or below this
 */
public record FlowControl(long highWaterMark, long lowWaterMark) {

    /** libwebrtc closes a data channel whose send queue would exceed this many bytes. */
    public static final long ENGINE_QUEUE_LIMIT = 16L * 1024 * 1024;

    public FlowControl {
        if (lowWaterMark < 0) throw new IllegalArgumentException("lowWaterMark must be 0 or more bytes, got " + lowWaterMark);
        if (highWaterMark <= lowWaterMark) {
            throw new IllegalArgumentException("highWaterMark (" + highWaterMark + " B) must be above lowWaterMark ("
                    + lowWaterMark + " B), e.g. FlowControl.of(1 << 20, 256 << 10)");
        }
        if (highWaterMark > ENGINE_QUEUE_LIMIT) {
            throw new IllegalArgumentException("highWaterMark " + highWaterMark + " B is above the engine's 16 MiB send queue, "
                    + "where libwebrtc closes the channel — use at most " + ENGINE_QUEUE_LIMIT + " B (1 MiB is plenty)");
        }
    }

    /** High- and low-water marks in bytes. */
    public static FlowControl of(long highWaterMark, long lowWaterMark) {
        return new FlowControl(highWaterMark, lowWaterMark);
    }

    /** 1 MiB high, 256 KiB low: enough in flight to keep a local link busy, far below the engine's 16 MiB. */
    public static FlowControl defaults() {
        return new FlowControl(1L << 20, 256L << 10);
    }

    @Override
    public String toString() {
        return "FlowControl(high-water " + Units.bytes(highWaterMark) + ", low-water " + Units.bytes(lowWaterMark) + ")";
    }
}

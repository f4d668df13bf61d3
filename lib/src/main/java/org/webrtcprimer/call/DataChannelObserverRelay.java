package org.webrtcprimer.call;

import dev.onvoid.webrtc.RTCDataChannel;
import dev.onvoid.webrtc.RTCDataChannelBuffer;
import dev.onvoid.webrtc.RTCDataChannelObserver;

/**
 * Register this on an {@link RTCDataChannel} instead of the observer itself, and {@link #detach()}
 * it when the channel is done. In webrtc-java 0.14.0 {@code unregisterObserver()} never deletes
 * the native observer, which holds the Java observer for the life of the JVM — and with it
 * whatever the observer refers to (a log, a list of received messages). After detach() only
 * this small relay stays behind.
 *
 * <pre>{@code
 * var relay = DataChannelObserverRelay.register(channel, myObserver);
 * ...
 * relay.detach();   // before or after channel.close()
 * }</pre>
 */
public final class DataChannelObserverRelay implements RTCDataChannelObserver {
    private volatile RTCDataChannelObserver target;

    private DataChannelObserverRelay(RTCDataChannelObserver target) {
        this.target = target;
    }

    /** Registers a relay to {@code observer} on the channel and returns it. */
    public static DataChannelObserverRelay register(RTCDataChannel channel, RTCDataChannelObserver observer) {
        if (channel == null || observer == null) throw new IllegalArgumentException("register needs a channel and an observer");
        DataChannelObserverRelay r = new DataChannelObserverRelay(observer);
        channel.registerObserver(r);
        return r;
    }

    /** A relay to {@code observer} that the caller registers itself (after keeping it, so a callback never finds it missing). */
    static DataChannelObserverRelay of(RTCDataChannelObserver observer) {
        return new DataChannelObserverRelay(observer);
    }

    /** Stops relaying: the observer (and what it holds) can be collected. Harmless twice. */
    public void detach() {
        target = null;
    }

    @Override
    public void onBufferedAmountChange(long previousAmount) {
        RTCDataChannelObserver t = target;
        if (t != null) t.onBufferedAmountChange(previousAmount);
    }

    @Override
    public void onStateChange() {
        RTCDataChannelObserver t = target;
        if (t != null) t.onStateChange();
    }

    @Override
    public void onMessage(RTCDataChannelBuffer buffer) {
        RTCDataChannelObserver t = target;
        if (t != null) t.onMessage(buffer);
    }
}

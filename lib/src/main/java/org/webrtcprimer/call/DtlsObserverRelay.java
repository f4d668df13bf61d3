package org.webrtcprimer.call;

import dev.onvoid.webrtc.RTCDtlsTransportObserver;
import dev.onvoid.webrtc.RTCDtlsTransportState;

/**
 * What a DTLS transport keeps instead of the peer's own observer. In webrtc-java 0.14.0
 * {@code RTCDtlsTransport.unregisterObserver()} only unhooks the native observer; it never deletes
 * it, so whatever Java observer was registered stays reachable for the life of the JVM. The peer
 * {@link #detach() detaches} this relay at close, leaving only the relay behind.
 */
final class DtlsObserverRelay implements RTCDtlsTransportObserver {
    private volatile RTCDtlsTransportObserver target;

    DtlsObserverRelay(RTCDtlsTransportObserver target) {
        this.target = target;
    }

    void detach() {
        target = null;
    }

    @Override
    public void onStateChange(RTCDtlsTransportState state) {
        RTCDtlsTransportObserver t = target;
        if (t != null) t.onStateChange(state);
    }

    @Override
    public void onError(String error) {
        RTCDtlsTransportObserver t = target;
        if (t != null) t.onError(error);
    }
}

package org.webrtcprimer.call;

import dev.onvoid.webrtc.RTCDtlsTransport;
import dev.onvoid.webrtc.RTCDtlsTransportObserver;
import dev.onvoid.webrtc.RTCDtlsTransportState;
import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCRtpTransceiver;
import org.webrtcprimer.events.Event;
import org.webrtcprimer.events.EventLog;

import java.util.ArrayList;
import java.util.List;

/**
 * A peer's DTLS transport, watched: its state changes ({@code new → connecting → connected →
 * closed}) and errors go into the call's log. The transport exists only once a local description
 * is set; with BUNDLE every section shares it, so it is watched once. Released in two steps at
 * close, around the peer connection's own close. Not lesson API.
 */
final class DtlsWatch {
    private final String name;
    private final EventLog log;
    private final List<RTCDtlsTransport> observed = new ArrayList<>();
    private final List<DtlsObserverRelay> relays = new ArrayList<>();

    DtlsWatch(String name, EventLog log) {
        this.name = name;
        this.log = log;
    }

    /** Starts watching the transport of {@code pc}'s first section that has one, unless one is watched already. */
    void watch(RTCPeerConnection pc) {
        try {
            for (RTCRtpTransceiver t : pc.getTransceivers()) {
                RTCDtlsTransport dtls = t.getSender().getTransport();
                if (dtls == null) continue;
                synchronized (observed) {
                    if (!observed.isEmpty()) return;
                    DtlsObserverRelay relay = new DtlsObserverRelay(new RTCDtlsTransportObserver() {
                        @Override
                        public void onStateChange(RTCDtlsTransportState state) {
                            log.add(name, Event.Kind.STATE, Event.DTLS, States.w3c(state));
                        }

                        @Override
                        public void onError(String error) {
                            log.add(name, Event.Kind.NOTE, "DTLS error", error);
                        }
                    });
                    dtls.registerObserver(relay);
                    relays.add(relay);
                    observed.add(dtls);
                }
            }
        } catch (Throwable ignored) {
            // No transport yet (no media sections): nothing to observe.
        }
    }

    /** Before the peer connection closes: the transports stop calling back. */
    void unregister() {
        synchronized (observed) {
            for (RTCDtlsTransport t : observed) {
                try {
                    t.unregisterObserver();
                } catch (Throwable ignored) {
                    // the transport went with the connection
                }
            }
            observed.clear();
        }
    }

    /**
     * After it closed: the relays the engine keeps for good let go of this watch (and so of the
     * log), since {@code unregisterObserver()} never deletes the native observer.
     */
    void detach() {
        synchronized (observed) {
            relays.forEach(DtlsObserverRelay::detach);
            relays.clear();
        }
    }
}

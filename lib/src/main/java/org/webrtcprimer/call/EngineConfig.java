package org.webrtcprimer.call;

import dev.onvoid.webrtc.RTCConfiguration;
import dev.onvoid.webrtc.RTCIceServer;
import dev.onvoid.webrtc.RTCIceTransportPolicy;
import dev.onvoid.webrtc.TlsCertPolicy;

import java.util.ArrayList;

/** Turns the kit's {@link IceSettings} into the engine's {@code RTCConfiguration}. */
final class EngineConfig {
    private EngineConfig() {}

    static RTCConfiguration of(IceSettings ice) {
        RTCConfiguration c = new RTCConfiguration();
        c.iceServers = new ArrayList<>();
        for (IceServer s : ice.servers()) {
            RTCIceServer e = new RTCIceServer();
            e.urls = new ArrayList<>(s.urls());
            e.username = s.username();
            e.password = s.credential();
            e.tlsCertPolicy = s.acceptAnyCertificate() ? TlsCertPolicy.INSECURE_NO_CHECK : TlsCertPolicy.SECURE;
            c.iceServers.add(e);
        }
        c.iceTransportPolicy = ice.policy().equals("relay") ? RTCIceTransportPolicy.RELAY : RTCIceTransportPolicy.ALL;
        return c;
    }
}

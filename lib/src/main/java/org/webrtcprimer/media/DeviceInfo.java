package org.webrtcprimer.media;

/**
 * One media input, as {@code navigator.mediaDevices.enumerateDevices()} lists it.
 *
 * @param kind      {@code videoinput} or {@code audioinput}
 * @param label     a readable name
 * @param deviceId  what identifies it to the system (empty for synthetic sources)
 * @param synthetic whether it is the kit's own generated source rather than hardware
 */
public record DeviceInfo(String kind, String label, String deviceId, boolean synthetic) {

    @Override
    public String toString() {
        return kind + ": " + label + (synthetic ? " (synthetic)" : "");
    }
}

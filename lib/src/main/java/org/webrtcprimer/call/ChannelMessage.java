package org.webrtcprimer.call;

import org.webrtcprimer.events.KitClock;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One data channel message, sent or received: text (a UTF-8 string, SCTP payload protocol id
 * 51, or 56 when empty) or binary (53, or 57 when empty) — RFC 8831 §6.6.
 *
 * @param nanos    when it was sent or received, on the kit's clock
 * @param peer     the peer whose channel sent or received it ("pc1", "pc2")
 * @param channel  the channel's label
 * @param received true for a message this peer received, false for one it sent
 * @param binary   binary (ArrayBuffer in a browser) or text (string)
 * @param data     the payload bytes (UTF-8 for text); a copy — the engine's buffer lives only during its callback
 */
public record ChannelMessage(long nanos, String peer, String channel, boolean received, boolean binary, byte[] data) {

    public ChannelMessage {
        data = data == null ? new byte[0] : data;
    }

    /** The payload as text (UTF-8 decoded); for binary messages, the bytes decoded the same way. */
    public String text() {
        return new String(data, StandardCharsets.UTF_8);
    }

    /** Payload size in bytes. */
    public int size() {
        return data.length;
    }

    /** Milliseconds on the kit's clock. */
    public double millis() {
        return nanos / 1e6;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChannelMessage m && m.nanos == nanos && m.peer.equals(peer) && m.channel.equals(channel)
                && m.received == received && m.binary == binary && Arrays.equals(m.data, data);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(nanos) * 31 + Arrays.hashCode(data);
    }

    /** E.g. {@code [12.346] pc2 ← 'chat': "Hello" (text, 5 bytes)}. */
    @Override
    public String toString() {
        String what;
        if (!binary) {
            String t = text();
            what = "\"" + (t.length() > 60 ? t.substring(0, 57) + "…" : t) + "\" (text, " + data.length + " bytes)";
        } else {
            StringBuilder hex = new StringBuilder();
            for (int i = 0; i < Math.min(8, data.length); i++) hex.append(String.format("%02x ", data[i] & 0xff));
            what = "binary, " + data.length + " bytes" + (data.length == 0 ? "" : ": " + hex.toString().strip()
                    + (data.length > 8 ? " …" : ""));
        }
        return KitClock.stamp(nanos) + " " + peer + (received ? " ← '" : " → '") + channel + "': " + what;
    }
}

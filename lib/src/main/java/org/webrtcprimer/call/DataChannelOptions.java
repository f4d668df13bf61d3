package org.webrtcprimer.call;

import dev.onvoid.webrtc.RTCDataChannelInit;
import org.webrtcprimer.notebook.Table;

import java.nio.charset.StandardCharsets;

/**
 * How a data channel delivers its messages — the W3C {@code RTCDataChannelInit} dictionary.
 *
 * <p>SCTP gives each channel its own stream (RFC 8831 §6.4), and each stream chooses:
 * <ul>
 *   <li><b>ordered</b> or not: an ordered channel hands messages over in the order they were sent,
 *       so one lost packet holds up everything behind it until it is retransmitted;</li>
 *   <li><b>reliable</b> or <b>partially reliable</b> (PR-SCTP, RFC 3758; policies in RFC 7496):
 *       retransmit until delivered, at most {@code maxRetransmits} times, or for at most
 *       {@code maxPacketLifeTime} milliseconds — then give up on that message.</li>
 * </ul>
 * An in-band channel is announced to the other peer by a DATA_CHANNEL_OPEN message carrying these
 * settings (DCEP, RFC 8832 §5.1), which fires {@code ondatachannel} there. A <b>negotiated</b>
 * channel skips that: both peers create it with the same {@code id} (the SCTP stream number)
 * and agree on it out of band.
 *
 * @param ordered           deliver in sending order
 * @param maxRetransmits    give up on a message after this many retransmissions, or null (no limit)
 * @param maxPacketLifeTime give up on a message after this many milliseconds, or null (no limit)
 * @param negotiated        both peers create the channel themselves with the same id (no DCEP)
 * @param id                SCTP stream id 0–65534 for a negotiated channel, else null (the engine picks)
 * @param protocol          sub-protocol name carried in DCEP, e.g. "json"; "" for none
 */
public record DataChannelOptions(boolean ordered, Integer maxRetransmits, Integer maxPacketLifeTime,
                                 boolean negotiated, Integer id, String protocol) {

    public DataChannelOptions {
        protocol = protocol == null ? "" : protocol;
        if (maxRetransmits != null && maxPacketLifeTime != null) {
            throw new IllegalArgumentException("a channel can limit retransmissions (maxRetransmits=" + maxRetransmits
                    + ") or lifetime (maxPacketLifeTime=" + maxPacketLifeTime + " ms), not both — choose one "
                    + "(the W3C createDataChannel throws a TypeError for both)");
        }
        if (maxRetransmits != null && (maxRetransmits < 0 || maxRetransmits > 65535)) {
            throw new IllegalArgumentException("maxRetransmits must be 0–65535, got " + maxRetransmits);
        }
        if (maxPacketLifeTime != null && (maxPacketLifeTime < 0 || maxPacketLifeTime > 65535)) {
            throw new IllegalArgumentException("maxPacketLifeTime must be 0–65535 ms, got " + maxPacketLifeTime);
        }
        if (id != null && (id < 0 || id > 65534)) {
            throw new IllegalArgumentException("a data channel id is an SCTP stream number 0–65534, got " + id);
        }
        if (negotiated && id == null) {
            throw new IllegalArgumentException("a negotiated channel needs an id both peers agree on — use .withNegotiated(0)");
        }
        if (!negotiated && id != null) {
            throw new IllegalArgumentException("only a negotiated channel takes an id (in-band channels get theirs from "
                    + "the engine: even for the DTLS client, odd for the server, RFC 8832 §6) — use .withNegotiated(" + id + ")");
        }
        if (protocol.getBytes(StandardCharsets.UTF_8).length > 65535) {
            throw new IllegalArgumentException("protocol is longer than 65535 bytes");
        }
    }

    /** Ordered and reliable, like TCP: every message arrives, in order. The default. */
    public static DataChannelOptions reliable() {
        return new DataChannelOptions(true, null, null, false, null, "");
    }

    /** Reliable but unordered: every message arrives, and a lost packet does not hold up the ones behind it. */
    public static DataChannelOptions unordered() {
        return new DataChannelOptions(false, null, null, false, null, "");
    }

    /** Unordered, never retransmitted ({@code maxRetransmits: 0}), like UDP: late is useless. */
    public static DataChannelOptions unreliable() {
        return partialRetransmits(0);
    }

    /** Unordered, each message retransmitted at most {@code n} times (RFC 7496 §3.1). */
    public static DataChannelOptions partialRetransmits(int n) {
        return new DataChannelOptions(false, n, null, false, null, "");
    }

    /** Unordered, each message retransmitted for at most {@code ms} milliseconds (RFC 3758 timed reliability). */
    public static DataChannelOptions partialLifetime(int ms) {
        return new DataChannelOptions(false, null, ms, false, null, "");
    }

    /** The same options, ordered or not. */
    public DataChannelOptions withOrdered(boolean on) {
        return new DataChannelOptions(on, maxRetransmits, maxPacketLifeTime, negotiated, id, protocol);
    }

    /** The same options as a negotiated channel on SCTP stream {@code id}: create it on both peers with the same id. */
    public DataChannelOptions withNegotiated(int id) {
        return new DataChannelOptions(ordered, maxRetransmits, maxPacketLifeTime, true, id, protocol);
    }

    /** The same options with a sub-protocol name (carried to the other peer in DCEP). */
    public DataChannelOptions withProtocol(String name) {
        return new DataChannelOptions(ordered, maxRetransmits, maxPacketLifeTime, negotiated, id, name);
    }

    /** Whether every message is retransmitted until it arrives. */
    public boolean reliableDelivery() {
        return maxRetransmits == null && maxPacketLifeTime == null;
    }

    /** In words, e.g. {@code ordered, reliable} or {@code unordered, at most 3 retransmissions}. */
    public String describe() {
        String r = reliableDelivery() ? "reliable"
                : maxRetransmits != null ? (maxRetransmits == 0 ? "no retransmissions" : "at most " + maxRetransmits
                + " retransmission" + (maxRetransmits == 1 ? "" : "s"))
                : "retransmitted for at most " + maxPacketLifeTime + " ms";
        return (ordered ? "ordered" : "unordered") + ", " + r + (negotiated ? ", negotiated id " + id : "")
                + (protocol.isEmpty() ? "" : ", protocol '" + protocol + "'");
    }

    /** What the channel behaves like, in a few words. */
    public String like() {
        if (reliableDelivery()) return ordered ? "TCP: all of it, in order" : "all of it, in any order";
        if (maxRetransmits != null && maxRetransmits == 0 && !ordered) return "UDP: once, maybe lost";
        return "best effort within a budget";
    }

    RTCDataChannelInit toEngine() {
        RTCDataChannelInit init = new RTCDataChannelInit();
        init.ordered = ordered;
        init.maxRetransmits = maxRetransmits == null ? -1 : maxRetransmits;
        init.maxPacketLifeTime = maxPacketLifeTime == null ? -1 : maxPacketLifeTime;
        init.negotiated = negotiated;
        init.id = id == null ? -1 : id;
        init.protocol = protocol;
        return init;
    }

    /** The presets side by side: what each sets, what it behaves like, what it suits, where it is defined. */
    public static Table presets() {
        Table t = Table.of("preset", "ordered", "maxRetransmits", "maxPacketLifeTime", "like", "good for", "defined in")
                .title("Data channel reliability presets");
        t.row("reliable()", "true", "—", "—", reliable().like(), "chat, files, commands", "RFC 8831 §6.4");
        t.row("unordered()", "false", "—", "—", unordered().like(), "file chunks that carry their offset", "RFC 8831 §6.4");
        t.row("unreliable()", "false", "0", "—", unreliable().like(), "game state, cursor positions", "RFC 7496 §3.1");
        t.row("partialRetransmits(3)", "false", "3", "—", partialRetransmits(3).like(), "updates worth a retry or three", "RFC 7496 §3.1");
        t.row("partialLifetime(150)", "false", "—", "150 ms", partialLifetime(150).like(), "live telemetry: stale after 150 ms", "RFC 3758");
        t.row("….withNegotiated(id)", "(as set)", "(as set)", "(as set)", "no DATA_CHANNEL_OPEN: both peers create it with one id",
                "a channel both sides know in advance", "RFC 8832 §1, W3C");
        return t.note("Ordered delivery holds later messages back until a lost one is retransmitted; "
                + "partial reliability lets the sender give up on a message instead (maxRetransmits or maxPacketLifeTime, never both).");
    }

    @Override
    public String toString() {
        return "DataChannelOptions(" + describe() + ")";
    }

    /**
     * Reads a channel's settings back from the engine. webrtc-java reports an unset limit as 0, so
     * a channel with a limit of 0 ms lifetime reads as maxRetransmits 0: both mean "send once".
     */
    static DataChannelOptions of(dev.onvoid.webrtc.RTCDataChannel raw) {
        boolean reliable = raw.isReliable();
        Integer rtx = null, life = null;
        if (!reliable) {
            int l = raw.getMaxPacketLifeTime();
            if (l > 0) life = l;
            else rtx = raw.getMaxRetransmits();
        }
        boolean negotiated = raw.isNegotiated();
        int id = raw.getId();
        return new DataChannelOptions(raw.isOrdered(), rtx, life, negotiated, negotiated && id >= 0 ? id : null,
                raw.getProtocol());
    }
}

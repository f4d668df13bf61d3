package org.webrtcprimer.call;

import dev.onvoid.webrtc.RTCDataChannel;
import org.webrtcprimer.events.Event;
import org.webrtcprimer.events.EventLog;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * A {@link Peer}'s data channels: those it created and those the other peer opened (announced
 * in-band, RFC 8832), in order, and the wait for one of the latter by its label. Released with
 * the peer. Not lesson API: {@link Peer#createDataChannel}, {@link Peer#awaitDataChannel}.
 */
final class PeerChannels {
    private final Peer peer;
    private final Duration timeout;
    private final Supplier<String> situation;
    private final List<DataChannel> channels = new CopyOnWriteArrayList<>();

    /** @param situation where the call stands, for the message of a wait that timed out */
    PeerChannels(Peer peer, Duration timeout, Supplier<String> situation) {
        this.peer = peer;
        this.timeout = timeout;
        this.situation = situation;
    }

    /** A channel on this peer — the article's {@code pc.createDataChannel(label, options)} — logged as created or refused. */
    DataChannel create(String label, DataChannelOptions options) {
        if (label == null) throw new IllegalArgumentException("a data channel needs a label, e.g. \"chat\" (\"\" is allowed)");
        if (label.getBytes(StandardCharsets.UTF_8).length > 65535) {
            throw new IllegalArgumentException("a data channel label is at most 65535 bytes (it travels in DCEP, RFC 8832 §5.1)");
        }
        DataChannelOptions o = options == null ? DataChannelOptions.reliable() : options;
        String name = peer.name();
        EventLog log = peer.log();
        RTCDataChannel raw;
        try {
            raw = peer.engine().createDataChannel(label, o.toEngine());
        } catch (Throwable t) {
            log.add(name, Event.Kind.STEP_FAILED, "createDataChannel", String.valueOf(t.getMessage()));
            throw new CallException(name + ".createDataChannel('" + label + "', " + o.describe() + ") failed: " + t.getMessage(), t);
        }
        if (raw == null) {
            log.add(name, Event.Kind.STEP_FAILED, "createDataChannel", "'" + label + "' refused");
            throw new CallException(name + ".createDataChannel('" + label + "', " + o.describe() + ") was refused by the engine"
                    + (o.negotiated() ? " — is id " + o.id() + " already used by another channel on " + name + "?" : ""));
        }
        log.add(name, Event.Kind.STEP_DONE, "createDataChannel", "'" + label + "' (" + o.describe() + ")");
        DataChannel c = new DataChannel(peer, raw, o, false, timeout);
        channels.add(c);
        return c;
    }

    /** A channel the other peer opened, wrapped before any message of it is delivered, its options read back from the engine. */
    DataChannel adopt(RTCDataChannel channel) {
        DataChannel c = new DataChannel(peer, channel, DataChannelOptions.of(channel), true, timeout);
        channels.add(c);
        return c;
    }

    /** Waits until the peer has logged the arrival of the in-band channel {@code label}, and returns it. */
    DataChannel awaitReceived(String label) {
        String name = peer.name();
        EventLog log = peer.log();
        CompletableFuture<Event> f = log.when(e -> e.source().equals(name) && e.kind() == Event.Kind.NOTE
                && e.name().equals("datachannel") && e.detail().startsWith("'" + label + "'"));
        try {
            f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(false);
            throw new CallTimeoutException(name + " received no data channel '" + label + "' within " + timeout.toMillis()
                    + " ms — an in-band channel arrives once the call is negotiated and connected (a negotiated one never "
                    + "does: create it on both peers). " + situation.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CallException("interrupted while " + name + " waited for data channel '" + label + "'");
        } catch (ExecutionException e) {
            throw new CallException(name + ".awaitDataChannel('" + label + "'): " + e.getCause().getMessage(), e.getCause());
        }
        return channels.stream().filter(c -> c.isReceived() && c.label().equals(label)).findFirst()
                .orElseThrow(() -> new CallException(name + " logged data channel '" + label + "' but does not hold it"));
    }

    List<DataChannel> all() {
        return List.copyOf(channels);
    }

    /** The connection closed: every channel closed with it and stops listening. */
    void releaseAll() {
        channels.forEach(DataChannel::release);
    }
}

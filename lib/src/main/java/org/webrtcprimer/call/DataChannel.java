package org.webrtcprimer.call;

import dev.onvoid.webrtc.RTCDataChannel;
import dev.onvoid.webrtc.RTCDataChannelBuffer;
import dev.onvoid.webrtc.RTCDataChannelObserver;
import org.webrtcprimer.events.Event;
import org.webrtcprimer.events.EventLog;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * One end of a data channel — the article's third object, {@code RTCDataChannel}, carried by
 * SCTP over the call's DTLS transport (RFC 8831).
 *
 * <pre>{@code
 * var sendChannel = pc1.createDataChannel("chat");      // before negotiate(): the offer gets an m=application section
 * call.negotiate(); call.awaitConnected();
 * var receiveChannel = pc2.awaitDataChannel("chat");   // the article's ondatachannel
 * sendChannel.awaitOpen();
 * sendChannel.send("Hello, pc2 — 你好");
 * receiveChannel.receive();                           // [1.234] pc2 ← 'chat': "Hello, pc2 — 你好" (text, 21 bytes)
 * }</pre>
 *
 * <p>Waits are blocking with a timeout whose message says what did not happen; state changes go
 * into the call's event log as {@code dataChannelState 'label'} events. Messages received are
 * copied out of the engine's buffer and queued until {@link #receive()} takes them.
 */
public final class DataChannel {

    /** The engine's largest message when the remote description says nothing smaller (libwebrtc's limit). */
    public static final long ENGINE_MAX_MESSAGE_SIZE = 256 * 1024;

    /** What happens to each message as it arrives, on the engine's network thread. */
    interface Sink {
        void accept(ByteBuffer data, boolean binary, long nanos);
    }

    private final RTCDataChannel channel;
    private final Peer peer;
    private final EventLog log;
    private final String label;
    private final DataChannelOptions options;
    private final boolean received;
    private final Duration timeout;
    private final ChannelInbox inbox;
    private final ChannelSender sender;
    // The engine holds its observer for good (webrtc-java never frees it): the relay holds this
    // channel only until the channel closes.
    private final DataChannelObserverRelay observer;
    private final ChannelState state;
    private volatile long bufferedAmountLowThreshold;

    /**
     * Wraps the engine's channel; {@link PeerChannels} makes them, for those a peer creates and those
     * the other peer announces in-band ({@code ondatachannel}, wrapped as it arrives so that no
     * message is missed).
     */
    DataChannel(Peer peer, RTCDataChannel channel, DataChannelOptions options, boolean received, Duration timeout) {
        this.peer = peer;
        this.log = peer.log();
        this.channel = channel;
        this.label = channel.getLabel();
        this.options = options;
        this.received = received;
        this.timeout = timeout;
        this.inbox = new ChannelInbox(this, log);
        this.sender = new ChannelSender(this, channel);
        this.observer = DataChannelObserverRelay.of(new RTCDataChannelObserver() {
            @Override
            public void onBufferedAmountChange(long previousAmount) {
                // Never called by webrtc-java 0.14.0 (engine-notes.md); flow control polls instead.
            }

            @Override
            public void onStateChange() {
                state.update();
            }

            @Override
            public void onMessage(RTCDataChannelBuffer buffer) {
                inbox.arrived(buffer);
            }
        });
        // the engine keeps its observer forever; once closed, it must not keep this channel
        this.state = new ChannelState(this, channel, log, () -> {
            observer.detach();
            inbox.end();
        });
        channel.registerObserver(observer);
        // A channel can already be open by now (created on a connected peer, or announced and
        // opened before ondatachannel ran): the engine reports no change for what already happened.
        state.update();
    }

    // ---- what it is ----

    /** The channel's label, e.g. {@code chat}. */
    public String label() {
        return label;
    }

    /** The peer this end belongs to. */
    public String peer() {
        return peer.name();
    }

    /** True for a channel the other peer opened and this one received through ondatachannel. */
    public boolean isReceived() {
        return received;
    }

    /** The options it was created with (for a received channel: as the other peer announced them). */
    public DataChannelOptions options() {
        return options;
    }

    /** Ordered delivery, as the engine reports it. */
    public boolean ordered() {
        return state.released() ? options.ordered() : channel.isOrdered();
    }

    /**
     * The SCTP stream id, or -1 before the engine has chosen it (an in-band channel created before
     * the DTLS role is known gets its id — even for the DTLS client, odd for the server — once
     * the transport is up, RFC 8832 §6).
     */
    public int id() {
        return state.id();
    }

    /** {@code connecting}, {@code open}, {@code closing} or {@code closed} — the W3C readyState. */
    public String readyState() {
        if (state.released()) return "closed";
        return ChannelState.w3c(channel.getState());
    }

    /** Bytes queued by {@link #send} and not yet handed to SCTP. */
    public long bufferedAmount() {
        return state.released() ? 0 : channel.getBufferedAmount();
    }

    /** The largest bufferedAmount this end's sends have produced (bytes queued before + message size). */
    public long peakBufferedAmount() {
        return sender.peakBufferedAmount();
    }

    /** The W3C {@code bufferedAmountLowThreshold}: what {@link #awaitBufferedAmountLow()} waits for. */
    public long bufferedAmountLowThreshold() {
        return bufferedAmountLowThreshold;
    }

    /** Sets {@code bufferedAmountLowThreshold} (bytes); returns this channel. */
    public DataChannel bufferedAmountLowThreshold(long bytes) {
        if (bytes < 0) throw new IllegalArgumentException("bufferedAmountLowThreshold must be 0 or more bytes, got " + bytes);
        bufferedAmountLowThreshold = bytes;
        return this;
    }

    /**
     * The largest message this channel can send: the remote description's {@code a=max-message-size}
     * (RFC 8841 §6; 64 KiB when absent, no limit when 0), capped by the engine's own 256 KiB.
     * A larger message would make libwebrtc close the channel, so {@link #send} refuses it.
     */
    public long maxMessageSize() {
        return sender.maxMessageSize();
    }

    /** Messages this end has sent. */
    public long messagesSent() {
        return sender.messages();
    }

    /** Payload bytes this end has sent. */
    public long bytesSent() {
        return sender.bytes();
    }

    /** Messages this end has received. */
    public long messagesReceived() {
        return inbox.messages();
    }

    /** Payload bytes this end has received. */
    public long bytesReceived() {
        return inbox.bytes();
    }

    /** Messages received and not yet taken by {@link #receive()}. */
    public int waiting() {
        return inbox.waiting();
    }

    // ---- opening and closing ----

    /** Waits until the channel is open (the call's timeout). */
    public DataChannel awaitOpen() {
        return awaitOpen(timeout);
    }

    /** Waits until the channel is open, failing after {@code limit} with where things stood. */
    public DataChannel awaitOpen(Duration limit) {
        state.awaitOpen(limit, () -> "readyState " + readyState() + "; "
                + (peer.isClosed() ? peer.name() + " is closed" : peer.state().toString())
                + (received || options.negotiated() ? "" : ". An in-band channel opens after negotiate() and both peers connected; "
                + "one created after the call connected needs another negotiate() when the call had no data channel before"));
        return this;
    }

    /**
     * Closes the channel — the W3C {@code close()}: it goes {@code closing}, then {@code closed}
     * on both peers once SCTP has reset its stream. Harmless twice.
     */
    public DataChannel close() {
        if (state.released() || "closed".equals(state.now())) return this;
        try {
            channel.close();
            log.add(peer.name(), Event.Kind.STEP_DONE, "close data channel", "'" + label + "'");
        } catch (Throwable t) {
            throw new CallException(who() + ".close failed: " + t.getMessage(), t);
        }
        return this;
    }

    /** Waits until the channel is closed (after this end or the other called close, or the call hung up). */
    public DataChannel awaitClosed() {
        return awaitClosed(timeout);
    }

    /** Waits until the channel is closed, failing after {@code limit}. */
    public DataChannel awaitClosed(Duration limit) {
        state.awaitClosed(limit);
        return this;
    }

    // ---- sending ----

    /** Sends a text message (UTF-8, like a browser's string); returns what was sent. */
    public ChannelMessage send(String text) {
        if (text == null) throw new IllegalArgumentException(who() + ".send needs a string (\"\" is allowed)");
        return send(text.getBytes(StandardCharsets.UTF_8), false);
    }

    /** Sends a binary message; returns what was sent. */
    public ChannelMessage send(byte[] data) {
        if (data == null) throw new IllegalArgumentException(who() + ".send needs bytes (an empty array is allowed)");
        return send(data, true);
    }

    /** Sends the remaining bytes of a buffer (position to limit) as one binary message. */
    public ChannelMessage send(ByteBuffer data) {
        if (data == null) throw new IllegalArgumentException(who() + ".send needs a buffer");
        byte[] b = new byte[data.remaining()];
        data.duplicate().get(b);
        return send(b, true);
    }

    /**
     * Sends a binary message with flow control: when sending would take bufferedAmount above the
     * high-water mark, waits (polling) until it has fallen to the low-water mark first.
     */
    public ChannelMessage send(byte[] data, FlowControl flow) {
        if (data == null) throw new IllegalArgumentException(who() + ".send needs bytes (an empty array is allowed)");
        return sender.send(data, true, flow);
    }

    private ChannelMessage send(byte[] data, boolean binary) {
        return sender.send(data, binary, null);
    }

    /** The fast path for measurements: an exact-size direct buffer (webrtc-java sends a buffer's whole capacity). */
    void sendDirect(ByteBuffer exact, boolean binary, FlowControl flow) {
        sender.sendDirect(exact, binary, flow);
    }

    /**
     * Waits until bufferedAmount is at or below {@link #bufferedAmountLowThreshold()} — what a
     * browser's {@code bufferedamountlow} event says. The kit polls: webrtc-java 0.14.0 never
     * delivers the event.
     */
    public DataChannel awaitBufferedAmountLow() {
        sender.awaitBufferedAmountAtMost(bufferedAmountLowThreshold, timeout, "bufferedAmountLowThreshold "
                + Units.bytes(bufferedAmountLowThreshold));
        return this;
    }

    // ---- receiving ----

    /** Takes the next message, waiting up to the call's timeout. */
    public ChannelMessage receive() {
        return receive(timeout);
    }

    /**
     * Takes the next message, waiting up to {@code limit}. Messages that arrived before are
     * returned at once, oldest first.
     *
     * @throws CallTimeoutException when nothing arrives in time, saying what was waited for
     * @throws CallException when the channel has closed and nothing is left
     */
    public ChannelMessage receive(Duration limit) {
        return inbox.receive(limit);
    }

    /** Takes the next message's text (UTF-8), waiting up to the call's timeout. */
    public String receiveText() {
        return receive().text();
    }

    /** Takes the next {@code count} messages, all within {@code limit}. */
    public List<ChannelMessage> receive(int count, Duration limit) {
        return inbox.receive(count, limit);
    }

    /** Takes every message waiting now, without waiting. */
    public List<ChannelMessage> drain() {
        return inbox.drain();
    }

    // ---- engine side ----

    /** Hands each arriving message to {@code s} on the engine's thread instead of keeping it (null: keep them again). */
    void sink(Sink s) {
        inbox.sink(s);
    }

    /** Answers every message with the same bytes, from the engine's thread (the pong of a ping). */
    void echo() {
        sink((data, binary, nanos) -> {
            byte[] copy = new byte[data.remaining()];
            data.get(copy);
            send(copy, binary);
        });
    }

    Duration timeout() {
        return timeout;
    }



    /**
     * Stops listening when the peer connection closes (hangup): the channel is closed with it.
     * Called by {@link Peer#close()}; harmless twice.
     */
    public void release() {
        state.release();
    }

    String who() {
        return peer.name() + "'s channel '" + label + "'";
    }

    /** The state as the engine's callbacks last reported it ("" before the first). */
    String callbackState() {
        return state.now();
    }

    long closedNanos() {
        return state.closedNanos();
    }

    boolean isReleased() {
        return state.released();
    }

    boolean peerClosed() {
        return peer.isClosed();
    }

    SessionDescription remoteDescription() {
        return peer.remoteDescription();
    }


    /** The event name of this channel's state changes: {@code dataChannelState 'chat'}. */
    public static String stateName(String label) {
        return STATE_PREFIX + "'" + label + "'";
    }

    /** Prefix of every data channel state event name. */
    public static final String STATE_PREFIX = "dataChannelState ";


    /** E.g. {@code pc1 data channel 'chat' (id 1, ordered, reliable): open, bufferedAmount 0 B, sent 3 (42 B), received 0}. */
    @Override
    public String toString() {
        return peer.name() + " data channel '" + label + "' (id " + id() + ", " + options.describe() + "): " + readyState()
                + ", bufferedAmount " + Units.bytes(bufferedAmount()) + ", sent " + messagesSent() + " (" + Units.bytes(bytesSent())
                + "), received " + messagesReceived() + " (" + Units.bytes(bytesReceived()) + ")";
    }
}

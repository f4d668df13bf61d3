package org.webrtcprimer.call;

import dev.onvoid.webrtc.RTCDataChannel;
import dev.onvoid.webrtc.RTCDataChannelBuffer;
import dev.onvoid.webrtc.RTCDataChannelObserver;
import dev.onvoid.webrtc.RTCDataChannelState;
import org.webrtcprimer.events.KitClock;
import org.webrtcprimer.events.Event;
import org.webrtcprimer.events.EventLog;
import org.webrtcprimer.sdp.MediaSection;
import org.webrtcprimer.sdp.ParsedSdp;
import org.webrtcprimer.sdp.Sdp;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

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

    /** How often a flow-control wait looks at bufferedAmount (the engine never signals it). */
    private static final long POLL_NANOS = 200_000;

    private static final ChannelMessage CLOSED = new ChannelMessage(0, "", "", true, true, new byte[0]);

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
    private final LinkedBlockingQueue<ChannelMessage> inbox = new LinkedBlockingQueue<>();
    private final Observer observer;
    private final CompletableFuture<DataChannel> opened = new CompletableFuture<>();
    private final CompletableFuture<DataChannel> closed = new CompletableFuture<>();
    private final AtomicLong messagesSent = new AtomicLong(), bytesSent = new AtomicLong();
    private final AtomicLong messagesReceived = new AtomicLong(), bytesReceived = new AtomicLong();
    private volatile Sink sink = this::enqueue;
    private volatile String state = "";
    private volatile long closedNanos = -1;
    private volatile long peakBufferedAmount;
    private volatile long bufferedAmountLowThreshold;
    private volatile long maxMessageSize = -1;
    private volatile boolean released;
    private volatile int lastId = -1; // what id() says once the engine's object is gone

    private DataChannel(Peer peer, RTCDataChannel channel, DataChannelOptions options, boolean received, Duration timeout) {
        this.peer = peer;
        this.log = peer.log();
        this.channel = channel;
        this.label = channel.getLabel();
        this.options = options;
        this.received = received;
        this.timeout = timeout;
        this.observer = new Observer(this);
        channel.registerObserver(observer);
        // A channel can already be open by now (created on a connected peer, or announced and
        // opened before ondatachannel ran): the engine reports no change for what already happened.
        updateState();
    }

    /**
     * Creates a channel on this peer — the article's {@code pc.createDataChannel(label, options)}.
     * {@link Peer#createDataChannel(String, DataChannelOptions)} calls this.
     */
    public static DataChannel create(Peer peer, String label, DataChannelOptions options, Duration timeout) {
        if (label == null) throw new IllegalArgumentException("a data channel needs a label, e.g. \"chat\" (\"\" is allowed)");
        if (label.getBytes(StandardCharsets.UTF_8).length > 65535) {
            throw new IllegalArgumentException("a data channel label is at most 65535 bytes (it travels in DCEP, RFC 8832 §5.1)");
        }
        DataChannelOptions o = options == null ? DataChannelOptions.reliable() : options;
        if (peer.isClosed()) {
            throw new CallException(peer.name() + ".createDataChannel('" + label + "'): " + peer.name()
                    + " is closed — start a new call first");
        }
        RTCDataChannel raw;
        try {
            raw = peer.engine().createDataChannel(label, o.toEngine());
        } catch (Throwable t) {
            peer.log().add(peer.name(), Event.Kind.STEP_FAILED, "createDataChannel", String.valueOf(t.getMessage()));
            throw new CallException(peer.name() + ".createDataChannel('" + label + "', " + o.describe() + ") failed: "
                    + t.getMessage(), t);
        }
        if (raw == null) {
            peer.log().add(peer.name(), Event.Kind.STEP_FAILED, "createDataChannel", "'" + label + "' refused");
            throw new CallException(peer.name() + ".createDataChannel('" + label + "', " + o.describe() + ") was refused by the engine"
                    + (o.negotiated() ? " — is id " + o.id() + " already used by another channel on " + peer.name() + "?" : ""));
        }
        peer.log().add(peer.name(), Event.Kind.STEP_DONE, "createDataChannel", "'" + label + "' (" + o.describe() + ")");
        return new DataChannel(peer, raw, o, false, timeout);
    }

    /**
     * Wraps a channel the other peer announced in-band (the engine's {@code ondatachannel}).
     * {@link Peer} calls this as the channel arrives, so that no message is missed.
     */
    public static DataChannel adopt(Peer peer, RTCDataChannel raw, Duration timeout) {
        return new DataChannel(peer, raw, optionsOf(raw), true, timeout);
    }

    /**
     * Reads a channel's settings back from the engine. webrtc-java reports an unset limit as 0, so
     * a channel with a limit of 0 ms lifetime reads as maxRetransmits 0: both mean "send once".
     */
    private static DataChannelOptions optionsOf(RTCDataChannel raw) {
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
        return released ? options.ordered() : channel.isOrdered();
    }

    /**
     * The SCTP stream id, or -1 before the engine has chosen it (an in-band channel created before
     * the DTLS role is known gets its id — even for the DTLS client, odd for the server — once
     * the transport is up, RFC 8832 §6).
     */
    public int id() {
        if (released) return lastId;
        int id = channel.getId();
        if (id >= 0) lastId = id;
        return id;
    }

    /** {@code connecting}, {@code open}, {@code closing} or {@code closed} — the W3C readyState. */
    public String readyState() {
        if (released) return "closed";
        return w3c(channel.getState());
    }

    /** Bytes queued by {@link #send} and not yet handed to SCTP. */
    public long bufferedAmount() {
        return released ? 0 : channel.getBufferedAmount();
    }

    /** The largest bufferedAmount this end's sends have produced (bytes queued before + message size). */
    public long peakBufferedAmount() {
        return peakBufferedAmount;
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
        long m = maxMessageSize;
        if (m > 0) return m;
        long limit = ENGINE_MAX_MESSAGE_SIZE;
        SessionDescription remote = peer.isClosed() ? null : peer.remoteDescription();
        if (remote == null) return limit; // not negotiated yet: the engine's own limit
        try {
            ParsedSdp sdp = Sdp.parse(remote.sdp());
            for (MediaSection s : sdp.media()) {
                if (!s.type().equals("application")) continue;
                Long v = s.maxMessageSize();
                long remoteMax = v == null ? 64 * 1024 : v == 0 ? Long.MAX_VALUE : v;
                limit = Math.min(limit, remoteMax);
                break;
            }
        } catch (RuntimeException ignored) {
            // An unreadable remote description leaves the engine's limit.
        }
        if ("open".equals(state)) maxMessageSize = limit; // fixed once the channel is open
        return limit;
    }

    /** Messages this end has sent. */
    public long messagesSent() {
        return messagesSent.get();
    }

    /** Payload bytes this end has sent. */
    public long bytesSent() {
        return bytesSent.get();
    }

    /** Messages this end has received. */
    public long messagesReceived() {
        return messagesReceived.get();
    }

    /** Payload bytes this end has received. */
    public long bytesReceived() {
        return bytesReceived.get();
    }

    /** Messages received and not yet taken by {@link #receive()}. */
    public int waiting() {
        return (int) inbox.stream().filter(m -> m != CLOSED).count();
    }

    // ---- opening and closing ----

    /** Waits until the channel is open (the call's timeout). */
    public DataChannel awaitOpen() {
        return awaitOpen(timeout);
    }

    /** Waits until the channel is open, failing after {@code limit} with where things stood. */
    public DataChannel awaitOpen(Duration limit) {
        if (limit == null) throw new IllegalArgumentException(who() + ".awaitOpen needs a wait, e.g. Duration.ofSeconds(5)");
        if (opened.isDone()) return this;
        if (closed.isDone()) {
            throw new CallException(who() + " closed at " + KitClock.stamp(closedNanos) + " without opening — create a new channel");
        }
        CompletableFuture<Object> either = CompletableFuture.anyOf(opened, closed);
        wait(either, limit, who() + " did not open", () -> "readyState " + readyState() + "; "
                + (peer.isClosed() ? peer.name() + " is closed" : peer.state().toString())
                + (received || options.negotiated() ? "" : ". An in-band channel opens after negotiate() and both peers connected; "
                + "one created after the call connected needs another negotiate() when the call had no data channel before"));
        if (!opened.isDone()) {
            throw new CallException(who() + " closed at " + KitClock.stamp(closedNanos) + " before it opened");
        }
        return this;
    }

    /**
     * Closes the channel — the W3C {@code close()}: it goes {@code closing}, then {@code closed}
     * on both peers once SCTP has reset its stream. Harmless twice.
     */
    public DataChannel close() {
        if (released || "closed".equals(state)) return this;
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
        wait(closed, limit, who() + " did not close", () -> "readyState " + readyState());
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
        if (flow == null) return send(data);
        checkSendable(data.length);
        long queued = awaitRoom(data.length, flow);
        long now = KitClock.now();
        transmit(ByteBuffer.wrap(data), true, queued);
        return new ChannelMessage(now, peer.name(), label, false, true, data.clone());
    }

    private ChannelMessage send(byte[] data, boolean binary) {
        checkSendable(data.length);
        long queued = checkQueue(data.length);
        long now = KitClock.now(); // before the send: the other end may have it before send() returns
        transmit(ByteBuffer.wrap(data), binary, queued); // a heap buffer's whole array is sent: data is exactly the message
        return new ChannelMessage(now, peer.name(), label, false, binary, data.clone());
    }

    /** The fast path for measurements: an exact-size direct buffer (webrtc-java sends a buffer's whole capacity). */
    void sendDirect(ByteBuffer exact, boolean binary, FlowControl flow) {
        int size = exact.capacity();
        checkSendable(size);
        long queued = flow == null ? checkQueue(size) : awaitRoom(size, flow);
        transmit(exact, binary, queued);
    }

    /**
     * Reads bufferedAmount once and refuses a send that would pass the engine's limit. Every
     * engine call here is a hop to the network thread, so the send path makes as few as it can:
     * one bufferedAmount read and the send itself.
     */
    private long checkQueue(int size) {
        long queued = channel.getBufferedAmount();
        if (queued + size > FlowControl.ENGINE_QUEUE_LIMIT) {
            throw new CallException(who() + ": send queue full — bufferedAmount " + Units.bytes(queued) + " + this "
                    + Units.bytes(size) + " message would pass the engine's 16 MiB limit, where libwebrtc closes the channel. "
                    + "Send with a FlowControl (send(data, FlowControl.defaults())) or wait with awaitBufferedAmountLow()");
        }
        return queued;
    }

    private void transmit(ByteBuffer buffer, boolean binary, long queuedBefore) {
        int size = buffer.capacity();
        try {
            channel.send(new RTCDataChannelBuffer(buffer, binary));
        } catch (Throwable t) {
            throw new CallException(who() + ".send of " + Units.bytes(size) + " failed: " + t.getMessage() + " (readyState "
                    + readyState() + ")", t);
        }
        if (queuedBefore + size > peakBufferedAmount) peakBufferedAmount = queuedBefore + size;
        messagesSent.incrementAndGet();
        bytesSent.addAndGet(size);
    }

    private void checkSendable(long size) {
        if (peer.isClosed() || released) {
            throw new CallException(who() + ".send: " + peer.name() + " is closed — hangup() ended the call and its channels. "
                    + "Start a new call and create a new channel");
        }
        String s = state; // kept current by the engine's callbacks: no hop to the network thread per send
        if (s.isEmpty() || s.equals("connecting")) {
            throw new CallException(who() + ".send: the channel is still connecting — wait with awaitOpen() "
                    + "(it opens once both peers are connected" + (received || options.negotiated() ? ")" : " and pc2 has acknowledged it)"));
        }
        if (!s.equals("open")) {
            throw new CallException(who() + ".send: the channel is " + s + (closedNanos >= 0 ? " since " + KitClock.stamp(closedNanos) : "")
                    + " — a closed channel never reopens; create a new one with " + peer.name() + ".createDataChannel(...)");
        }
        long max = maxMessageSize();
        if (size > max) {
            throw new IllegalArgumentException(who() + ".send: a " + Units.bytes(size) + " message (" + size + " bytes) is larger than "
                    + "this channel's maxMessageSize " + Units.bytes(max) + " (" + max + " bytes; a=max-message-size, RFC 8841 §6) — "
                    + "libwebrtc would close the channel. Split it into chunks of at most " + max + " bytes");
        }
    }

    /**
     * Waits until the next message fits under the high-water mark, resuming at the low-water mark.
     *
     * @return bufferedAmount when the wait ended
     */
    private long awaitRoom(long size, FlowControl flow) {
        long queued = channel.getBufferedAmount();
        if (queued + size <= flow.highWaterMark()) return queued;
        return awaitBufferedAmountAtMost(flow.lowWaterMark(), timeout, "the low-water mark " + Units.bytes(flow.lowWaterMark()));
    }

    /**
     * Waits until bufferedAmount is at or below {@link #bufferedAmountLowThreshold()} — what a
     * browser's {@code bufferedamountlow} event says. The kit polls: webrtc-java 0.14.0 never
     * delivers the event.
     */
    public DataChannel awaitBufferedAmountLow() {
        awaitBufferedAmountAtMost(bufferedAmountLowThreshold, timeout, "bufferedAmountLowThreshold "
                + Units.bytes(bufferedAmountLowThreshold));
        return this;
    }

    private long awaitBufferedAmountAtMost(long bytes, Duration limit, String what) {
        long deadline = System.nanoTime() + limit.toNanos();
        long amount;
        while ((amount = channel.getBufferedAmount()) > bytes) {
            if (released || "closed".equals(state) || "closing".equals(state)) {
                throw new CallException(who() + " closed while waiting for bufferedAmount to fall to " + what
                        + " (" + Units.bytes(amount) + " still queued)");
            }
            if (System.nanoTime() > deadline) {
                throw new CallTimeoutException(who() + ": bufferedAmount stayed above " + what + " for " + limit.toMillis()
                        + " ms (" + Units.bytes(amount) + " queued) — is the other peer still connected and reading?");
            }
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                throw new CallException("interrupted while waiting for " + who() + " to drain its send queue");
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
        return amount;
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
        if (limit == null || limit.isNegative()) throw new IllegalArgumentException(who() + ".receive needs a wait of 0 or more, e.g. Duration.ofSeconds(5)");
        ChannelMessage m;
        try {
            m = inbox.poll(limit.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CallException("interrupted while " + who() + " waited for a message");
        }
        if (m == null) {
            throw new CallTimeoutException(who() + " received no message within " + limit.toMillis() + " ms (readyState "
                    + readyState() + ", " + messagesReceived() + " received so far, none waiting)");
        }
        if (m == CLOSED) {
            inbox.offer(CLOSED); // later receives see the end too
            throw new CallException(who() + " is closed (since " + KitClock.stamp(closedNanos) + ") and every message it received "
                    + "has been taken (" + messagesReceived() + " in all)");
        }
        return m;
    }

    /** Takes the next message's text (UTF-8), waiting up to the call's timeout. */
    public String receiveText() {
        return receive().text();
    }

    /** Takes the next {@code count} messages, all within {@code limit}. */
    public List<ChannelMessage> receive(int count, Duration limit) {
        if (count < 0) throw new IllegalArgumentException("count must be 0 or more, got " + count);
        long deadline = System.nanoTime() + limit.toNanos();
        List<ChannelMessage> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long left = Math.max(0, deadline - System.nanoTime());
            try {
                out.add(receive(Duration.ofNanos(left)));
            } catch (CallTimeoutException e) {
                throw new CallTimeoutException(who() + " received " + i + " of " + count + " messages within " + limit.toMillis()
                        + " ms (readyState " + readyState() + ")");
            }
        }
        return out;
    }

    /** Takes every message waiting now, without waiting. */
    public List<ChannelMessage> drain() {
        List<ChannelMessage> out = new ArrayList<>();
        ChannelMessage m;
        while ((m = inbox.peek()) != null && m != CLOSED) {
            out.add(inbox.poll());
        }
        return out;
    }

    // ---- engine side ----

    void sink(Sink s) {
        sink = s == null ? this::enqueue : s;
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

    private void enqueue(ByteBuffer data, boolean binary, long nanos) {
        byte[] copy = new byte[data.remaining()];
        data.get(copy);
        inbox.offer(new ChannelMessage(nanos, peer.name(), label, true, binary, copy));
    }

    private void onMessage(RTCDataChannelBuffer buffer) {
        long now = KitClock.now();
        ByteBuffer data = buffer.data;
        messagesReceived.incrementAndGet();
        bytesReceived.addAndGet(data.remaining());
        try {
            sink.accept(data, buffer.binary, now);
        } catch (Throwable t) {
            log.add(peer.name(), Event.Kind.NOTE, "data channel message dropped", "'" + label + "': " + t);
        }
    }

    /** Reads the engine's state and logs a change; called by the engine and after registering. */
    private synchronized void updateState() {
        if (released) return;
        String now;
        try {
            now = w3c(channel.getState());
        } catch (Throwable t) {
            return;
        }
        if (now.equals(state)) return;
        // The engine can skip over a state between two callbacks; log what it passed through.
        if (state.isEmpty() && !now.equals("connecting") && !received) logState("connecting");
        logState(now);
        if (now.equals("open")) {
            lastId = channel.getId();
            opened.complete(this);
        }
        if (now.equals("closed")) markClosed();
    }

    private void logState(String s) {
        state = s;
        log.add(peer.name(), Event.Kind.STATE, stateName(label), s);
    }

    private void markClosed() {
        if (closedNanos < 0) closedNanos = KitClock.now();
        observer.detach(); // the engine keeps its observer forever; it must not keep this channel
        inbox.offer(CLOSED);
        closed.complete(this);
    }

    /**
     * Stops listening when the peer connection closes (hangup): the channel is closed with it.
     * Called by {@link Peer#close()}; harmless twice.
     */
    public synchronized void release() {
        if (released) return;
        if (!"closed".equals(state)) logState("closed");
        released = true;
        markClosed();
    }

    private String who() {
        return peer.name() + "'s channel '" + label + "'";
    }

    private static void wait(CompletableFuture<?> f, Duration limit, String whatDidNotHappen, java.util.function.Supplier<String> where) {
        try {
            f.get(limit.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new CallTimeoutException(whatDidNotHappen + " within " + limit.toMillis() + " ms: " + where.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CallException("interrupted while waiting: " + whatDidNotHappen + " yet");
        } catch (ExecutionException e) {
            throw new CallException(whatDidNotHappen + ": " + e.getCause().getMessage(), e.getCause());
        }
    }

    /** The event name of this channel's state changes: {@code dataChannelState 'chat'}. */
    public static String stateName(String label) {
        return STATE_PREFIX + "'" + label + "'";
    }

    /** Prefix of every data channel state event name. */
    public static final String STATE_PREFIX = "dataChannelState ";

    /** The W3C value of an engine state: {@code OPEN} → {@code open}. */
    static String w3c(RTCDataChannelState s) {
        return s == null ? "closed" : s.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** E.g. {@code pc1 data channel 'chat' (id 1, ordered, reliable): open, bufferedAmount 0 B, sent 3 (42 B), received 0}. */
    @Override
    public String toString() {
        return peer.name() + " data channel '" + label + "' (id " + id() + ", " + options.describe() + "): " + readyState()
                + ", bufferedAmount " + Units.bytes(bufferedAmount()) + ", sent " + messagesSent() + " (" + Units.bytes(bytesSent())
                + "), received " + messagesReceived() + " (" + Units.bytes(bytesReceived()) + ")";
    }

    /**
     * The engine's observer. The engine holds it for good (webrtc-java never frees it), so it
     * holds the channel only until the channel closes.
     */
    private static final class Observer implements RTCDataChannelObserver {
        private volatile DataChannel target;

        Observer(DataChannel target) {
            this.target = target;
        }

        void detach() {
            target = null;
        }

        @Override
        public void onBufferedAmountChange(long previousAmount) {
            // Never called by webrtc-java 0.14.0 (engine-notes.md); flow control polls instead.
        }

        @Override
        public void onStateChange() {
            DataChannel t = target;
            if (t != null) t.updateState();
        }

        @Override
        public void onMessage(RTCDataChannelBuffer buffer) {
            DataChannel t = target;
            if (t != null) t.onMessage(buffer);
        }
    }
}

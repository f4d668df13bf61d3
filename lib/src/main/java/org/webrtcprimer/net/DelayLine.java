package org.webrtcprimer.net;

import org.webrtcprimer.events.KitClock;

import java.net.InetSocketAddress;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The packets the relay holds for delay, in order of their departure, at most
 * {@link Relay#MAX_HELD_BYTES}; {@link #run()} is the sending thread, which sends each when its
 * time comes until the relay closes.
 */
final class DelayLine implements Runnable {

    private record Held(long due, long seq, Faces.Face out, InetSocketAddress to, byte[] data) implements Comparable<Held> {
        @Override
        public int compareTo(Held o) {
            int c = Long.compare(due, o.due);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    private final Faces faces;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final PriorityQueue<Held> held = new PriorityQueue<>();
    private long heldBytes;
    private long seq;

    DelayLine(Faces faces) {
        this.faces = faces;
    }

    /** Holds {@code copies} of a packet until {@code due}; false when that would pass the bound (the packet is dropped). */
    boolean hold(long due, Faces.Face out, InetSocketAddress to, byte[] data, int copies) {
        lock.lock();
        try {
            if (heldBytes + (long) data.length * copies > Relay.MAX_HELD_BYTES) return false;
            for (int c = 0; c < copies; c++) {
                held.add(new Held(due, seq++, out, to, data));
                heldBytes += data.length;
            }
            changed.signal();
            return true;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void run() {
        while (!faces.isClosed()) {
            Held h;
            lock.lock();
            try {
                h = held.peek();
                if (h == null) {
                    changed.await(500, TimeUnit.MILLISECONDS);
                    continue;
                }
                long wait = h.due - KitClock.now();
                if (wait > 0) {
                    changed.awaitNanos(wait);
                    continue;
                }
                held.poll();
                heldBytes -= h.data.length;
            } catch (InterruptedException e) {
                return;
            } finally {
                lock.unlock();
            }
            h.out.send(h.to, h.data);
        }
    }

    /** Discards what is held and wakes the sending thread (to see that the relay closed). */
    void clear() {
        lock.lock();
        try {
            held.clear();
            heldBytes = 0;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}

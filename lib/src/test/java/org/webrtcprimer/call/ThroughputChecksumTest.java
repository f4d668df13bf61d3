package org.webrtcprimer.call;


import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/** The receiving side's bookkeeping, fed by hand: a changed byte or a swapped pair of messages must show. */
class ThroughputChecksumTest {

    static ByteBuffer message(long seq, byte[] body) {
        ByteBuffer b = ByteBuffer.allocateDirect(8 + body.length);
        b.putLong(seq).put(body).flip();
        return b;
    }

    static long sent(ByteBuffer b) {
        return Throughput.crc(b, 0, 8) + Throughput.crc(b, 8, b.capacity());
    }

    @Test
    void intactMessagesMatchTheSendersChecksum() {
        byte[] body = new byte[1000];
        new Random(1).nextBytes(body);
        Throughput.Counter c = new Throughput.Counter(3 * 1008, 3, true);
        long expected = 0;
        for (int i = 0; i < 3; i++) {
            ByteBuffer m = message(i, body);
            expected += sent(m);
            c.accept(m, true, i);
        }
        assertEquals(expected, c.crcSum);
        assertEquals(0, c.outOfOrder);
        assertTrue(c.done.isDone());
    }

    @Test
    void aChangedByteOrAReorderingIsDetected() {
        byte[] body = new byte[1000];
        new Random(2).nextBytes(body);
        long expected = sent(message(0, body)) + sent(message(1, body));
        byte[] damaged = body.clone();
        damaged[500] ^= 1;
        Throughput.Counter c = new Throughput.Counter(2 * 1008, 2, true);
        c.accept(message(0, body), true, 0);
        c.accept(message(1, damaged), true, 1);
        assertNotEquals(expected, c.crcSum, "one flipped bit changes the sum");

        Throughput.Counter swapped = new Throughput.Counter(2 * 1008, 2, true);
        swapped.accept(message(1, body), true, 0);
        swapped.accept(message(0, body), true, 1);
        assertEquals(expected, swapped.crcSum, "the sum does not depend on order (unordered channels)…");
        assertEquals(2, swapped.outOfOrder, "…so order is checked by sequence number");
    }
}

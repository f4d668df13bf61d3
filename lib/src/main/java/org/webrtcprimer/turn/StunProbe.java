package org.webrtcprimer.turn;

import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The smallest STUN Binding request (RFC 8489 §5, §6): a 20-byte header with the magic cookie and
 * a random transaction id — the kit's "is coturn up yet" probe. Decoding STUN for learners is the
 * {@code wire} package's job; this only recognises the answer to its own request.
 */
final class StunProbe {
    private StunProbe() {}

    static byte[] bindingRequest() {
        byte[] b = new byte[20];
        b[0] = 0x00;
        b[1] = 0x01;               // Binding request
        b[4] = 0x21;               // magic cookie 0x2112A442
        b[5] = 0x12;
        b[6] = (byte) 0xA4;
        b[7] = 0x42;
        byte[] tid = new byte[12];
        ThreadLocalRandom.current().nextBytes(tid);
        System.arraycopy(tid, 0, b, 8, 12);
        return b;
    }

    /** Whether {@code r} is a Binding success response to {@code request}. */
    static boolean isSuccessFor(byte[] request, byte[] r, int length) {
        return length >= 20 && r[0] == 0x01 && r[1] == 0x01
                && Arrays.equals(Arrays.copyOfRange(r, 4, 20), Arrays.copyOfRange(request, 4, 20));
    }
}

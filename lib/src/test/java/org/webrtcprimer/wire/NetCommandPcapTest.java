package org.webrtcprimer.wire;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.webrtcprimer.tools.NetCommand;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** {@code net --pcap FILE} writes what the relay saw as a file that tshark, an independent reader, decodes. */
@Timeout(180)
class NetCommandPcapTest {

    @Test
    void theNetCommandsPcapHoldsTheCallsStunDtlsAndRtp(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("call.pcap");
        assertEquals(0, NetCommand.run(new String[]{"--seconds", "3", "--pcap", file.toString(), "--json"}));
        assertTrue(Files.size(file) > 24, "the pcap has more than its header");
        assertFalse(Tshark.fields(file, "stun", "stun.type").isEmpty(), "tshark finds the STUN checks");
        assertFalse(Tshark.fields(file, "dtls.handshake.type == 1", "dtls.handshake.type").isEmpty(), "tshark finds the ClientHello");
        assertFalse(Tshark.fields(file, "rtp", "rtp.ssrc").isEmpty(), "tshark finds RTP");
    }

    @Test
    void aMissingOrUnwritablePcapIsAUsageError(@TempDir Path dir) {
        PrintStream err = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buf, true));
        try {
            assertEquals(2, NetCommand.run(new String[]{"--pcap"}));
            assertEquals(2, NetCommand.run(new String[]{"--pcap", dir.resolve("no/such/folder/x.pcap").toString()}));
        } finally {
            System.setErr(err);
        }
        String said = buf.toString();
        assertTrue(said.contains("--pcap needs a file name"), said);
        assertTrue(said.contains("does not exist"), said);
    }
}

package org.webrtcprimer.tools;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.webrtcprimer.media.Constraints;
import org.webrtcprimer.media.MediaDevices;
import org.webrtcprimer.media.MediaStream;
import org.webrtcprimer.net.Network;
import org.webrtcprimer.turn.Coturn;
import org.webrtcprimer.turn.NatTurnFlags;
import org.webrtcprimer.turn.TurnServer;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The net command's NAT and TURN flags and JSON fields, with the real engine and coturn. */
@Timeout(120)
public class NetCommandNatTurnTest {

    static NatTurnFlags flags(String... args) {
        NatTurnFlags f = new NatTurnFlags();
        for (int i = 0; i < args.length; ) {
            int used = f.accept(args, i);
            assertTrue(used > 0, args[i]);
            i += used;
        }
        return f;
    }

    @Test
    void symmetricToSymmetricFailsWithADiagnosisAndConnectsThroughTurn() {
        assumeTrue(Coturn.installed(), Coturn.missingNote());
        MediaStream stream = MediaDevices.getUserMedia(Constraints.audioVideo().synthetic());
        try (NatTurnFlags none = flags("--nat-pc1", "symmetric", "--nat-pc2", "symmetric");
             NatTurnFlags turn = flags("--nat-pc1", "symmetric", "--nat-pc2", "symmetric", "--turn", "udp", "--relay-only")) {
            // A short call timeout: the failing pair waits it out.
            NetCommand.Result failed = NetCommand.measure(stream, Network.perfect(), Duration.ofSeconds(1), none);
            Map<String, Object> f = failed.fields();
            assertEquals(false, f.get("connected"));
            assertTrue(String.valueOf(f.get("diagnosis")).contains("symmetric NAT"), f.toString());
            assertTrue(((Number) f.get("nat_dropped_packets")).longValue() > 0, f.toString());
            assertNull(f.get("turn_server"));
            assertTrue(failed.toJson().contains("\"selected_local_type\":null"), failed.toJson());

            NetCommand.Result ok = NetCommand.measure(stream, Network.perfect(), Duration.ofSeconds(1), turn);
            Map<String, Object> o = ok.fields();
            assertEquals(true, o.get("connected"), o.toString());
            assertEquals("relay", o.get("selected_local_type"), o.toString());
            assertEquals("relay", o.get("selected_remote_type"), o.toString());
            assertEquals("udp", o.get("selected_protocol"));
            assertEquals(Coturn.version().orElseThrow(), o.get("turn_server"));
            assertFalse(o.containsKey("diagnosis"));
        } finally {
            stream.stop();
        }
        assertEquals(0, TurnServer.running());
    }

    @Test
    void badFlagsAreRefused() {
        NatTurnFlags f = new NatTurnFlags();
        var e = assertThrows(IllegalArgumentException.class, () -> f.accept(new String[]{"--nat-pc1", "cone"}, 0));
        assertTrue(e.getMessage().contains("unknown NAT kind 'cone'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> f.accept(new String[]{"--turn", "sctp"}, 0));
        assertTrue(e.getMessage().contains("udp, tcp or tls"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> f.accept(new String[]{"--turn"}, 0));
        assertEquals(0, f.accept(new String[]{"--delay", "5"}, 0));
    }
}

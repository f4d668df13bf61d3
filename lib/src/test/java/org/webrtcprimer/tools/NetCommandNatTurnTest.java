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
        MediaStream stream = MediaDevices.getUserMedia(Constraints.audioVideo().withSynthetic());
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
    void stunBehindNatsGivesASrflxPair() {
        assumeTrue(Coturn.installed(), Coturn.missingNote());
        MediaStream stream = MediaDevices.getUserMedia(Constraints.audioVideo().withSynthetic());
        try (NatTurnFlags stun = flags("--nat-pc1", "full-cone", "--nat-pc2", "port-restricted", "--stun")) {
            NetCommand.Result r = NetCommand.measure(stream, Network.perfect(), Duration.ofSeconds(1), stun);
            Map<String, Object> f = r.fields();
            assertEquals(true, f.get("connected"), f.toString());
            // pc1's STUN request left through its NAT: its srflx is a relay socket, and the selected pair uses it.
            assertTrue(String.valueOf(f.get("srflx_pc1")).startsWith("127.0.0.1:"), f.toString());
            assertEquals("srflx", f.get("selected_local_type"), f.toString());
            assertEquals("udp", f.get("selected_protocol"));
            assertEquals(Coturn.version().orElseThrow(), f.get("turn_server"));
            assertEquals("full-cone", f.get("nat_pc1"));
            assertEquals("port-restricted", f.get("nat_pc2"));
            assertTrue(r.toJson().contains("\"srflx_pc1\":\"127.0.0.1:"), r.toJson());
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
        NatTurnFlags relayOnly = new NatTurnFlags();
        relayOnly.accept(new String[]{"--relay-only"}, 0);
        e = assertThrows(IllegalArgumentException.class, () -> relayOnly.apply(org.webrtcprimer.call.CallOptions.defaults()));
        assertTrue(e.getMessage().contains("--relay-only needs --turn"), e.getMessage());
        assertEquals(0, f.accept(new String[]{"--delay", "5"}, 0));
    }
}

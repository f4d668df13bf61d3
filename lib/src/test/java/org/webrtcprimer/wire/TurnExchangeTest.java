package org.webrtcprimer.wire;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.webrtcprimer.call.CallOptions;
import org.webrtcprimer.call.IceCandidate;
import org.webrtcprimer.call.LocalCall;
import org.webrtcprimer.net.Network;
import org.webrtcprimer.turn.NatGate;
import org.webrtcprimer.turn.NatKind;
import org.webrtcprimer.turn.TurnConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The TURN exchange of a real call through coturn, captured where it passes the peers' NATs in the
 * kit's relay and decoded with wire's STUN decoder; tshark, an independent reader, reads the same
 * messages from the pcap.
 */
@Timeout(120)
class TurnExchangeTest extends org.webrtcprimer.turn.CoturnFixture {

    @Test
    void allocateChallengeRetryPermissionChannelDataAndRefresh() throws Exception {
        Capture capture = Capture.create();
        LocalCall c = LocalCall.withoutMedia(CallOptions.defaults().withNetwork(Network.perfect().withSink(capture))
                .withIceServers(turn.iceServer("udp")).withRelayOnly().withTimeout(Duration.ofSeconds(10)));
        List<IceCandidate> relay1, relay2;
        try {
            NatGate.behind(c, NatKind.PORT_RESTRICTED, NatKind.SYMMETRIC);
            var channel = c.pc1().createDataChannel("turn");
            c.negotiate();
            c.awaitConnected();
            channel.awaitOpen();
            for (int i = 0; i < 5; i++) channel.send("hello " + i);
            Thread.sleep(300);
            relay1 = c.pc1().localCandidates().stream().filter(x -> x.type().equals("relay")).toList();
            relay2 = c.pc2().localCandidates().stream().filter(x -> x.type().equals("relay")).toList();
        } finally {
            c.hangup();
        }
        TurnExchange x = capture.trace().turn();
        System.out.println(x.toText());
        for (String peer : List.of("pc1", "pc2")) {
            List<String> seq = x.sequence(peer);
            int a = seq.indexOf("Allocate request");
            int challenge = seq.indexOf("Allocate error response 401");
            int ok = seq.indexOf("Allocate success response");
            int perm = seq.indexOf("CreatePermission success response");
            int bind = seq.indexOf("ChannelBind success response");
            assertTrue(a >= 0 && a < challenge && challenge < ok && ok < perm && perm < bind, peer + ": " + seq);
            // The 401 carries the realm and a nonce; the retry carries the user and MESSAGE-INTEGRITY.
            TurnExchange.Step chal = x.messages().stream().filter(s -> s.peer().equals(peer) && s.what().equals("Allocate error response 401"))
                    .findFirst().orElseThrow();
            assertEquals(TurnConfig.REALM, chal.stun().realm());
            assertNotNull(chal.stun().nonce());
            TurnExchange.Step retry = x.messages().stream().filter(s -> s.peer().equals(peer) && s.what().equals("Allocate request")
                    && s.stun().hasIntegrity()).findFirst().orElseThrow();
            assertEquals("learner", retry.stun().username());
            assertEquals(chal.stun().nonce(), retry.stun().nonce());
            assertTrue(x.channelData(peer, true) > 0 && x.channelData(peer, false) > 0, peer + " sent and got ChannelData");
            assertTrue(seq.contains("Refresh request"), peer + " releases its allocation at hangup with a Refresh: " + seq);
        }
        // Each relay candidate is an allocation's XOR-RELAYED-ADDRESS; the server saw the peer at its NAT's mapping.
        assertFalse(relay1.isEmpty() || relay2.isEmpty());
        for (IceCandidate r : concat(relay1, relay2)) {
            TurnExchange.Allocation al = x.allocationOf(r.address()).orElseThrow(() -> new AssertionError(r + " not in " + x.allocations()));
            assertEquals(2, al.attempts(), al.toString());
            assertEquals("127.0.0.1", al.mapped().getAddress().getHostAddress(), "coturn saw the NAT's mapping: " + al);
        }
        // tshark reads the same STUN message types between the peers and coturn.
        Path pcap = Files.createTempFile("turn-exchange", ".pcap");
        try {
            capture.writePcap(pcap);
            List<String[]> rows = Tshark.fields(pcap, "stun && udp.port == " + turn.port(), "stun.type", "stun.att.realm");
            List<Integer> types = new ArrayList<>();
            for (String[] r : rows) if (!r[0].isEmpty()) types.add(Integer.decode(r[0].split(",")[0]));
            List<Integer> ours = x.messages().stream().map(s -> s.stun().type()).toList();
            assertEquals(ours, types, "tshark's STUN types differ from the kit's");
            assertTrue(rows.stream().anyMatch(r -> r.length > 1 && r[1].contains(TurnConfig.REALM)), "tshark sees the realm");
        } finally {
            Files.deleteIfExists(pcap);
        }
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> l = new ArrayList<>(a);
        l.addAll(b);
        return l;
    }
}

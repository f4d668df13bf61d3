package org.webrtcprimer.wire;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.webrtcprimer.call.CallOptions;
import org.webrtcprimer.call.LocalCall;
import org.webrtcprimer.media.Constraints;
import org.webrtcprimer.media.MediaDevices;
import org.webrtcprimer.media.MediaStream;
import org.webrtcprimer.net.Network;
import org.webrtcprimer.net.Way;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** A real call through the relay, captured, read against its own SDPs. */
class CaptureOfACallTest {

    static MediaStream localStream;
    static Trace trace;
    static Capture capture;

    @BeforeAll
    static void call() throws Exception {
        localStream = MediaDevices.getUserMedia(Constraints.audioVideo().withSynthetic());
        capture = Capture.create();
        LocalCall call = LocalCall.call(localStream, CallOptions.defaults().withNetwork(Network.perfect().withSink(capture)));
        try {
            call.awaitFirstFrame();
            Thread.sleep(5500); // long enough for consent checks on the selected pair
            trace = capture.trace(call.pc1().localDescription(), call.pc2().localDescription());
        } finally {
            call.hangup();
        }
    }

    @AfterAll
    static void stop() {
        localStream.stop();
    }

    @Test
    void stunChecksCarryTheSdpsUfragsAndTheirPasswords() {
        CallMap m = trace.map();
        assertNotNull(m.ufrag("pc1"));
        assertNotNull(m.ufrag("pc2"));
        var checks = trace.checks();
        assertFalse(checks.isEmpty(), trace.toString());
        for (Trace.StunCheck c : checks) {
            String to = c.from().equals("pc1") ? "pc2" : "pc1";
            StunMessage s = c.message();
            // RFC 8445 §7.2.2: USERNAME is the receiver's ufrag, a colon, the sender's; MESSAGE-INTEGRITY keyed by the receiver's password.
            assertEquals(m.ufrag(to) + ":" + m.ufrag(c.from()), s.username());
            assertTrue(s.integrityValid(m.pwd(to)), "integrity with " + to + "'s a=ice-pwd: " + s);
            assertEquals(Boolean.TRUE, s.fingerprintValid());
            assertNotNull(s.priority());
        }
        Trace.StunCheck n = trace.nomination().orElseThrow(() -> new AssertionError("no nomination in " + checks));
        assertNotNull(n.message().iceControlling(), "the controlling agent nominates: " + n.message());
        assertNotNull(n.answer().xorMappedAddress());
        assertFalse(trace.consentChecks().isEmpty(), "checks go on after the nomination");
    }

    @Test
    void dtlsClientIsTheActiveSide() {
        assertEquals("active", trace.map().setup("pc2"), "libwebrtc's answer takes the client role");
        assertEquals(trace.map().dtlsClient(), trace.dtlsClient());
        DtlsRecord hello = trace.clientHello();
        assertNotNull(hello);
        assertFalse(hello.handshake().srtpProfiles().isEmpty(), "use_srtp offered: " + hello.handshake());
        var flights = trace.flights();
        assertTrue(flights.size() >= 4, "ClientHello, server flight, client's Finished, server's Finished: " + flights);
        assertEquals(trace.dtlsClient(), flights.get(0).from());
        assertTrue(flights.get(1).messages().contains("ServerHello"), flights.toString());
    }

    @Test
    void rtpMapsBackToTheSdp() {
        var streams = trace.streams();
        assertTrue(streams.size() >= 2, streams.toString());
        CallMap m = trace.map();
        int mapped = 0;
        for (Trace.RtpStream s : streams) {
            for (WirePacket p : s.all()) {
                RtpHeader h = (RtpHeader) p.decoded();
                assertNotNull(m.payloadType(h.payloadType()), "PT " + h.payloadType() + " has an a=rtpmap");
                for (RtpHeader.Extension x : h.extensions()) assertNotNull(m.extmap(x.id()), "extension id " + x.id() + " has an a=extmap");
            }
            if (s.described() != null) {
                mapped++;
                assertEquals(s.way() == Way.PC1_TO_PC2 ? "pc1" : "pc2", s.described().peer());
            }
        }
        Trace.RtpStream video = streams.stream().filter(s -> s.described() != null && s.described().media().equals("video") && !s.rtx())
                .findFirst().orElseThrow(() -> new AssertionError("no video stream announced in the offer: " + streams));
        assertEquals(Way.PC1_TO_PC2, video.way());
        assertTrue(mapped >= 2, "the audio and video SSRCs are the offer's a=ssrc: " + streams);
        assertEquals(0, video.missing());
        String d = trace.describe(video.all().get(0));
        assertTrue(d.contains("video (mid "), d);
        assertTrue(trace.describe(video.all().get(0)).contains("transport-wide-cc"), d);
        assertFalse(trace.rtcpTypes(Way.PC2_TO_PC1).isEmpty());
    }

    /** Debian's tshark, the independent reader: it must find the same STUN, DTLS handshake and RTP in the kit's pcap. */
    @Test
    void tsharkReadsTheSamePackets() throws Exception {
        Path dir = Files.createDirectories(Path.of("target/wire"));
        Path pcap = capture.writePcap(dir.resolve("call.pcap"));
        List<WirePacket> ours = capture.packets();

        List<String[]> stun = Tshark.fields(pcap, "stun", "frame.number", "stun.att.username");
        List<WirePacket> ourStun = ours.stream().filter(p -> p.kind() == Kind.STUN).toList();
        assertEquals(ourStun.size(), stun.size(), "STUN messages");
        for (int i = 0; i < stun.size(); i++) {
            String u = ((StunMessage) ourStun.get(i).decoded()).username();
            assertEquals(u == null ? "" : u, stun.get(i).length > 1 ? stun.get(i)[1] : "", "USERNAME of frame " + stun.get(i)[0]);
        }

        List<String> handshake = Tshark.fields(pcap, "dtls.handshake", "dtls.handshake.type").stream()
                .flatMap(f -> f.length > 0 ? java.util.Arrays.stream(f[0].split(",")) : java.util.stream.Stream.empty()).toList();
        for (String t : List.of("1", "2", "11", "12", "13", "14", "15", "16")) {
            assertTrue(handshake.contains(t), "tshark finds handshake type " + t + " in " + handshake);
        }
        assertEquals("1", handshake.get(0), "the first handshake message is a ClientHello");

        List<String[]> rtp = Tshark.fields(pcap, "rtp", "rtp.ssrc", "rtp.seq", "rtp.p_type", "rtp.marker");
        List<RtpHeader> ourRtp = ours.stream().filter(p -> p.kind() == Kind.RTP).map(p -> (RtpHeader) p.decoded()).toList();
        assertEquals(ourRtp.size(), rtp.size(), "RTP packets");
        for (int i = 0; i < rtp.size(); i++) {
            RtpHeader h = ourRtp.get(i);
            String[] f = rtp.get(i);
            assertEquals(h.ssrc(), Long.decode(f[0]), "SSRC of RTP packet " + i);
            assertEquals(h.sequence(), Integer.parseInt(f[1]), "seq of RTP packet " + i);
            assertEquals(h.payloadType(), Integer.parseInt(f[2]), "PT of RTP packet " + i);
            assertEquals(h.marker(), f[3].equals("1") || f[3].equalsIgnoreCase("True"), "marker of RTP packet " + i);
        }

        Path ng = capture.writePcap(dir.resolve("call.pcapng"));
        List<String[]> comments = Tshark.fields(ng, "frame", "frame.comment");
        assertEquals(ours.size(), comments.size());
        assertEquals(ours.get(0).way().label() + ", " + ours.get(0).fate().label(), comments.get(0)[0]);
    }

    @Test
    void ladderStreamsAndTableRender() throws Exception {
        Path dir = Files.createDirectories(Path.of("target/wire"));
        var ladder = org.webrtcprimer.charts.WireCharts.ladder(trace);
        ladder.save(dir.resolve("ladder.png"));
        assertTrue(ladder.caption().contains("from " + trace.dtlsClient()), ladder.caption());
        var streams = org.webrtcprimer.charts.WireCharts.streams(trace);
        streams.save(dir.resolve("streams.png"));
        assertTrue(streams.caption().startsWith("In this capture 0 sequence numbers never reached"), streams.caption());
        var t = trace.table().kind(Kind.RTP).way(Way.PC1_TO_PC2).rows(5);
        assertEquals(6, t.table().toText().lines().filter(l -> l.contains("pc1 → pc2")).count(), t.toText()); // the title and 5 rows
        long ssrc = trace.streams().get(0).ssrc();
        assertTrue(trace.table().ssrc(ssrc).packets().stream().allMatch(p -> p.decoded() instanceof RtpHeader h ? h.ssrc() == ssrc
                : ((RtcpHeader) p.decoded()).first().senderSsrc() == ssrc));
        Files.writeString(dir.resolve("table.html"), trace.table().toHtml());
    }
}

package org.webrtcprimer.call;


import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.webrtcprimer.events.Event;
import org.webrtcprimer.media.Constraints;
import org.webrtcprimer.media.MediaDevices;
import org.webrtcprimer.media.MediaStream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

@Timeout(180)
class DataChannelTest {

    static MediaStream localStream;

    @BeforeAll
    static void start() {
        // A data-only call still needs a stream to create; its tracks are never added.
        localStream = MediaDevices.getUserMedia(Constraints.audioOnly().withSynthetic());
    }

    @AfterAll
    static void stop() {
        localStream.stop();
    }

    /** pc1 creates the channel, the call negotiates and connects, pc2 receives it. */
    static DataChannel[] open(LocalCall call, String label, DataChannelOptions options) {
        DataChannel send = call.pc1().createDataChannel(label, options);
        call.negotiate();
        call.awaitConnected();
        DataChannel receive = call.pc2().awaitDataChannel(label);
        send.awaitOpen();
        receive.awaitOpen();
        return new DataChannel[]{send, receive};
    }

    @Test
    void aCallWithoutMediaCarriesOnlyItsChannels() {
        LocalCall call = LocalCall.create();
        try {
            assertNull(call.localStream());
            assertTrue(call.log().text().contains("No local media"), call.log().text());
            CallException e = assertThrows(CallException.class, call::addLocalStream);
            assertTrue(e.getMessage().contains("LocalCall.create(localStream)"), e.getMessage());
            assertThrows(CallException.class, call::localVideo);
            DataChannel[] ends = open(call, "only-data", DataChannelOptions.reliable());
            List<String> mLines = call.pc1().localDescription().lines().stream().filter(l -> l.startsWith("m=")).toList();
            assertEquals(1, mLines.size(), "one m-section: " + mLines);
            assertTrue(mLines.get(0).startsWith("m=application") && mLines.get(0).contains("webrtc-datachannel"), mLines.get(0));
            assertTrue(call.toString().contains("data channels only") && call.toString().contains("both peers connected"), call.toString());
            assertFalse(call.toHtml().contains("remoteVideo"), "a call without media shows no remote video");
            ends[0].send("no media needed");
            assertEquals("no media needed", ends[1].receiveText());
            CallException frame = assertThrows(CallException.class, call::awaitFirstFrame);
            assertTrue(frame.getMessage().contains("no video"), frame.getMessage());
        } finally {
            call.hangup();
        }
        assertDoesNotThrow(call::hangup);
    }

    @Test
    void textAndBinaryArriveIntactAndInOrder() {
        LocalCall call = LocalCall.create(localStream);
        try {
            DataChannel[] ends = open(call, "chat", DataChannelOptions.reliable());
            DataChannel pc1 = ends[0], pc2 = ends[1];
            assertEquals("open", pc1.readyState());
            assertEquals("open", pc2.readyState());
            assertTrue(pc2.isReceived());
            assertFalse(pc1.isReceived());
            assertEquals(pc1.id(), pc2.id(), "both ends use one SCTP stream");
            assertTrue(pc1.id() >= 0);
            assertEquals(256 * 1024, pc1.maxMessageSize(), "a=max-message-size:262144 in the engine's SDP");

            byte[] random = new byte[1000];
            new Random(7).nextBytes(random);
            byte[] max = new byte[(int) pc1.maxMessageSize()];
            new Random(8).nextBytes(max);
            List<ChannelMessage> sent = new ArrayList<>();
            sent.add(pc1.send("Hello, pc2"));
            sent.add(pc1.send("你好，数据通道 — WebRTC 🎉"));
            sent.add(pc1.send(""));
            sent.add(pc1.send(random));
            sent.add(pc1.send(new byte[0]));
            sent.add(pc1.send(max));
            for (int i = 0; i < 200; i++) sent.add(pc1.send("message " + i));

            List<ChannelMessage> got = pc2.receive(sent.size(), Duration.ofSeconds(20));
            for (int i = 0; i < sent.size(); i++) {
                ChannelMessage s = sent.get(i), r = got.get(i);
                assertEquals(s.binary(), r.binary(), "message " + i + " kind");
                assertArrayEquals(s.data(), r.data(), "message " + i + " bytes");
                assertTrue(r.received());
                assertEquals("pc2", r.peer());
                assertEquals("chat", r.channel());
            }
            assertEquals("你好，数据通道 — WebRTC 🎉", got.get(1).text());
            assertEquals("", got.get(2).text());
            assertFalse(got.get(2).binary(), "an empty string stays a string (PPID 56)");
            assertTrue(got.get(4).binary(), "an empty binary message stays binary (PPID 57)");
            assertEquals(0, got.get(4).size());
            assertEquals(max.length, got.get(5).size());
            assertEquals(sent.size(), pc2.messagesReceived());
            assertEquals(0, pc2.waiting());

            // And back: channels are bidirectional.
            pc2.send("Hi pc1");
            assertEquals("Hi pc1", pc1.receiveText());
            assertTrue(got.get(1).toString().contains("pc2 ← 'chat': \"你好"), got.get(1).toString());
        } finally {
            call.hangup();
        }
    }

    @Test
    void openAndCloseStatesGoIntoTheLog() {
        LocalCall call = LocalCall.create(localStream);
        try {
            DataChannel[] ends = open(call, "states", DataChannelOptions.reliable());
            ends[0].close();
            ends[0].awaitClosed();
            ends[1].awaitClosed();
            List<String> pc1 = states(call, "pc1", "states");
            List<String> pc2 = states(call, "pc2", "states");
            assertEquals(List.of("connecting", "open", "closing", "closed"), pc1);
            // pc2's end may already be open when ondatachannel hands it over.
            assertTrue(pc2.equals(List.of("connecting", "open", "closing", "closed")) || pc2.equals(List.of("open", "closing", "closed"))
                    || pc2.equals(List.of("open", "closed")), pc2.toString());
            String text = call.log().text();
            assertTrue(text.contains("pc1 createDataChannel complete 'states' (ordered, reliable)"), text);
            assertTrue(text.contains("pc2 datachannel: 'states' (ordered, reliable)"), text);
            assertTrue(text.contains("pc1 dataChannelState 'states': open"), text);
        } finally {
            call.hangup();
        }
    }

    static List<String> states(LocalCall call, String peer, String label) {
        return call.log().all(e -> e.source().equals(peer) && e.kind() == Event.Kind.STATE
                && e.name().equals(DataChannel.stateName(label))).stream().map(Event::detail).toList();
    }

    @Test
    void reliabilityPresetsReachTheOtherPeer() {
        LocalCall call = LocalCall.create(localStream);
        try {
            DataChannel a = call.pc1().createDataChannel("unordered", DataChannelOptions.unordered());
            DataChannel b = call.pc1().createDataChannel("unreliable", DataChannelOptions.unreliable());
            DataChannel c = call.pc1().createDataChannel("rtx3", DataChannelOptions.partialRetransmits(3));
            DataChannel d = call.pc1().createDataChannel("life150", DataChannelOptions.partialLifetime(150));
            DataChannel e = call.pc1().createDataChannel("json", DataChannelOptions.reliable().withProtocol("json"));
            call.negotiate();
            call.awaitConnected();
            DataChannelOptions ra = call.pc2().awaitDataChannel("unordered").awaitOpen().options();
            DataChannelOptions rb = call.pc2().awaitDataChannel("unreliable").awaitOpen().options();
            DataChannelOptions rc = call.pc2().awaitDataChannel("rtx3").awaitOpen().options();
            DataChannelOptions rd = call.pc2().awaitDataChannel("life150").awaitOpen().options();
            DataChannelOptions re = call.pc2().awaitDataChannel("json").awaitOpen().options();
            assertFalse(ra.ordered());
            assertTrue(ra.reliableDelivery());
            assertFalse(rb.ordered());
            assertEquals(0, rb.maxRetransmits());
            assertNull(rb.maxPacketLifeTime());
            assertEquals(3, rc.maxRetransmits());
            assertEquals(150, rd.maxPacketLifeTime());
            assertNull(rd.maxRetransmits());
            assertEquals("json", re.protocol());
            assertTrue(re.ordered() && re.reliableDelivery());
            for (DataChannel x : List.of(a, b, c, d, e)) assertEquals("open", x.awaitOpen().readyState());

            // Unreliable channels still deliver on a loss-free link.
            b.send("state 1");
            assertEquals("state 1", call.pc2().awaitDataChannel("unreliable").receiveText());
        } finally {
            call.hangup();
        }
    }

    @Test
    void negotiatedChannelsNeedNoAnnouncement() {
        // A short timeout: the test waits once for an ondatachannel that must never come.
        LocalCall call = LocalCall.create(localStream, CallOptions.defaults().withTimeout(Duration.ofSeconds(2)));
        try {
            DataChannel a = call.pc1().createDataChannel("game", DataChannelOptions.unreliable().withNegotiated(5));
            DataChannel b = call.pc2().createDataChannel("game", DataChannelOptions.unreliable().withNegotiated(5));
            assertEquals(5, a.id());
            call.negotiate();
            call.awaitConnected();
            a.awaitOpen();
            b.awaitOpen();
            a.send("move 1");
            assertEquals("move 1", b.receiveText());
            b.send("move 2");
            assertEquals("move 2", a.receiveText());
            assertEquals(5, b.id());
            assertTrue(call.log().all(e -> e.name().equals("datachannel")).isEmpty(), "no ondatachannel for a negotiated channel");
            CallTimeoutException t = assertThrows(CallTimeoutException.class, () -> call.pc2().awaitDataChannel("game"));
            assertTrue(t.getMessage().contains("a negotiated one never does"), t.getMessage());
        } finally {
            call.hangup();
        }
    }

    @Test
    void aChannelCreatedOnAConnectedCallOpensAtOnce() {
        LocalCall call = LocalCall.create(localStream);
        try {
            open(call, "first", DataChannelOptions.reliable());
            // The SCTP association is up: a second channel needs no new negotiation.
            DataChannel late = call.pc1().createDataChannel("late");
            DataChannel lateRemote = call.pc2().awaitDataChannel("late");
            late.awaitOpen();
            lateRemote.awaitOpen();
            late.send("late but fine");
            assertEquals("late but fine", lateRemote.receiveText());
            assertEquals(List.of("connecting", "open"), states(call, "pc1", "late"));
        } finally {
            call.hangup();
        }
    }

    @Test
    void aMediaCallGetsItsDataChannelByNegotiatingAgain() {
        MediaStream media = MediaDevices.getUserMedia(Constraints.audioVideo().withSynthetic());
        LocalCall call = LocalCall.call(media);
        try {
            DataChannel ch = call.pc1().createDataChannel("stats");
            CallTimeoutException notYet = assertThrows(CallTimeoutException.class, () -> ch.awaitOpen(Duration.ofMillis(300)));
            assertTrue(notYet.getMessage().contains("needs another negotiate()"), notYet.getMessage());
            call.negotiate();
            DataChannel remote = call.pc2().awaitDataChannel("stats");
            ch.awaitOpen();
            ch.send("after renegotiation");
            assertEquals("after renegotiation", remote.receiveText());
        } finally {
            call.hangup();
            media.stop();
        }
    }

    @Test
    void misuseGetsClearErrors() {
        LocalCall call = LocalCall.create(localStream);
        DataChannel early = call.pc1().createDataChannel("misuse");
        CallException connecting = assertThrows(CallException.class, () -> early.send("too early"));
        assertTrue(connecting.getMessage().contains("still connecting — wait with awaitOpen()"), connecting.getMessage());
        call.negotiate();
        call.awaitConnected();
        DataChannel remote = call.pc2().awaitDataChannel("misuse");
        early.awaitOpen();

        IllegalArgumentException big = assertThrows(IllegalArgumentException.class, () -> early.send(new byte[256 * 1024 + 1]));
        assertTrue(big.getMessage().contains("larger than this channel's maxMessageSize 256 KiB"), big.getMessage());
        assertEquals("open", early.readyState(), "the refused message did not reach the engine, which would have closed the channel");

        CallTimeoutException quiet = assertThrows(CallTimeoutException.class, () -> remote.receive(Duration.ofMillis(200)));
        assertTrue(quiet.getMessage().contains("pc2's channel 'misuse' received no message within 200 ms"), quiet.getMessage());

        assertThrows(IllegalArgumentException.class, () -> early.send((String) null));
        assertThrows(IllegalArgumentException.class, () -> new DataChannelOptions(true, 1, 100, false, null, ""));
        IllegalArgumentException noId = assertThrows(IllegalArgumentException.class,
                () -> new DataChannelOptions(true, null, null, true, null, ""));
        assertTrue(noId.getMessage().contains(".withNegotiated(0)"), noId.getMessage());

        early.send("last words");
        early.close();
        remote.awaitClosed();
        CallException closed = assertThrows(CallException.class, () -> early.send("after close"));
        assertTrue(closed.getMessage().contains("closed") && closed.getMessage().contains("never reopens"), closed.getMessage());
        assertEquals("last words", remote.receiveText(), "messages received before the close can still be read");
        CallException drained = assertThrows(CallException.class, () -> remote.receive(Duration.ofSeconds(5)));
        assertTrue(drained.getMessage().contains("is closed"), drained.getMessage());

        DataChannel other = call.pc1().createDataChannel("other");
        call.pc2().awaitDataChannel("other");
        other.awaitOpen();
        int id = other.id();
        call.hangup();
        assertEquals(id, other.id(), "a closed channel still says which stream it was");
        CallException afterHangup = assertThrows(CallException.class, () -> other.send("after hangup"));
        assertTrue(afterHangup.getMessage().contains("pc1 is closed — hangup() ended the call"), afterHangup.getMessage());
        assertEquals("closed", other.readyState());
        CallException create = assertThrows(CallException.class, () -> call.pc1().createDataChannel("x"));
        assertTrue(create.getMessage().contains("is closed"), create.getMessage());
    }

    @Test
    void fiftyMegabytesWithFlowControlNeverPassTheHighWaterMark() {
        LocalCall call = LocalCall.create(localStream);
        try {
            DataChannel[] ends = open(call, "bulk", DataChannelOptions.reliable());
            FlowControl flow = FlowControl.of(1 << 20, 256 << 10);
            ThroughputRun r = Throughput.measure(ends[0], ends[1], 64 * 1024, 50L * 1000 * 1000, flow);
            assertTrue(r.intact(), r.toString());
            assertEquals(50L * 1000 * 1000, r.bytes());
            assertEquals((50L * 1000 * 1000 + 65535) / 65536, r.messages());
            assertTrue(r.peakBuffered() <= flow.highWaterMark(), r.toString());
            assertTrue(r.peakBuffered() > flow.lowWaterMark(), "the sender did fill the queue: " + r);
            assertEquals("open", ends[0].readyState(), "the engine did not close the channel");
            assertTrue(r.megabytesPerSecond() > 0);
            assertFalse(r.series().isEmpty());
            assertEquals(0, ends[1].waiting(), "measured messages are counted, not queued");
            // The channel works normally afterwards.
            ends[0].send("done");
            assertEquals("done", ends[1].receiveText());
        } finally {
            call.hangup();
        }
    }

    @Test
    void withoutFlowControlTheKitRefusesToOverfillTheEngine() {
        LocalCall call = LocalCall.create(localStream);
        try {
            DataChannel[] ends = open(call, "flood", DataChannelOptions.reliable());
            byte[] chunk = new byte[256 * 1024];
            CallException full = assertThrows(CallException.class, () -> {
                for (int i = 0; i < 1000; i++) ends[0].send(chunk);
            });
            assertTrue(full.getMessage().contains("send queue full"), full.getMessage());
            assertEquals("open", ends[0].readyState(), "the kit stopped before libwebrtc's 16 MiB limit");
            assertTrue(ends[0].peakBufferedAmount() <= FlowControl.ENGINE_QUEUE_LIMIT);
            ends[0].bufferedAmountLowThreshold(0).awaitBufferedAmountLow();
            assertEquals(0, ends[0].bufferedAmount());
        } finally {
            call.hangup();
        }
    }

    @Test
    void pingPongMeasuresRoundTrips() {
        LocalCall call = LocalCall.create(localStream);
        try {
            DataChannel[] ends = open(call, "ping", DataChannelOptions.reliable());
            RoundTrips rt = RoundTrip.measure(ends[0], ends[1], 50);
            assertEquals(50, rt.millis().size());
            assertTrue(rt.millis().stream().allMatch(ms -> ms > 0), rt.toString());
            assertEquals("pc1", rt.from());
            // pc2 stopped echoing: its next message is queued again.
            ends[0].send("not a ping");
            assertEquals("not a ping", ends[1].receiveText());
            assertEquals(0, ends[0].waiting(), "no stray pong left behind");
        } finally {
            call.hangup();
        }
    }

    @Test
    void presetTableExplainsEveryPreset() {
        var t = DataChannelOptions.presets();
        assertEquals(6, t.rows().size());
        assertTrue(t.toHtml().contains("maxPacketLifeTime"));
        assertTrue(t.toText().contains("UDP: once, maybe lost"));
        assertEquals("unordered, at most 3 retransmissions", DataChannelOptions.partialRetransmits(3).describe());
        assertEquals("ordered, reliable, negotiated id 2", DataChannelOptions.reliable().withNegotiated(2).describe());
        assertEquals("TCP: all of it, in order", t.rows().get(0).get(t.headers().indexOf("like")));
    }
}

package org.webrtcprimer.net;

import org.webrtcprimer.events.KitClock;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The relay's receiving thread: reads every face, passes each packet through the sender's and the
 * receiver's {@link PeerGate}, lets its way's {@link Link} decide its fate, then sends it at once,
 * gives it to the {@link DelayLine}, or drops it — and reports it to the {@link Tally}, in order of
 * arrival. Packets between a peer and a STUN/TURN server pass the gates only.
 */
final class Forwarder implements Runnable {
    private final Faces faces;
    private final Conditions conditions;
    private final AtomicReferenceArray<PeerGate> gates;
    private final DelayLine delayLine;
    private final Tally tally;
    private long index;
    private volatile long firstPacketNanos = -1;

    Forwarder(Faces faces, Conditions conditions, AtomicReferenceArray<PeerGate> gates, DelayLine delayLine, Tally tally) {
        this.faces = faces;
        this.conditions = conditions;
        this.gates = gates;
        this.delayLine = delayLine;
        this.tally = tally;
    }

    long firstPacketNanos() {
        return firstPacketNanos;
    }

    @Override
    public void run() {
        ByteBuffer buf = ByteBuffer.allocateDirect(65_536);
        try {
            while (!faces.isClosed()) {
                faces.registerNew();
                faces.selector().select(500);
                if (faces.isClosed()) break;
                Iterator<SelectionKey> it = faces.selector().selectedKeys().iterator();
                while (it.hasNext()) {
                    SelectionKey k = it.next();
                    it.remove();
                    if (k.isValid()) drain((Faces.Face) k.attachment(), buf);
                }
            }
        } catch (IOException | ClosedSelectorException e) {
            // closing
        }
    }

    /** Reads every packet waiting at one face. */
    private void drain(Faces.Face face, ByteBuffer buf) {
        while (true) {
            buf.clear();
            InetSocketAddress from;
            try {
                from = (InetSocketAddress) face.channel.receive(buf);
            } catch (IOException e) {
                return; // e.g. ICMP port unreachable of an earlier send: go on
            }
            if (from == null) return;
            buf.flip();
            byte[] data = new byte[buf.remaining()];
            buf.get(data);
            onPacket(face, from, data);
        }
    }

    private void onPacket(Faces.Face at, InetSocketAddress from, byte[] data) {
        long now = KitClock.now();
        if (firstPacketNanos < 0) firstPacketNanos = now;
        conditions.tick(now);
        Way way = at.inbound;
        if (!faces.isLocal(from.getAddress())) return; // nothing from beyond this machine is relayed
        if (at.server) {
            if (!faces.isServer(from)) toServer(at, from, data, now);
            return;
        }
        if (faces.isServer(from)) {
            fromServer(at, from, data, now);
            return;
        }
        PeerGate senderGate = gates.get(way.ordinal());
        PeerGate receiverGate = gates.get(way.reverse().ordinal());
        Faces.Face out = faces.face(way.reverse(), senderGate.mappingKey(from, at.local), from);
        if (out == null) return; // closing, or more faces than any call needs
        senderGate.sent(from, out.local, at.local);
        long i = index++;
        if (!receiverGate.admit(at.local, at.inside, out.local)) {
            report(i, now, way, from, at.inside, data, Fate.DROPPED_NAT, 0);
            return;
        }
        Link.Verdict v = conditions.link(way).decide(now, data.length);
        if (v.fate() != Fate.FORWARDED) {
            report(i, now, way, from, at.inside, data, v.fate(), 0);
            return;
        }
        if (v.due() <= now && !v.duplicate()) {
            out.send(at.inside, data);
            report(i, now, way, from, at.inside, data, Fate.FORWARDED, 0);
            return;
        }
        if (!delayLine.hold(v.due(), out, at.inside, data, v.duplicate() ? 2 : 1)) {
            report(i, now, way, from, at.inside, data, Fate.DROPPED_QUEUE, 0);
            return;
        }
        long delay = Math.max(0, v.due() - now);
        report(i, now, way, from, at.inside, data, Fate.FORWARDED, delay);
        if (v.duplicate()) report(index++, now, way, from, at.inside, data, Fate.DUPLICATED, delay);
    }

    /**
     * A packet from a peer to a server, arriving at the face that stands for the server towards
     * that peer: it leaves through the peer's NAT (its mapping, and its filter learns the
     * destination), straight on to the server. Server legs pass the NATs only: the network's
     * impairments are between the peers.
     */
    private void toServer(Faces.Face at, InetSocketAddress from, byte[] data, long now) {
        Way w = at.inbound;
        PeerGate g = gates.get(w.ordinal());
        Faces.Face out = faces.face(w.reverse(), g.mappingKey(from, at.local), from);
        if (out == null) return;
        g.sent(from, out.local, at.local);
        long i = index++;
        out.send(at.inside, data);
        tally.report(i, now, w, from, at.inside, data, Fate.FORWARDED, 0, at.inside);
    }

    /**
     * A packet from a server arriving at a peer's mapping: the peer's NAT filters it like any
     * other (the server's "address" is the face that stands for it towards that peer), and it
     * reaches the peer from that face.
     */
    private void fromServer(Faces.Face at, InetSocketAddress server, byte[] data, long now) {
        Way w = at.inbound; // towards the peer
        Faces.Face sf = faces.serverFace(w.reverse(), server);
        if (sf == null) return;
        long i = index++;
        if (!gates.get(w.reverse().ordinal()).admit(at.local, at.inside, sf.local)) {
            tally.report(i, now, w, server, at.inside, data, Fate.DROPPED_NAT, 0, server);
            return;
        }
        sf.send(at.inside, data);
        tally.report(i, now, w, server, at.inside, data, Fate.FORWARDED, 0, server);
    }

    private void report(long i, long now, Way way, InetSocketAddress from, InetSocketAddress to, byte[] data, Fate fate, long delay) {
        tally.report(i, now, way, from, to, data, fate, delay, null);
    }
}

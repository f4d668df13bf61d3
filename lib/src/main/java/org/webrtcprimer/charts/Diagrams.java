package org.webrtcprimer.charts;

import org.webrtcprimer.events.Event;
import org.webrtcprimer.events.EventLog;
import org.webrtcprimer.events.StateTimeline;
import org.webrtcprimer.notebook.Style;

import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Lesson 01's pictures, drawn by the kit in the charts' fonts and colours: the three objects of
 * WebRTC, its protocol stack, and the article's call flow as a sequence diagram drawn from a real
 * call's event log.
 */
public final class Diagrams {
    private Diagrams() {}

    private static final Color PANEL = new Color(0xf6, 0xf7, 0xf9);
    private static final Color BORDER = new Color(0xb8, 0xc0, 0xcc);
    private static final Color HEAD = new Color(0x2b, 0x3a, 0x4d);
    // ICE and DTLS belong to both peers: their own colours, the same in the stack and the call flow.
    private static final Color ICE = new Color(0x5a, 0x8f, 0x3c);
    private static final Color DTLS = new Color(0xb0, 0x8d, 0x00);

    // ------------------------------------------------------------------ the three objects

    /**
     * The three objects a WebRTC program uses (the article's list): MediaStream for capture,
     * RTCPeerConnection for the connection and its media, RTCDataChannel for application data —
     * each with what it does and where the kit has it.
     */
    public static Chart objects() {
        Canvas c = new Canvas(Charts.WIDTH, 390);
        c.title("WebRTC in one picture: three objects", "what a program creates, in the order the article uses them");
        double top = 80, h = 250, w = 250, gap = (Charts.WIDTH - 3 * w) / 4;
        double[] x = {gap, 2 * gap + w, 3 * gap + 2 * w};
        String[][] text = {
                {"MediaStream", "获取和渲染音频和视频流", "captures and renders audio and video"},
                {"RTCPeerConnection", "支持音频和视频媒体数据通信", "connects two peers, carries media"},
                {"RTCDataChannel", "支持应用级的数据通信", "carries the application's own messages"}};
        for (int i = 0; i < 3; i++) {
            c.box(x[i], top, w, h, PANEL, BORDER, 14);
            c.g.setColor(HEAD);
            c.g.fillRoundRect((int) x[i], (int) top, (int) w, 30, 14, 14);
            c.g.fillRect((int) x[i], (int) top + 16, (int) w, 14);
            c.centred(text[i][0], x[i] + w / 2, top + 21, Font.BOLD, 14f, Color.WHITE);
            c.centred(text[i][1], x[i] + w / 2, top + 50, Font.PLAIN, 12f, Canvas.TEXT);
            c.centred(text[i][2], x[i] + w / 2, top + 68, Font.PLAIN, 11f, Canvas.MUTED);
        }
        // MediaStream: its tracks.
        double mx = x[0] + 30, my = top + 90;
        c.text("getUserMedia(constraints) →", mx - 10, my, Font.PLAIN, 11f, Canvas.TEXT);
        c.box(mx, my + 12, w - 60, 26, Color.WHITE, BORDER, 8);
        c.centred("video track (camera / test pattern)", mx + (w - 60) / 2, my + 30, Font.PLAIN, 10f, Canvas.TEXT);
        c.box(mx, my + 46, w - 60, 26, Color.WHITE, BORDER, 8);
        c.centred("audio track (microphone / tone)", mx + (w - 60) / 2, my + 64, Font.PLAIN, 10f, Canvas.TEXT);
        c.text("kit: MediaDevices.getUserMedia(…)", mx - 10, top + h - 16, Font.PLAIN, 10f, Canvas.MUTED);
        // RTCPeerConnection: pc1 and pc2.
        double px = x[1] + 20, py = top + 96;
        c.box(px, py, 52, 60, LaneChart.lighter(Style.PC1, 0.75), Style.PC1, 10);
        c.centred("pc1", px + 26, py + 35, Font.BOLD, 13f, Style.PC1.darker());
        c.box(px + w - 92, py, 52, 60, LaneChart.lighter(Style.PC2, 0.75), Style.PC2, 10);
        c.centred("pc2", px + w - 66, py + 35, Font.BOLD, 13f, Style.PC2.darker());
        double ax1 = px + 56, ax2 = px + w - 96;
        c.arrow(ax1, py + 16, ax2, py + 16, Style.SIGNALING, 1.3f, true, true);
        c.centred("SDP, candidates", (ax1 + ax2) / 2, py + 11, Font.PLAIN, 9f, Canvas.MUTED);
        c.arrow(ax1, py + 48, ax2, py + 48, Style.PC1, 2f, false, false);
        c.centred("media", (ax1 + ax2) / 2, py + 43, Font.PLAIN, 9f, Canvas.MUTED);
        c.text("offer/answer, ICE, DTLS, SRTP", x[1] + 20, py + 84, Font.PLAIN, 10f, Canvas.TEXT);
        c.text("kit: LocalCall.create(localStream).pc1()", x[1] + 10, top + h - 16, Font.PLAIN, 10f, Canvas.MUTED);
        // RTCDataChannel: messages.
        double dx = x[2] + 24, dy = top + 96;
        c.text("pc1.createDataChannel(\"chat\")", dx - 8, dy, Font.PLAIN, 11f, Canvas.TEXT);
        for (int i = 0; i < 3; i++) {
            c.box(dx + i * 10, dy + 12 + i * 24, w - 90, 20, Color.WHITE, BORDER, 6);
            c.text(i == 0 ? "send(\"hello\")" : i == 1 ? "send(bytes)" : "onmessage → the other peer", dx + 8 + i * 10, dy + 26 + i * 24, Font.PLAIN, 10f, Canvas.TEXT);
        }
        c.text("reliable or not, ordered or not (SCTP)", dx - 8, dy + 98, Font.PLAIN, 10f, Canvas.TEXT);
        c.text("kit: lesson 08", x[2] + 10, top + h - 16, Font.PLAIN, 10f, Canvas.MUTED);
        // How they connect.
        double ay = top + h / 2 + 10;
        c.arrow(x[0] + w + 4, ay, x[1] - 4, ay, Canvas.TEXT, 1.6f, false, false);
        c.centred("addTrack", (x[0] + w + x[1]) / 2, ay - 6, Font.PLAIN, 10f, Canvas.TEXT);
        c.arrow(x[1] + w + 4, ay, x[2] - 4, ay, Canvas.TEXT, 1.6f, false, false);
        c.centred("creates", (x[1] + w + x[2]) / 2, ay - 6, Font.PLAIN, 10f, Canvas.TEXT);
        c.centred("W3C Media Capture and Streams; W3C WebRTC 1.0 (RTCPeerConnection §4, RTCDataChannel §6)",
                Charts.WIDTH / 2.0, top + h + 30, Font.PLAIN, 10f, Canvas.MUTED);
        return c.done("WebRTC in one picture: three objects",
                "A MediaStream's tracks are added to an RTCPeerConnection, which sends them to the other peer; the same "
                        + "connection can open RTCDataChannels for the application's own data.");
    }

    // ------------------------------------------------------------------ the protocol stack

    /**
     * The protocol stack under a peer connection (RFC 8825, RFC 8835): IP and UDP at the bottom,
     * ICE with STUN and TURN to find a path, DTLS to agree keys, SRTP for media and SCTP for data,
     * and signaling beside it, which WebRTC leaves to the application.
     */
    public static Chart protocolStack() {
        Canvas c = new Canvas(Charts.WIDTH, 500);
        c.title("The WebRTC protocol stack", "what carries a call, bottom to top; signaling is beside it, chosen by the application");
        double left = 40, width = 600, h = 52, gap = 8, bottom = 470;
        double half = (width - gap) / 2;
        // Not the peers' colours: every layer belongs to both peers.
        Color media = new Color(0xd4, 0xee, 0xf2), data = new Color(0xe8, 0xe0, 0xf0), net = new Color(0xe8, 0xea, 0xee),
                ice = LaneChart.lighter(ICE, 0.8), sec = LaneChart.lighter(DTLS, 0.8);
        layer(c, left, bottom - h, width, h, net, "IP", "网络层", "IPv4 / IPv6");
        layer(c, left, bottom - 2 * h - gap, width, h, net, "UDP", "", "RFC 768 — TCP or TLS only when UDP is blocked");
        layer(c, left, bottom - 3 * h - 2 * gap, width, h, ice, "ICE  ·  STUN  ·  TURN", "连通",
                "find a working path: RFC 8445, RFC 8489, RFC 8656");
        double y4 = bottom - 4 * h - 3 * gap;
        layer(c, left, y4, half, h, media, "SRTP / SRTCP", "传输媒体数据", "encrypted RTP: RFC 3711");
        layer(c, left + half + gap, y4, half, h, sec, "DTLS", "协商 SRTP 密钥", "handshake; gives SRTP its keys: RFC 9147, RFC 5764");
        double y5 = y4 - h - gap;
        layer(c, left, y5, half, h, media, "RTP / RTCP", "音视频", "audio and video packets: RFC 3550");
        layer(c, left + half + gap, y5, half, h, data, "SCTP", "传输应用数据", "over DTLS: RFC 8261");
        double y6 = y5 - h - gap;
        layer(c, left, y6, half, h, new Color(0xea, 0xf7, 0xf9), "MediaStreamTrack", "", "what the application sends and shows");
        layer(c, left + half + gap, y6, half, h, new Color(0xf3, 0xef, 0xf8), "RTCDataChannel", "",
                "messages: RFC 8831, RFC 8832");
        // DTLS gives SRTP its keys (DTLS-SRTP); SRTP packets are not inside DTLS records.
        c.arrow(left + half + gap + 10, y4 + h / 2 + 8, left + half - 8, y4 + h / 2 + 8, DTLS.darker(), 1.8f, false, false);
        c.text("media", left + 4, y6 - 8, Font.BOLD, 11f, new Color(0x10, 0x7a, 0x88));
        c.text("application data", left + half + gap + 4, y6 - 8, Font.BOLD, 11f, new Color(0x6b, 0x4a, 0x8c));
        // Signaling, beside the stack.
        double sx = left + width + 40, sw = Charts.WIDTH - sx - 30, sy = y6, sh = bottom - y6;
        c.g.setColor(new Color(0xfa, 0xfa, 0xfa));
        c.g.fillRoundRect((int) sx, (int) sy, (int) sw, (int) sh, 14, 14);
        c.g.setColor(Style.SIGNALING);
        c.g.setStroke(new java.awt.BasicStroke(1.4f, java.awt.BasicStroke.CAP_BUTT, java.awt.BasicStroke.JOIN_ROUND, 1f, new float[]{6f, 4f}, 0f));
        c.g.drawRoundRect((int) sx, (int) sy, (int) sw, (int) sh, 14, 14);
        c.centred("Signaling", sx + sw / 2, sy + 26, Font.BOLD, 14f, Canvas.TEXT);
        c.centred("信令层（WebRTC 未指定）", sx + sw / 2, sy + 46, Font.PLAIN, 11f, Canvas.TEXT);
        String[] lines = {"not specified by WebRTC:", "the application picks it", "", "SDP offer / answer", "over HTTP, WebSocket, SIP …",
                "", "it carries what the stack", "needs to start:", "codecs, ICE ufrag/pwd,", "candidates, DTLS fingerprint", "", "RFC 9429 (JSEP), RFC 8866"};
        for (int i = 0; i < lines.length; i++) c.centred(lines[i], sx + sw / 2, sy + 76 + i * 17, Font.PLAIN, 10.5f, Canvas.MUTED);
        c.arrow(sx - 4, sy + sh / 2, left + width + 6, sy + sh / 2, Style.SIGNALING, 1.4f, true, false);
        return c.done("The WebRTC protocol stack",
                "ICE finds a path over UDP; DTLS agrees keys over it; media travels as SRTP with those keys and data as SCTP "
                        + "inside DTLS — all on one port. The descriptions that start it all travel by signaling (RFC 8825, RFC 8835).");
    }

    private static void layer(Canvas c, double x, double y, double w, double h, Color fill, String name, String zh, String what) {
        c.box(x, y, w, h, fill, BORDER, 10);
        int nw = c.text(name, x + 12, y + 22, Font.BOLD, 13f, Canvas.TEXT);
        if (!zh.isEmpty()) c.text(zh, x + 22 + nw, y + 22, Font.PLAIN, 11.5f, Canvas.TEXT);
        c.text(what, x + 12, y + 41, Font.PLAIN, 10.5f, Canvas.MUTED);
    }

    // ------------------------------------------------------------------ the call flow

    /** The call flow of a call, as a sequence diagram. */
    public static Chart callFlow(EventLog log) {
        if (log == null) throw new IllegalArgumentException("no event log — pass call.log()");
        return callFlow(log.events());
    }

    private record Msg(long from, long to, String src, String dst, String label, String step, Color color, boolean dashed) {}

    private record Band(long from, long to, String label, String step, Color color) {}

    /**
     * The article's call flow, steps 0–4, drawn from a real call's events: lanes for pc1, the
     * signaling path and pc2; the offer, the answer and every trickled candidate as an arrow from
     * when it was made to when the other peer applied it; ICE checks and the DTLS handshake as
     * bands between the peers; the first video frame as the media arrow. Times are ms after call().
     *
     * @throws IllegalArgumentException when the log holds no offer/answer to draw
     */
    public static Chart callFlow(List<Event> events) {
        if (events == null || events.isEmpty()) throw new IllegalArgumentException("no events — pass a call's log");
        long t0 = StateTimeline.callStart(events);
        boolean trickled = events.stream().anyMatch(e -> e.kind() == Event.Kind.STEP_DONE && e.name().equals("addIceCandidate"));
        List<Msg> msgs = messages(events, trickled);
        List<Band> bands = bands(events);
        Rows rows = rows(msgs, bands);

        int rowH = ROW_H, top = TOP, n = rows.points().size() + 2;
        int height = top + n * rowH + 96;
        Canvas c = new Canvas(Charts.WIDTH, height);
        c.title("The call flow, from this call's log", "pc1 → signaling → pc2: each arrow from when it was sent to when the other peer applied it");
        double xTime = 14;
        double[] lane = {X1, XS, X2};
        String[] names = {"pc1", "signaling", "pc2"};
        Color[] colours = {Style.PC1, Style.SIGNALING, Style.PC2};
        for (int i = 0; i < 3; i++) {
            c.box(lane[i] - 55, 66, 110, 30, LaneChart.lighter(colours[i], 0.8), colours[i], 10);
            c.centred(names[i], lane[i], 86, Font.BOLD, 13f, colours[i].darker());
            c.line(lane[i], 96, lane[i], top + n * rowH, LaneChart.lighter(colours[i], 0.3), 1.2f, i == 1);
        }
        c.text("ms after call()", xTime, 86, Font.PLAIN, 10f, Canvas.MUTED);
        // Step 0: the local stream exists before the call.
        double y0 = top;
        c.box(X1 - 95, y0 - 13, 190, 18, Color.WHITE, Style.PC1, 8);
        c.centred("0  localStream (getUserMedia)", X1, y0, Font.PLAIN, 10f, Style.PC1.darker());
        for (int r = 0; r < rows.points().size(); r++) {
            double y = top + (r + 1) * rowH + 4;
            c.text(String.format(Locale.ROOT, "%7.1f", (rows.points().get(r)[0] - t0) / 1e6), xTime, y + 4, Font.PLAIN, 9.5f, Canvas.MUTED);
        }
        drawBands(c, bands, rows.bandRow());
        drawMessages(c, msgs, rows.msgRow());
        double ly = top + n * rowH + 26;
        c.text("The article's steps:  0 local media (MediaStream)   1–2 offer and answer through signaling (SDP)   "
                + "3 ICE: candidates, checks; DTLS   4 media over SRTP", 14, ly, Font.PLAIN, 10.5f, Canvas.TEXT);
        c.text("文章的步骤：0 收集本地媒体流   1–2 通过信令交换 SDP   3 ICE/STUN/TURN 协商候选者对   4 通过 SRTP 传输音视频",
                14, ly + 18, Font.PLAIN, 10.5f, Canvas.TEXT);
        c.text(trickled ? "Dashed: a candidate that arrived before its peer had the other's description and waited in the kit's queue."
                        : "Gather-first: no trickled candidates — each description waited for gathering and carried its candidates.",
                14, ly + 36, Font.PLAIN, 10f, Canvas.MUTED);
        long nCand = msgs.stream().filter(m -> m.step().equals("3")).count();
        String cap = String.format(Locale.ROOT, "%d messages crossed the signaling path (the offer, the answer%s); "
                        + "ICE checks and DTLS went straight between the peers, then the media.", msgs.stream().filter(m -> !m.step().equals("4")).count(),
                nCand == 0 ? "" : " and " + nCand + " candidates");
        return c.done("The call flow, from this call's log", cap);
    }

    // Where the call flow's rows and lanes sit: pc1's, the signaling path's and pc2's lifelines.
    private static final int ROW_H = 19, TOP = 118;
    private static final double X1 = 250, XS = 500, X2 = 750;

    /** The offer, the answer, each trickled candidate that the other peer applied, and the first video frame. */
    private static List<Msg> messages(List<Event> events, boolean trickled) {
        List<Msg> msgs = new ArrayList<>();
        Optional<Event> offer = first(events, e -> e.kind() == Event.Kind.STEP_DONE && e.source().equals("pc1") && e.name().equals("createOffer"));
        Optional<Event> offerIn = first(events, e -> e.kind() == Event.Kind.STEP_START && e.source().equals("pc2")
                && e.name().equals("setRemoteDescription"));
        Optional<Event> answer = first(events, e -> e.kind() == Event.Kind.STEP_DONE && e.source().equals("pc2") && e.name().equals("createAnswer"));
        Optional<Event> answerIn = first(events, e -> e.kind() == Event.Kind.STEP_START && e.source().equals("pc1")
                && e.name().equals("setRemoteDescription"));
        if (offer.isEmpty() || offerIn.isEmpty()) {
            throw new IllegalArgumentException("the log has no offer that pc2 applied — draw the flow after pc2.setRemoteDescription(offer)");
        }
        long offerSent = offer.get().nanos();
        if (!trickled) offerSent = gatheredBefore(events, "pc1", offerIn.get().nanos()).orElse(offerSent);
        msgs.add(new Msg(offerSent, offerIn.get().nanos(), "pc1", "pc2", trickled ? "offer (SDP)" : "offer (SDP, candidates inside)",
                "1–2", Style.PC1, false));
        if (answer.isPresent() && answerIn.isPresent()) {
            long answerSent = answer.get().nanos();
            if (!trickled) answerSent = gatheredBefore(events, "pc2", answerIn.get().nanos()).orElse(answerSent);
            msgs.add(new Msg(answerSent, answerIn.get().nanos(), "pc2", "pc1", trickled ? "answer (SDP)" : "answer (SDP, candidates inside)",
                    "1–2", Style.PC2, false));
        }
        Set<Event> used = new HashSet<>();
        for (Event e : events) {
            if (e.kind() != Event.Kind.CANDIDATE || e.detail().isBlank()) continue;
            String other = e.source().equals("pc1") ? "pc2" : "pc1";
            String brief = brief(e.detail());
            Optional<Event> in = events.stream().filter(x -> !used.contains(x) && x.kind() == Event.Kind.STEP_DONE
                    && x.source().equals(other) && x.name().equals("addIceCandidate") && x.detail().startsWith(brief)
                    && x.nanos() >= e.nanos()).findFirst();
            if (in.isEmpty()) continue;
            used.add(in.get());
            boolean queued = in.get().detail().contains("(queued)");
            msgs.add(new Msg(e.nanos(), in.get().nanos(), e.source(), other, "candidate " + brief + (queued ? " — waited for the offer/answer" : ""),
                    "3", Style.colorOf(e.source()), queued));
        }
        first(events, e -> e.kind() == Event.Kind.MEDIA && e.name().equals(Event.FIRST_FRAME)).ifPresent(f -> {
            double connected = maxState(events, Event.CONNECTION, "connected");
            long from = Double.isNaN(connected) ? f.nanos() : (long) connected;
            msgs.add(new Msg(from, f.nanos(), "pc1", "pc2", "video over SRTP → first frame decoded", "4", Style.PC1, false));
        });
        return msgs;
    }

    /** The ICE checks and the DTLS handshake, from the first peer's start to when both were done. */
    private static List<Band> bands(List<Event> events) {
        List<Band> bands = new ArrayList<>();
        double checkFrom = minState(events, Event.ICE_CONNECTION, "checking"), checkTo = maxState(events, Event.ICE_CONNECTION, "connected");
        if (!Double.isNaN(checkFrom) && !Double.isNaN(checkTo)) {
            bands.add(new Band((long) checkFrom, (long) checkTo, "ICE checks (STUN)", "3", ICE));
        }
        double dtlsFrom = minState(events, Event.DTLS, "connecting"), dtlsTo = maxState(events, Event.DTLS, "connected");
        if (!Double.isNaN(dtlsTo)) {
            if (Double.isNaN(dtlsFrom)) dtlsFrom = Double.isNaN(checkTo) ? dtlsTo : Math.min(checkTo, dtlsTo);
            bands.add(new Band((long) dtlsFrom, (long) dtlsTo, "DTLS handshake", "3", DTLS));
        }
        return bands;
    }

    /** Each message's and band's rows: its endpoints' places among all endpoints in time order (1-based). */
    private record Rows(List<long[]> points, int[][] msgRow, int[][] bandRow) {}

    private static Rows rows(List<Msg> msgs, List<Band> bands) {
        // Every endpoint gets its own row, in time order: the diagram keeps the order of events, not their spacing.
        List<long[]> points = new ArrayList<>(); // {time, index of message or band, 0 = start / 1 = end, 0 = msg / 1 = band}
        for (int i = 0; i < msgs.size(); i++) {
            points.add(new long[]{msgs.get(i).from(), i, 0, 0});
            points.add(new long[]{msgs.get(i).to(), i, 1, 0});
        }
        for (int i = 0; i < bands.size(); i++) {
            points.add(new long[]{bands.get(i).from(), i, 0, 1});
            points.add(new long[]{bands.get(i).to(), i, 1, 1});
        }
        points.sort(Comparator.comparingLong((long[] p) -> p[0]).thenComparingLong(p -> p[3]).thenComparingLong(p -> p[2]));
        int[][] msgRow = new int[msgs.size()][2], bandRow = new int[bands.size()][2];
        for (int r = 0; r < points.size(); r++) {
            long[] p = points.get(r);
            if (p[3] == 0) msgRow[(int) p[1]][(int) p[2]] = r + 1;
            else bandRow[(int) p[1]][(int) p[2]] = r + 1;
        }
        return new Rows(points, msgRow, bandRow);
    }

    /** Each band between the lifelines, with a bracket and its name left of pc1. */
    private static void drawBands(Canvas c, List<Band> bands, int[][] bandRow) {
        for (int i = 0; i < bands.size(); i++) {
            // A band between the lifelines, and a bracket with its name left of pc1, where no arrow runs.
            Band b = bands.get(i);
            double ya = TOP + bandRow[i][0] * ROW_H + 4, yb = TOP + bandRow[i][1] * ROW_H + 4;
            c.g.setColor(new Color(b.color().getRed(), b.color().getGreen(), b.color().getBlue(), 34));
            c.g.fillRect((int) X1 + 3, (int) ya, (int) (X2 - X1) - 6, (int) Math.max(3, yb - ya));
            double bx = X1 - 14 - i * 8;
            c.line(bx, ya, bx, yb, b.color(), 3f, false);
            c.line(bx, ya, bx + 6, ya, b.color(), 1.5f, false);
            c.line(bx, yb, bx + 6, yb, b.color(), 1.5f, false);
            String text = b.step() + "  " + b.label();
            c.text(text, bx - 6 - c.width(text, Font.PLAIN, 10f), ya + 4, Font.PLAIN, 10f, b.color().darker());
        }
    }

    /** Each message as an arrow from its sender's lifeline to its receiver's, labelled on the signaling lane. */
    private static void drawMessages(Canvas c, List<Msg> msgs, int[][] msgRow) {
        for (int i = 0; i < msgs.size(); i++) {
            Msg m = msgs.get(i);
            double xa = m.src().equals("pc1") ? X1 : X2, xb = m.dst().equals("pc1") ? X1 : X2;
            double ya = TOP + msgRow[i][0] * ROW_H + 4, yb = TOP + msgRow[i][1] * ROW_H + 4;
            c.g.setColor(m.color());
            c.g.fillOval((int) xa - 3, (int) ya - 3, 6, 6);
            c.arrow(xa, ya, xb, yb, m.color(), m.step().equals("4") ? 2.4f : 1.3f, m.dashed(), false);
            double lx = XS, ly = ya + (yb - ya) * 0.5 - 4;
            c.label(m.step() + "  " + m.label(), lx, ly, Font.PLAIN, 10f, m.color().darker());
        }
    }

    private static Optional<Event> first(List<Event> events, java.util.function.Predicate<Event> p) {
        return events.stream().filter(p).findFirst();
    }

    /** When a gather-first peer finished gathering before its description left, if it did. */
    private static Optional<Long> gatheredBefore(List<Event> events, String peer, long before) {
        return events.stream().filter(e -> e.source().equals(peer) && e.isState(Event.ICE_GATHERING, "complete") && e.nanos() <= before)
                .map(Event::nanos).findFirst();
    }

    private static double minState(List<Event> events, String machine, String state) {
        return events.stream().filter(e -> e.isState(machine, state)).mapToDouble(Event::nanos).min().orElse(Double.NaN);
    }

    /** When both peers had reached a state: the later of their first times; NaN unless both did. */
    private static double maxState(List<Event> events, String machine, String state) {
        double a = events.stream().filter(e -> e.source().equals("pc1") && e.isState(machine, state)).mapToDouble(Event::nanos).findFirst().orElse(Double.NaN);
        double b = events.stream().filter(e -> e.source().equals("pc2") && e.isState(machine, state)).mapToDouble(Event::nanos).findFirst().orElse(Double.NaN);
        return Math.max(a, b);
    }

    /** The kit's short form of a candidate, {@code host 192.0.2.2:34612 udp}, as the log's addIceCandidate lines carry it. */
    private static String brief(String line) {
        String[] f = line.replaceFirst("^a=", "").split(" +");
        String type = "";
        for (int i = 0; i + 1 < f.length; i++) if (f[i].equals("typ")) type = f[i + 1];
        return f.length > 5 ? type + " " + f[4] + ":" + f[5] + " " + f[2].toLowerCase(Locale.ROOT) : line;
    }
}

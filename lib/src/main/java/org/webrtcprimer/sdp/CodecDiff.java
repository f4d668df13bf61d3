package org.webrtcprimer.sdp;

import org.webrtcprimer.sdp.SdpDiff.Kind;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The codec part of an {@link SdpDiff}: which codecs an answer kept, dropped or renumbered, which
 * fmtp parameters it changed (the answerer stating what it can receive), the preferred codec and
 * the RTCP feedback. Between two unrelated descriptions payload type numbers mean nothing, so
 * codecs are compared by identity (name, clock, channels, the parameters that make a profile).
 * Not API: {@link SdpDiff} calls it for each pair of m-sections.
 */
final class CodecDiff {
    private CodecDiff() {}

    /** A codec's identity across renumbering: name, clock, channels and the parameters that change what it is. */
    static String identity(Codec c, Map<Integer, Codec> byPt) {
        if (c.isRtx() && c.associatedPayloadType() != null) {
            Codec t = byPt.get(c.associatedPayloadType());
            return "rtx for " + (t == null ? "?" : identity(t, byPt));
        }
        StringBuilder b = new StringBuilder(c.name().toUpperCase(java.util.Locale.ROOT) + "/" + c.clockRate() + (c.channels() == null ? "" : "/" + c.channels()));
        for (String k : List.of("profile-level-id", "packetization-mode", "profile-id", "profile", "level-idx")) {
            String v = c.parameters().get(k);
            if (v != null) b.append(' ').append(k).append('=').append(v);
        }
        return b.toString();
    }

    /** Adds to {@code d} what changed in the codecs of one pair of m-sections. */
    static void compare(SdpDiff d, String scope, MediaSection b, MediaSection a) {
        boolean offerAnswer = d.offerAnswer(), sameSession = d.sameSession();
        List<Codec> cb = b.codecs(), ca = a.codecs();
        if (cb.isEmpty() && ca.isEmpty()) return;
        Map<Integer, Codec> pb = new LinkedHashMap<>(), pa = new LinkedHashMap<>();
        cb.forEach(c -> pb.put(c.payloadType(), c));
        ca.forEach(c -> pa.put(c.payloadType(), c));
        List<Codec> gone = new ArrayList<>(), come = new ArrayList<>();
        if (!offerAnswer && !sameSession) {
            // Two independent descriptions: payload type numbers mean nothing across them, compare codecs by identity.
            gone.addAll(cb);
            come.addAll(ca);
        } else for (Codec c : cb) {
            Codec o = pa.get(c.payloadType());
            if (o == null || !o.name().equalsIgnoreCase(c.name()) || o.clockRate() != c.clockRate()) {
                gone.add(c);
            } else if (!o.fmtp().equals(c.fmtp())) {
                boolean h264 = c.name().equalsIgnoreCase("H264");
                boolean startBitrate = o.parameters().containsKey("x-google-start-bitrate") && !c.parameters().containsKey("x-google-start-bitrate");
                d.add(scope, Kind.CHANGED, SdpGroup.CODECS, "a=fmtp:" + c.payloadType(), c.fmtp(), o.fmtp(),
                        "Payload type " + c.payloadType() + " (" + c.name() + ") keeps its number but its parameters changed"
                                + (offerAnswer ? ": the answerer states what it can receive" + (h264 ? " (for H.264 a lower level is allowed with level-asymmetry-allowed)." : ".") : ".")
                                + (startBitrate ? " x-google-start-bitrate is libwebrtc's own parameter (in no RFC): the sender of this codec starts at that many kbps instead of its default, until bandwidth estimation has measured the path." : ""),
                        "负载类型 " + c.payloadType() + "（" + c.name() + "）编号不变，但参数变了"
                                + (offerAnswer ? "：应答方说明自己能接收什么" + (h264 ? "（H.264 在 level-asymmetry-allowed 时可以用更低的级别）。" : "。") : "。")
                                + (startBitrate ? "x-google-start-bitrate 是 libwebrtc 自己的参数（不在任何 RFC 中）：这个编解码器的发送方以这个码率（kbps）起步，而不用默认值，直到带宽估计测出路径。" : ""),
                        "RFC 8866 §6.15" + (h264 ? "; RFC 6184 §8.2.2" : ""));
            }
        }
        if (offerAnswer || sameSession) for (Codec c : ca) {
            Codec o = pb.get(c.payloadType());
            if (o == null || !o.name().equalsIgnoreCase(c.name()) || o.clockRate() != c.clockRate()) come.add(c);
        }
        // Same codec under another number?
        Map<String, Codec> comeById = new HashMap<>();
        for (Codec c : come) comeById.putIfAbsent(identity(c, pa), c);
        List<String> renumbered = new ArrayList<>();
        List<Codec> reallyGone = new ArrayList<>();
        for (Codec c : gone) {
            Codec o = comeById.remove(identity(c, pb));
            if (o != null) {
                if (o.payloadType() != c.payloadType()) renumbered.add(c.name() + " " + c.payloadType() + "→" + o.payloadType());
                come.remove(o);
            } else {
                reallyGone.add(c);
            }
        }
        if (!reallyGone.isEmpty()) {
            String list = describe(reallyGone, pb);
            d.add(scope, Kind.REMOVED, SdpGroup.CODECS, "codecs", list, "",
                    offerAnswer ? "Codecs of the offer that the answer does not accept: the answer keeps only formats both sides support, in its own order."
                            : "Codecs that are gone: " + list + ".",
                    offerAnswer ? "应答没有接受的提议编解码器：媒体协商时，应答只保留双方都支持的格式，并按自己的顺序排列。" : "不再出现的编解码器：" + list + "。",
                    "RFC 3264 §6.1");
        }
        if (!come.isEmpty()) {
            String list = describe(come, pa);
            d.add(scope, Kind.ADDED, SdpGroup.CODECS, "codecs", "", list,
                    offerAnswer ? "Formats in the answer that the offer did not list (allowed only for new formats the offerer may ignore)." : "New codecs: " + list + ".",
                    offerAnswer ? "应答中出现了提议没有的格式。" : "新增的编解码器：" + list + "。",
                    "RFC 3264 §6.1");
        }
        if (!renumbered.isEmpty()) {
            d.add(scope, Kind.INFO, SdpGroup.CODECS, "payload types", "", String.join(", ", renumbered),
                    renumbered.size() + " codec(s) kept but under another payload type number. Dynamic numbers (96–127, and 35–63 in newer browsers) are only names valid in this session.",
                    renumbered.size() + " 个编解码器还在，但负载类型编号变了。动态编号（96–127，新版浏览器还用 35–63）只是本次会话内的名字。",
                    "RFC 3551 §3; RFC 8866 §6.6");
        }
        if (!cb.isEmpty() && !ca.isEmpty() && !cb.get(0).name().equalsIgnoreCase(ca.get(0).name())) {
            d.add(scope, Kind.CHANGED, SdpGroup.CODECS, "preferred codec", cb.get(0).mime(), ca.get(0).mime(),
                    "The first (preferred) codec changed from " + cb.get(0).mime() + " to " + ca.get(0).mime() + ".",
                    "首选编解码器从 " + cb.get(0).mime() + " 变为 " + ca.get(0).mime() + "。", "RFC 8866 §5.14");
        }
        feedback(d, scope, cb, ca);
    }

    /** The RTCP feedback offered by any codec of the m-section, before and after (RFC 4585 §4.2). */
    private static void feedback(SdpDiff d, String scope, List<Codec> cb, List<Codec> ca) {
        Set<String> fbB = new LinkedHashSet<>(), fbA = new LinkedHashSet<>();
        cb.forEach(c -> fbB.addAll(c.feedback()));
        ca.forEach(c -> fbA.addAll(c.feedback()));
        Set<String> fbGone = new LinkedHashSet<>(fbB), fbNew = new LinkedHashSet<>(fbA);
        fbGone.removeAll(fbA);
        fbNew.removeAll(fbB);
        if (!fbGone.isEmpty()) d.add(scope, Kind.REMOVED, SdpGroup.CODECS, "a=rtcp-fb", String.join(", ", fbGone), "",
                "RTCP feedback no longer offered: " + String.join(", ", fbGone) + ".", "不再提供的 RTCP 反馈：" + String.join(", ", fbGone) + "。", "RFC 4585 §4.2");
        if (!fbNew.isEmpty()) d.add(scope, Kind.ADDED, SdpGroup.CODECS, "a=rtcp-fb", "", String.join(", ", fbNew),
                "New RTCP feedback: " + String.join(", ", fbNew) + ".", "新增的 RTCP 反馈：" + String.join(", ", fbNew) + "。", "RFC 4585 §4.2");
    }

    private static String describe(List<Codec> l, Map<Integer, Codec> byPt) {
        List<String> s = new ArrayList<>();
        for (Codec c : l) s.add(c.payloadType() + " " + (c.isRtx() ? identity(c, byPt) : c.mime() + (c.fmtp().isEmpty() ? "" : " " + c.fmtp())));
        return String.join("; ", s);
    }
}

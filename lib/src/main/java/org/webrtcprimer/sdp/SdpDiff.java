package org.webrtcprimer.sdp;

import org.webrtcprimer.notebook.Renderable;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What changed between two descriptions, explained: an offer and its answer (codecs narrowed,
 * m-sections rejected, directions answered, the DTLS role chosen), the same peer before and
 * after an ICE restart (new ufrag and pwd), or two browsers' offers years apart (what
 * disappeared, what is new).
 *
 * <p>m-sections are paired by mid when both sides have mids, else by position.
 */
public final class SdpDiff implements Renderable {

    /** The kind of a change. */
    public enum Kind { ADDED, REMOVED, CHANGED, INFO }

    /**
     * One explained difference.
     *
     * @param scope     "session" or the m-section, e.g. "m=1 video (mid 1)"
     * @param kind      added, removed, changed, or an informative note
     * @param group     what it is about
     * @param key       what changed, e.g. "a=setup", "codecs", "o="
     * @param before    the value before (may be empty)
     * @param after     the value after (may be empty)
     * @param english   explanation
     * @param chinese   the same in Chinese
     * @param reference RFC section
     */
    public record Change(String scope, Kind kind, SdpGroup group, String key, String before, String after,
                         String english, String chinese, String reference) {
        @Override
        public String toString() {
            return "[" + kind + "] " + scope + " " + key + ": " + (before.isEmpty() ? "" : before + " → ") + after + " — " + english;
        }
    }

    private final ParsedSdp before, after;
    private final String beforeName, afterName;
    private final List<Change> changes = new ArrayList<>();
    private final boolean sameSession;
    private final boolean offerAnswer;

    private SdpDiff(ParsedSdp before, ParsedSdp after, String beforeName, String afterName) {
        this.before = before;
        this.after = after;
        this.beforeName = beforeName;
        this.afterName = afterName;
        BigInteger a = before.origin() == null ? null : before.origin().sessionIdValue();
        BigInteger b = after.origin() == null ? null : after.origin().sessionIdValue();
        this.sameSession = a != null && a.equals(b);
        boolean actpass = before.media().stream().anyMatch(m -> "actpass".equals(before.setup(m)));
        boolean chosen = after.media().stream().anyMatch(m -> "active".equals(after.setup(m)) || "passive".equals(after.setup(m)));
        this.offerAnswer = !sameSession && actpass && chosen;
    }

    static SdpDiff of(ParsedSdp before, ParsedSdp after, String beforeName, String afterName) {
        if (before == null || after == null) {
            throw new IllegalArgumentException("diff needs two parsed descriptions, but " + (before == null ? "the first (before)" : "the second (after)")
                    + " is null — parse each with Sdp.parse(text) first");
        }
        SdpDiff d = new SdpDiff(before, after, beforeName, afterName);
        d.compute();
        return d;
    }

    /** All changes, session first, then each m-section. */
    public List<Change> changes() {
        return List.copyOf(changes);
    }

    /** Changes of one kind. */
    public List<Change> changes(Kind kind) {
        return changes.stream().filter(c -> c.kind() == kind).toList();
    }

    /** Changes that match. */
    public List<Change> changes(Predicate<Change> p) {
        return changes.stream().filter(p).toList();
    }

    /** True when the two descriptions share a session id: the same peer, a later version. */
    public boolean sameSession() {
        return sameSession;
    }

    /** True when this looks like an offer (actpass) and a different peer's answer (active/passive). */
    public boolean offerAnswer() {
        return offerAnswer;
    }

    /** True when the same session changed its ICE credentials in some m-section: an ICE restart. */
    public boolean iceRestart() {
        return changes.stream().anyMatch(c -> c.key().equals("a=ice-ufrag") && c.kind() == Kind.CHANGED && sameSession);
    }

    // ------------------------------------------------------------------ computing

    void add(String scope, Kind kind, SdpGroup g, String key, String b, String a, String en, String zh, String ref) {
        changes.add(new Change(scope, kind, g, key, b == null ? "" : b, a == null ? "" : a, en, zh, ref));
    }

    private void compute() {
        origin();
        String bb = String.join(" ", before.bundle()), ab = String.join(" ", after.bundle());
        if (!bb.equals(ab)) {
            add("session", Kind.CHANGED, SdpGroup.BUNDLING, "a=group:BUNDLE", bb, ab,
                    ab.isEmpty() ? "No BUNDLE group any more: each m-section gets its own transport." :
                            "The BUNDLE group changed: the " + afterName + " bundles " + ab + (offerAnswer ? " (an answer may only keep or drop the offered mids)." : "."),
                    ab.isEmpty() ? "不再有捆绑组：每个媒体段各用自己的传输通道。" : "捆绑组改变：" + afterName + " 捆绑 " + ab + "。",
                    "RFC 9143 §7");
        }
        attributes("session", before.attributes(), after.attributes(), before, after, Set.of("group"));

        Map<String, MediaSection> byMidB = new LinkedHashMap<>(), byMidA = new LinkedHashMap<>();
        boolean mids = before.media().stream().allMatch(m -> m.mid() != null) && after.media().stream().allMatch(m -> m.mid() != null);
        if (mids) {
            before.media().forEach(m -> byMidB.put(m.mid(), m));
            after.media().forEach(m -> byMidA.put(m.mid(), m));
        } else {
            before.media().forEach(m -> byMidB.put("#" + m.index(), m));
            after.media().forEach(m -> byMidA.put("#" + m.index(), m));
        }
        Set<String> keys = new LinkedHashSet<>(byMidB.keySet());
        keys.addAll(byMidA.keySet());
        for (String k : keys) {
            MediaSection b = byMidB.get(k), a = byMidA.get(k);
            if (b == null) {
                add(Dissection.section(after, a.index()), Kind.ADDED, SdpGroup.MEDIA, "m=", "", a.type() + " " + a.direction().sdp(),
                        "A new " + a.type() + " m-section (a new transceiver or data channel).", "新增一个" + a.type() + "媒体段（新的收发器或数据通道）。", "RFC 3264 §8.1");
            } else if (a == null) {
                add(Dissection.section(before, b.index()), Kind.REMOVED, SdpGroup.MEDIA, "m=", b.type() + " " + b.direction().sdp(), "",
                        "This m-section is missing from the " + afterName + ". An answer must have exactly the offer's m-sections; a later offer keeps them and rejects with port 0 instead.",
                        afterName + " 中缺少这个媒体段。应答必须与提议的媒体段一一对应；后续的提议会保留它并用端口 0 拒绝。", "RFC 3264 §6; RFC 3264 §8.2");
            } else {
                media(b, a);
            }
        }
    }

    private void origin() {
        Origin b = before.origin(), a = after.origin();
        if (b == null || a == null) return;
        if (sameSession) {
            boolean newer = !Objects.equals(b.sessionVersion(), a.sessionVersion());
            add("session", newer ? Kind.CHANGED : Kind.INFO, SdpGroup.ORIGIN, "o=", b.sessionVersion(), a.sessionVersion(),
                    "Same session id " + a.sessionId() + ": the same peer. " + (newer ? "The version went from " + b.sessionVersion() + " to " + a.sessionVersion()
                            + ": it changed its description (renegotiation)." : "Same version: nothing was renegotiated."),
                    "会话 ID 相同（" + a.sessionId() + "）：同一个对端。" + (newer ? "版本号从 " + b.sessionVersion() + " 变为 " + a.sessionVersion() + "：它修改了会话描述（重新协商）。" : "版本号相同：没有重新协商。"),
                    "RFC 8866 §5.2");
        } else {
            add("session", Kind.INFO, SdpGroup.ORIGIN, "o=", b.sessionId(), a.sessionId(),
                    "Different session ids: two different peers" + (offerAnswer ? " — " + beforeName + " from the offerer, " + afterName + " from the answerer" : "")
                            + ". Each side picks its own random id.",
                    "会话 ID 不同：来自两个不同的对端" + (offerAnswer ? "——" + beforeName + " 来自提议方，" + afterName + " 来自应答方" : "") + "。每一端自己随机选择会话 ID。",
                    "RFC 8866 §5.2; RFC 9429 §5.2.1");
        }
    }

    private void media(MediaSection b, MediaSection a) {
        String scope = Dissection.section(after, a.index());
        if (b.port() != 0 && a.port() == 0 && !a.bundleOnly()) {
            add(scope, Kind.CHANGED, SdpGroup.MEDIA, "m= port", String.valueOf(b.port()), "0",
                    offerAnswer ? "Rejected: the answer sets the port to 0, so this m-section carries no media." : "Disabled: port 0 stops this m-section.",
                    offerAnswer ? "被拒绝：应答把端口设为 0，这个媒体段不传输媒体。" : "已停用：端口 0 停止了这个媒体段。", "RFC 3264 §6; RFC 3264 §8.2");
        } else if (b.port() == 0 && a.port() != 0 && !b.bundleOnly()) {
            add(scope, Kind.CHANGED, SdpGroup.MEDIA, "m= port", "0", String.valueOf(a.port()),
                    "Re-enabled: the port is no longer 0.", "重新启用：端口不再是 0。", "RFC 3264 §8.1");
        }
        if (b.direction() != a.direction()) direction(scope, b.direction(), a.direction());
        String sb = before.setup(b), sa = after.setup(a);
        if (sb != null && sa != null && !sb.equals(sa)) {
            boolean client = sa.equals("active");
            add(scope, Kind.CHANGED, SdpGroup.DTLS, "a=setup", sb, sa,
                    "actpass".equals(sb) && offerAnswer
                            ? "The offer let the answerer choose the DTLS role; the answerer chose '" + sa + "': the " + afterName + "'s side is the DTLS "
                            + (client ? "client (it sends ClientHello) and the offerer is the server." : "server and the offerer is the client (it sends ClientHello).")
                            : "The DTLS role changed from " + sb + " to " + sa + ".",
                    "actpass".equals(sb) && offerAnswer
                            ? "提议让应答方选择 DTLS 角色；应答方选择了 '" + sa + "'：" + afterName + " 这一端是 DTLS " + (client ? "客户端（发送 ClientHello），提议方是服务器。" : "服务器，提议方是客户端（发送 ClientHello）。")
                            : "DTLS 角色从 " + sb + " 变为 " + sa + "。",
                    "RFC 8842 §5.3; RFC 5763 §5");
        }
        String ub = before.effective(b, "ice-ufrag"), ua = after.effective(a, "ice-ufrag");
        String pb = before.effective(b, "ice-pwd"), pa = after.effective(a, "ice-pwd");
        if (ub != null && ua != null && !ub.equals(ua)) {
            if (sameSession) {
                add(scope, Kind.CHANGED, SdpGroup.ICE, "a=ice-ufrag", ub, ua,
                        "ICE restart: the same peer wrote new ICE credentials (ufrag" + (Objects.equals(pb, pa) ? "" : " and pwd")
                                + "). Candidates are gathered again and connectivity checks start over; the DTLS session and the media continue.",
                        "ICE 重启：同一个对端写了新的 ICE 凭据（ufrag" + (Objects.equals(pb, pa) ? "" : " 和 pwd") + "）。重新收集候选者，重新开始连通性检查；DTLS 会话和媒体继续。",
                        "RFC 8839 §4.4.1.1.1; RFC 9429 §5.2.3.1");
            } else {
                add(scope, Kind.INFO, SdpGroup.ICE, "a=ice-ufrag", ub, ua,
                        "Each peer has its own ICE credentials; checks use 'remote-ufrag:local-ufrag' as STUN username.",
                        "每个对端有自己的 ICE 凭据；检查时用 '对方ufrag:本方ufrag' 作为 STUN 用户名。", "RFC 8839 §5.4");
            }
        }
        String fb = before.effective(b, "fingerprint"), fa = after.effective(a, "fingerprint");
        if (fb != null && fa != null && !fb.equals(fa)) {
            add(scope, sameSession ? Kind.CHANGED : Kind.INFO, SdpGroup.DTLS, "a=fingerprint", shortFp(fb), shortFp(fa),
                    sameSession ? "A new certificate fingerprint: a new DTLS handshake will follow." : "Each peer has its own DTLS certificate, hence its own fingerprint.",
                    sameSession ? "证书指纹变了：将重新进行 DTLS 握手。" : "每个对端有自己的 DTLS 证书，所以指纹不同。", "RFC 8122 §5");
        }
        int cb = b.candidates().size(), ca = a.candidates().size();
        List<String> bundleAfter = after.bundle();
        boolean bundledAway = ca == 0 && cb > 0 && a.mid() != null && bundleAfter.contains(a.mid()) && !bundleAfter.get(0).equals(a.mid())
                && after.media().stream().anyMatch(m -> bundleAfter.get(0).equals(m.mid()) && !m.candidates().isEmpty());
        if (bundledAway) {
            add(scope, Kind.INFO, SdpGroup.ICE, "a=candidate", cb + " candidates", "0 candidates",
                    "No candidates here: this m-section is bundled, so its media uses the transport of mid " + bundleAfter.get(0)
                            + ", the first of the BUNDLE group, and the candidates are written there. (libwebrtc still repeats "
                            + "a=ice-ufrag, a=ice-pwd, a=fingerprint and a=setup in every bundled m-section.)",
                    "这里没有候选者：这个媒体段被捆绑了，它的媒体走 mid " + bundleAfter.get(0) + "（BUNDLE 组的第一个）的传输通道，候选者写在那个媒体段里。（libwebrtc 仍会在每个被捆绑的媒体段里重复 a=ice-ufrag、a=ice-pwd、a=fingerprint 和 a=setup。）",
                    "RFC 9143 §7.1.3, §7.4; RFC 8859");
        } else if (cb != ca) {
            add(scope, Kind.INFO, SdpGroup.ICE, "a=candidate", cb + " candidates", ca + " candidates",
                    "Candidates in the SDP: " + cb + " → " + ca + ". With trickle ICE they usually travel separately (onicecandidate), so an SDP can have none.",
                    "SDP 中的候选者：" + cb + " → " + ca + "。使用 trickle ICE 时它们通常单独发送（onicecandidate），所以 SDP 里可能没有。",
                    "RFC 8839 §5.1; RFC 8840 §4.1.1");
        }
        CodecDiff.compare(this, scope, b, a);
        extmaps(scope, b, a);
        ssrcAttributes(scope, b, a);
        attributes(scope, b.attributes(), a.attributes(), before, after, HANDLED);
    }

    private static final Set<String> HANDLED = Set.of("candidate", "rtpmap", "fmtp", "rtcp-fb", "extmap", "ssrc", "ice-ufrag",
            "ice-pwd", "fingerprint", "setup", "sendrecv", "sendonly", "recvonly", "inactive", "end-of-candidates");

    private void direction(String scope, Direction b, Direction a) {
        String en, zh;
        if (offerAnswer) {
            boolean compatible = a == Direction.INACTIVE || (b == Direction.SENDRECV) || a == b.reverse();
            String will = a.sends() && a.receives() ? "send and receive" : a.sends() ? "only send" : a.receives() ? "only receive" : "neither send nor receive";
            String willZh = a.sends() && a.receives() ? "既发送也接收" : a.sends() ? "只发送" : a.receives() ? "只接收" : "既不发送也不接收";
            en = "The offer said " + b.sdp() + "; the answer says " + a.sdp() + ": the answerer will " + will + " on this m-section"
                    + (a == Direction.RECVONLY ? " (it has no track to send here, like pc2 in the article)." : ".")
                    + (compatible ? "" : " This is not a valid answer to " + b.sdp() + ".");
            zh = "提议是 " + b.sdp() + "；应答是 " + a.sdp() + "：应答方在这个媒体段上" + willZh + "媒体" + (a == Direction.RECVONLY ? "（它这里没有要发送的轨道，就像文章里的 pc2）。" : "。")
                    + (compatible ? "" : "这不是对 " + b.sdp() + " 的合法应答。");
        } else {
            en = "The direction changed from " + b.sdp() + " to " + a.sdp() + (a == Direction.SENDONLY || a == Direction.INACTIVE ? " (for example, putting the call on hold)." : ".");
            zh = "方向从 " + b.sdp() + " 变为 " + a.sdp() + (a == Direction.SENDONLY || a == Direction.INACTIVE ? "（例如把通话置为保持）。" : "。");
        }
        add(scope, Kind.CHANGED, SdpGroup.MEDIA, "direction", b.sdp(), a.sdp(), en, zh, "RFC 3264 §6.1; RFC 8866 §6.7");
    }

    private static String shortFp(String fp) {
        String[] p = fp.strip().split(" +");
        String v = p.length > 1 ? p[1] : p[0];
        return (p.length > 1 ? p[0] + " " : "") + (v.length() > 23 ? v.substring(0, 23) + "…" : v);
    }

    private void extmaps(String scope, MediaSection b, MediaSection a) {
        Map<String, Integer> xb = new LinkedHashMap<>(), xa = new LinkedHashMap<>();
        b.extmaps().forEach(x -> xb.putIfAbsent(x.uri(), x.id()));
        a.extmaps().forEach(x -> xa.putIfAbsent(x.uri(), x.id()));
        for (Map.Entry<String, Integer> e : xb.entrySet()) {
            if (!xa.containsKey(e.getKey())) {
                Explainer.Entry ex = explainLine(before, b, "extmap", e.getKey());
                add(scope, Kind.REMOVED, SdpGroup.RTP_EXTENSIONS, "a=extmap", e.getValue() + " " + e.getKey(), "",
                        (offerAnswer ? "Header extension not accepted by the answer. " : "Header extension gone. ") + (ex == null ? "" : ex.english()),
                        (offerAnswer ? "应答没有接受的头部扩展。" : "不再使用的头部扩展。") + (ex == null ? "" : ex.chinese()), "RFC 8285 §8");
            } else if (!xa.get(e.getKey()).equals(e.getValue())) {
                add(scope, Kind.INFO, SdpGroup.RTP_EXTENSIONS, "a=extmap", e.getValue() + " " + e.getKey(), xa.get(e.getKey()) + " " + e.getKey(),
                        "Same header extension under another id (ids are local names, 1–14 fit the one-byte header).",
                        "同一个头部扩展换了 ID（ID 只是本地名字，1–14 可用一字节头部）。", "RFC 8285 §8");
            }
        }
        for (Map.Entry<String, Integer> e : xa.entrySet()) {
            if (!xb.containsKey(e.getKey())) {
                Explainer.Entry ex = explainLine(after, a, "extmap", e.getKey());
                add(scope, Kind.ADDED, SdpGroup.RTP_EXTENSIONS, "a=extmap", "", e.getValue() + " " + e.getKey(),
                        "New header extension. " + (ex == null ? "" : ex.english()), "新增的头部扩展。" + (ex == null ? "" : ex.chinese()), "RFC 8285 §8");
            }
        }
    }

    private void ssrcAttributes(String scope, MediaSection b, MediaSection a) {
        Set<String> nb = new LinkedHashSet<>(), na = new LinkedHashSet<>();
        b.ssrcs().forEach(s -> nb.add(s.attribute()));
        a.ssrcs().forEach(s -> na.add(s.attribute()));
        Set<String> gone = new LinkedHashSet<>(nb), come = new LinkedHashSet<>(na);
        gone.removeAll(na);
        come.removeAll(nb);
        if (!gone.isEmpty()) {
            boolean legacy = gone.contains("mslabel") || gone.contains("label");
            boolean all = na.isEmpty();
            add(scope, Kind.REMOVED, SdpGroup.STREAMS, "a=ssrc", String.join(", ", gone), "",
                    all ? (offerAnswer ? "The answer lists no SSRCs here: the answerer sends nothing on this m-section." : "No a=ssrc lines any more.")
                            : "a=ssrc attributes gone: " + String.join(", ", gone) + (legacy ? ". mslabel and label were pre-standard Chrome attributes, removed when Unified Plan replaced Plan B; a=msid carries the stream and track." : "."),
                    all ? (offerAnswer ? "应答在这里没有列出 SSRC：应答方不在这个媒体段上发送。" : "不再有 a=ssrc 行。")
                            : "不再出现的 a=ssrc 属性：" + String.join(", ", gone) + (legacy ? "。mslabel 和 label 是 Chrome 早期的非标准属性，Unified Plan 取代 Plan B 后已删除；媒体流和轨道由 a=msid 表示。" : "。"),
                    "RFC 5576 §4.1; RFC 8830 §2");
        }
        if (!come.isEmpty()) {
            add(scope, Kind.ADDED, SdpGroup.STREAMS, "a=ssrc", "", String.join(", ", come),
                    "New a=ssrc attributes: " + String.join(", ", come) + ".", "新增的 a=ssrc 属性：" + String.join(", ", come) + "。", "RFC 5576 §4.1");
        }
    }

    private void attributes(String scope, List<Attribute> lb, List<Attribute> la, ParsedSdp sb, ParsedSdp sa, Set<String> skip) {
        Map<String, List<String>> vb = new LinkedHashMap<>(), va = new LinkedHashMap<>();
        Map<String, Attribute> firstB = new HashMap<>(), firstA = new HashMap<>();
        for (Attribute x : lb) {
            if (skip.contains(x.name())) continue;
            vb.computeIfAbsent(x.name(), k -> new ArrayList<>()).add(x.value() == null ? "" : x.value().strip());
            firstB.putIfAbsent(x.name(), x);
        }
        for (Attribute x : la) {
            if (skip.contains(x.name())) continue;
            va.computeIfAbsent(x.name(), k -> new ArrayList<>()).add(x.value() == null ? "" : x.value().strip());
            firstA.putIfAbsent(x.name(), x);
        }
        for (String n : vb.keySet()) {
            if (!va.containsKey(n)) {
                Explainer.Entry e = explainAttribute(sb, firstB.get(n));
                add(scope, Kind.REMOVED, e.group(), "a=" + n, String.join(" | ", vb.get(n)), "",
                        "Gone: " + e.english(), "不再出现：" + e.chinese(), e.reference());
            } else if (!vb.get(n).equals(va.get(n)) && !n.equals("msid") && !n.equals("mid") && (sameSession || !RANDOM.contains(n))) {
                Explainer.Entry e = explainAttribute(sa, firstA.get(n));
                add(scope, Kind.CHANGED, e.group(), "a=" + n, String.join(" | ", vb.get(n)), String.join(" | ", va.get(n)),
                        "Changed. Now: " + e.english(), "已改变。现在：" + e.chinese(), e.reference());
            }
        }
        for (String n : va.keySet()) {
            if (!vb.containsKey(n)) {
                Explainer.Entry e = explainAttribute(sa, firstA.get(n));
                add(scope, Kind.ADDED, e.group(), "a=" + n, "", String.join(" | ", va.get(n)),
                        "New: " + e.english(), "新增：" + e.chinese(), e.reference());
            }
        }
    }

    /** Attributes whose values are random per session: a difference between two sessions says nothing. */
    private static final Set<String> RANDOM = Set.of("ssrc-group", "tls-id");

    private static Explainer.Entry explainAttribute(ParsedSdp sdp, Attribute a) {
        for (SdpLine l : sdp.lines()) if (l.number() == a.line()) return Explainer.explain(l, sdp);
        return Explainer.explain(new SdpLine(a.line(), 'a', a.text(), "a=" + a.text(), -1), sdp);
    }

    private static Explainer.Entry explainLine(ParsedSdp sdp, MediaSection m, String name, String contains) {
        for (Attribute a : m.attributes(name)) if (a.value() != null && a.value().contains(contains)) return explainAttribute(sdp, a);
        return null;
    }

    // ------------------------------------------------------------------ rendering

    @Override
    public String toHtml() {
        return SdpDiffView.html(this);
    }

    @Override
    public String toText() {
        return SdpDiffView.text(this);
    }

    /** The relation and the counts, e.g. {@code offer → answer (offer → answer): 0 added, 5 removed, …}. */
    String heading() {
        String rel = offerAnswer ? "offer → answer" : sameSession ? "same session, later version" : "two different sessions";
        return beforeName + " → " + afterName + " (" + rel + "): " + changes(Kind.ADDED).size() + " added, " + changes(Kind.REMOVED).size()
                + " removed, " + changes(Kind.CHANGED).size() + " changed, " + changes(Kind.INFO).size() + " notes";
    }

    String beforeName() {
        return beforeName;
    }

    String afterName() {
        return afterName;
    }

    @Override
    public String toString() {
        return toText();
    }
}

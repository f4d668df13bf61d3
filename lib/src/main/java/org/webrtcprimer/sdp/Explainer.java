package org.webrtcprimer.sdp;

import org.webrtcprimer.ice.Candidate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The kit's SDP knowledge: for one line, its group, its fields and a plain explanation in
 * English and Chinese with the RFC section that defines it. Explanations use the line's own
 * values ("payload type 111 is Opus …"), so a learner reads about this SDP, not SDP in general.
 */
final class Explainer {
    private Explainer() {}

    /** The explanation of one line. */
    record Entry(SdpGroup group, String key, Map<String, String> fields, String english, String chinese, String reference) {}

    static Entry explain(SdpLine line, ParsedSdp sdp) {
        MediaSection m = line.media() >= 0 && line.media() < sdp.media().size() ? sdp.media().get(line.media()) : null;
        try {
            return switch (line.type()) {
                case 'v' -> e(SdpGroup.SESSION, "v=", f("version", line.value()),
                        "Protocol version. SDP has only ever had version 0.",
                        "协议版本。SDP 只有版本 0。", "RFC 8866 §5.1");
                case 'o' -> origin(line);
                case 's' -> "-".equals(line.value().strip())
                        ? e(SdpGroup.SESSION, "s=", f("name", line.value()),
                        "Session name. WebRTC has no use for it and writes a single '-'.",
                        "会话名称。WebRTC 用不到它，只写一个 '-'。", "RFC 8866 §5.3; RFC 9429 §5.2.1")
                        : e(SdpGroup.SESSION, "s=", f("name", line.value()),
                        "Session name: '" + line.value() + "'. Free text for humans; it does not change the media.",
                        "会话名称：'" + line.value() + "'。给人看的文字，不影响媒体。", "RFC 8866 §5.3");
                case 'i' -> e(SdpGroup.SESSION, "i=", f("information", line.value()),
                        "Free-text information about the " + (m == null ? "session" : "media") + ".",
                        (m == null ? "会话" : "媒体") + "的说明文字。", "RFC 8866 §5.4");
                case 'u' -> e(SdpGroup.SESSION, "u=", f("uri", line.value()),
                        "A web address with more information about the session.", "会话的详细信息网址。", "RFC 8866 §5.5");
                case 'e' -> e(SdpGroup.SESSION, "e=", f("email", line.value()),
                        "E-mail address of the person responsible for the session.", "会话负责人的电子邮件地址。", "RFC 8866 §5.6");
                case 'p' -> e(SdpGroup.SESSION, "p=", f("phone", line.value()),
                        "Phone number of the person responsible for the session.", "会话负责人的电话号码。", "RFC 8866 §5.6");
                case 'c' -> connection(line, m);
                case 'b' -> bandwidth(line, m);
                case 't' -> timing(line);
                case 'r' -> e(SdpGroup.TIMING, "r=", f("repeat", line.value()),
                        "Repeat times for a scheduled session (interval, duration, offsets).",
                        "定期会话的重复时间（间隔、时长、偏移）。", "RFC 8866 §5.10");
                case 'z' -> e(SdpGroup.TIMING, "z=", f("adjustments", line.value()),
                        "Time zone adjustments for repeated sessions (daylight saving).",
                        "重复会话的时区调整（夏令时）。", "RFC 8866 §5.11");
                case 'k' -> e(SdpGroup.DTLS, "k=", f("key", line.value()),
                        "Encryption key in clear text: obsolete and insecure; JSEP forbids it.",
                        "明文加密密钥：已过时且不安全，JSEP 禁止使用。", "RFC 8866 §5.12; RFC 9429 §5.2.1");
                case 'm' -> media(line, m);
                case 'a' -> attribute(line, sdp, m);
                case '?' -> e(SdpGroup.OTHER, "?", Map.of(),
                        "Not an SDP line (SDP lines look like 'x=value'); ignored.",
                        "不是 SDP 行（SDP 行的格式是 'x=值'），已忽略。", "RFC 8866 §5");
                default -> e(SdpGroup.OTHER, line.type() + "=", f("value", line.value()),
                        "Unknown line type '" + line.type() + "='. RFC 8866 says a parser must ignore or reject a description containing it.",
                        "未知的行类型 '" + line.type() + "='。RFC 8866 规定解析器应忽略或拒绝含有它的会话描述。", "RFC 8866 §5");
            };
        } catch (RuntimeException ex) {
            // A malformed line (the parser has already warned about it): explain that, never fail the view.
            String why = ex instanceof IllegalArgumentException && ex.getMessage() != null ? ex.getMessage() : "a field is missing";
            return e(SdpGroup.OTHER, key(line), f("value", line.value()),
                    "This line could not be read: " + why + ".",
                    "这一行无法解析：" + why + "。", "RFC 8866 §5");
        }
    }

    private static String key(SdpLine l) {
        if (l.type() != 'a') return l.type() + "=";
        int c = l.value().indexOf(':');
        return "a=" + (c < 0 ? l.value() : l.value().substring(0, c));
    }

    // ------------------------------------------------------------------ session lines

    private static Entry origin(SdpLine l) {
        String[] p = l.value().strip().split(" +");
        Map<String, String> f = new LinkedHashMap<>();
        String[] names = {"username", "sess-id", "sess-version", "nettype", "addrtype", "unicast-address"};
        for (int i = 0; i < names.length && i < p.length; i++) f.put(names[i], p[i]);
        String user = p.length > 0 ? p[0] : "", id = p.length > 1 ? p[1] : "?", ver = p.length > 2 ? p[2] : "?";
        String addr = p.length > 5 ? p[5] : "?";
        String who = user.equals("-") ? "no user name ('-')" : user.startsWith("mozilla") ? "Firefox's signature '" + user + "'" : "user '" + user + "'";
        String whoZh = user.equals("-") ? "没有用户名（'-'）" : user.startsWith("mozilla") ? "Firefox 的标识 '" + user + "'" : "用户名 '" + user + "'";
        boolean placeholder = addr.equals("127.0.0.1") || addr.equals("0.0.0.0");
        return e(SdpGroup.ORIGIN, "o=", f,
                "Origin: " + who + "; session id " + id + " (random, stays the same for the whole session); version " + ver
                        + " (goes up each time this side changes its description, e.g. on renegotiation); address " + addr
                        + (placeholder ? " is a placeholder, so the real IP does not leak." : "."),
                "会话发起者：" + whoZh + "；会话 ID " + id + "（随机数，在整个会话中保持不变）；版本号 " + ver
                        + "（这一端每次修改会话描述时加一，比如重新协商）；地址 " + addr + (placeholder ? " 只是占位符，避免泄露真实 IP。" : "。"),
                "RFC 8866 §5.2; RFC 9429 §5.2.1");
    }

    private static Entry connection(SdpLine l, MediaSection m) {
        String[] p = l.value().strip().split(" +");
        Map<String, String> f = new LinkedHashMap<>();
        if (p.length > 0) f.put("nettype", p[0]);
        if (p.length > 1) f.put("addrtype", p[1]);
        if (p.length > 2) f.put("connection-address", p[2]);
        String addr = p.length > 2 ? p[2] : "?";
        if (addr.startsWith("0.0.0.0") || addr.equals("::")) {
            return e(SdpGroup.CONNECTION, "c=", f,
                    "Connection address " + addr + ": 'not known yet'. In WebRTC the real addresses come from the ICE candidates; this line is kept for compatibility.",
                    "连接地址 " + addr + "：表示“暂时未知”。WebRTC 的真实地址来自 ICE 候选者，这一行只为兼容而保留。",
                    "RFC 8866 §5.7; RFC 9429 §5.2.1");
        }
        boolean multicast = addr.contains("/");
        return e(SdpGroup.CONNECTION, "c=", f,
                "Connection address: media for " + (m == null ? "every m-section without its own c=" : "this m-section") + " goes to " + addr
                        + (multicast ? " (multicast address with TTL/count)." : ". With ICE, this is the default candidate's address."),
                "连接地址：" + (m == null ? "没有自己 c= 行的媒体" : "这个媒体") + "发往 " + addr
                        + (multicast ? "（多播地址，带 TTL/数量）。" : "。使用 ICE 时，这是默认候选者的地址。"),
                "RFC 8866 §5.7");
    }

    private static Entry bandwidth(SdpLine l, MediaSection m) {
        String v = l.value();
        int c = v.indexOf(':');
        String type = c < 0 ? v : v.substring(0, c), val = c < 0 ? "?" : v.substring(c + 1);
        String unit = type.equals("TIAS") ? "bit/s" : "kbit/s";
        String meaning = switch (type) {
            case "AS" -> "application-specific maximum";
            case "CT" -> "conference total";
            case "TIAS" -> "transport-independent maximum (RFC 3890)";
            case "RS", "RR" -> "RTCP bandwidth for " + (type.equals("RS") ? "senders" : "receivers") + " (RFC 3556)";
            default -> "bandwidth";
        };
        return e(SdpGroup.CONNECTION, "b=", f("bwtype", type, "bandwidth", val),
                "Bandwidth " + type + " (" + meaning + "): " + val + " " + unit + (m == null ? " for the whole session." : " for this m-section."),
                "带宽 " + type + "：" + val + " " + unit + (m == null ? "，针对整个会话。" : "，针对这个媒体。"),
                "RFC 8866 §5.8");
    }

    private static Entry timing(SdpLine l) {
        String[] p = l.value().strip().split(" +");
        Map<String, String> f = f("start-time", p.length > 0 ? p[0] : "?", "stop-time", p.length > 1 ? p[1] : "?");
        if (l.value().strip().equals("0 0")) {
            return e(SdpGroup.TIMING, "t=", f,
                    "Start and stop time '0 0': the session is not bounded in time. WebRTC always writes this.",
                    "开始和结束时间为 '0 0'：会话没有时间限制。WebRTC 总是这样写。", "RFC 8866 §5.9; RFC 9429 §5.2.1");
        }
        return e(SdpGroup.TIMING, "t=", f,
                "Start and stop time of the session, in NTP seconds (since 1900).",
                "会话的开始和结束时间，单位是 NTP 秒（从 1900 年起）。", "RFC 8866 §5.9");
    }

    private static Entry media(SdpLine l, MediaSection m) {
        String[] p = l.value().strip().split(" +");
        Map<String, String> f = new LinkedHashMap<>();
        if (p.length > 0) f.put("media", p[0]);
        if (p.length > 1) f.put("port", p[1]);
        if (p.length > 2) f.put("proto", p[2]);
        if (p.length > 3) f.put("fmt", String.join(" ", java.util.Arrays.copyOfRange(p, 3, p.length)));
        String type = p.length > 0 ? p[0] : "?", proto = p.length > 2 ? p[2] : "?";
        int index = m == null ? 0 : m.index();
        String port = p.length > 1 ? p[1] : "?";
        String portEn, portZh;
        if (port.equals("0")) {
            boolean bundleOnly = m != null && m.bundleOnly();
            portEn = bundleOnly ? "port 0 with bundle-only: it will only be used inside the BUNDLE"
                    : "port 0: this m-section is rejected (in an answer) or disabled";
            portZh = bundleOnly ? "端口 0 且 bundle-only：只在捆绑中使用" : "端口 0：这个媒体被拒绝（在应答中）或已停用";
        } else if (port.equals("9")) {
            portEn = "port 9 (the 'discard' port): a placeholder until ICE candidates give real ports";
            portZh = "端口 9（discard 端口）：占位符，真实端口由 ICE 候选者给出";
        } else {
            portEn = "port " + port;
            portZh = "端口 " + port;
        }
        String[] pr = protocol(proto);
        String fmts = p.length > 3 ? String.join(" ", java.util.Arrays.copyOfRange(p, 3, p.length)) : "";
        boolean rtp = proto.contains("RTP");
        String kindZh = switch (type) {
            case "audio" -> "音频";
            case "video" -> "视频";
            case "application" -> "应用数据";
            default -> type;
        };
        return e(SdpGroup.MEDIA, "m=", f,
                "Media section #" + index + ": " + type + ", " + portEn + ", protocol " + proto + " (" + pr[0] + ")"
                        + (rtp ? "; payload types in order of preference: " + fmts + "." : "; format " + fmts + "."),
                "第 " + index + " 个媒体段：" + kindZh + "，" + portZh + "，协议 " + proto + "（" + pr[1] + "）"
                        + (rtp ? "；负载类型按优先顺序：" + fmts + "。" : "；格式 " + fmts + "。"),
                "RFC 8866 §5.14" + (pr[2].isEmpty() ? "" : "; " + pr[2]));
    }

    private static String[] protocol(String proto) {
        return switch (proto) {
            case "UDP/TLS/RTP/SAVPF" -> new String[]{"RTP over UDP, encrypted as SRTP with keys from a DTLS handshake, with RTCP feedback",
                    "基于 UDP 的 RTP，用 DTLS 握手得到的密钥加密成 SRTP，并带 RTCP 反馈", "RFC 5764 §8"};
            case "TCP/DTLS/RTP/SAVPF" -> new String[]{"DTLS-SRTP over TCP (ICE-TCP), with RTCP feedback",
                    "基于 TCP 的 DTLS-SRTP（ICE-TCP），带 RTCP 反馈", "RFC 7850"};
            case "RTP/SAVPF" -> new String[]{"secure RTP (SRTP) with RTCP feedback", "安全 RTP（SRTP），带 RTCP 反馈", "RFC 5124"};
            case "RTP/SAVP" -> new String[]{"secure RTP (SRTP)", "安全 RTP（SRTP）", "RFC 3711"};
            case "RTP/AVPF" -> new String[]{"plain RTP with RTCP feedback", "不加密的 RTP，带 RTCP 反馈", "RFC 4585 §9"};
            case "RTP/AVP" -> new String[]{"plain, unencrypted RTP (classic SIP and RTSP)", "不加密的普通 RTP（传统 SIP 和 RTSP）", "RFC 3551"};
            case "UDP/DTLS/SCTP" -> new String[]{"SCTP inside DTLS over UDP: the WebRTC data channel", "UDP 上的 DTLS 再承载 SCTP：WebRTC 数据通道", "RFC 8841 §4.2.2"};
            case "TCP/DTLS/SCTP" -> new String[]{"SCTP inside DTLS over TCP", "TCP 上的 DTLS 再承载 SCTP", "RFC 8841 §4.2.2"};
            case "DTLS/SCTP" -> new String[]{"the older data channel syntax (before RFC 8841)", "旧版数据通道写法（RFC 8841 之前）", "draft-ietf-mmusic-sctp-sdp-05"};
            default -> new String[]{"a transport this kit does not describe", "本工具未收录的传输协议", ""};
        };
    }

    // ------------------------------------------------------------------ attributes

    private static Entry attribute(SdpLine l, ParsedSdp sdp, MediaSection m) {
        String v = l.value();
        int c = v.indexOf(':');
        String name = c < 0 ? v : v.substring(0, c);
        String val = c < 0 ? null : v.substring(c + 1);
        String key = "a=" + name;
        String where = m == null ? "all m-sections (session level)" : "this m-section";
        String whereZh = m == null ? "所有媒体段（会话级）" : "这个媒体段";
        switch (name) {
            case "group": {
                Attributes.Group g = Attributes.Group.parse(val);
                Map<String, String> f = f("semantics", g.semantics(), "mids", String.join(" ", g.mids()));
                return switch (g.semantics()) {
                    case "BUNDLE" -> e(SdpGroup.BUNDLING, key, f,
                            "BUNDLE group: the m-sections " + g.mids() + " share one transport — one ICE connection, one DTLS handshake, one port — instead of one each.",
                            "捆绑（BUNDLE）组：媒体段 " + g.mids() + " 共用一个传输通道——一个 ICE 连接、一次 DTLS 握手、一个端口，而不是各用一个。",
                            "RFC 5888 §5; RFC 9143 §7");
                    case "LS" -> e(SdpGroup.BUNDLING, key, f,
                            "Lip-sync group: play the m-sections " + g.mids() + " in sync.",
                            "唇音同步组：媒体段 " + g.mids() + " 需要同步播放。", "RFC 5888 §7");
                    case "FID" -> e(SdpGroup.BUNDLING, key, f,
                            "Flow identification group: the m-sections " + g.mids() + " carry one flow.",
                            "流标识组：媒体段 " + g.mids() + " 属于同一个流。", "RFC 5888 §8");
                    default -> e(SdpGroup.BUNDLING, key, f,
                            "Group of m-sections " + g.mids() + " with semantics '" + g.semantics() + "'.",
                            "媒体段分组 " + g.mids() + "，语义为 '" + g.semantics() + "'。", "RFC 5888 §5");
                };
            }
            case "mid":
                return e(SdpGroup.BUNDLING, key, f("mid", val),
                        "Media id '" + val.strip() + "': the name of this m-section. BUNDLE groups list it, and the MID RTP header extension uses it to route packets to the right transceiver.",
                        "媒体标识 '" + val.strip() + "'：这个媒体段的名字。BUNDLE 组引用它，MID RTP 头部扩展用它把包分发到正确的收发器。",
                        "RFC 5888 §4; RFC 9143 §15.2");
            case "bundle-only":
                return e(SdpGroup.BUNDLING, key, Map.of(),
                        "Use this m-section only if the answerer accepts BUNDLE (its port is 0 until then).",
                        "只有对方接受捆绑时才使用这个媒体段（在此之前端口为 0）。", "RFC 9143 §6");
            case "msid-semantic": {
                String s = val == null ? "" : val.strip();
                String[] p = s.split(" +");
                return e(SdpGroup.STREAMS, key, f("semantic", p[0], "stream ids", p.length > 1 ? String.join(" ", java.util.Arrays.copyOfRange(p, 1, p.length)) : ""),
                        "Legacy line from a draft of the msid RFC: 'WMS' (WebRTC MediaStream) lists the stream ids used in this SDP ('*' = any). RFC 8830 dropped it, but libwebrtc and Firefox still write it.",
                        "来自 msid 草案的遗留行：'WMS'（WebRTC 媒体流）列出这个 SDP 用到的流 ID（'*' 表示任意）。RFC 8830 已删除它，但 libwebrtc 和 Firefox 仍然会写。",
                        "draft-ietf-mmusic-msid (before RFC 8830)");
            }
            case "extmap-allow-mixed":
                return e(SdpGroup.RTP_EXTENSIONS, key, Map.of(),
                        "One-byte and two-byte RTP header extensions may be mixed in the same stream (needed for IDs above 14 or long values).",
                        "同一个流中可以混用一字节和两字节的 RTP 头部扩展（ID 大于 14 或值较长时需要）。", "RFC 8285 §6");
            case "extmap":
                return extmap(key, val);
            case "ice-lite":
                return e(SdpGroup.ICE, key, Map.of(),
                        "This peer is an ICE lite agent (typically a server with a public address): it only answers connectivity checks and never starts them; the other side controls ICE.",
                        "对方是 ICE lite 代理（通常是有公网地址的服务器）：只应答连通性检查、从不主动检查，由另一端控制 ICE。",
                        "RFC 8839 §5.3; RFC 8445 §2.5");
            case "ice-ufrag":
                return e(SdpGroup.ICE, key, f("ufrag", val),
                        "ICE username fragment '" + val.strip() + "' for " + where + ". Connectivity checks use 'remote-ufrag:local-ufrag' as STUN username. A new value in a later offer means an ICE restart.",
                        "ICE 用户名片段 '" + val.strip() + "'，作用于" + whereZh + "。连通性检查用 '对方ufrag:本方ufrag' 作为 STUN 用户名。之后的 offer 里换了新值就表示 ICE 重启。",
                        "RFC 8839 §5.4");
            case "ice-pwd":
                return e(SdpGroup.ICE, key, f("password", val),
                        "ICE password (" + val.strip().length() + " characters, at least 22): the key for the STUN message integrity of checks sent to this peer. Secret, but only useful for this session.",
                        "ICE 密码（" + val.strip().length() + " 个字符，至少 22 个）：发给这一端的 STUN 检查用它做消息完整性校验。它是保密的，但只对本次会话有效。",
                        "RFC 8839 §5.4");
            case "ice-options":
                return iceOptions(key, val);
            case "ice-pacing":
                return e(SdpGroup.ICE, key, f("pacing", val),
                        "Minimum time in ms between two ICE checks this peer sends.", "这一端发出两次 ICE 检查之间的最小间隔（毫秒）。", "RFC 8839 §5.5");
            case "remote-candidates":
                return e(SdpGroup.ICE, key, f("candidates", val),
                        "The remote candidates the controlling agent selected.", "控制方选定的对方候选者。", "RFC 8839 §5.2");
            case "candidate":
                return candidate(key, val);
            case "end-of-candidates":
                return e(SdpGroup.ICE, key, Map.of(),
                        "No more candidates will follow for " + where + ": gathering is complete.",
                        "不会再有新的候选者：" + whereZh + "的候选者收集已完成。", "RFC 8840 §8.2");
            case "fingerprint": {
                Attributes.Fingerprint fp = Attributes.Fingerprint.parse(val);
                return e(SdpGroup.DTLS, key, f("hash", fp.hashFunction(), "fingerprint", fp.fingerprint()),
                        "Fingerprint (" + fp.hashFunction() + ", " + fp.bytes() + " bytes) of the certificate this peer will show in the DTLS handshake. The handshake only succeeds if the certificate matches — this ties the encryption keys to this SDP.",
                        "指纹（" + fp.hashFunction() + "，" + fp.bytes() + " 字节）：这一端在 DTLS 握手中出示的证书的摘要。证书与指纹一致握手才成功——这把加密密钥和这份 SDP 绑定在一起。",
                        "RFC 8122 §5; RFC 5763 §5");
            }
            case "setup":
                return setup(key, val == null ? "" : val.strip());
            case "tls-id":
                return e(SdpGroup.DTLS, key, f("id", val),
                        "Identifies the DTLS association; a new value means a new DTLS handshake.", "标识 DTLS 关联；值变化表示要重新进行 DTLS 握手。", "RFC 8842 §4");
            case "crypto": {
                Attributes.Crypto cr = Attributes.Crypto.parse(val);
                return e(SdpGroup.DTLS, key, f("tag", String.valueOf(cr.tag()), "suite", cr.suite(), "key-params", cr.keyParams()),
                        "SDES: the SRTP key (" + cr.suite() + ") written in the SDP itself, readable by anyone who sees the signaling. Classic SIP uses it; WebRTC forbids it and uses DTLS-SRTP (a=fingerprint) instead.",
                        "SDES：SRTP 密钥（" + cr.suite() + "）直接写在 SDP 里，任何能看到信令的人都能读到。传统 SIP 使用它；WebRTC 禁止使用，改用 DTLS-SRTP（a=fingerprint）。",
                        "RFC 4568 §9.1; RFC 8827");
            }
            case "sendrecv", "sendonly", "recvonly", "inactive":
                return direction(name, m, sdp);
            case "rtpmap":
                return rtpmap(key, val);
            case "fmtp":
                return fmtp(key, val, m);
            case "rtcp-fb":
                return rtcpFb(key, val);
            case "ptime":
                return e(SdpGroup.CODECS, key, f("ptime", val),
                        "Preferred audio packet duration: " + val.strip() + " ms of audio per RTP packet.",
                        "首选的音频包时长：每个 RTP 包含 " + val.strip() + " 毫秒音频。", "RFC 8866 §6.4");
            case "maxptime":
                return e(SdpGroup.CODECS, key, f("maxptime", val),
                        "Longest audio packet this side accepts: " + val.strip() + " ms.",
                        "这一端能接受的最长音频包：" + val.strip() + " 毫秒。", "RFC 8866 §6.5");
            case "framerate":
                return e(SdpGroup.CODECS, key, f("framerate", val),
                        "Maximum video frame rate: " + val.strip() + " frames per second.",
                        "最大视频帧率：每秒 " + val.strip() + " 帧。", "RFC 8866 §6.13");
            case "rtcp": {
                Attributes.Rtcp r = Attributes.Rtcp.parse(val);
                return e(SdpGroup.RTCP, key, f("port", String.valueOf(r.port()), "address", r.address() == null ? "" : r.address()),
                        "RTCP port " + r.port() + (r.address() == null ? "" : " at " + r.address())
                                + ". With rtcp-mux (always in WebRTC) RTCP shares the RTP port and this line only serves old endpoints.",
                        "RTCP 端口 " + r.port() + (r.address() == null ? "" : "，地址 " + r.address())
                                + "。使用 rtcp-mux 时（WebRTC 总是如此）RTCP 与 RTP 共用端口，这一行只为兼容旧设备。",
                        "RFC 3605 §2.1");
            }
            case "rtcp-mux":
                return e(SdpGroup.RTCP, key, Map.of(),
                        "RTP and RTCP share one port (multiplexed), so ICE needs only one component.",
                        "RTP 和 RTCP 复用同一个端口，因此 ICE 只需要一个组件。", "RFC 5761 §5.1.3");
            case "rtcp-mux-only":
                return e(SdpGroup.RTCP, key, Map.of(),
                        "RTP/RTCP multiplexing is required: the offerer will not fall back to separate ports.",
                        "必须复用 RTP/RTCP：发起方不会退回使用分开的端口。", "RFC 8858 §3");
            case "rtcp-rsize":
                return e(SdpGroup.RTCP, key, Map.of(),
                        "Reduced-size RTCP is allowed: feedback packets (NACK, PLI …) may be sent alone, without a full report, so they go out sooner.",
                        "允许精简 RTCP：反馈包（NACK、PLI 等）可以单独发送而不带完整报告，从而更快发出。", "RFC 5506 §5");
            case "msid": {
                Attributes.Msid ms = Attributes.Msid.parse(val);
                boolean none = ms.streamId().equals("-");
                return e(SdpGroup.STREAMS, key, f("stream id", ms.streamId(), "track id", ms.trackId() == null ? "" : ms.trackId()),
                        (none ? "The track of this m-section belongs to no MediaStream ('-')" : "The track of this m-section belongs to MediaStream '" + ms.streamId() + "'")
                                + (ms.trackId() == null ? "." : "; track id '" + ms.trackId() + "'. The receiver uses this to build the remote stream (the 'track' event's streams)."),
                        (none ? "这个媒体段的轨道不属于任何媒体流（'-'）" : "这个媒体段的轨道属于媒体流 '" + ms.streamId() + "'")
                                + (ms.trackId() == null ? "。" : "；轨道 ID '" + ms.trackId() + "'。接收方据此组装远端媒体流（track 事件里的 streams）。"),
                        "RFC 8830 §2");
            }
            case "ssrc":
                return ssrc(key, val);
            case "ssrc-group":
                return ssrcGroup(key, val);
            case "rid": {
                Attributes.Rid r = Attributes.Rid.parse(val);
                String restr = r.restrictions().isEmpty() && r.payloadTypes().isEmpty() ? "" : " with restrictions "
                        + (r.payloadTypes().isEmpty() ? "" : "pt=" + String.join(",", r.payloadTypes()) + " ") + r.restrictions();
                return e(SdpGroup.SIMULCAST, key, f("rid", r.id(), "direction", r.direction()),
                        "RTP stream identifier '" + r.id() + "': names one " + (r.direction().equals("send") ? "outgoing" : "incoming") + " encoding (one simulcast layer)" + restr + ". Packets carry it in the RID header extension.",
                        "RTP 流标识 '" + r.id() + "'：命名一个" + (r.direction().equals("send") ? "发送" : "接收") + "编码（一个联播层）" + restr + "。数据包通过 RID 头部扩展携带它。",
                        "RFC 8851 §4");
            }
            case "simulcast": {
                Attributes.Simulcast s = Attributes.Simulcast.parse(val);
                return e(SdpGroup.SIMULCAST, key, f("send", layers(s.send()), "recv", layers(s.recv())),
                        (s.send().isEmpty() ? "" : "Sends " + s.send().size() + " simulcast streams (" + layers(s.send()) + "), the same video at different qualities, so a server can forward the one each viewer can take. ")
                                + (s.recv().isEmpty() ? "" : "Receives " + s.recv().size() + " simulcast streams (" + layers(s.recv()) + "). ")
                                + "'~' marks a paused stream.",
                        (s.send().isEmpty() ? "" : "发送 " + s.send().size() + " 路联播流（" + layers(s.send()) + "）：同一视频的不同质量，服务器可以按每个观看者的条件转发其中一路。")
                                + (s.recv().isEmpty() ? "" : "接收 " + s.recv().size() + " 路联播流（" + layers(s.recv()) + "）。")
                                + "'~' 表示暂停的流。",
                        "RFC 8853 §5.1");
            }
            case "sctp-port":
                return e(SdpGroup.DATA_CHANNEL, key, f("port", val),
                        "SCTP port " + val.strip() + " inside the DTLS connection (5000 by convention; it is not a UDP port).",
                        "DTLS 连接内部的 SCTP 端口 " + val.strip() + "（惯例为 5000，它不是 UDP 端口）。", "RFC 8841 §5.1");
            case "max-message-size":
                return e(SdpGroup.DATA_CHANNEL, key, f("bytes", val),
                        "Largest data channel message this side can receive: " + val.strip() + " bytes (0 = no limit).",
                        "这一端能接收的最大数据通道消息：" + val.strip() + " 字节（0 表示不限）。", "RFC 8841 §6.1");
            case "sctpmap": {
                Attributes.SctpMap s = Attributes.SctpMap.parse(val);
                return e(SdpGroup.DATA_CHANNEL, key, f("port", String.valueOf(s.port()), "protocol", s.protocol(), "streams", s.streams() == null ? "" : String.valueOf(s.streams())),
                        "Older data channel syntax (before RFC 8841): SCTP port " + s.port() + ", protocol " + s.protocol() + (s.streams() == null ? "." : ", up to " + s.streams() + " streams."),
                        "旧版数据通道写法（RFC 8841 之前）：SCTP 端口 " + s.port() + "，协议 " + s.protocol() + (s.streams() == null ? "。" : "，最多 " + s.streams() + " 个流。"),
                        "draft-ietf-mmusic-sctp-sdp-05 §5");
            }
            case "tool":
                return e(SdpGroup.SESSION, key, f("tool", val),
                        "The program that made this description: " + val + ".", "生成这份会话描述的程序：" + val + "。", "RFC 8866 §6.3");
            case "identity":
                return e(SdpGroup.DTLS, key, f("assertion", val),
                        "WebRTC identity assertion binding the DTLS fingerprint to a user identity.", "WebRTC 身份断言，把 DTLS 指纹与用户身份绑定。", "RFC 8827");
            default:
                return e(SdpGroup.OTHER, key, val == null ? Map.of() : f("value", val),
                        "Attribute '" + name + "' is not in this kit's catalogue; it is kept as written. Receivers ignore attributes they do not know.",
                        "本工具未收录属性 '" + name + "'，按原样保留。接收方会忽略不认识的属性。", "RFC 8866 §5.13");
        }
    }

    private static String layers(List<List<Attributes.SimulcastStream>> l) {
        StringBuilder b = new StringBuilder();
        for (List<Attributes.SimulcastStream> alts : l) {
            if (b.length() > 0) b.append(';');
            for (int i = 0; i < alts.size(); i++) {
                if (i > 0) b.append(',');
                b.append(alts.get(i).paused() ? "~" : "").append(alts.get(i).rid());
            }
        }
        return b.toString();
    }

    private static Entry direction(String name, MediaSection m, ParsedSdp sdp) {
        String where = m == null ? "every m-section that has no direction of its own" : "this m-section";
        String whereZh = m == null ? "没有自己方向属性的所有媒体段" : "这个媒体段";
        String[] t = switch (name) {
            case "sendrecv" -> new String[]{"sends and receives media", "既发送也接收媒体"};
            case "sendonly" -> new String[]{"only sends media (it has a track to send, and wants none back)", "只发送媒体（有轨道要发，不需要接收）"};
            case "recvonly" -> new String[]{"only receives media (it has no track to send here)", "只接收媒体（这里没有要发送的轨道）"};
            default -> new String[]{"neither sends nor receives (the m-section is on hold or unused)", "既不发送也不接收（媒体暂停或未使用）"};
        };
        return e(SdpGroup.MEDIA, "a=" + name, Map.of(),
                "Direction, seen from the side that wrote this SDP: for " + where + " it " + t[0]
                        + ". An answer mirrors the offer: sendonly is answered by recvonly or inactive, recvonly by sendonly or inactive.",
                "方向，从写这份 SDP 的一方来看：" + whereZh + t[1] + "。应答与提议对应：sendonly 的应答是 recvonly 或 inactive，recvonly 的应答是 sendonly 或 inactive。",
                "RFC 8866 §6.7; RFC 3264 §6.1");
    }

    private static Entry setup(String key, String v) {
        String[] t = switch (v) {
            case "actpass" -> new String[]{"'actpass': this side can be either DTLS client or server and lets the answerer choose. An offer must say actpass.",
                    "'actpass'：这一端既可以做 DTLS 客户端也可以做服务器，由应答方决定。offer 中必须写 actpass。"};
            case "active" -> new String[]{"'active': this side is the DTLS client — it sends the first handshake message (ClientHello).",
                    "'active'：这一端是 DTLS 客户端，由它发出第一个握手消息（ClientHello）。"};
            case "passive" -> new String[]{"'passive': this side is the DTLS server — it waits for the peer's ClientHello.",
                    "'passive'：这一端是 DTLS 服务器，等待对方的 ClientHello。"};
            case "holdconn" -> new String[]{"'holdconn': do not set up the connection yet.", "'holdconn'：暂时不建立连接。"};
            default -> new String[]{"'" + v + "'", "'" + v + "'"};
        };
        return e(SdpGroup.DTLS, key, f("role", v), "DTLS role " + t[0], "DTLS 角色 " + t[1], "RFC 4145 §4; RFC 8842 §5.2, §5.3");
    }

    private static Entry iceOptions(String key, String val) {
        String[] tokens = val == null ? new String[0] : val.strip().split(" +");
        StringBuilder en = new StringBuilder("ICE options this peer supports:");
        StringBuilder zh = new StringBuilder("这一端支持的 ICE 选项：");
        for (String t : tokens) {
            switch (t) {
                case "trickle" -> {
                    en.append(" 'trickle' — candidates may arrive one by one after the SDP (Trickle ICE), which is why this SDP may hold none;");
                    zh.append("'trickle'——候选者可以在 SDP 之后逐个发送（Trickle ICE），所以这份 SDP 里可能一个候选者都没有；");
                }
                case "ice2" -> {
                    en.append(" 'ice2' — implements ICE as in RFC 8445;");
                    zh.append("'ice2'——按 RFC 8445 实现 ICE；");
                }
                case "renomination" -> {
                    en.append(" 'renomination' — the controlling side may switch the selected pair later;");
                    zh.append("'renomination'——控制方以后可以改选候选者对；");
                }
                case "google-ice" -> {
                    en.append(" 'google-ice' — the pre-standard ICE of old Chrome;");
                    zh.append("'google-ice'——旧版 Chrome 的非标准 ICE；");
                }
                default -> {
                    en.append(" '").append(t).append("';");
                    zh.append("'").append(t).append("'；");
                }
            }
        }
        en.setLength(en.length() - 1);
        zh.setLength(zh.length() - 1);
        en.append(". (JSEP asks for both trickle and ice2.)");
        zh.append("。（JSEP 要求同时写 trickle 和 ice2。）");
        return e(SdpGroup.ICE, key, f("options", String.join(" ", tokens)), en.toString(), zh.toString(), "RFC 8839 §5.6; RFC 9429 §5.2.1");
    }

    private static Entry candidate(String key, String val) {
        Candidate c = Candidate.parse(val);
        Map<String, String> f = new LinkedHashMap<>();
        f.put("foundation", c.foundation());
        f.put("component", c.component() + (c.component() == 1 ? " (RTP)" : c.component() == 2 ? " (RTCP)" : ""));
        f.put("transport", c.transport());
        f.put("priority", String.valueOf(c.priority()));
        f.put("type preference", String.valueOf(c.typePreference()));
        f.put("local preference", String.valueOf(c.localPreference()));
        f.put("component (from priority)", String.valueOf(c.componentFromPriority()));
        f.put("address", c.address());
        f.put("port", String.valueOf(c.port()));
        f.put("typ", c.type());
        c.extensions().forEach(f::put);
        String typeZh = switch (c.type()) {
            case "host" -> "主机候选者（本机地址）";
            case "srflx" -> "服务器反射候选者（STUN 服务器看到的公网地址）";
            case "prflx" -> "对端反射候选者（从对方的检查中得知的地址）";
            case "relay" -> "中继候选者（TURN 服务器上的地址）";
            default -> c.type();
        };
        String mdns = c.isMdns() ? " The address is an mDNS name that hides the machine's real IP." : "";
        String mdnsZh = c.isMdns() ? "地址是一个 mDNS 名字，隐藏了本机真实 IP。" : "";
        String odd = c.componentFromPriority() == c.component() ? "" : " Note: the priority's low byte gives component "
                + c.componentFromPriority() + ", not " + c.component() + ": this agent does not use the formula RFC 8445 recommends.";
        String oddZh = c.componentFromPriority() == c.component() ? "" : "注意：优先级的最低字节对应组件 " + c.componentFromPriority()
                + "，而不是 " + c.component() + "：这个代理没有采用 RFC 8445 推荐的公式。";
        String rel = c.relatedAddress() == null ? "" : " It was derived from " + c.relatedAddress() + ":" + c.relatedPort() + ".";
        String relZh = c.relatedAddress() == null ? "" : "它来自 " + c.relatedAddress() + ":" + c.relatedPort() + "。";
        return e(SdpGroup.ICE, key, f,
                "ICE candidate: " + c.typeDescription() + ", " + c.transport() + " " + c.address() + ":" + c.port() + ", component " + c.component()
                        + (c.component() == 1 ? " (RTP)" : c.component() == 2 ? " (RTCP)" : "") + "." + rel + mdns
                        + " Priority " + c.priority() + " = " + c.typePreference() + "·2^24 + " + c.localPreference() + "·2^8 + (256 − "
                        + c.componentFromPriority() + "): type preference " + c.typePreference() + ", local preference " + c.localPreference() + "." + odd,
                "ICE 候选者：" + typeZh + "，" + c.transport() + " " + c.address() + ":" + c.port() + "，组件 " + c.component() + "。" + relZh + mdnsZh
                        + "优先级 " + c.priority() + " = " + c.typePreference() + "·2^24 + " + c.localPreference() + "·2^8 + (256 − "
                        + c.componentFromPriority() + ")：类型偏好 " + c.typePreference() + "，本地偏好 " + c.localPreference() + "。" + oddZh,
                "RFC 8839 §5.1; RFC 8445 §5.1.2.1");
    }

    private static Entry extmap(String key, String val) {
        Attributes.Extmap x = Attributes.Extmap.parse(val);
        String[] u = extension(x.uri());
        Map<String, String> f = f("id", String.valueOf(x.id()), "direction", x.direction() == null ? "" : x.direction(), "uri", x.uri());
        String dir = x.direction() == null ? "" : " (only " + x.direction() + ")";
        String dirZh = x.direction() == null ? "" : "（仅 " + x.direction() + "）";
        return e(SdpGroup.RTP_EXTENSIONS, key, f,
                "RTP header extension id " + x.id() + dir + ": " + u[0] + ".",
                "RTP 头部扩展 ID " + x.id() + dirZh + "：" + u[1] + "。",
                "RFC 8285 §8" + (u[2].isEmpty() ? "" : "; " + u[2]));
    }

    private static String[] extension(String uri) {
        return switch (uri) {
            case "urn:ietf:params:rtp-hdrext:ssrc-audio-level" -> new String[]{"the audio level of each packet, so a server can find the active speaker without decoding",
                    "每个包的音量，服务器无需解码即可找到正在说话的人", "RFC 6464"};
            case "urn:ietf:params:rtp-hdrext:csrc-audio-level" -> new String[]{"the audio levels of the sources a mixer combined", "混音器合成的各个源的音量", "RFC 6465"};
            case "urn:ietf:params:rtp-hdrext:sdes:mid" -> new String[]{"the MID, so the receiver knows which m-section a packet belongs to inside a BUNDLE",
                    "MID，接收方据此知道捆绑中的包属于哪个媒体段", "RFC 9143 §15.2"};
            case "urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id" -> new String[]{"the RID, naming the simulcast layer a packet belongs to", "RID，标明包属于哪个联播层", "RFC 8852"};
            case "urn:ietf:params:rtp-hdrext:sdes:repaired-rtp-stream-id" -> new String[]{"the RID of the stream a retransmission or FEC packet repairs",
                    "重传或 FEC 包所修复的那个流的 RID", "RFC 8852"};
            case "urn:ietf:params:rtp-hdrext:toffset" -> new String[]{"transmission time offset: how late the packet was sent after its capture time",
                    "传输时间偏移：包在采集时间之后多久才发出", "RFC 5450"};
            case "http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time" -> new String[]{"absolute send time, used by Google's REMB congestion control",
                    "绝对发送时间，用于 Google 的 REMB 拥塞控制", ""};
            case "http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01" -> new String[]{
                    "a transport-wide sequence number; the receiver reports arrival times (transport-cc) for congestion control",
                    "传输层全局序号；接收方回报到达时间（transport-cc），用于拥塞控制", "draft-holmer-rmcat-transport-wide-cc-extensions-01"};
            case "urn:3gpp:video-orientation" -> new String[]{"the camera rotation, so the receiver can turn the picture upright",
                    "摄像头旋转角度，接收方据此把画面转正", "3GPP TS 26.114"};
            case "http://www.webrtc.org/experiments/rtp-hdrext/playout-delay" -> new String[]{"min/max playout delay the sender asks for (e.g. 0 for game streaming)",
                    "发送方要求的最小/最大播放延迟（例如游戏串流设为 0）", ""};
            case "http://www.webrtc.org/experiments/rtp-hdrext/video-content-type" -> new String[]{"whether the video is a screen share", "视频是否为屏幕共享", ""};
            case "http://www.webrtc.org/experiments/rtp-hdrext/video-timing" -> new String[]{"timestamps of encoding and sending, for delay statistics",
                    "编码和发送的时间戳，用于延迟统计", ""};
            case "http://www.webrtc.org/experiments/rtp-hdrext/color-space" -> new String[]{"the colour space of the video (e.g. for HDR)", "视频的色彩空间（例如 HDR）", ""};
            case "http://www.webrtc.org/experiments/rtp-hdrext/abs-capture-time" -> new String[]{"the capture time at the original source, for audio/video sync across servers",
                    "原始源的采集时间，用于跨服务器的音视频同步", ""};
            case "https://aomediacodec.github.io/av1-rtp-spec/#dependency-descriptor-rtp-header-extension" -> new String[]{
                    "the dependency descriptor: which frames depend on which, so a server can drop SVC layers (AV1, VP9)",
                    "依赖描述符：说明帧之间的依赖，服务器据此丢弃 SVC 层（AV1、VP9）", "AV1 RTP specification"};
            case "http://tools.ietf.org/html/draft-ietf-avtext-framemarking-07" -> new String[]{"frame marking: key frames and layers, visible without decryption",
                    "帧标记：无需解密即可看出关键帧和分层", "draft-ietf-avtext-framemarking-07"};
            default -> new String[]{"'" + uri + "'", "'" + uri + "'", ""};
        };
    }

    private static Entry rtpmap(String key, String val) {
        Attributes.Rtpmap r = Attributes.Rtpmap.parse(val);
        String[] c = codec(r.encoding());
        Map<String, String> f = f("payload type", String.valueOf(r.payloadType()), "encoding", r.encoding(), "clock rate", String.valueOf(r.clockRate()));
        if (r.channels() != null) f.put("channels", String.valueOf(r.channels()));
        String ch = r.channels() == null ? "" : ", " + r.channels() + " channel" + (r.channels() == 1 ? "" : "s");
        String chZh = r.channels() == null ? "" : "，" + r.channels() + " 声道";
        return e(SdpGroup.CODECS, key, f,
                "Payload type " + r.payloadType() + " is " + r.encoding() + " (" + c[0] + "), RTP clock " + r.clockRate() + " Hz" + ch + ".",
                "负载类型 " + r.payloadType() + " 是 " + r.encoding() + "（" + c[1] + "），RTP 时钟 " + r.clockRate() + " Hz" + chZh + "。",
                "RFC 8866 §6.6" + (c[2].isEmpty() ? "" : "; " + c[2]));
    }

    private static String[] codec(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "opus" -> new String[]{"the mandatory WebRTC audio codec; always written 48000/2 whatever is really sent", "WebRTC 必须支持的音频编解码器；不论实际如何总是写成 48000/2", "RFC 7587; RFC 7874"};
            case "vp8" -> new String[]{"video codec every WebRTC endpoint must support", "每个 WebRTC 端点都必须支持的视频编解码器", "RFC 7741; RFC 7742"};
            case "vp9" -> new String[]{"video codec with scalable (SVC) layers", "支持可伸缩分层（SVC）的视频编解码器", "RFC 9628"};
            case "h264" -> new String[]{"video codec every WebRTC endpoint must support; see its profile-level-id", "每个 WebRTC 端点都必须支持的视频编解码器；参见 profile-level-id", "RFC 6184; RFC 7742"};
            case "h265" -> new String[]{"HEVC video", "HEVC 视频", "RFC 7798"};
            case "av1" -> new String[]{"AV1 video", "AV1 视频", "AV1 RTP specification"};
            case "rtx" -> new String[]{"retransmission: lost packets are resent on this payload type; its fmtp apt names the codec it repairs", "重传：丢失的包用这个负载类型重发；它的 fmtp apt 指明修复哪个编解码器", "RFC 4588 §8.1"};
            case "red" -> new String[]{"redundant encoding: each packet also carries an older one, to survive loss", "冗余编码：每个包还携带一个较早的包，以抵抗丢包", "RFC 2198"};
            case "ulpfec" -> new String[]{"forward error correction: parity packets to rebuild lost ones", "前向纠错：用校验包重建丢失的包", "RFC 5109"};
            case "flexfec-03", "flexfec" -> new String[]{"flexible forward error correction", "灵活前向纠错", "RFC 8627"};
            case "cn" -> new String[]{"comfort noise: background noise sent during silence", "舒适噪声：静音时发送的背景噪声", "RFC 3389"};
            case "telephone-event" -> new String[]{"DTMF digits (telephone keypad presses) sent as events", "DTMF 按键（电话键盘）以事件形式发送", "RFC 4733"};
            case "pcmu" -> new String[]{"G.711 µ-law, the classic telephone codec", "G.711 µ 律，经典的电话编解码器", "RFC 3551 §4.5.14"};
            case "pcma" -> new String[]{"G.711 A-law, the classic telephone codec", "G.711 A 律，经典的电话编解码器", "RFC 3551 §4.5.14"};
            case "g722" -> new String[]{"wideband telephone codec (its RTP clock is 8000 although it samples at 16000)", "宽带电话编解码器（采样 16000，但 RTP 时钟写 8000）", "RFC 3551 §4.5.2"};
            case "isac" -> new String[]{"Google's old wideband codec, removed from Chrome in 2022", "Google 的旧宽带编解码器，2022 年已从 Chrome 移除", ""};
            case "ilbc" -> new String[]{"internet low bitrate codec", "互联网低码率编解码器", "RFC 3952"};
            default -> new String[]{"a codec this kit does not describe", "本工具未收录的编解码器", ""};
        };
    }

    private static Entry fmtp(String key, String val, MediaSection m) {
        Attributes.Fmtp fm = Attributes.Fmtp.parse(val);
        Map<String, String> f = new LinkedHashMap<>();
        f.put("format", fm.format());
        f.putAll(fm.parameterMap());
        StringBuilder en = new StringBuilder("Parameters for payload type " + fm.format() + ":");
        StringBuilder zh = new StringBuilder("负载类型 " + fm.format() + " 的参数：");
        String ref = "RFC 8866 §6.15";
        for (Map.Entry<String, String> p : fm.parameterMap().entrySet()) {
            String k = p.getKey(), v = p.getValue();
            String[] d = parameter(k, v);
            en.append(' ').append(d[0]).append(';');
            zh.append(d[1]).append('；');
            if (!d[2].isEmpty() && !ref.contains(d[2])) ref += "; " + d[2];
        }
        en.setLength(en.length() - 1);
        zh.setLength(zh.length() - 1);
        en.append('.');
        zh.append('。');
        return e(SdpGroup.CODECS, key, f, en.toString(), zh.toString(), ref);
    }

    private static String[] parameter(String k, String v) {
        if (v.isEmpty()) {
            if (k.matches("\\d+(-\\d+)?(,\\d+(-\\d+)?)*")) {
                return new String[]{"events " + k + " (0-9, *, #, A-D are 0-15)", "事件 " + k + "（0-15 对应 0-9、*、#、A-D）", "RFC 4733 §3.2"};
            }
            if (k.matches("\\d+(/\\d+)+")) {
                return new String[]{"redundancy of payload types " + k, "对负载类型 " + k + " 做冗余", "RFC 2198"};
            }
            return new String[]{k, k, ""};
        }
        return switch (k) {
            case "apt" -> new String[]{"apt=" + v + ": retransmits payload type " + v, "apt=" + v + "：重传负载类型 " + v, "RFC 4588 §8.1"};
            case "rtx-time" -> new String[]{"rtx-time=" + v + ": keep packets " + v + " ms for retransmission", "rtx-time=" + v + "：包保留 " + v + " 毫秒以备重传", "RFC 4588 §8.1"};
            case "minptime" -> new String[]{"minptime=" + v + ": at least " + v + " ms of audio per packet", "minptime=" + v + "：每个包至少 " + v + " 毫秒音频", "RFC 7587 §6.1"};
            case "useinbandfec" -> new String[]{"useinbandfec=" + v + (v.equals("1") ? ": Opus may carry its own error correction" : ": no in-band FEC"),
                    "useinbandfec=" + v + (v.equals("1") ? "：Opus 可以在包内携带纠错信息" : "：不用包内纠错"), "RFC 7587 §6.1"};
            case "stereo" -> new String[]{"stereo=" + v + (v.equals("1") ? ": stereo is welcome" : ": prefers mono"), "stereo=" + v + (v.equals("1") ? "：接受立体声" : "：希望单声道"), "RFC 7587 §6.1"};
            case "sprop-stereo" -> new String[]{"sprop-stereo=" + v, "sprop-stereo=" + v, "RFC 7587 §6.1"};
            case "maxplaybackrate" -> new String[]{"maxplaybackrate=" + v + ": plays out at most " + v + " Hz", "maxplaybackrate=" + v + "：播放采样率最高 " + v + " Hz", "RFC 7587 §6.1"};
            case "maxaveragebitrate" -> new String[]{"maxaveragebitrate=" + v + " bit/s", "maxaveragebitrate=" + v + " bit/s", "RFC 7587 §6.1"};
            case "cbr" -> new String[]{"cbr=" + v + (v.equals("1") ? ": constant bitrate" : ""), "cbr=" + v + (v.equals("1") ? "：固定码率" : ""), "RFC 7587 §6.1"};
            case "usedtx" -> new String[]{"usedtx=" + v + (v.equals("1") ? ": send nothing during silence (DTX)" : ""), "usedtx=" + v + (v.equals("1") ? "：静音时不发送（DTX）" : ""), "RFC 7587 §6.1"};
            case "profile-level-id" -> {
                String[] h = h264Profile(v);
                yield new String[]{"profile-level-id=" + v + ": " + h[0], "profile-level-id=" + v + "：" + h[1], "RFC 6184 §8.1"};
            }
            case "packetization-mode" -> new String[]{"packetization-mode=" + v + (v.equals("0") ? ": one NAL unit per packet" : v.equals("1") ? ": NAL units may be split or aggregated (non-interleaved)" : ""),
                    "packetization-mode=" + v + (v.equals("0") ? "：每个包一个 NAL 单元" : v.equals("1") ? "：NAL 单元可拆分或聚合（非交错）" : ""), "RFC 6184 §8.1"};
            case "level-asymmetry-allowed" -> new String[]{"level-asymmetry-allowed=" + v + ": each direction may use a different level",
                    "level-asymmetry-allowed=" + v + "：两个方向可以使用不同的级别", "RFC 6184 §8.1"};
            case "sprop-parameter-sets" -> new String[]{"sprop-parameter-sets: the H.264 SPS/PPS in base64", "sprop-parameter-sets：base64 编码的 H.264 SPS/PPS", "RFC 6184 §8.1"};
            case "profile-id" -> new String[]{"profile-id=" + v + switch (v) {
                        case "0" -> ": VP9 profile 0 (8-bit, 4:2:0)";
                        case "1" -> ": VP9 profile 1 (8-bit, 4:2:2 or 4:4:4)";
                        case "2" -> ": VP9 profile 2 (10-bit, HDR)";
                        case "3" -> ": VP9 profile 3 (10-bit, 4:2:2 or 4:4:4)";
                        default -> "";
                    },
                    "profile-id=" + v + switch (v) {
                        case "0" -> "：VP9 档次 0（8 位，4:2:0）";
                        case "1" -> "：VP9 档次 1（8 位，4:2:2 或 4:4:4）";
                        case "2" -> "：VP9 档次 2（10 位，HDR）";
                        case "3" -> "：VP9 档次 3（10 位，4:2:2 或 4:4:4）";
                        default -> "";
                    }, "RFC 9628"};
            case "x-google-start-bitrate", "x-google-min-bitrate", "x-google-max-bitrate" -> {
                String which = k.substring("x-google-".length(), k.indexOf("-bitrate"));
                yield new String[]{k + "=" + v + ": libwebrtc's own parameter, in no RFC — the " + which + " bitrate in kbps for the sender of this codec"
                        + (which.equals("start") ? ", used until bandwidth estimation has measured the path" : ""),
                        k + "=" + v + "：libwebrtc 自己的参数，不在任何 RFC 中——这个编解码器发送方的" + (which.equals("start") ? "起始" : which.equals("min") ? "最低" : "最高")
                                + "码率（kbps）" + (which.equals("start") ? "，在带宽估计测出路径之前使用" : ""), ""};
            }
            case "max-fs" -> new String[]{"max-fs=" + v + ": at most " + v + " macroblocks per frame", "max-fs=" + v + "：每帧最多 " + v + " 个宏块", "RFC 7741 §6.1"};
            case "max-fr" -> new String[]{"max-fr=" + v + ": at most " + v + " frames per second", "max-fr=" + v + "：每秒最多 " + v + " 帧", "RFC 7741 §6.1"};
            case "level-idx", "profile", "tier" -> new String[]{k + "=" + v + " (AV1)", k + "=" + v + "（AV1）", "AV1 RTP specification"};
            default -> new String[]{k + "=" + v, k + "=" + v, ""};
        };
    }

    /** Decodes an H.264 profile-level-id (RFC 6184 §8.1): profile_idc, constraint flags, level_idc. */
    static String[] h264Profile(String hex) {
        if (hex.length() != 6) return new String[]{"an H.264 profile and level", "H.264 档次和级别"};
        int idc, iop, lvl;
        try {
            idc = Integer.parseInt(hex.substring(0, 2), 16);
            iop = Integer.parseInt(hex.substring(2, 4), 16);
            lvl = Integer.parseInt(hex.substring(4, 6), 16);
        } catch (NumberFormatException e) {
            return new String[]{"an H.264 profile and level", "H.264 档次和级别"};
        }
        String p, pz;
        if (idc == 66 && (iop & 0x40) != 0) { p = "Constrained Baseline"; pz = "受限基线档次"; }
        else if (idc == 66) { p = "Baseline"; pz = "基线档次"; }
        else if (idc == 77) { p = "Main"; pz = "主档次"; }
        else if (idc == 88) { p = "Extended"; pz = "扩展档次"; }
        else if (idc == 100 && (iop & 0x0c) == 0x0c) { p = "Constrained High"; pz = "受限高档次"; }
        else if (idc == 100) { p = "High"; pz = "高档次"; }
        else if (idc == 244) { p = "High 4:4:4 Predictive"; pz = "高 4:4:4 预测档次"; }
        else { p = "profile_idc " + idc; pz = "profile_idc " + idc; }
        String level = (lvl == 11 && idc == 66 && (iop & 0x10) != 0) ? "1b" : (lvl / 10) + (lvl % 10 == 0 ? "" : "." + (lvl % 10));
        return new String[]{p + " profile, level " + level, pz + "，级别 " + level};
    }

    private static Entry rtcpFb(String key, String val) {
        Attributes.RtcpFb fb = Attributes.RtcpFb.parse(val);
        String pt = fb.payloadType().equals("*") ? "every payload type" : "payload type " + fb.payloadType();
        String ptZh = fb.payloadType().equals("*") ? "所有负载类型" : "负载类型 " + fb.payloadType();
        String[] d = switch (fb.feedback()) {
            case "nack" -> new String[]{"generic NACK — the receiver reports lost packets and the sender retransmits them", "通用 NACK——接收方报告丢失的包，发送方重传", "RFC 4585 §6.2.1"};
            case "nack pli" -> new String[]{"Picture Loss Indication — the receiver asks for a new key frame when it cannot decode", "图像丢失指示（PLI）——接收方无法解码时请求新的关键帧", "RFC 4585 §6.3.1"};
            case "nack rpsi" -> new String[]{"Reference Picture Selection Indication", "参考图像选择指示（RPSI）", "RFC 4585 §6.3.3"};
            case "nack sli" -> new String[]{"Slice Loss Indication", "片丢失指示（SLI）", "RFC 4585 §6.3.2"};
            case "ccm fir" -> new String[]{"Full Intra Request — ask for a key frame (for example when a new viewer joins)", "完整帧内请求（FIR）——请求关键帧（例如有新观看者加入时）", "RFC 5104 §3.5.1"};
            case "ccm tmmbr" -> new String[]{"temporary maximum bitrate requests", "临时最大码率请求（TMMBR）", "RFC 5104 §3.5.4"};
            case "goog-remb" -> new String[]{"REMB — the receiver estimates the available bandwidth and tells the sender (Google's older congestion control)",
                    "REMB——接收方估算可用带宽并告诉发送方（Google 较早的拥塞控制）", "draft-alvestrand-rmcat-remb"};
            case "transport-cc" -> new String[]{"transport-wide congestion control — the receiver reports when each packet arrived and the sender estimates bandwidth",
                    "传输层拥塞控制——接收方回报每个包的到达时间，由发送方估算带宽", "draft-holmer-rmcat-transport-wide-cc-extensions"};
            default -> fb.type().equals("trr-int")
                    ? new String[]{"minimum interval between regular RTCP reports: " + fb.parameter() + " ms", "常规 RTCP 报告的最小间隔：" + fb.parameter() + " 毫秒", "RFC 4585 §4.2"}
                    : new String[]{"'" + fb.feedback() + "'", "'" + fb.feedback() + "'", ""};
        };
        return e(SdpGroup.CODECS, key, f("payload type", fb.payloadType(), "type", fb.type(), "parameter", fb.parameter() == null ? "" : fb.parameter()),
                "RTCP feedback for " + pt + ": " + d[0] + ".", ptZh + " 的 RTCP 反馈：" + d[1] + "。",
                "RFC 4585 §4.2" + (d[2].isEmpty() || d[2].equals("RFC 4585 §4.2") ? "" : "; " + d[2]));
    }

    private static Entry ssrc(String key, String val) {
        Attributes.SsrcAttribute s = Attributes.SsrcAttribute.parse(val);
        Map<String, String> f = f("ssrc", String.valueOf(s.ssrc()), "attribute", s.attribute(), "value", s.value() == null ? "" : s.value());
        String[] d = switch (s.attribute()) {
            case "cname" -> new String[]{"its CNAME '" + s.value() + "' names the sending endpoint; streams with the same CNAME are played in sync (lip sync)",
                    "它的 CNAME '" + s.value() + "' 标识发送端点；CNAME 相同的流会同步播放（唇音同步）", "RFC 5576 §6.1; RFC 3550 §6.5.1"};
            case "msid" -> new String[]{"the MediaStream and track it carries (an older, per-SSRC form of a=msid)", "它承载的媒体流和轨道（a=msid 的旧式按 SSRC 写法）", "RFC 5576 §4.1"};
            case "mslabel" -> new String[]{"its MediaStream label (pre-standard Chrome, removed since)", "它的媒体流标签（Chrome 早期的非标准写法，后已删除）", "RFC 5576 §4.1"};
            case "label" -> new String[]{"its track label (pre-standard Chrome, removed since)", "它的轨道标签（Chrome 早期的非标准写法，后已删除）", "RFC 5576 §4.1"};
            default -> new String[]{"source attribute '" + s.attribute() + "'", "源属性 '" + s.attribute() + "'", "RFC 5576 §4.1"};
        };
        return e(SdpGroup.STREAMS, key, f,
                "RTP source (SSRC) " + s.ssrc() + ": " + d[0] + ".", "RTP 源（SSRC）" + s.ssrc() + "：" + d[1] + "。",
                d[2].startsWith("RFC 5576 §4.1") ? d[2] : "RFC 5576 §4.1; " + d[2]);
    }

    private static Entry ssrcGroup(String key, String val) {
        Attributes.SsrcGroup g = Attributes.SsrcGroup.parse(val);
        String list = g.ssrcs().stream().map(String::valueOf).reduce((a, b) -> a + " " + b).orElse("");
        Map<String, String> f = f("semantics", g.semantics(), "ssrcs", list);
        return switch (g.semantics()) {
            case "FID" -> e(SdpGroup.STREAMS, key, f,
                    "Flow id group: SSRC " + (g.ssrcs().isEmpty() ? "?" : g.ssrcs().get(0)) + " is the media stream and SSRC "
                            + (g.ssrcs().size() > 1 ? g.ssrcs().get(1) : "?") + " carries its retransmissions (RTX).",
                    "流标识组：SSRC " + (g.ssrcs().isEmpty() ? "?" : g.ssrcs().get(0)) + " 是媒体流，SSRC "
                            + (g.ssrcs().size() > 1 ? g.ssrcs().get(1) : "?") + " 承载它的重传（RTX）。",
                    "RFC 5576 §4.2; RFC 4588");
            case "SIM" -> e(SdpGroup.SIMULCAST, key, f,
                    "Simulcast group (Chrome's older SSRC-based simulcast): SSRCs " + list + " are layers of one video, lowest first.",
                    "联播组（Chrome 早期基于 SSRC 的联播）：SSRC " + list + " 是同一视频的不同层，从低到高。", "RFC 5576 §4.2");
            case "FEC-FR" -> e(SdpGroup.STREAMS, key, f,
                    "FEC group: SSRC " + list + " — the second carries forward error correction for the first.",
                    "FEC 组：SSRC " + list + "——第二个为第一个承载前向纠错。", "RFC 5576 §4.2; RFC 5956");
            default -> e(SdpGroup.STREAMS, key, f,
                    "SSRC group '" + g.semantics() + "': " + list + ".", "SSRC 组 '" + g.semantics() + "'：" + list + "。", "RFC 5576 §4.2");
        };
    }

    // ------------------------------------------------------------------ helpers

    private static Entry e(SdpGroup g, String key, Map<String, String> fields, String en, String zh, String ref) {
        return new Entry(g, key, fields, en, zh, ref);
    }

    private static Map<String, String> f(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < kv.length; i += 2) m.put(kv[i], kv[i + 1] == null ? "" : kv[i + 1]);
        return m;
    }
}

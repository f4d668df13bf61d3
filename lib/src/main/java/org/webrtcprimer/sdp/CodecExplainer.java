package org.webrtcprimer.sdp;

import org.webrtcprimer.sdp.Explainer.Entry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.webrtcprimer.sdp.Explainer.choose;
import static org.webrtcprimer.sdp.Explainer.cite;
import static org.webrtcprimer.sdp.Explainer.f;
import static org.webrtcprimer.sdp.Explainer.t;
import static org.webrtcprimer.sdp.Explainer.with;

/** The codec lines of an m-section explained: a=rtpmap, a=fmtp (parameter by parameter) and a=rtcp-fb. */
final class CodecExplainer {
    private CodecExplainer() {}

    static Entry rtpmap(String key, String val, MediaSection m) {
        Attributes.Rtpmap r = Attributes.Rtpmap.parse(val);
        String codec = r.encoding().toLowerCase(Locale.ROOT);
        // In a video section RED is ULPFEC's envelope (RFC 5109), not RFC 2198 audio redundancy.
        boolean videoRed = codec.equals("red") && m != null && m.type().equals("video");
        Explanations.Text c = videoRed ? t("codec/red/video") : choose("codec/", codec);
        Map<String, String> f = f("payload type", String.valueOf(r.payloadType()), "encoding", r.encoding(), "clock rate", String.valueOf(r.clockRate()));
        if (r.channels() != null) f.put("channels", String.valueOf(r.channels()));
        Explanations.Text ch = r.channels() == null ? null : t(r.channels() == 1 ? "rtpmap-channels/one" : "rtpmap-channels/many");
        String n = String.valueOf(r.channels());
        Explanations.Text x = t(key);
        String[] v = {"pt", String.valueOf(r.payloadType()), "encoding", r.encoding(), "clock", String.valueOf(r.clockRate())};
        return new Entry(x.group(), key, f,
                x.en(with(v, "codec", c.en(), "channels", ch == null ? "" : ch.en("channels", n))),
                x.zh(with(v, "codec", c.zh(), "channels", ch == null ? "" : ch.zh("channels", n))),
                cite(x.cite(), c == t("codec/*") ? "" : c.cite()));
    }

    static Entry fmtp(String key, String val) {
        Attributes.Fmtp fm = Attributes.Fmtp.parse(val);
        Map<String, String> f = new LinkedHashMap<>();
        f.put("format", fm.format());
        f.putAll(fm.parameterMap());
        List<String> en = new ArrayList<>(), zh = new ArrayList<>();
        String ref = t(key).cite();
        for (Map.Entry<String, String> p : fm.parameterMap().entrySet()) {
            String k = p.getKey(), v = p.getValue();
            Explanations.Text d = parameter(k, v);
            String[] values = {"name", k, "value", v};
            if (k.equals("profile-level-id")) values = with(values, "profile", h264Profile(v, true));
            String[] valuesZh = k.equals("profile-level-id") ? with(new String[]{"name", k, "value", v}, "profile", h264Profile(v, false)) : values;
            en.add(d.en(values));
            zh.add(d.zh(valuesZh));
            if (!isFallback(d)) ref = cite(ref, d.cite());
        }
        Explanations.Text x = t(en.isEmpty() ? "a=fmtp/empty" : key);
        return new Entry(x.group(), key, f, x.en("format", fm.format(), "parameters", String.join("; ", en)),
                x.zh("format", fm.format(), "parameters", String.join("；", zh)), ref);
    }

    private static boolean isFallback(Explanations.Text d) {
        return d.key().equals("fmtp-param/*") || d.key().equals("fmtp-param/flag");
    }

    private static Explanations.Text parameter(String k, String v) {
        if (v.isEmpty()) {
            if (k.matches("\\d+(-\\d+)?(,\\d+(-\\d+)?)*")) return t("fmtp-param/events");
            if (k.matches("\\d+(/\\d+)+")) return t("fmtp-param/redundancy");
            return t("fmtp-param/flag");
        }
        return switch (k) {
            case "level-idx", "profile", "tier" -> t("fmtp-param/av1");
            case "useinbandfec", "stereo", "cbr", "usedtx" -> t("fmtp-param/" + k + (v.equals("1") ? "=1" : ""));
            case "packetization-mode", "profile-id" -> choose("fmtp-param/" + k, Explanations.kit().has("fmtp-param/" + k + "=" + v) ? "=" + v : "");
            default -> choose("fmtp-param/", k);
        };
    }

    /** Decodes an H.264 profile-level-id (RFC 6184 §8.1): profile_idc, constraint flags, level_idc. */
    static String h264Profile(String hex, boolean english) {
        if (hex.length() != 6) return text(t("h264-level/unreadable"), english);
        int idc, iop, lvl;
        try {
            idc = Integer.parseInt(hex.substring(0, 2), 16);
            iop = Integer.parseInt(hex.substring(2, 4), 16);
            lvl = Integer.parseInt(hex.substring(4, 6), 16);
        } catch (NumberFormatException e) {
            return text(t("h264-level/unreadable"), english);
        }
        String p;
        if (idc == 66 && (iop & 0x40) != 0) p = "constrained-baseline";
        else if (idc == 66) p = "baseline";
        else if (idc == 77) p = "main";
        else if (idc == 88) p = "extended";
        else if (idc == 100 && (iop & 0x0c) == 0x0c) p = "constrained-high";
        else if (idc == 100) p = "high";
        else if (idc == 244) p = "high-444";
        else p = "*";
        Explanations.Text profile = t("h264-profile/" + p);
        String level = (lvl == 11 && idc == 66 && (iop & 0x10) != 0) ? "1b" : (lvl / 10) + (lvl % 10 == 0 ? "" : "." + (lvl % 10));
        String name = english ? profile.en("idc", String.valueOf(idc)) : profile.zh("idc", String.valueOf(idc));
        Explanations.Text l = t("h264-level");
        return english ? l.en("profile", name, "level", level) : l.zh("profile", name, "level", level);
    }

    private static String text(Explanations.Text t, boolean english) {
        return english ? t.en() : t.zh();
    }

    static Entry rtcpFb(String key, String val) {
        Attributes.RtcpFb fb = Attributes.RtcpFb.parse(val);
        Explanations.Text pt = t(fb.payloadType().equals("*") ? "rtcp-fb-pt/all" : "rtcp-fb-pt/one");
        Explanations.Text d = Explanations.kit().has("rtcp-fb/" + fb.feedback()) ? t("rtcp-fb/" + fb.feedback())
                : fb.type().equals("trr-int") ? t("rtcp-fb/trr-int") : t("rtcp-fb/*");
        String[] dv = {"ms", fb.parameter(), "feedback", fb.feedback()};
        Explanations.Text x = t(key);
        return new Entry(x.group(), key, f("payload type", fb.payloadType(), "type", fb.type(), "parameter", fb.parameter() == null ? "" : fb.parameter()),
                x.en("for", pt.en("pt", fb.payloadType()), "feedback", d.en(dv)), x.zh("for", pt.zh("pt", fb.payloadType()), "feedback", d.zh(dv)),
                cite(x.cite(), d.key().equals("rtcp-fb/*") ? "" : d.cite()));
    }
}

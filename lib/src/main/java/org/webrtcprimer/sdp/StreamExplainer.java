package org.webrtcprimer.sdp;

import org.webrtcprimer.sdp.Explainer.Entry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.webrtcprimer.sdp.Explainer.choose;
import static org.webrtcprimer.sdp.Explainer.cite;
import static org.webrtcprimer.sdp.Explainer.e;
import static org.webrtcprimer.sdp.Explainer.f;
import static org.webrtcprimer.sdp.Explainer.t;

/**
 * The lines that name streams and their layers explained: a=msid (stream and track), a=ssrc and
 * a=ssrc-group (RFC 5576), a=rid and a=simulcast (RFC 8851, RFC 8853). Words from
 * {@code explanations.txt}; not API.
 */
final class StreamExplainer {
    private StreamExplainer() {}

    static Entry msid(String key, String val) {
        Attributes.Msid ms = Attributes.Msid.parse(val);
        boolean none = ms.streamId().equals("-");
        String k = ms.trackId() == null ? (none ? "a=msid/no-stream-no-track" : "a=msid/no-track") : (none ? "a=msid/no-stream" : "a=msid");
        return e(t(k), key, f("stream id", ms.streamId(), "track id", ms.trackId() == null ? "" : ms.trackId()),
                "stream", ms.streamId(), "track", ms.trackId());
    }

    static Entry rid(String key, String val) {
        Attributes.Rid r = Attributes.Rid.parse(val);
        boolean restricted = !(r.restrictions().isEmpty() && r.payloadTypes().isEmpty());
        String restr = (r.payloadTypes().isEmpty() ? "" : "pt=" + String.join(",", r.payloadTypes()) + " ") + r.restrictions();
        Explanations.Text x = t(restricted ? "a=rid/restricted" : "a=rid");
        Explanations.Text dir = t(r.direction().equals("send") ? "rid-direction/send" : "rid-direction/recv");
        return new Entry(x.group(), key, f("rid", r.id(), "direction", r.direction()),
                x.en("rid", r.id(), "direction", dir.en(), "restrictions", restr),
                x.zh("rid", r.id(), "direction", dir.zh(), "restrictions", restr), x.cite());
    }

    static Entry ssrc(String key, String val) {
        Attributes.SsrcAttribute s = Attributes.SsrcAttribute.parse(val);
        Map<String, String> f = f("ssrc", String.valueOf(s.ssrc()), "attribute", s.attribute(), "value", s.value() == null ? "" : s.value());
        Explanations.Text d = choose("ssrc-attr/", s.attribute()), x = t(key);
        String[] dv = {"value", s.value(), "attribute", s.attribute()};
        return new Entry(x.group(), key, f, x.en("ssrc", String.valueOf(s.ssrc()), "meaning", d.en(dv)),
                x.zh("ssrc", String.valueOf(s.ssrc()), "meaning", d.zh(dv)), cite(x.cite(), d.cite()));
    }

    static Entry ssrcGroup(String key, String val) {
        Attributes.SsrcGroup g = Attributes.SsrcGroup.parse(val);
        String list = g.ssrcs().stream().map(String::valueOf).reduce((a, b) -> a + " " + b).orElse("");
        Map<String, String> f = f("semantics", g.semantics(), "ssrcs", list);
        return e(choose("a=ssrc-group/", g.semantics()), key, f, "semantics", g.semantics(), "ssrcs", list,
                "first", g.ssrcs().isEmpty() ? "?" : String.valueOf(g.ssrcs().get(0)),
                "second", g.ssrcs().size() > 1 ? String.valueOf(g.ssrcs().get(1)) : "?");
    }

    static Entry simulcast(String key, String val) {
        Attributes.Simulcast s = Attributes.Simulcast.parse(val);
        Explanations.Text x = t(key), send = t("simulcast-send"), recv = t("simulcast-recv");
        List<String> en = new ArrayList<>(), zh = new ArrayList<>();
        if (!s.send().isEmpty()) {
            en.add(send.en("count", String.valueOf(s.send().size()), "layers", layers(s.send())));
            zh.add(send.zh("count", String.valueOf(s.send().size()), "layers", layers(s.send())));
        }
        if (!s.recv().isEmpty()) {
            en.add(recv.en("count", String.valueOf(s.recv().size()), "layers", layers(s.recv())));
            zh.add(recv.zh("count", String.valueOf(s.recv().size()), "layers", layers(s.recv())));
        }
        return new Entry(x.group(), key, f("send", layers(s.send()), "recv", layers(s.recv())),
                x.en("streams", String.join(" ", en)).strip(), x.zh("streams", String.join("", zh)), x.cite());
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
}

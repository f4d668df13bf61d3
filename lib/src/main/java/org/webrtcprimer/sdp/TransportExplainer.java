package org.webrtcprimer.sdp;

import org.webrtcprimer.ice.Candidate;
import org.webrtcprimer.sdp.Explainer.Entry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.webrtcprimer.sdp.Explainer.choose;
import static org.webrtcprimer.sdp.Explainer.cite;
import static org.webrtcprimer.sdp.Explainer.e;
import static org.webrtcprimer.sdp.Explainer.f;
import static org.webrtcprimer.sdp.Explainer.t;
import static org.webrtcprimer.sdp.Explainer.with;

/**
 * The transport's lines explained: ICE (a=candidate field by field, the priority decomposed as
 * RFC 8445 §5.1.2.1 does, the related address, mDNS names; a=ice-options token by token;
 * a=ice-ufrag and a=end-of-candidates with where they stand), DTLS (a=fingerprint, a=setup),
 * SDES (a=crypto) and SCTP (a=sctpmap). Words from {@code explanations.txt}; not API.
 */
final class TransportExplainer {
    private TransportExplainer() {}

    static Entry fingerprint(String key, String val) {
        Attributes.Fingerprint fp = Attributes.Fingerprint.parse(val);
        return e(t(key), key, f("hash", fp.hashFunction(), "fingerprint", fp.fingerprint()),
                "hash", fp.hashFunction(), "bytes", String.valueOf(fp.bytes()));
    }

    static Entry setup(String key, String val) {
        String role = val == null ? "" : val.strip();
        return e(choose("a=setup/", role), key, f("role", role), "role", role);
    }

    static Entry crypto(String key, String val) {
        Attributes.Crypto cr = Attributes.Crypto.parse(val);
        return e(t(key), key, f("tag", String.valueOf(cr.tag()), "suite", cr.suite(), "key-params", cr.keyParams()), "suite", cr.suite());
    }

    static Entry sctpmap(String key, String val) {
        Attributes.SctpMap s = Attributes.SctpMap.parse(val);
        return e(t(s.streams() == null ? "a=sctpmap/no-streams" : "a=sctpmap"), key,
                f("port", String.valueOf(s.port()), "protocol", s.protocol(), "streams", s.streams() == null ? "" : String.valueOf(s.streams())),
                "port", String.valueOf(s.port()), "protocol", s.protocol(), "streams", String.valueOf(s.streams()));
    }

    static Entry ufrag(String key, String val, Explanations.Text where) {
        Explanations.Text u = t(key);
        return new Entry(u.group(), key, f("ufrag", val), u.en("ufrag", val.strip(), "where", where.en()),
                u.zh("ufrag", val.strip(), "where", where.zh()), u.cite());
    }

    static Entry endOfCandidates(String key, Explanations.Text where) {
        Explanations.Text x = t(key);
        return new Entry(x.group(), key, Map.of(), x.en("where", where.en()), x.zh("where", where.zh()), x.cite());
    }

    static Entry options(String key, String val) {
        String[] tokens = val == null ? new String[0] : val.strip().split(" +");
        List<String> en = new ArrayList<>(), zh = new ArrayList<>();
        for (String tok : tokens) {
            Explanations.Text o = choose("ice-option/", tok);
            en.add(o.en("option", tok));
            zh.add(o.zh("option", tok));
        }
        Explanations.Text x = t(key);
        return new Entry(x.group(), key, f("options", String.join(" ", tokens)),
                x.en("options", String.join("; ", en)), x.zh("options", String.join("；", zh)), x.cite());
    }

    static Entry candidate(String key, String val) {
        Candidate c = Candidate.parse(val);
        Map<String, String> f = new LinkedHashMap<>();
        String rtp = c.component() == 1 ? " (RTP)" : c.component() == 2 ? " (RTCP)" : "";
        f.put("foundation", c.foundation());
        f.put("component", c.component() + rtp);
        f.put("transport", c.transport());
        f.put("priority", String.valueOf(c.priority()));
        f.put("type preference", String.valueOf(c.typePreference()));
        f.put("local preference", String.valueOf(c.localPreference()));
        f.put("component (from priority)", String.valueOf(c.componentFromPriority()));
        f.put("address", c.address());
        f.put("port", String.valueOf(c.port()));
        f.put("typ", c.type());
        c.extensions().forEach(f::put);
        Explanations.Text type = choose("candidate-type/", c.type());
        StringBuilder notesEn = new StringBuilder(), notesZh = new StringBuilder();
        if (c.relatedAddress() != null) {
            Explanations.Text d = t("candidate-derived");
            notesEn.append(' ').append(d.en("address", c.relatedAddress(), "port", String.valueOf(c.relatedPort())));
            notesZh.append(d.zh("address", c.relatedAddress(), "port", String.valueOf(c.relatedPort())));
        }
        if (c.isMdns()) {
            notesEn.append(' ').append(t("candidate-mdns").en());
            notesZh.append(t("candidate-mdns").zh());
        }
        String[] odd = {"component-from-priority", String.valueOf(c.componentFromPriority()), "component", String.valueOf(c.component())};
        boolean isOdd = c.componentFromPriority() != c.component();
        String[] v = {"transport", c.transport(), "address", c.address(), "port", String.valueOf(c.port()),
                "component", String.valueOf(c.component()), "rtp", rtp, "priority", String.valueOf(c.priority()),
                "type-pref", String.valueOf(c.typePreference()), "local-pref", String.valueOf(c.localPreference()),
                "component-from-priority", String.valueOf(c.componentFromPriority())};
        Explanations.Text x = t(key);
        return new Entry(x.group(), key, f,
                x.en(with(v, "type", type.en("type", c.type()), "notes", notesEn.toString(),
                        "odd", isOdd ? " " + t("candidate-odd-component").en(odd) : "")),
                x.zh(with(v, "type", type.zh("type", c.type()), "notes", notesZh.toString(),
                        "odd", isOdd ? t("candidate-odd-component").zh(odd) : "")),
                x.cite());
    }
}

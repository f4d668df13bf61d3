package org.webrtcprimer.stats;

import org.webrtcprimer.call.StatsObject;
import org.webrtcprimer.call.StatsReport;

import org.webrtcprimer.call.SessionDescription;
import org.webrtcprimer.ice.Candidate;
import org.webrtcprimer.sdp.Attribute;
import org.webrtcprimer.sdp.MediaSection;
import org.webrtcprimer.sdp.ParsedSdp;
import org.webrtcprimer.sdp.Sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Where stats come from in the SDP. An analysis: it matches a peer's stats objects against its
 * local and remote descriptions (parsed with {@link Sdp#parse}) and returns the links.
 *
 * <ul>
 *   <li>codec {@code payloadType} ↔ {@code a=rtpmap}, {@code sdpFmtpLine} ↔ {@code a=fmtp} (codecs a peer sends are
 *       found in the remote description, those it receives in its local one);</li>
 *   <li>RTP stream {@code mid} ↔ {@code a=mid} (the transceiver's m-section), {@code ssrc} ↔ {@code a=ssrc}
 *       (sent streams in the local description, received ones in the remote), {@code rtxSsrc} ↔ {@code a=ssrc-group:FID};</li>
 *   <li>media-source {@code trackIdentifier} ↔ {@code a=msid};</li>
 *   <li>local/remote candidate ↔ {@code a=candidate} with the same address, port and protocol;</li>
 *   <li>certificate {@code fingerprint} ↔ {@code a=fingerprint};</li>
 *   <li>transport {@code iceLocalUsernameFragment} ↔ {@code a=ice-ufrag}, {@code dtlsRole} ↔ the answer's {@code a=setup}.</li>
 * </ul>
 */
public final class SdpLinks {
    private SdpLinks() {}

    /** The links of a peer's latest sample in a recording, using the descriptions the recording kept. */
    public static List<SdpLink> of(StatsRecording rec, String peer) {
        StatsReport report = rec.latest(peer);
        StatsRecording.Descriptions d = rec.descriptions().get(peer);
        if (d == null) {
            throw new IllegalStateException("the recording kept no descriptions of " + peer + " — it was sampled before negotiation");
        }
        return of(report, d.local(), d.remote());
    }

    /** The links of one report against the peer's local and remote descriptions (either may be null). */
    public static List<SdpLink> of(StatsReport report, SessionDescription local, SessionDescription remote) {
        Side l = Side.of("local", local), r = Side.of("remote", remote);
        List<SdpLink> out = new ArrayList<>();
        for (StatsObject o : report.objects().values()) {
            switch (o.type()) {
                case "codec" -> {
                    String pt = o.string("payloadType");
                    String enc = o.string("mimeType").contains("/") ? o.string("mimeType").substring(o.string("mimeType").indexOf('/') + 1) : "";
                    // A peer sends with the payload types the other side said it receives (RFC 3264 §5.1), so codecs it
                    // sends (libwebrtc ids COT…) are in the remote description, codecs it receives (CIT…) in its local one.
                    Side first = o.id().startsWith("CO") ? r : l, second = first == r ? l : r;
                    Predicate<Attribute> rtpmap = a -> a.name().equals("rtpmap") && a.value() != null
                            && a.value().startsWith(pt + " ") && a.value().substring(pt.length() + 1).toLowerCase(Locale.ROOT)
                            .startsWith(enc.toLowerCase(Locale.ROOT) + "/");
                    link(out, report, o, "payloadType", first.find(rtpmap).or(() -> second.find(rtpmap)));
                    if (o.has("sdpFmtpLine")) {
                        Predicate<Attribute> fmtp = a -> a.name().equals("fmtp") && a.value() != null
                                && a.value().equals(pt + " " + o.string("sdpFmtpLine"));
                        link(out, report, o, "sdpFmtpLine", first.find(fmtp).or(() -> second.find(fmtp)));
                    }
                }
                case "outbound-rtp", "inbound-rtp", "remote-inbound-rtp", "remote-outbound-rtp" -> {
                    // Streams this peer sends are described in its local description, those it receives in the remote one.
                    boolean sent = o.type().equals("outbound-rtp") || o.type().equals("remote-inbound-rtp");
                    Side s = sent ? l : r;
                    if (o.has("mid")) link(out, report, o, "mid", l.find(a -> a.name().equals("mid") && o.string("mid").equals(a.value())));
                    String ssrc = o.string("ssrc");
                    link(out, report, o, "ssrc", s.find(a -> a.name().equals("ssrc") && a.value() != null
                            && a.value().startsWith(ssrc + " ")));
                    if (o.has("rtxSsrc")) {
                        String rtx = o.string("rtxSsrc");
                        link(out, report, o, "rtxSsrc", s.find(a -> a.name().equals("ssrc-group") && a.value() != null
                                && a.value().startsWith("FID ") && List.of(a.value().split(" ")).contains(rtx)));
                    }
                }
                case "media-source" -> {
                    String track = o.string("trackIdentifier");
                    link(out, report, o, "trackIdentifier", l.find(a -> a.name().equals("msid") && a.value() != null
                            && a.value().endsWith(" " + track)));
                }
                case "local-candidate", "remote-candidate" -> {
                    Side s = o.type().equals("local-candidate") ? l : r;
                    String address = o.string("address").isEmpty() ? o.string("ip") : o.string("address");
                    String port = o.string("port"), protocol = o.string("protocol");
                    link(out, report, o, "address", s.find(a -> {
                        if (!a.name().equals("candidate") || a.value() == null) return false;
                        try {
                            Candidate c = Candidate.parse(a.value());
                            return c.address().equalsIgnoreCase(address) && String.valueOf(c.port()).equals(port)
                                    && c.transport().equalsIgnoreCase(protocol);
                        } catch (IllegalArgumentException e) {
                            return false;
                        }
                    }), address + " " + port + " " + protocol);
                }
                case "certificate" -> {
                    String fp = o.string("fingerprint");
                    Predicate<Attribute> same = a -> a.name().equals("fingerprint") && a.value() != null
                            && a.value().toUpperCase(Locale.ROOT).endsWith(" " + fp.toUpperCase(Locale.ROOT));
                    Optional<Found> f = l.find(same);
                    link(out, report, o, "fingerprint", f.isPresent() ? f : r.find(same));
                }
                case "transport" -> {
                    link(out, report, o, "iceLocalUsernameFragment", l.find(a -> a.name().equals("ice-ufrag")
                            && o.string("iceLocalUsernameFragment").equals(a.value())));
                    Side answer = "answer".equals(l.type) ? l : r;
                    if (o.has("dtlsRole")) link(out, report, o, "dtlsRole", answer.find(a -> a.name().equals("setup")));
                }
                default -> {
                    // data channels, pairs, the connection itself: no line of their own
                }
            }
        }
        return out;
    }

    private static void link(List<SdpLink> out, StatsReport report, StatsObject o, String member, Optional<Found> f) {
        link(out, report, o, member, f, o.string(member));
    }

    private static void link(List<SdpLink> out, StatsReport report, StatsObject o, String member, Optional<Found> f, String value) {
        f.ifPresent(x -> out.add(new SdpLink(report.peer(), o.type(), o.id(), member, value, x.description, x.mid, x.attribute.line(),
                x.attribute.toString())));

    }

    private record Found(String description, String mid, Attribute attribute) {}

    /** One description, parsed. */
    private record Side(String name, String type, ParsedSdp sdp) {
        static Side of(String which, SessionDescription d) {
            if (d == null) return new Side(which, "", null);
            return new Side(which + " " + d.type(), d.type(), Sdp.parse(d.sdp()));
        }

        /** The first line that matches: session level first, then each m-section in order. */
        Optional<Found> find(Predicate<Attribute> p) {
            if (sdp == null) return Optional.empty();
            for (Attribute a : sdp.attributes()) if (p.test(a)) return Optional.of(new Found(name, "", a));
            for (MediaSection m : sdp.media()) {
                for (Attribute a : m.attributes()) {
                    if (p.test(a)) return Optional.of(new Found(name, m.mid() == null ? "" : m.mid(), a));
                }
            }
            return Optional.empty();
        }
    }
}

package org.webrtcprimer.wire;

import java.util.ArrayList;
import java.util.List;

/** Decodes RTP headers (RFC 3550 §5.1, RFC 8285) and SRTCP/RTCP headers (RFC 3550 §6, RFC 3711 §3.4). Never throws. */
public final class Rtp {
    private Rtp() {}

    /** Decodes an RTP header and its extensions. */
    public static Decoded decode(byte[] d) {
        if (d == null || d.length < 12) return new Decoded.Opaque(Kind.RTP, d == null ? 0 : d.length, "shorter than RTP's 12-byte header");
        try {
            int b0 = d[0] & 0xff, b1 = d[1] & 0xff;
            int version = b0 >> 6;
            boolean padding = (b0 & 0x20) != 0, ext = (b0 & 0x10) != 0;
            int cc = b0 & 0x0f;
            String problem = version == 2 ? null : "version " + version + ", not 2";
            int seq = Bytes.u16(d, 2);
            long ts = Bytes.u32(d, 4), ssrc = Bytes.u32(d, 8);
            int i = 12;
            List<Long> csrcs = new ArrayList<>();
            for (int k = 0; k < cc; k++) {
                if (i + 4 > d.length) {
                    problem = "CSRC count " + cc + " but the packet ends after " + k;
                    break;
                }
                csrcs.add(Bytes.u32(d, i));
                i += 4;
            }
            int profile = -1;
            List<RtpHeader.Extension> exts = new ArrayList<>();
            if (ext && problem == null) {
                if (i + 4 > d.length) {
                    problem = "the X bit is set but the packet ends before the extension header";
                } else {
                    profile = Bytes.u16(d, i);
                    int words = Bytes.u16(d, i + 2);
                    int from = i + 4, end = from + 4 * words;
                    if (end > d.length) {
                        problem = "the extension says " + 4 * words + " bytes, " + (d.length - from) + " are left";
                        end = d.length;
                    }
                    if (profile == 0xBEDE) {
                        oneByte(d, from, end, exts);
                    } else if ((profile & 0xFFF0) == 0x1000) {
                        twoByte(d, from, end, exts);
                    }
                    i = end;
                }
            }
            return new RtpHeader(version, padding, (b1 & 0x80) != 0, b1 & 0x7f, seq, ts, ssrc, csrcs, profile, exts, i,
                    Math.max(0, d.length - i), problem);
        } catch (RuntimeException e) {
            return new Decoded.Opaque(Kind.RTP, d.length, "could not be read as RTP: " + e);
        }
    }

    /** RFC 8285 §4.2: id (4 bits) and length − 1 (4 bits); id 0 is padding, id 15 ends the list. */
    private static void oneByte(byte[] d, int i, int end, List<RtpHeader.Extension> out) {
        while (i < end) {
            int b = d[i] & 0xff;
            if (b == 0) {
                i++;
                continue;
            }
            int id = b >> 4, len = (b & 0x0f) + 1;
            if (id == 15 || i + 1 + len > end) return;
            out.add(new RtpHeader.Extension(id, Bytes.slice(d, i + 1, i + 1 + len)));
            i += 1 + len;
        }
    }

    /** RFC 8285 §4.3: id (8 bits) and length (8 bits); id 0 is padding. */
    private static void twoByte(byte[] d, int i, int end, List<RtpHeader.Extension> out) {
        while (i < end) {
            int id = d[i] & 0xff;
            if (id == 0) {
                i++;
                continue;
            }
            if (i + 2 > end) return;
            int len = d[i + 1] & 0xff;
            if (i + 2 + len > end) return;
            out.add(new RtpHeader.Extension(id, Bytes.slice(d, i + 2, i + 2 + len)));
            i += 2 + len;
        }
    }

    /**
     * Decodes an RTCP packet's headers. With {@code srtcp} true (every WebRTC call: RFC 8827 §6.5
     * requires SRTP) only the first packet's header and sender SSRC are in clear (RFC 3711 §3.4);
     * with false the whole compound packet (RFC 3550 §6.1) is walked.
     */
    public static Decoded decodeRtcp(byte[] d, boolean srtcp) {
        if (d == null || d.length < 8) return new Decoded.Opaque(Kind.RTCP, d == null ? 0 : d.length, "shorter than an RTCP header and SSRC (8 bytes)");
        try {
            List<RtcpHeader.Packet> packets = new ArrayList<>();
            String problem = null;
            int i = 0;
            while (i + 8 <= d.length) {
                int b0 = d[i] & 0xff, pt = d[i + 1] & 0xff, words = Bytes.u16(d, i + 2);
                if (b0 >> 6 != 2) {
                    problem = "version " + (b0 >> 6) + " at offset " + i + ", not 2";
                    break;
                }
                int len = 4 * (words + 1);
                packets.add(new RtcpHeader.Packet(pt, b0 & 0x1f, (b0 & 0x20) != 0, len, Bytes.u32(d, i + 4)));
                if (srtcp) break;
                if (i + len > d.length) {
                    problem = "packet at offset " + i + " says " + len + " bytes, " + (d.length - i) + " are left";
                    break;
                }
                i += len;
                if (i < d.length && i + 8 > d.length) problem = (d.length - i) + " bytes left over after the last packet";
            }
            if (packets.isEmpty()) return new Decoded.Opaque(Kind.RTCP, d.length, problem);
            int first = packets.get(0).length();
            int hidden = srtcp ? Math.max(0, d.length - 8) : 0;
            return new RtcpHeader(packets, srtcp, hidden, first, d.length, problem);
        } catch (RuntimeException e) {
            return new Decoded.Opaque(Kind.RTCP, d.length, "could not be read as RTCP: " + e);
        }
    }

    /** An RTCP packet type's name; for feedback (RFC 4585 §6.1, RFC 5104 §4.3) with the format: "RTPFB NACK", "PSFB PLI" … */
    public static String rtcpName(int type, int fmt) {
        return switch (type) {
            case 200 -> "SR";
            case 201 -> "RR";
            case 202 -> "SDES";
            case 203 -> "BYE";
            case 204 -> "APP";
            case 205 -> switch (fmt) {
                case 1 -> "RTPFB NACK";
                case 3 -> "RTPFB TMMBR";
                case 4 -> "RTPFB TMMBN";
                case 15 -> "RTPFB transport-cc";
                default -> "RTPFB fmt " + fmt;
            };
            case 206 -> switch (fmt) {
                case 1 -> "PSFB PLI";
                case 2 -> "PSFB SLI";
                case 3 -> "PSFB RPSI";
                case 4 -> "PSFB FIR";
                case 15 -> "PSFB AFB (REMB)";
                default -> "PSFB fmt " + fmt;
            };
            case 207 -> "XR";
            default -> "RTCP type " + type;
        };
    }
}

package org.webrtcprimer.wire;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The DTLS records of one datagram (RFC 6347 §4.1.1: several records may share a datagram, as a
 * flight's messages usually do).
 */
public record DtlsDatagram(List<DtlsRecord> records, String problem) implements Decoded {
    public DtlsDatagram {
        records = List.copyOf(records);
    }

    @Override
    public Kind kind() {
        return Kind.DTLS;
    }

    /** True when a record carries a handshake message in clear or a ChangeCipherSpec/Finished: part of the handshake. */
    public boolean handshake() {
        return records.stream().anyMatch(r -> r.handshake() != null || r.contentType() == 20 || (r.contentType() == 22 && r.epoch() > 0));
    }

    /** True when the datagram carries application data (SCTP for the data channels, RFC 8261). */
    public boolean applicationData() {
        return records.stream().anyMatch(r -> r.contentType() == 23);
    }

    @Override
    public String summary() {
        String v = records.isEmpty() ? "DTLS" : records.get(0).versionName();
        return v + " " + records.stream().map(DtlsRecord::label).collect(Collectors.joining(", "))
                + (problem == null ? "" : " — " + problem);
    }

    @Override
    public String toString() {
        return summary();
    }
}

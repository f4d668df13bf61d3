package org.webrtcprimer.sdp;

import java.util.List;

/**
 * A {@code t=} line and the {@code r=} lines after it (RFC 8866 §5.9, §5.10). Times are NTP
 * seconds; {@code 0 0} means a session that is not bounded in time, which is what WebRTC uses.
 */
public record Timing(long start, long stop, List<String> repeats) {
    public Timing {
        repeats = repeats == null ? List.of() : List.copyOf(repeats);
    }

    /** True for {@code t=0 0}: the session is permanent, as long as the peers want. */
    public boolean unbounded() {
        return start == 0 && stop == 0;
    }
}

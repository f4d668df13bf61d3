package org.webrtcprimer.sdp;

/** How the parser treats problems. Input that is not SDP at all is an error in both modes. */
public enum ParseMode {
    /** Keep going; every problem becomes an {@link SdpWarning} with its line number. The default. */
    LENIENT,
    /** The first problem is an {@link SdpParseException}. */
    STRICT
}

package org.webrtcprimer.call;

import java.util.Locale;

/** The engine's enum constants in the W3C spelling a learner reads in the spec: HAVE_LOCAL_OFFER → have-local-offer. */
final class States {
    private States() {}

    static String w3c(Enum<?> e) {
        return e == null ? "unknown" : e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}

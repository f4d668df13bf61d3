package org.webrtcprimer.notebook;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads a word a learner or a command line gives into one of a fixed set of choices (an enum's
 * constants, each with its own name: {@code full-cone}, {@code av}), and says what the choices are
 * when the word is none of them.
 */
public final class Choice {
    private Choice() {}

    /**
     * The constant of {@code type} whose {@code name} is {@code given}, case and surrounding blanks
     * aside; otherwise an {@link IllegalArgumentException} such as
     * {@code unknown NAT kind 'cone' — use one of none, full-cone, …}.
     *
     * @param what  what the word names, for the message ({@code NAT kind})
     * @param extra said after the choices when not empty, e.g. {@code (or all)}
     */
    public static <E extends Enum<E>> E of(Class<E> type, Function<E, String> name, String given, String what, String extra) {
        String word = given == null ? "" : given.strip().toLowerCase(Locale.ROOT);
        E[] all = type.getEnumConstants();
        for (E e : all) if (name.apply(e).toLowerCase(Locale.ROOT).equals(word)) return e;
        throw new IllegalArgumentException("unknown " + what + " '" + given + "' — use one of "
                + Arrays.stream(all).map(name).collect(Collectors.joining(", "))
                + (extra == null || extra.isEmpty() ? "" : " " + extra));
    }
}

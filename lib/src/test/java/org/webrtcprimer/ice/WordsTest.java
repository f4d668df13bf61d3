package org.webrtcprimer.ice;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** Words.split gives exactly what Pattern.compile(" +").split gives, on any text. */
class WordsTest {
    static final Pattern SPACES = Pattern.compile(" +");

    @Property(tries = 20_000)
    void sameFieldsAsTheRegex(@ForAll("texts") String s) {
        assertArrayEquals(SPACES.split(s), Words.split(s), () -> "'" + s + "'");
    }

    @Provide
    Arbitrary<String> texts() {
        // spaces, tabs and a few letters, so that runs, edges and empty fields are common
        return Arbitraries.strings().withChars(' ', ' ', ' ', 'a', 'b', '\t', '=', '\u00e9').ofMinLength(0).ofMaxLength(40);
    }

    @Example
    void edges() {
        for (String s : new String[]{"", " ", "   ", "a", " a", "a ", "  a  b  ", "a\tb c", "candidate:1 1 udp 2 1.2.3.4 5 typ host"}) {
            assertArrayEquals(SPACES.split(s), Words.split(s), "'" + s + "'");
        }
    }
}

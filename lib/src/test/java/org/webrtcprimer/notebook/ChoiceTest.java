package org.webrtcprimer.notebook;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** The one reader of named choices that the command line and the NAT lab share. */
class ChoiceTest {

    enum Fruit {
        APPLE("apple"), BLOOD_ORANGE("blood-orange");

        final String label;

        Fruit(String label) {
            this.label = label;
        }
    }

    @Test
    void readsANameWhateverItsCaseAndBlanks() {
        assertEquals(Fruit.BLOOD_ORANGE, Choice.of(Fruit.class, f -> f.label, "  Blood-Orange ", "fruit", ""));
        assertEquals(Fruit.APPLE, Choice.of(Fruit.class, f -> f.label, "apple", "fruit", "(or all)"));
    }

    @Test
    void anUnknownNameIsRefusedWithEveryChoiceNamed() {
        var e = assertThrows(IllegalArgumentException.class, () -> Choice.of(Fruit.class, f -> f.label, "pear", "fruit", "(or all)"));
        assertEquals("unknown fruit 'pear' — use one of apple, blood-orange (or all)", e.getMessage());
        var none = assertThrows(IllegalArgumentException.class, () -> Choice.of(Fruit.class, f -> f.label, null, "fruit", null));
        assertEquals("unknown fruit 'null' — use one of apple, blood-orange", none.getMessage());
        // the enum's own constant name is not a choice: only the names it gives
        assertThrows(IllegalArgumentException.class, () -> Choice.of(Fruit.class, f -> f.label, "BLOOD_ORANGE", "fruit", ""));
    }
}

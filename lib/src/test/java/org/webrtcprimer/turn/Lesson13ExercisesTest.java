package org.webrtcprimer.turn;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.webrtcprimer.exercises.Exercises;
import org.webrtcprimer.exercises.Verdict;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Lesson 13's prediction 13.2, checked against a real run of the pair it asks about (no coturn needed). */
@Timeout(120)
class Lesson13ExercisesTest {

    @Test
    void thePredictionIsComparedWithTheRun() {
        NatRun r = NatRun.run(NatKind.ADDRESS_RESTRICTED, NatKind.SYMMETRIC, null, "", Duration.ofMillis(2500));
        assertTrue(r.connected(), "address-dependent filtering admits the symmetric side's new port (RFC 4787 §5): " + r);
        NatMatrix m = new NatMatrix(List.of(NatKind.ADDRESS_RESTRICTED, NatKind.SYMMETRIC), List.of(r), List.of(), false);

        assertEquals(Verdict.Outcome.RIGHT, Exercises.check("13.2", true, m).outcome());
        Verdict no = Exercises.check("13.2", false, m);
        assertEquals(Verdict.Outcome.WRONG, no.outcome());
        assertTrue(no.message().contains("you predicted false; in your run address-restricted ↔ symmetric connected without TURN"), no.message());
        assertEquals(Verdict.Outcome.UNANSWERED, Exercises.check("13.2", null, m).outcome());
        assertTrue(Exercises.check("13.2", "yes", m).message().contains("expected true or false"));

        NatMatrix without = new NatMatrix(List.of(NatKind.NONE), List.of(), List.of(), false);
        assertTrue(Exercises.check("13.2", true, without).message().contains("no address-restricted ↔ symmetric cell"));
    }
}

package org.webrtcprimer.exercises;

import org.junit.jupiter.api.Test;
import org.webrtcprimer.timing.Phases;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The checks of lessons 01, 05 and 06 that need no call: right answers pass, wrong ones get a
 * hint, and a missing call or runs is asked for by name. (The solutions notebooks check the
 * right answers against live calls.)
 */
public class IceAndTimingExercisesTest {

    private static Verdict.Outcome outcome(String id, Object... answer) {
        return Exercises.check(id, answer).outcome();
    }

    @Test
    void lessonOneNamesTheProtocolsAndObjects() {
        assertEquals(Verdict.Outcome.RIGHT, outcome("01.1", "DTLS"));
        assertEquals(Verdict.Outcome.WRONG, outcome("01.1", "SRTP"));
        assertEquals(Verdict.Outcome.RIGHT, outcome("01.2", "RTCDataChannel"));
        assertEquals(Verdict.Outcome.WRONG, outcome("01.2", "MediaStream"));
        assertEquals(Verdict.Outcome.RIGHT, outcome("01.4", " sctp "));
        assertEquals(Verdict.Outcome.UNANSWERED, outcome("01.3", (Object) null));
        Verdict noCall = Exercises.check("01.3", 2);
        assertEquals(Verdict.Outcome.WRONG, noCall.outcome());
        assertTrue(noCall.message().contains("check(\"01.3\", 2, call)"), noCall.message());
    }

    @Test
    void lessonFiveArithmeticAndRestart() {
        assertEquals(Verdict.Outcome.RIGHT, outcome("05.2", 2130706431L));
        assertEquals(Verdict.Outcome.RIGHT, outcome("05.2", 2130706431));
        Verdict off = Exercises.check("05.2", 2130706432L);
        assertEquals(Verdict.Outcome.WRONG, off.outcome());
        assertTrue(off.message().contains("Hint: 2^24"), off.message());
        assertEquals(Verdict.Outcome.RIGHT, outcome("05.4", List.of("a=ice-pwd", "a=ice-ufrag")));
        assertEquals(Verdict.Outcome.RIGHT, outcome("05.4", List.of("ice-ufrag", "ice-pwd")));
        assertEquals(Verdict.Outcome.WRONG, outcome("05.4", List.of("a=ice-ufrag", "a=fingerprint")));
        assertEquals(Verdict.Outcome.WRONG, outcome("05.4", "a=ice-ufrag"));
        assertEquals(Verdict.Outcome.RIGHT, outcome("05.5", "checking"));
        assertEquals(Verdict.Outcome.WRONG, outcome("05.5", "failed"));
        assertTrue(Exercises.check("05.1", 126).message().contains("pass two things"));
        assertTrue(Exercises.check("05.3", 50000).message().contains("pass two things"));
    }

    @Test
    void lessonSixReadsPhaseNamesKindly() {
        assertEquals(Verdict.Outcome.RIGHT, outcome("06.4", Phases.PC2_SET_LOCAL));
        assertEquals(Verdict.Outcome.RIGHT, outcome("06.4", "PC2 setLocalDescription"));
        assertEquals(Verdict.Outcome.RIGHT, outcome("06.4", "pc2   setLocalDescription(answer)"));
        assertEquals(Verdict.Outcome.WRONG, outcome("06.4", Phases.PC2_SET_REMOTE));
        assertEquals(Verdict.Outcome.WRONG, outcome("06.4", 333));
        assertEquals(Optional.empty(), Lesson06.expectPhase("connected -> first remote frame", Phases.FIRST_FRAME, "x"));
        assertTrue(Exercises.check("06.1", Phases.FIRST_FRAME).message().contains("pass two things"));
        assertTrue(Exercises.check("06.2", 120.0).message().contains("pass two things"));
        assertTrue(Exercises.check("06.3", "quick call").message().contains("two runs"));
    }
}

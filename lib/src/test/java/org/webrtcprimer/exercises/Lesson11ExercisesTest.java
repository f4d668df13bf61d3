package org.webrtcprimer.exercises;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.webrtcprimer.stats.NetworkLab;

import static org.junit.jupiter.api.Assertions.*;

/** Lesson 11's predict-then-verify (11.5) and modify-and-observe (11.6) exercises, checked against real races. */
@Timeout(120)
class Lesson11ExercisesTest {

    @Test
    void withoutLossTheUnreliableChannelDeliversEverything() {
        NetworkLab.ChannelRace lossless = NetworkLab.channelsUnderLoss(0, 100);
        assertEquals(100, lossless.unreliableArrived(), lossless.toString());
        assertEquals(Verdict.Outcome.RIGHT, Exercises.check("11.5", 100, lossless).outcome());
        Verdict half = Exercises.check("11.5", 50, lossless);
        assertEquals(Verdict.Outcome.WRONG, half.outcome());
        assertTrue(half.message().contains("100 of 100"), half.message());
        assertTrue(Exercises.check("11.5", 100, new NetworkLab.ChannelRace(20, 100, 100, 50, 80, 20)).message().contains("20.0 % loss"));
        assertTrue(Exercises.check("11.5", 100).message().contains("pass two things"));
    }

    @Test
    void theLossesOfYourOwnRaceAreCounted() {
        NetworkLab.ChannelRace heavier = NetworkLab.channelsUnderLoss(10, 60);
        long lost = heavier.sent() - heavier.unreliableArrived();
        assertEquals(heavier.sent(), heavier.reliableArrived(), "the reliable channel delivered all: " + heavier);
        assertEquals(Verdict.Outcome.RIGHT, Exercises.check("11.6", lost, heavier).outcome());
        Verdict off = Exercises.check("11.6", lost + 1, heavier);
        assertEquals(Verdict.Outcome.WRONG, off.outcome());
        assertTrue(off.message().contains("at 10 %"), off.message());
        assertTrue(Exercises.check("11.6", 20, new NetworkLab.ChannelRace(20, 100, 100, 50, 80, 20)).message().contains("lesson's 20 %"));
        assertTrue(Exercises.check("11.6", 3).message().contains("pass two things"));
    }
}

package org.webrtcprimer.exercises;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.webrtcprimer.call.CallOptions;
import org.webrtcprimer.call.Summary;
import org.webrtcprimer.media.Constraints;
import org.webrtcprimer.media.MediaDevices;
import org.webrtcprimer.media.MediaStream;
import org.webrtcprimer.timing.Phases;
import org.webrtcprimer.timing.SetupRuns;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Lesson 06's predict-then-verify (06.5) and modify-and-observe (06.6) exercises, checked against real runs. */
@Timeout(180)
class Lesson06ExercisesTest {

    /** A run of phases where pc2's setRemoteDescription starts at {@code offerInMs} and pc1's gathering ends at 10 ms. */
    private static Phases run(double offerInMs, double connectedMs, double firstFrameMs) {
        List<Phases.Phase> list = new ArrayList<>();
        for (String n : Phases.NAMES) {
            double start = n.equals(Phases.PC2_SET_REMOTE) ? offerInMs : 1, end = n.equals(Phases.PC1_GATHERING) ? 10 : start + 1;
            if (n.equals(Phases.FIRST_FRAME)) {
                start = connectedMs;
                end = firstFrameMs;
            }
            list.add(new Phases.Phase(n, "pc1", start, end));
        }
        return Phases.from(list, connectedMs, firstFrameMs);
    }

    @Test
    void gatherFirstAppliesTheOfferAfterGatheringInEveryRealCall() {
        MediaStream stream = MediaDevices.getUserMedia(Constraints.audioVideo().withSynthetic());
        try {
            SetupRuns gatherFirst = SetupRuns.measure("gather-first", stream, CallOptions.defaults().withTrickle(false), 3, null);
            assertEquals(Verdict.Outcome.RIGHT, Exercises.check("06.5", "after", gatherFirst).outcome());
            Verdict before = Exercises.check("06.5", "Before", gatherFirst);
            assertEquals(Verdict.Outcome.WRONG, before.outcome());
            assertTrue(before.message().contains("in 3 of the 3 calls of 'gather-first'"), before.message());
            assertTrue(Exercises.check("06.5", "after").message().contains("pass two things"));
            assertTrue(Exercises.check("06.5", "soon", gatherFirst).message().contains("\"before\" or \"after\""));
        } finally {
            stream.stop();
        }
    }

    @Test
    void mixedRunsAreNamedAndTheTruthComesFromTheRunsPassed() {
        SetupRuns trickled = new SetupRuns("trickled", List.of(run(2, 30, 200), run(3, 31, 210)));
        assertEquals(Verdict.Outcome.RIGHT, Exercises.check("06.5", "before", trickled).outcome());
        assertEquals(Verdict.Outcome.WRONG, Exercises.check("06.5", "after", trickled).outcome());
        Verdict mixed = Exercises.check("06.5", "after", new SetupRuns("mixed", List.of(run(2, 30, 200), run(12, 31, 210))));
        assertEquals(Verdict.Outcome.WRONG, mixed.outcome());
        assertTrue(mixed.message().contains("mix both"), mixed.message());
    }

    @Test
    void theWaitForTheFirstFrameIsReadFromTheTwoRuns() {
        SetupRuns quick = new SetupRuns("quick", List.of(run(2, 30, 200), run(2, 32, 205), run(2, 31, 210)));
        // connected moved a lot (a busy machine) and the first frame from call() barely: the wait after connected still grew
        SetupRuns slowStart = new SetupRuns("start 300 kbps", List.of(run(2, 150, 330), run(2, 140, 335), run(2, 145, 340)));
        assertEquals(Verdict.Outcome.RIGHT, Exercises.check("06.6", "longer", slowStart, quick).outcome());
        assertEquals(Verdict.Outcome.RIGHT, Exercises.check("06.6", " Longer ", slowStart, quick).outcome());
        Verdict shorter = Exercises.check("06.6", "shorter", slowStart, quick);
        assertEquals(Verdict.Outcome.WRONG, shorter.outcome());
        assertTrue(shorter.message().contains("moved +22.0 ms") && shorter.message().contains("'both connected' +114.0 ms"), shorter.message());
        assertEquals(Verdict.Outcome.RIGHT, Exercises.check("06.6", "shorter", quick, slowStart).outcome(), "the truth follows the runs");
        assertTrue(Exercises.check("06.6", "longer", quick, quick).message().contains("same runs twice"));
        assertTrue(Exercises.check("06.6", "longer", quick).message().contains("two runs"));
        assertTrue(Exercises.check("06.6", "the offer", slowStart, quick).message().contains("answer \"longer\" or \"shorter\""));
    }

    @Test
    void realRunsWithOneKnobChangedAreReadTheSameWay() {
        MediaStream stream = MediaDevices.getUserMedia(Constraints.audioVideo().withSynthetic());
        try {
            SetupRuns quick = SetupRuns.measure("quick", stream, CallOptions.defaults(), 3, null);
            SetupRuns slowStart = SetupRuns.measure("start 300 kbps", stream, CallOptions.defaults().withStartBitrateKbps(300), 3, null);
            double wait = Summary.of(slowStart.durations(Phases.FIRST_FRAME)).median() - Summary.of(quick.durations(Phases.FIRST_FRAME)).median();
            String moved = wait > 0 ? "longer" : "shorter";
            String other = wait > 0 ? "shorter" : "longer";
            assertEquals(Verdict.Outcome.RIGHT, Exercises.check("06.6", moved, slowStart, quick).outcome(), moved);
            assertEquals(Verdict.Outcome.WRONG, Exercises.check("06.6", other, slowStart, quick).outcome(), other);
        } finally {
            stream.stop();
        }
    }
}

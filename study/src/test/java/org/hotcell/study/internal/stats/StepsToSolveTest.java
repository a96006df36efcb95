package org.hotcell.study.internal.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hotcell.study.internal.stats.StepsToSolve.UNSOLVED;

import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

/**
 * The Kaplan-Meier median of steps to solve. The expected medians are the first time at which
 * {@code scipy.stats.ecdf(scipy.stats.CensoredData(uncensored=solved, right=[B] * unsolved)).sf} is at most 1/2
 * (its {@code quantiles} and {@code probabilities}).
 */
class StepsToSolveTest {
    static final int B = 400;

    @Test
    void allSolvedGivesTheLowerMedian() {
        // sf: 150 -> 2/3, 160 -> 1/3
        assertThat(StepsToSolve.of(B, 150, 175, 160).median()).hasValue(160);
        // sf: 150 -> 0.75, 160 -> 0.5: the lower of the middle two, not their mean 167.5
        assertThat(StepsToSolve.of(B, 150, 175, 160, 300).median()).hasValue(160);
        assertThat(StepsToSolve.of(B, 7).median()).hasValue(7);
    }

    @Test
    void halfUnsolvedStillHasAMedian() {
        // sf: 150 -> 0.75, 160 -> 0.5, censored at 400
        StepsToSolve steps = StepsToSolve.of(B, 150, UNSOLVED, 160, UNSOLVED);
        assertThat(steps).isEqualTo(new StepsToSolve(4, 2, B, OptionalInt.of(160)));
        assertThat(steps.describeMedian()).isEqualTo("160");
    }

    @Test
    void moreThanHalfUnsolvedHasNoMedianAndReadsAsBeyondTheBudget() {
        // sf: 150 -> 2/3, never below
        StepsToSolve steps = StepsToSolve.of(B, 150, UNSOLVED, UNSOLVED);
        assertThat(steps.median()).isEmpty();
        assertThat(steps.censored()).isEqualTo(2);
        assertThat(steps.describeMedian()).isEqualTo("> 400");
        assertThat(StepsToSolve.of(B, UNSOLVED, UNSOLVED, UNSOLVED).describeMedian()).isEqualTo("> 400");
    }

    @Test
    void aRunSolvedAtTheBudgetCountsAsSolvedBeforeTheCensoredOnes() {
        // sf: 150 -> 0.8, 160 -> 0.6, 400 -> 0.4
        assertThat(StepsToSolve.of(B, 150, UNSOLVED, 160, UNSOLVED, B).median()).hasValue(B);
        // sf: 400 -> 1/3
        assertThat(StepsToSolve.of(B, B, UNSOLVED, B).median()).hasValue(B);
    }

    @Test
    void tiedStepsDropTheCurveTogether() {
        // sf: 100 -> 0.8, 200 -> 0.2
        StepsToSolve steps = StepsToSolve.of(B, 200, 200, 200, 100, UNSOLVED);
        assertThat(steps.median()).hasValue(200);
        assertThat(steps.runs()).isEqualTo(5);
        assertThat(steps.censored()).isEqualTo(1);
    }

    @Test
    void rejectsStepsOutsideTheBudgetAndEmptyInput() {
        assertThatThrownBy(() -> StepsToSolve.of(B, 150, 401)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("solvedSteps[1] must be in [0, budget] = [0, 400] or -1 (unsolved), got 401");
        assertThatThrownBy(() -> StepsToSolve.of(B, -2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("solvedSteps[0] must be in [0, budget] = [0, 400] or -1 (unsolved), got -2");
        assertThatThrownBy(() -> StepsToSolve.of(B)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("solvedSteps must have at least 1 run, got 0");
        assertThatThrownBy(() -> StepsToSolve.of(-1, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("budget must be >= 0, got -1");
    }
}

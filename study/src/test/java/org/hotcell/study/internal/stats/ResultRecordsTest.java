package org.hotcell.study.internal.stats;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

/** The result records refuse values no computation should produce, naming them. */
class ResultRecordsTest {

    @Test
    void anIntervalIsNotReversedOrNaN() {
        assertThatThrownBy(() -> new Interval(0.5, 0.25)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("[low, high] must be an interval, got [0.5, 0.25]");
        assertThatThrownBy(() -> new Interval(Double.NaN, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("[low, high] must be an interval, got [NaN, 1.0]");
    }

    @Test
    void aPValueIsAProbability() {
        assertThatThrownBy(() -> new TestResult(1, 1.5, PValueMethod.EXACT))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("pValue must be in [0, 1], got 1.5");
        assertThatThrownBy(() -> new MannWhitneyResult(1, Double.NaN, PValueMethod.EXACT, 0.5, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("pValue must be in [0, 1], got NaN");
        assertThatThrownBy(() -> new TestResult(1, 0.5, null)).isInstanceOf(NullPointerException.class)
                .hasMessage("method");
    }

    @Test
    void stepsToSolveCountsAreConsistent() {
        assertThatThrownBy(() -> new StepsToSolve(3, 4, 400, OptionalInt.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("need runs >= 1, 0 <= censored <= runs and budget >= 0, got runs 3, censored 4, "
                        + "budget 400");
    }
}

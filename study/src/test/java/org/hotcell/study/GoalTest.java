package org.hotcell.study;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;

/** Laws of solving and comparing metrics. */
class GoalTest {
    static final Goal ERROR = new Goal("test_mse", 0.01, false);
    static final Goal ACCURACY = new Goal("test_accuracy", 0.95, true);

    @Property
    void anErrorGoalIsMetStrictlyBelowTheThresholdAndAnAccuracyGoalAtOrAbove(
            @ForAll @DoubleRange(min = 0, max = 1) double value) {
        assertThat(ERROR.met(value)).isEqualTo(value < 0.01);
        assertThat(ACCURACY.met(value)).isEqualTo(value >= 0.95);
        assertThat(ERROR.met(Double.NaN)).isFalse();
        assertThat(ACCURACY.met(Double.NaN)).isFalse();
    }

    @Property
    void betterIsAStrictOrderWithNaNWorstOfAll(@ForAll @DoubleRange(min = 0, max = 1) double a,
                                               @ForAll @DoubleRange(min = 0, max = 1) double b) {
        for (Goal goal : new Goal[] {ERROR, ACCURACY}) {
            assertThat(goal.better(a, a)).isFalse();
            assertThat(goal.better(a, b) && goal.better(b, a)).isFalse();
            assertThat(goal.better(a, Double.NaN)).isTrue();
            assertThat(goal.better(Double.NaN, a)).isFalse();
        }
        assertThat(ERROR.better(a, b)).isEqualTo(a < b);
        assertThat(ACCURACY.better(a, b)).isEqualTo(a > b);
    }
}

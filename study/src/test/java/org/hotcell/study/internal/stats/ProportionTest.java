package org.hotcell.study.internal.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hotcell.study.internal.stats.Tolerances.exact;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Wilson intervals against SciPy. */
class ProportionTest {

    @ParameterizedTest(name = "{0} of {1} at {2}: [{3}, {4}]")
    @CsvSource({
            // scipy.stats.binomtest(k, n).proportion_ci(confidence_level=c, method='wilson')
            "3,    3,    0.95, 0.4385029682449546,  1.0",
            "0,    10,   0.95, 0.0,                 0.27753279986288926",
            "10,   10,   0.95, 0.7224672001371109,  1.0",
            "1,    3,    0.95, 0.06149194472039626, 0.7923403991979523",
            "56,   70,   0.95, 0.6918335550374693,  0.8769526075163704",
            "1234, 5000, 0.95, 0.23504675832138558, 0.25894200594359135",
            "7,    20,   0.9,  0.20226004005676104, 0.5334873111515284",
            "7,    20,   0.99, 0.14639344137693885, 0.6283381789526872",
    })
    void wilsonMatchesScipy(int k, int n, double confidence, double low, double high) {
        Interval interval = Proportion.wilson(k, n, confidence);
        assertThat(interval.low()).isCloseTo(low, exact(low));
        assertThat(interval.high()).isCloseTo(high, exact(high));
    }

    @Test
    void theDefaultConfidenceIs95Percent() {
        assertThat(Proportion.wilson(1, 3)).isEqualTo(Proportion.wilson(1, 3, 0.95));
    }

    @Test
    void noSuccessesAndAllSuccessesReachTheBoundExactly() {
        assertThat(Proportion.wilson(0, 7).low()).isZero();
        assertThat(Proportion.wilson(7, 7).high()).isEqualTo(1.0);
    }

    @Test
    void noTrialsSayNothing() {
        assertThat(Proportion.wilson(0, 0)).isEqualTo(new Interval(0, 1));
    }

    @Test
    void rejectsImpossibleCountsAndConfidences() {
        assertThatThrownBy(() -> Proportion.wilson(4, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("successes must be in [0, trials] = [0, 3], got 4");
        assertThatThrownBy(() -> Proportion.wilson(-1, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("successes must be in [0, trials] = [0, 3], got -1");
        assertThatThrownBy(() -> Proportion.wilson(0, -2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("trials must be >= 0, got -2");
        assertThatThrownBy(() -> Proportion.wilson(1, 3, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("confidence must be in (0, 1), got 1.0");
        assertThatThrownBy(() -> Proportion.wilson(1, 3, Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("confidence must be in (0, 1), got NaN");
    }
}

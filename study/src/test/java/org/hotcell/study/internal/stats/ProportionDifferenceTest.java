package org.hotcell.study.internal.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.hotcell.study.internal.stats.Tolerances.exact;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Newcombe's hybrid score interval, from SciPy's Wilson intervals, and against Newcombe's paper. */
class ProportionDifferenceTest {

    @ParameterizedTest(name = "{0}/{1} - {2}/{3} at {4}: [{5}, {6}]")
    @CsvSource({
            // With (l, u) = scipy.stats.binomtest(k, n).proportion_ci(confidence_level=c, method='wilson') per
            // sample and d = p1 - p2: [d - hypot(p1 - l1, u2 - p2), d + hypot(u1 - p1, p2 - l2)] in numpy.
            "56, 70, 48, 80, 0.95, 0.052431472402364815, 0.3338726540369059",
            "9,  10, 3,  10, 0.95, 0.17052272393450302,  0.8090179735354881",
            "6,  7,  2,  7,  0.95, 0.0582279274823122,   0.8062496375242278",
            "5,  56, 0,  29, 0.95, -0.03813714790353688, 0.1925600138551116",
            "0,  10, 0,  20, 0.95, -0.16112515805281935, 0.27753279986288926",
            "0,  10, 0,  10, 0.95, -0.27753279986288926, 0.27753279986288926",
            "10, 10, 0,  20, 0.95, 0.6790860371419147,   1.0",
            "10, 10, 0,  10, 0.95, 0.6075093504305242,   1.0",
            "3,  3,  0,  3,  0.95, 0.20592328245977842,  1.0",
            "2,  3,  2,  3,  0.9,  -0.4855287769456015,  0.4855287769456015",
    })
    void newcombeMatchesTheFormulaOnScipysWilsonIntervals(int k1, int n1, int k2, int n2, double confidence,
                                                           double low, double high) {
        Interval interval = ProportionDifference.newcombe(k1, n1, k2, n2, confidence);
        assertThat(interval.low()).isCloseTo(low, exact(low));
        assertThat(interval.high()).isCloseTo(high, exact(high));
    }

    @Test
    void matchesNewcombesPublishedExamples() {
        // Newcombe (1998), Statistics in Medicine 17:873-890, Table II, method 10, to the 4 decimals printed.
        Interval a = ProportionDifference.newcombe(56, 70, 48, 80);
        assertThat(a.low()).isCloseTo(0.0524, within(5e-5));
        assertThat(a.high()).isCloseTo(0.3339, within(5e-5));
        Interval b = ProportionDifference.newcombe(9, 10, 3, 10);
        assertThat(b.low()).isCloseTo(0.1705, within(5e-5));
        assertThat(b.high()).isCloseTo(0.8090, within(5e-5));
    }

    @Test
    void swappingTheSamplesMirrorsTheInterval() {
        Interval forward = ProportionDifference.newcombe(2, 3, 0, 3);
        Interval backward = ProportionDifference.newcombe(0, 3, 2, 3);
        assertThat(backward.low()).isEqualTo(-forward.high());
        assertThat(backward.high()).isEqualTo(-forward.low());
    }

    @Test
    void rejectsEmptySamplesAndImpossibleCounts() {
        assertThatThrownBy(() -> ProportionDifference.newcombe(0, 0, 1, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("trials1 must be > 0, got 0");
        assertThatThrownBy(() -> ProportionDifference.newcombe(1, 3, 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("trials2 must be > 0, got 0");
        assertThatThrownBy(() -> ProportionDifference.newcombe(1, 3, 5, 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("successes2 must be in [0, trials2] = [0, 4], got 5");
        assertThatThrownBy(() -> ProportionDifference.newcombe(1, 3, 1, 4, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("confidence must be in (0, 1), got 0.0");
    }
}

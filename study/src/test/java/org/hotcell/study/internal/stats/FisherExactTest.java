package org.hotcell.study.internal.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hotcell.study.internal.stats.Tolerances.exact;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Fisher's exact test against SciPy. */
class FisherExactTest {

    @ParameterizedTest(name = "[[{0}, {1}], [{2}, {3}]]: odds ratio {4}, p = {5}")
    @CsvSource({
            // scipy.stats.fisher_exact([[a, b], [c, d]]): statistic, pvalue
            "8,    2,    1,    5,    20.0,                 0.034965034965034975",
            "1,    9,    11,   3,    0.030303030303030304, 0.0027594561852200836",
            // symmetric margins: the mirror table is exactly as likely and must be counted
            "3,    1,    1,    3,    9.0,                  0.48571428571428565",
            "0,    5,    5,    0,    0.0,                  0.007936507936507938",
            "5,    0,    0,    5,    Infinity,             0.007936507936507938",
            "3,    0,    0,    3,    Infinity,             0.10000000000000002",
            "2,    7,    8,    2,    0.07142857142857142,  0.02301413756522116",
            "0,    3,    4,    2,    0.0,                  0.16666666666666669",
            // p-values of 1: the observed table is the most likely one
            "10,   10,   10,   10,   1.0,                  1.0",
            "5,    5,    5,    6,    1.2,                  1.0",
            // thousands of runs
            "1200, 800,  1000, 1000, 1.5,                  2.4515720638785275e-10",
            "1500, 1500, 1450, 1550, 1.0689655172413792,   0.20574199522169212",
            "1000, 1010, 1010, 1000, 0.9802960494069209,   0.7764941342426515",
            "2,    3000, 9,    2990, 0.22148148148148147,  0.03832405330255329",
    })
    void matchesScipy(int a, int b, int c, int d, double oddsRatio, double p) {
        TestResult result = FisherExact.twoSided(a, b, c, d);
        assertThat(result.statistic()).isCloseTo(oddsRatio, exact(oddsRatio));
        assertThat(result.pValue()).isCloseTo(p, exact(p));
        assertThat(result.method()).isEqualTo(PValueMethod.EXACT);
    }

    @Test
    void anEmptyRowOrColumnHasNothingToTest() {
        // scipy.stats.fisher_exact([[0, 0], [3, 4]]) and ([[3, 0], [4, 0]]): statistic nan, pvalue 1.0
        assertThat(FisherExact.twoSided(0, 0, 3, 4)).isEqualTo(new TestResult(Double.NaN, 1, PValueMethod.EXACT));
        assertThat(FisherExact.twoSided(3, 0, 4, 0)).isEqualTo(new TestResult(Double.NaN, 1, PValueMethod.EXACT));
    }

    @Test
    void transposingOrSwappingRowsKeepsThePValue() {
        double p = FisherExact.twoSided(8, 2, 1, 5).pValue();
        assertThat(FisherExact.twoSided(8, 1, 2, 5).pValue()).isCloseTo(p, exact(p));
        assertThat(FisherExact.twoSided(1, 5, 8, 2).pValue()).isCloseTo(p, exact(p));
    }

    @Test
    void rejectsNegativeCellsAndOverflowingTotals() {
        assertThatThrownBy(() -> FisherExact.twoSided(1, 2, -3, 4)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("c must be >= 0, got -3");
        assertThatThrownBy(() -> FisherExact.twoSided(Integer.MAX_VALUE, 1, 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a + b + c + d must be at most 2147483647, got 2147483648");
    }
}

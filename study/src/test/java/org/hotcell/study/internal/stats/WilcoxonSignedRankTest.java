package org.hotcell.study.internal.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hotcell.study.internal.stats.Tolerances.exact;

import java.util.Arrays;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The signed-rank test against SciPy: {@code r = scipy.stats.wilcoxon(x, y)}, defaults, statistic and pvalue. */
class WilcoxonSignedRankTest {

    /** (37 i) mod 101 for i = 0..n-1; against 30.25 no difference is zero and no two |differences| tie. */
    static double[] spread(int n) {
        return IntStream.range(0, n).mapToDouble(i -> (i * 37) % 101).toArray();
    }

    /** (37 i) mod m - shift: few distinct values, so many ties (and zeros when shift is whole). */
    static double[] coarse(int n, int modulus, double shift) {
        return IntStream.range(0, n).mapToDouble(i -> (i * 37) % modulus - shift).toArray();
    }

    static double[] constant(int n, double value) {
        double[] values = new double[n];
        Arrays.fill(values, value);
        return values;
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                // x, y, statistic, p, method
                Arguments.of("10 pairs, exact", new double[]{1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30, 2.01},
                        new double[]{0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29, 1.5},
                        5.0, 0.01953125, PValueMethod.EXACT),
                Arguments.of("50 pairs, exact", spread(50), constant(50, 30.25),
                        247.0, 9.040639391599825e-05, PValueMethod.EXACT),
                Arguments.of("51 pairs, normal", spread(51), constant(51, 30.25),
                        261.0, 0.00016447262174207135, PValueMethod.NORMAL_APPROXIMATION),
                Arguments.of("a zero and ties, 6 pairs: exact given the ties", new double[]{1, 2, 0, -1, 3, 2},
                        constant(6, 0), 1.5, 0.1875, PValueMethod.EXACT),
                Arguments.of("ties, 8 pairs: exact given the ties", new double[]{1.5, -0.5, 2, 2, 3, -1, 4, 4},
                        constant(8, 0), 3.0, 0.0390625, PValueMethod.EXACT),
                Arguments.of("zeros and ties, 13 pairs: exact given the ties", coarse(13, 11, 3), constant(13, 0),
                        20.5, 0.15966796875, PValueMethod.EXACT),
                Arguments.of("zeros and ties, 14 pairs: normal", coarse(14, 11, 3), constant(14, 0),
                        20.5, 0.07968802567429142, PValueMethod.NORMAL_APPROXIMATION),
                Arguments.of("zeros and ties, 20 pairs: normal", coarse(20, 11, 3), constant(20, 0),
                        39.0, 0.023751382403295128, PValueMethod.NORMAL_APPROXIMATION),
                Arguments.of("ties, 30 pairs: normal", coarse(30, 7, 3), constant(30, 0.5),
                        156.0, 0.11263708399738366, PValueMethod.NORMAL_APPROXIMATION),
                Arguments.of("p near 1, exact", new double[]{1, -2, 3, -4, 5, -6, 7, -8}, constant(8, 0),
                        16.0, 0.84375, PValueMethod.EXACT),
                Arguments.of("one pair", new double[]{2}, new double[]{0}, 0.0, 1.0, PValueMethod.EXACT),
                Arguments.of("every difference zero", constant(5, 0), constant(5, 0), 0.0, 1.0, PValueMethod.EXACT));
    }

    /** The exact cases with few enough pairs to enumerate their 2^n sign flips. */
    static Stream<Arguments> smallExactCases() {
        return cases().filter(c -> c.get()[5] == PValueMethod.EXACT && ((double[]) c.get()[1]).length <= 16);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesScipy(String name, double[] x, double[] y, double statistic, double p, PValueMethod method) {
        TestResult result = WilcoxonSignedRank.test(x, y);
        assertThat(result.statistic()).isEqualTo(statistic);
        assertThat(result.pValue()).isCloseTo(p, exact(p));
        assertThat(result.method()).isEqualTo(method);
    }

    /**
     * Where the p-value is exact it equals the share, over all 2^n sign flips of the differences, of rank sums
     * of the positive ones at least as far into either tail: ties and zeros included.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("smallExactCases")
    void exactPValuesMatchEnumeratingTheSignFlips(String name, double[] x, double[] y, double statistic,
                                                 double p, PValueMethod method) {
        double[] d = IntStream.range(0, x.length).mapToDouble(i -> x[i] - y[i]).filter(v -> v != 0).toArray();
        double[] magnitudes = Arrays.stream(d).map(Math::abs).toArray();
        double observed = plusRankSum(d, magnitudes);
        long atMost = 0;
        long atLeast = 0;
        for (int signs = 0; signs < 1 << d.length; signs++) {
            double[] flipped = d.clone();
            for (int i = 0; i < d.length; i++) {
                if ((signs & 1 << i) != 0) {
                    flipped[i] = -flipped[i];
                }
            }
            double sum = plusRankSum(flipped, magnitudes);
            atMost += sum <= observed ? 1 : 0;
            atLeast += sum >= observed ? 1 : 0;
        }
        double expected = Math.min(1, 2.0 * Math.min(atMost, atLeast) / (1 << d.length));
        assertThat(WilcoxonSignedRank.test(x, y).pValue()).isCloseTo(expected, exact(expected));
    }

    /** The sum of the average ranks of |d| over the positive d, by counting (no shared code with the test). */
    private static double plusRankSum(double[] d, double[] magnitudes) {
        double sum = 0;
        for (int i = 0; i < d.length; i++) {
            if (d[i] > 0) {
                int below = 0;
                int equal = 0;
                for (double m : magnitudes) {
                    below += m < magnitudes[i] ? 1 : 0;
                    equal += m == magnitudes[i] ? 1 : 0;
                }
                sum += below + (equal + 1) / 2.0;
            }
        }
        return sum;
    }

    @Test
    void everyDifferenceZeroGivesOneWhereScipyGivesNaN() {
        // scipy.stats.wilcoxon(numpy.zeros(20)): statistic 0.0, pvalue nan (its normal approximation divides by 0).
        assertThat(WilcoxonSignedRank.test(constant(20, 1.5), constant(20, 1.5)))
                .isEqualTo(new TestResult(0, 1, PValueMethod.EXACT));
    }

    @Test
    void swappingTheSamplesKeepsTheResult() {
        double[] x = {1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30, 2.01};
        double[] y = {0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29, 1.5};
        assertThat(WilcoxonSignedRank.test(y, x)).isEqualTo(WilcoxonSignedRank.test(x, y));
    }

    @Test
    void rejectsUnpairedEmptyAndNonFiniteSamples() {
        assertThatThrownBy(() -> WilcoxonSignedRank.test(new double[]{1, 2}, new double[]{1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("x and y must have the same length (they are paired), got 2 and 1");
        assertThatThrownBy(() -> WilcoxonSignedRank.test(new double[0], new double[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("x must have at least 1 value, got 0");
        assertThatThrownBy(() -> WilcoxonSignedRank.test(new double[]{1}, new double[]{Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("y[0] must be finite, got NaN");
    }
}

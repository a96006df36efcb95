package org.hotcell.study.internal.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hotcell.study.internal.stats.Tolerances.exact;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Mann-Whitney against SciPy: {@code r = scipy.stats.mannwhitneyu(x, y, alternative='two-sided', method='auto')}
 * gives U = {@code r.statistic}, p = {@code r.pvalue} and superiority = {@code r.statistic / (len(x) * len(y))};
 * the Hodges-Lehmann shift is {@code numpy.median(numpy.subtract.outer(x, y))}.
 */
class MannWhitneyTest {

    /** 2 ((37 i) mod 401) for i = 0..n-1: distinct even numbers, {@code [2*((i*37)%401) for i in range(n)]}. */
    static double[] even(int n) {
        return IntStream.range(0, n).mapToDouble(i -> 2 * ((i * 37) % 401)).toArray();
    }

    /** 2 ((53 j) mod 97) + 1 for j = 0..n-1 &lt; 97: distinct odd numbers, never tied with {@link #even}. */
    static double[] odd(int n) {
        return IntStream.range(0, n).mapToDouble(j -> 2 * ((j * 53) % 97) + 1).toArray();
    }

    /** Many ties within and between the samples: (37 i) mod 11 and (53 j) mod 13. */
    static double[] modulo(int n, int factor, int modulus) {
        return IntStream.range(0, n).mapToDouble(i -> (i * factor) % modulus).toArray();
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                // x, y, U, p, superiority, Hodges-Lehmann, method
                Arguments.of("separated, exact", new double[]{1, 2, 3, 4, 5}, new double[]{6, 7, 8, 9, 10},
                        0.0, 0.007936507936507936, 0.0, -5.0, PValueMethod.EXACT),
                Arguments.of("interleaved, exact", new double[]{0.5, 2.25, 3.0, 7.5},
                        new double[]{1.0, 1.5, 4.0, 5.25, 6.0, 8.0},
                        9.0, 0.6095238095238095, 0.375, -1.0, PValueMethod.EXACT),
                Arguments.of("3 against 40, exact", even(3), odd(40),
                        50.0, 0.6681792399319342, 0.4166666666666667, -17.0, PValueMethod.EXACT),
                Arguments.of("8 against 200, exact", odd(8), even(200),
                        165.0, 2.0562774508914804e-05, 0.103125, -313.0, PValueMethod.EXACT),
                Arguments.of("8 against 3000, exact, far in the tail",
                        IntStream.range(0, 8).mapToDouble(i -> 2 * i + 0.5).toArray(),
                        IntStream.range(0, 3000).mapToDouble(j -> j).toArray(),
                        64.0, 1.4927432223701086e-17, 0.0026666666666666666, -1492.0, PValueMethod.EXACT),
                Arguments.of("8 against 9, exact", even(8), odd(9),
                        58.0, 0.03595228301110654, 0.8055555555555556, 178.0, PValueMethod.EXACT),
                Arguments.of("9 against 9, normal", even(9), odd(9),
                        67.0, 0.021684111364991994, 0.8271604938271605, 221.0, PValueMethod.NORMAL_APPROXIMATION),
                Arguments.of("small with ties, normal", new double[]{1, 2, 2, 3, 4}, new double[]{2, 3, 3, 5, 6, 7},
                        6.0, 0.11390314458853068, 0.2, -2.0, PValueMethod.NORMAL_APPROXIMATION),
                Arguments.of("30 against 35, normal", even(30), odd(35),
                        885.0, 2.2377707681914797e-06, 0.8428571428571429, 256.0, PValueMethod.NORMAL_APPROXIMATION),
                Arguments.of("many ties, normal", modulo(25, 37, 11), modulo(30, 53, 13),
                        349.5, 0.6715587106114251, 0.466, 0.0, PValueMethod.NORMAL_APPROXIMATION),
                Arguments.of("all equal", new double[]{2, 2, 2}, new double[]{2, 2},
                        3.0, 1.0, 0.5, 0.0, PValueMethod.NORMAL_APPROXIMATION),
                Arguments.of("U at its mean, exact", new double[]{1, 4}, new double[]{2, 3},
                        2.0, 1.0, 0.5, 0.0, PValueMethod.EXACT),
                Arguments.of("one against one", new double[]{1}, new double[]{2},
                        0.0, 1.0, 0.0, -1.0, PValueMethod.EXACT));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesScipy(String name, double[] x, double[] y, double u, double p, double superiority,
                      double shift, PValueMethod method) {
        MannWhitneyResult result = MannWhitney.test(x, y);
        assertThat(result.u()).isEqualTo(u);
        assertThat(result.pValue()).isCloseTo(p, exact(p));
        assertThat(result.probabilityOfSuperiority()).isCloseTo(superiority, exact(superiority));
        assertThat(result.hodgesLehmannShift()).isEqualTo(shift);
        assertThat(result.method()).isEqualTo(method);
    }

    @Test
    void swappingTheSamplesKeepsThePValueAndMirrorsTheEffects() {
        MannWhitneyResult forward = MannWhitney.test(even(6), odd(11));
        MannWhitneyResult backward = MannWhitney.test(odd(11), even(6));
        assertThat(backward.pValue()).isCloseTo(forward.pValue(), exact(forward.pValue()));
        assertThat(backward.u()).isEqualTo(6 * 11 - forward.u());
        assertThat(backward.probabilityOfSuperiority())
                .isCloseTo(1 - forward.probabilityOfSuperiority(), exact(forward.probabilityOfSuperiority()));
        assertThat(backward.hodgesLehmannShift()).isEqualTo(-forward.hodgesLehmannShift());
    }

    /** The exact p-value equals a count over every way to place x's ranks among the n1 + n2, for small sizes. */
    @ParameterizedTest(name = "{0} against {1}")
    @CsvSource({"1, 1", "1, 7", "2, 5", "3, 3", "4, 6", "5, 5", "6, 4", "8, 3"})
    void exactPValueMatchesEnumeration(int n1, int n2) {
        int n = n1 + n2;
        List<Integer> us = new ArrayList<>();
        for (int mask = 0; mask < 1 << n; mask++) {
            if (Integer.bitCount(mask) == n1) {
                us.add(uOfRanks(mask, n));
            }
        }
        // One ordering per observed U (x takes the ranks of mask): its p-value is the share of Us as extreme.
        for (int mask = 0; mask < 1 << n; mask++) {
            if (Integer.bitCount(mask) != n1) {
                continue;
            }
            double[] x = new double[n1];
            double[] y = new double[n2];
            int i = 0;
            int j = 0;
            for (int rank = 0; rank < n; rank++) {
                if ((mask & 1 << rank) != 0) {
                    x[i++] = rank;
                } else {
                    y[j++] = rank;
                }
            }
            int u = uOfRanks(mask, n);
            int far = Math.max(u, n1 * n2 - u);
            long asExtreme = us.stream().filter(v -> Math.max(v, n1 * n2 - v) >= far).count();
            double expected = Math.min(1, (double) asExtreme / us.size());
            MannWhitneyResult result = MannWhitney.test(x, y);
            assertThat(result.method()).isEqualTo(PValueMethod.EXACT);
            assertThat(result.u()).isEqualTo(u);
            assertThat(result.pValue()).isCloseTo(expected, exact(expected));
        }
    }

    /** U of x when x holds the ranks set in mask: pairs of an x rank above a y rank. */
    private static int uOfRanks(int mask, int n) {
        int u = 0;
        int ysBelow = 0;
        for (int rank = 0; rank < n; rank++) {
            if ((mask & 1 << rank) != 0) {
                u += ysBelow;
            } else {
                ysBelow++;
            }
        }
        return u;
    }

    @Test
    void rejectsEmptyAndNonFiniteSamples() {
        assertThatThrownBy(() -> MannWhitney.test(new double[0], new double[]{1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("x must have at least 1 value, got 0");
        assertThatThrownBy(() -> MannWhitney.test(new double[]{1}, new double[]{2, Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("y[1] must be finite, got NaN");
        assertThatThrownBy(() -> MannWhitney.test(new double[]{Double.POSITIVE_INFINITY}, new double[]{2}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("x[0] must be finite, got Infinity");
        assertThatThrownBy(() -> MannWhitney.test(null, new double[]{2}))
                .isInstanceOf(NullPointerException.class).hasMessage("x");
    }
}

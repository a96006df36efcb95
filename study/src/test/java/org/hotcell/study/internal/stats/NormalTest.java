package org.hotcell.study.internal.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.hotcell.study.internal.stats.Tolerances.relative;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The normal CDF and quantile against SciPy (and mpmath where SciPy's own tail loses digits). */
class NormalTest {

    @ParameterizedTest(name = "cdf({0}) = {1}")
    @CsvSource({
            // scipy.special.ndtr(x)
            "-5,   2.866515718791933e-07",
            "-2.5, 0.006209665325776132",
            "-1,   0.15865525393145707",
            "-0.1, 0.460172162722971",
            "0,    0.5",
            "0.3,  0.6179114221889526",
            "1,    0.8413447460685429",
            "2.5,  0.9937903346742238",
            "3,    0.9986501019683699",
            "8,    0.9999999999999993",
            // Deep in the lower tail, relative accuracy kept: mpmath.ncdf(x) at 40 digits, since
            // scipy.special.ndtr is up to 6e-14 off this far out (it rounds x / sqrt 2).
            "-37.5, 4.605353009581955e-308",
            "-30,   4.906713927148187e-198",
            "-20,   2.7536241186062337e-89",
            "-10,   7.619853024160525e-24",
    })
    void cdfMatchesScipyAndMpmath(double x, double expected) {
        assertThat(Normal.cdf(x)).isCloseTo(expected, relative(expected, 1e-14));
    }

    @Test
    void cdfOfTheInfinitiesAndBeyondTheSmallestDouble() {
        assertThat(Normal.cdf(Double.NEGATIVE_INFINITY)).isZero();
        assertThat(Normal.cdf(-50)).isZero();
        assertThat(Normal.cdf(Double.POSITIVE_INFINITY)).isEqualTo(1.0);
        assertThat(Normal.cdf(50)).isEqualTo(1.0);
    }

    @ParameterizedTest(name = "quantile({0}) = {1}")
    @CsvSource({
            // scipy.special.ndtri(p)
            "1e-300,  -37.0470962993612",
            "1e-20,   -9.262340089798409",
            "1e-10,   -6.361340902404056",
            "0.001,   -3.090232306167813",
            "0.02425, -1.972961051311885",
            "0.025,   -1.9599639845400545",
            "0.3,     -0.5244005127080409",
            "0.7,     0.5244005127080407",
            "0.975,   1.959963984540054",
            "0.999,   3.090232306167813",
    })
    void quantileMatchesScipy(double p, double expected) {
        assertThat(Normal.quantile(p)).isCloseTo(expected, relative(expected, 1e-14));
    }

    @Test
    void quantileOfTheEndsAndTheMiddle() {
        assertThat(Normal.quantile(0)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(Normal.quantile(1)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(Normal.quantile(0.5)).isZero();
    }

    /** Above the median cdf(x) rounds to 1 - eps/2 steps, which hides digits of x: hence no large positive x. */
    @ParameterizedTest(name = "quantile(cdf({0})) = {0}")
    @ValueSource(doubles = {-30, -12.5, -6, -2.51, -2.49, -1e-3, 0.7, 2, 2.5})
    void quantileInvertsTheCdf(double x) {
        assertThat(Normal.quantile(Normal.cdf(x))).isCloseTo(x, within(Math.abs(x) * 1e-12 + 1e-14));
    }

    @Test
    void rejectsWhatIsNotAProbabilityOrANumber() {
        assertThatThrownBy(() -> Normal.cdf(Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("x must not be NaN");
        assertThatThrownBy(() -> Normal.quantile(-0.1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("p must be in [0, 1], got -0.1");
        assertThatThrownBy(() -> Normal.quantile(Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("p must be in [0, 1], got NaN");
    }
}

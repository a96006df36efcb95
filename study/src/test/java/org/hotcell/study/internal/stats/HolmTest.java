package org.hotcell.study.internal.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Holm's adjustment. SciPy has none; the expected values are worked by hand and checked with numpy:
 * {@code o = argsort(p, kind='stable'); a = maximum.accumulate(minimum(1, (m - arange(m)) * p[o]))}, a put back
 * in place o (what R's {@code p.adjust(p, "holm")} computes).
 */
class HolmTest {

    @Test
    void aWorkedExampleInTheOriginalOrder() {
        // Sorted: 0.005 * 4 = 0.02, 0.01 * 3 = 0.03, 0.03 * 2 = 0.06, 0.04 * 1 = 0.04 -> 0.06 (kept monotone).
        assertThat(Holm.adjust(0.01, 0.04, 0.03, 0.005))
                .containsExactly(new double[]{0.03, 0.06, 0.06, 0.02}, within(1e-15));
    }

    @Test
    void tiesGetEqualValuesAndLargeOnesAreCappedAtOne() {
        assertThat(Holm.adjust(0.2, 0.01, 0.01, 0.6, 0.04))
                .containsExactly(new double[]{0.4, 0.05, 0.05, 0.6, 0.12}, within(1e-15));
        assertThat(Holm.adjust(0.0012, 0.0004, 0.02, 0.3, 0.019, 0.009))
                .containsExactly(new double[]{0.0060, 0.0024, 0.057, 0.3, 0.057, 0.036}, within(1e-15));
        assertThat(Holm.adjust(0.5, 0.9)).containsExactly(1.0, 1.0);
    }

    @Test
    void oneOrNoPValueIsLeftAlone() {
        assertThat(Holm.adjust(0.03)).containsExactly(0.03);
        assertThat(Holm.adjust()).isEmpty();
    }

    @Test
    void rejectsWhatIsNotAProbability() {
        assertThatThrownBy(() -> Holm.adjust(0.1, 1.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pValues[1] must be in [0, 1], got 1.5");
        assertThatThrownBy(() -> Holm.adjust(Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pValues[0] must be in [0, 1], got NaN");
        assertThatThrownBy(() -> Holm.adjust((double[]) null)).isInstanceOf(NullPointerException.class)
                .hasMessage("pValues");
    }
}

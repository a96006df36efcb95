package org.hotcell.study.internal.stats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The median used by the claims, the timings and the report. */
class MedianTest {

    @Test
    void middleValueOrMeanOfTheMiddleTwoAndNaNForNone() {
        double[] values = {5, 1, 3};
        assertThat(Median.of(values)).isEqualTo(3);
        assertThat(values).containsExactly(5, 1, 3);
        assertThat(Median.of(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
        assertThat(Median.of(new double[] {Double.POSITIVE_INFINITY, 1, 2})).isEqualTo(2);
        assertThat(Median.of(new double[0])).isNaN();
    }
}

package org.hotcell.example.streaming.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;

import org.hotcell.core.error.InvalidSpecException;
import org.junit.jupiter.api.Test;

class CalibrationTest {

    /** Sensor 0 errs by +-1, sensor 1 by +-2: both have sigma equal to that, so every score is 1 but one. */
    @Test
    void standardizesPerSensorAndTakesTheQuantile() {
        List<float[]> residuals = new ArrayList<>();
        for (int i = 0; i < 99; i++) {
            float sign = i % 2 == 0 ? 1 : -1;
            residuals.add(new float[] {sign, 2 * sign});
        }
        residuals.add(new float[] {0, 0});
        Calibration c = Calibration.fit(residuals, 0.5);
        double sigma0 = Math.sqrt(99.0 / 100);
        assertThat(c.sigma()[0]).isCloseTo(sigma0, within(1e-9));
        assertThat(c.sigma()[1]).isCloseTo(2 * sigma0, within(1e-9));
        assertThat(c.threshold()).isCloseTo(1 / sigma0, within(1e-6));
        // The score is the largest standardized error over the sensors.
        assertThat(c.score(new float[] {0.5f, -6f})).isCloseTo(3 / sigma0, within(1e-6));
        assertThat(c.flags(new float[] {0.5f, -6f})).isTrue();
        assertThat(c.flags(new float[] {0.5f, 1f})).isFalse();
    }

    @Test
    void theQuantileSetsHowManyNormalStepsAreFlagged() {
        List<float[]> residuals = new ArrayList<>();
        for (int i = 1; i <= 200; i++) {
            residuals.add(new float[] {i});
        }
        Calibration c = Calibration.fit(residuals, 0.95);
        long flagged = residuals.stream().filter(c::flags).count();
        assertThat(flagged).isEqualTo(10);
    }

    @Test
    void badInputIsNamed() {
        assertThatThrownBy(() -> Calibration.fit(List.of(), 0.9))
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("at least one normal step");
        assertThatThrownBy(() -> Calibration.fit(List.<float[]>of(new float[] {1}), 1.0))
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("quantile").hasMessageContaining("1.0");
    }
}

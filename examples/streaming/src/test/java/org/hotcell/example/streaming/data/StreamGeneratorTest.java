package org.hotcell.example.streaming.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;

import org.hotcell.core.error.InvalidSpecException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class StreamGeneratorTest {
    private static final StreamGenerator GENERATOR = StreamGenerator.standard();

    @Test
    void theSameSeedGivesTheSameStream() {
        LabelledStream a = GENERATOR.withAnomalies(200, 3, new SplittableRandom(5));
        LabelledStream b = GENERATOR.withAnomalies(200, 3, new SplittableRandom(5));
        assertThat(a.values()).isDeepEqualTo(b.values());
        assertThat(a.labels()).isEqualTo(b.labels());
        assertThat(a.anomalies()).isEqualTo(b.anomalies());
    }

    @Test
    void normalStreamsHaveNoLabelsAndStayNearTheirRange() {
        LabelledStream s = GENERATOR.normal(500, new SplittableRandom(1));
        assertThat(s.labels()).doesNotContain(true);
        assertThat(s.anomalies()).isEmpty();
        for (float[] row : s.values()) {
            for (float v : row) {
                assertThat(Math.abs(v)).isLessThan(1.4f);
            }
        }
    }

    /** Each fault changes exactly what it claims, and the labels are exactly its steps plus the one after. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void faultsChangeWhatTheyClaimAndAreLabelled(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        LabelledStream faulty = GENERATOR.withAnomalies(300, 3, random);
        // The same draws without injection: replay the random stream up to the clean values.
        LabelledStream clean = GENERATOR.normal(300, new SplittableRandom(seed));
        boolean[] expectedLabels = new boolean[300];
        for (Anomaly a : faulty.anomalies()) {
            assertThat(a.start()).isGreaterThanOrEqualTo(GENERATOR.warmup());
            for (int t = a.start(); t <= a.lastLabelledStep(); t++) {
                expectedLabels[t] = true;
            }
            for (int t = a.start(); t < a.start() + a.length(); t++) {
                float got = faulty.values()[t][a.sensor()];
                float was = clean.values()[t][a.sensor()];
                switch (a.kind()) {
                    case SPIKE, LEVEL_SHIFT -> assertThat(got).isEqualTo((float) (was + a.magnitude()));
                    case FROZEN -> assertThat(got).isEqualTo(clean.values()[a.start() - 1][a.sensor()]);
                }
            }
        }
        assertThat(faulty.labels()).isEqualTo(expectedLabels);
        // Outside the faults, readings are the clean ones.
        for (int t = 0; t < 300; t++) {
            for (int s = 0; s < GENERATOR.sensors(); s++) {
                if (!expectedLabels[t]) {
                    assertThat(faulty.values()[t][s]).isEqualTo(clean.values()[t][s]);
                }
            }
        }
    }

    @Test
    void aStreamTooShortForItsFaultsIsRefused() {
        assertThatThrownBy(() -> GENERATOR.withAnomalies(60, 3, new SplittableRandom(1)))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("60 steps cannot hold 3 faults");
    }
}

package org.hotcell.study.internal.timing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class SamplesTest {

    @Test
    void theMedianIsTheMiddleValueOrTheMeanOfTheTwoMiddleOnes() {
        assertThat(new Samples("ms/step", List.of(5.0, 1.0, 3.0)).median()).isEqualTo(3.0);
        assertThat(new Samples("ms/step", List.of(4.0, 1.0, 3.0, 100.0)).median()).isEqualTo(3.5);
        assertThat(Samples.of("ns/element", new double[] {2, 9, 4, 7}, 3).values()).containsExactly(2.0, 9.0, 4.0);
    }

    @Test
    void thereIsAtLeastOneSample() {
        assertThatThrownBy(() -> new Samples("ms/step", List.of())).hasMessage("no ms/step samples");
    }
}

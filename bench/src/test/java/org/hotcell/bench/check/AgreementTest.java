package org.hotcell.bench.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AgreementTest {

    @Test
    void errorIsRelativeToTheLargestExpectedMagnitude() {
        // worst difference 0.001 against a largest magnitude of 10: 1e-4
        assertThat(Agreement.relativeError(new float[] {10f, 0f}, new float[] {10f, 0.001f}))
                .isCloseTo(1e-4, org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void acceptsWithinToleranceAndNamesTheWorstElementOtherwise() {
        float[] expected = {1f, 2f, 3f};
        assertThatCode(() -> Agreement.require("x", expected, new float[] {1f, 2.0001f, 3f}, 1e-4))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> Agreement.require("engine a vs b", expected, new float[] {1f, 2f, 3.1f}, 1e-4))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("engine a vs b").hasMessageContaining("element 2 of 3")
                .hasMessageContaining("expected 3.0, got 3.1");
    }

    @Test
    void nonFiniteValuesNeverAgree() {
        assertThat(Agreement.relativeError(new float[] {1f}, new float[] {Float.NaN})).isNaN();
        assertThatThrownBy(() -> Agreement.require("nan", new float[] {1f}, new float[] {Float.NaN}, 1))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void lengthsMustMatch() {
        assertThatThrownBy(() -> Agreement.relativeError(new float[2], new float[3]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 expected").hasMessageContaining("3 actual");
    }
}

package org.hotcell.model.init;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.SplittableRandom;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class InitializersTest {

    @Property(tries = 30)
    void orthogonalBlocksHaveOrthonormalRows(@ForAll @IntRange(min = 1, max = 24) int n, @ForAll long seed) {
        float[] w = new float[n * n + 3];
        Initializers.orthogonal(w, 3, n, new SplittableRandom(seed));
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                double dot = 0;
                for (int j = 0; j < n; j++) {
                    dot += (double) w[3 + i * n + j] * w[3 + k * n + j];
                }
                assertThat(dot).isCloseTo(i == k ? 1 : 0, offset(1e-5));
            }
        }
    }

    @Property(tries = 30)
    void glorotStaysWithinItsLimit(@ForAll @IntRange(min = 1, max = 50) int fanIn,
                                   @ForAll @IntRange(min = 1, max = 50) int fanOut, @ForAll long seed) {
        float[] w = new float[fanIn * fanOut];
        Initializers.glorotUniform(w, 0, fanOut, fanIn, fanIn, fanOut, new SplittableRandom(seed));
        double limit = Math.sqrt(6.0 / (fanIn + fanOut));
        for (float v : w) {
            assertThat(Math.abs(v)).isLessThanOrEqualTo((float) limit);
        }
    }

    @Property(tries = 10)
    void theSameSeedGivesTheSameBits(@ForAll long seed) {
        float[] a = new float[64];
        float[] b = new float[64];
        Initializers.orthogonal(a, 0, 8, new SplittableRandom(seed));
        Initializers.orthogonal(b, 0, 8, new SplittableRandom(seed));
        assertThat(a).containsExactly(b);
    }

    @Property(tries = 5)
    void glorotHasTheVarianceOfItsUniformLaw(@ForAll long seed) {
        int fanIn = 100;
        int fanOut = 100;
        float[] w = new float[20_000];
        Initializers.glorotUniform(w, 0, 200, 100, fanIn, fanOut, new SplittableRandom(seed));
        double sumSquares = 0;
        for (float v : w) {
            sumSquares += v * v;
        }
        // U(-a, a) has variance a^2 / 3 = 2 / (fanIn + fanOut).
        assertThat(sumSquares / w.length).isCloseTo(2.0 / (fanIn + fanOut), offset(0.001));
    }
}

package org.hotcell.activations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.hotcell.activations.function.BulkAccuracy;
import org.hotcell.activations.function.StandardActivation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Holds every bulk kernel to the bound its class documents, over a sweep far denser than the TCK's random
 * arrays: every 2^12-th float bit pattern (about a million values over the whole float line) plus a million
 * random values in [-30, 30].
 */
class BulkAccuracyTest {

    static float[] sweep() {
        int count = 1 << 20;
        float[] xs = new float[2 * count];
        for (int i = 0; i < count; i++) {
            xs[i] = Float.intBitsToFloat(i << 12);
        }
        Random random = new Random(7);
        for (int i = count; i < xs.length; i++) {
            xs[i] = (float) (random.nextDouble() * 60 - 30);
        }
        return xs;
    }

    private static final float[] SWEEP = sweep();

    @ParameterizedTest(name = "{0}")
    @FieldSource("org.hotcell.activations.Variants#SPECS")
    void bulkStaysWithinTheDocumentedBound(String specText) {
        StandardActivation activation = Variants.create(specText);
        BulkAccuracy bound = activation.bulkAccuracy();
        float[] bulk = new float[SWEEP.length];
        activation.apply(SWEEP, 0, bulk, 0, SWEEP.length);
        float[] scalarY = new float[SWEEP.length];
        for (int i = 0; i < SWEEP.length; i++) {
            scalarY[i] = activation.apply(SWEEP[i]);
        }
        float[] bulkD = new float[SWEEP.length];
        activation.derivative(SWEEP, 0, scalarY, 0, bulkD, 0, SWEEP.length);
        Worst apply = new Worst();
        Worst derivative = new Worst();
        for (int i = 0; i < SWEEP.length; i++) {
            apply.record(SWEEP[i], scalarY[i], bulk[i], bound);
            derivative.record(SWEEP[i], activation.derivative(SWEEP[i], scalarY[i]), bulkD[i], bound);
        }
        System.out.printf("%-32s apply: %s | derivative: %s | bound %d ulp + %.2g%n", specText, apply, derivative,
                bound.ulps(), bound.absolute());
        assertThat(apply.violation).as("apply").isNull();
        assertThat(derivative.violation).as("derivative").isNull();
    }

    /** The largest error seen, in ulp of the scalar result, beyond the absolute allowance. */
    private static final class Worst {
        double ulps;
        float at = Float.NaN;
        double absoluteUsed;
        String violation;

        void record(float x, float scalar, float bulk, BulkAccuracy bound) {
            if (Float.isNaN(scalar) || Float.isNaN(bulk)) {
                if (Float.isNaN(scalar) != Float.isNaN(bulk) && violation == null) {
                    violation = "at x = " + x + ": bulk " + bulk + ", scalar " + scalar;
                }
                return;
            }
            if (scalar == bulk) {
                return;
            }
            double error = Math.abs((double) bulk - scalar);
            absoluteUsed = Math.max(absoluteUsed, error - bound.ulps() * (double) Math.ulp(scalar));
            double inUlps = Math.max(0, error - bound.absolute()) / Math.ulp(scalar);
            if (Float.isInfinite(scalar) || Float.isInfinite(bulk)) {
                inUlps = Double.POSITIVE_INFINITY;
            }
            if (inUlps > ulps) {
                ulps = inUlps;
                at = x;
            }
            if (inUlps > bound.ulps() && violation == null) {
                violation = "at x = " + x + ": bulk " + bulk + ", scalar " + scalar + " (" + inUlps + " ulp)";
            }
        }

        @Override
        public String toString() {
            return String.format("%.2f ulp at x = %s, absolute allowance used %.2g", ulps, at, absoluteUsed);
        }
    }
}

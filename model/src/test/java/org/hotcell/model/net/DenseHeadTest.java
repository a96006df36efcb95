package org.hotcell.model.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import org.hotcell.core.backend.ReferenceBackend;
import org.hotcell.model.loss.Loss;
import org.hotcell.model.testing.CentralDifferences;
import org.hotcell.model.testing.TestModels;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The dense head's forward and backward against a double-precision re-derivation and finite differences. */
class DenseHeadTest {
    private static final int ROWS = 5;
    private static final int IN = 4;
    private static final int OUT = 3;

    @ParameterizedTest
    @ValueSource(strings = {"mse", "cross_entropy"})
    void gradientsMatchCentralDifferencesInDouble(String lossName) {
        SplittableRandom random = new SplittableRandom(7);
        float[] x = TestModels.gaussians(ROWS * IN, random);
        float[] w = TestModels.gaussians(OUT * IN, random);
        float[] b = TestModels.gaussians(OUT, random);
        float[] target = targets(lossName, random);
        Loss loss = Loss.named(lossName);
        DenseHead head = new DenseHead(ReferenceBackend.instance(), IN, OUT);

        float[] out = head.forward(x, ROWS, w, b);
        float[] dOut = new float[ROWS * OUT];
        double value = loss.evaluate(out, target, null, ROWS, OUT, dOut);
        float[] dW = new float[w.length];
        float[] db = new float[b.length];
        float[] dx = head.backward(x, ROWS, w, dOut, dW, db);

        double[] xd = toDouble(x);
        double[] wd = toDouble(w);
        double[] bd = toDouble(b);
        assertThat(value).isCloseTo(lossInDouble(lossName, xd, wd, bd, target), org.assertj.core.data.Offset.offset(1e-5));
        checkAgainstDifferences(dW, wd, () -> lossInDouble(lossName, xd, wd, bd, target));
        checkAgainstDifferences(db, bd, () -> lossInDouble(lossName, xd, wd, bd, target));
        checkAgainstDifferences(dx, xd, () -> lossInDouble(lossName, xd, wd, bd, target));
    }

    /** Perturbs each entry of {@code values} in place by +-h and compares the slope with {@code analytic}. */
    private static void checkAgainstDifferences(float[] analytic, double[] values,
                                                java.util.function.DoubleSupplier lossOf) {
        for (int i = 0; i < values.length; i++) {
            double numeric = CentralDifferences.slope(values, i, 1e-6, lossOf);
            assertThat((double) analytic[i]).as("gradient %d", i)
                    .isCloseTo(numeric, org.assertj.core.data.Offset.offset(1e-3 * Math.max(1e-2, Math.abs(numeric))));
        }
    }

    /** The loss recomputed from scratch in double precision, independently of the code under test. */
    private static double lossInDouble(String lossName, double[] x, double[] w, double[] b, float[] target) {
        double total = 0;
        for (int r = 0; r < ROWS; r++) {
            double[] y = new double[OUT];
            for (int o = 0; o < OUT; o++) {
                y[o] = b[o];
                for (int i = 0; i < IN; i++) {
                    y[o] += w[o * IN + i] * x[r * IN + i];
                }
            }
            if (lossName.equals("mse")) {
                for (int o = 0; o < OUT; o++) {
                    double d = y[o] - target[r * OUT + o];
                    total += d * d / OUT;
                }
            } else {
                double sum = 0;
                for (int o = 0; o < OUT; o++) {
                    sum += Math.exp(y[o]);
                }
                for (int o = 0; o < OUT; o++) {
                    total -= target[r * OUT + o] * (y[o] - Math.log(sum));
                }
            }
        }
        return total / ROWS;
    }

    private static float[] targets(String lossName, SplittableRandom random) {
        float[] target = new float[ROWS * OUT];
        for (int r = 0; r < ROWS; r++) {
            if (lossName.equals("mse")) {
                for (int o = 0; o < OUT; o++) {
                    target[r * OUT + o] = (float) random.nextGaussian();
                }
            } else {
                target[r * OUT + random.nextInt(OUT)] = 1f;
            }
        }
        return target;
    }

    private static double[] toDouble(float[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }
}

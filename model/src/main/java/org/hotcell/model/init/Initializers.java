package org.hotcell.model.init;

import java.util.SplittableRandom;

/**
 * Seeded weight initializers. Each draws from the {@link SplittableRandom} it is given, so the same seed gives
 * bit-identical weights on every machine (the generator and the arithmetic here are fully specified by Java).
 */
public final class Initializers {
    private Initializers() {
    }

    /**
     * Glorot (Xavier) uniform: every value of the {@code rows x cols} block at {@code off} drawn from
     * {@code U(-a, a)} with {@code a = sqrt(6 / (fanIn + fanOut))}, keeping the variance of activations and
     * gradients about equal across a layer.
     */
    public static void glorotUniform(float[] w, int off, int rows, int cols, int fanIn, int fanOut,
                                     SplittableRandom random) {
        double limit = Math.sqrt(6.0 / (fanIn + fanOut));
        for (int i = 0; i < rows * cols; i++) {
            w[off + i] = (float) ((2 * random.nextDouble() - 1) * limit);
        }
    }

    /**
     * A random orthogonal {@code n x n} block at {@code off} (row-major): a Gaussian matrix orthonormalised
     * by modified Gram-Schmidt in double precision, rows in order. Orthogonal recurrent weights keep the
     * norm of a state through the linear part of a step, so gradients neither explode nor vanish from the
     * weights alone at the start of training.
     */
    public static void orthogonal(float[] w, int off, int n, SplittableRandom random) {
        double[][] rows = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                rows[i][j] = random.nextGaussian();
            }
        }
        for (int i = 0; i < n; i++) {
            // Modified Gram-Schmidt: remove from row i its projection on each earlier (already unit) row in turn.
            for (int k = 0; k < i; k++) {
                double dot = 0;
                for (int j = 0; j < n; j++) {
                    dot += rows[i][j] * rows[k][j];
                }
                for (int j = 0; j < n; j++) {
                    rows[i][j] -= dot * rows[k][j];
                }
            }
            double norm = 0;
            for (int j = 0; j < n; j++) {
                norm += rows[i][j] * rows[i][j];
            }
            norm = Math.sqrt(norm);
            if (norm < 1e-12) {
                // A (practically impossible) dependent draw: start this row again from fresh noise.
                for (int j = 0; j < n; j++) {
                    rows[i][j] = random.nextGaussian();
                }
                i--;
                continue;
            }
            for (int j = 0; j < n; j++) {
                rows[i][j] /= norm;
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                w[off + i * n + j] = (float) rows[i][j];
            }
        }
    }

    /** Sets {@code length} values from {@code off} to {@code value}. */
    public static void constant(float[] w, int off, int length, float value) {
        for (int i = 0; i < length; i++) {
            w[off + i] = value;
        }
    }
}

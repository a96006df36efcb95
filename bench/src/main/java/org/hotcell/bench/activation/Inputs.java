package org.hotcell.bench.activation;

import java.util.Random;

/** Benchmark inputs. */
final class Inputs {
    private Inputs() {
    }

    /** N(0, sigma^2) values: the pre-activations a trained gate sees are mostly within a few units of 0. */
    static float[] gaussian(int size, double sigma, Random random) {
        float[] a = new float[size];
        for (int i = 0; i < size; i++) {
            a[i] = (float) (random.nextGaussian() * sigma);
        }
        return a;
    }
}

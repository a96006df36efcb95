package org.hotcell.bench.activation;

import org.openjdk.jmh.annotations.Benchmark;

/** The baselines the issue sets: plain loops over {@code Math.tanh} and {@code 1/(1+Math.exp(-x))}. */
public class MathBaselineBenchmark extends LoopBenchmark {

    @Benchmark
    public float[] mathTanhLoop() {
        for (int i = 0; i < size; i++) {
            y[i] = (float) Math.tanh(x[i]);
        }
        return y;
    }

    @Benchmark
    public float[] mathSigmoidLoop() {
        for (int i = 0; i < size; i++) {
            y[i] = (float) (1.0 / (1.0 + Math.exp(-x[i])));
        }
        return y;
    }

    @Benchmark
    public float[] floatExpSigmoidLoop() {
        for (int i = 0; i < size; i++) {
            y[i] = 1f / (1f + (float) Math.exp(-x[i]));
        }
        return y;
    }
}

package org.hotcell.bench.activation;

import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** The baselines the issue sets: plain loops over {@code Math.tanh} and {@code 1/(1+Math.exp(-x))}. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class MathBaselineBenchmark {

    @Param("4096")
    public int size;

    private float[] x;
    private float[] y;

    @Setup
    public void setUp() {
        x = Inputs.gaussian(size, 3, new Random(42));
        y = new float[size];
    }

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

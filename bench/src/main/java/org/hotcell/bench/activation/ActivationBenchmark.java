package org.hotcell.bench.activation;

import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.hotcell.core.activation.Activation;
import org.hotcell.core.registry.PluginRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A standard activation over 4096 floats: its bulk (Vector API) form against a loop over its own scalar form.
 * Compare with {@link MathBaselineBenchmark} for the plain {@code Math.tanh} / {@code Math.exp} loops.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class ActivationBenchmark {

    @Param({"sigmoid", "tanh", "relu", "softplus", "elu", "silu", "gelu", "gelu(approximate=tanh)", "mish"})
    public String spec;

    @Param("4096")
    public int size;

    private Activation activation;
    private float[] x;
    private float[] y;
    private float[] d;

    @Setup
    public void setUp() {
        activation = PluginRegistry.discover().activation(spec);
        x = Inputs.gaussian(size, 3, new Random(42));
        y = new float[size];
        d = new float[size];
        // Check before measuring: a fast wrong kernel is worth nothing.
        activation.apply(x, 0, y, 0, size);
        for (int i = 0; i < size; i++) {
            float expected = activation.apply(x[i]);
            if (Math.abs(y[i] - expected) > 8 * Math.ulp(expected) + 1e-6f) {
                throw new IllegalStateException(spec + " bulk " + y[i] + " vs scalar " + expected + " at x = " + x[i]);
            }
        }
    }

    @Benchmark
    public float[] bulkApply() {
        activation.apply(x, 0, y, 0, size);
        return y;
    }

    @Benchmark
    public float[] scalarApplyLoop() {
        for (int i = 0; i < size; i++) {
            y[i] = activation.apply(x[i]);
        }
        return y;
    }

    @Benchmark
    public float[] bulkDerivative() {
        activation.derivative(x, 0, y, 0, d, 0, size);
        return d;
    }
}

package org.hotcell.bench.kernel;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import org.hotcell.backend.simd.SimdBackend;
import org.hotcell.bench.check.Agreement;
import org.hotcell.core.backend.Backend;
import org.hotcell.core.backend.PackedMatrix;
import org.hotcell.core.backend.ReferenceBackend;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The SIMD backend's matrix product alone, on one thread: {@code Y = X . W^T} with X {@code m x H} and W the
 * {@code 4H x H} recurrent weights of an LSTM, through {@link Backend#multiply} (what a batched recurrent step
 * runs). One call does {@code 2 * m * 4H * H} operations; the suite compares that rate with {@link FmaPeak}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SimdGemm {

    @Param({"32", "64"})
    public int m;

    @Param({"512", "1024"})
    public int hidden;

    /** Test hook: wraps the backend before the self-check, so a test can hand it a wrong one. */
    UnaryOperator<Backend> backendWrapper = UnaryOperator.identity();

    private Backend backend;
    private PackedMatrix packed;
    private float[] x;
    private float[] y;

    /** Operations of one product of m rows against a 4H x H matrix. */
    public static double flops(int m, int hidden) {
        return 2.0 * m * 4 * hidden * hidden;
    }

    @Setup
    public void setUp() {
        Random random = new Random(3);
        int rows = 4 * hidden;
        float[] w = new float[rows * hidden];
        x = new float[m * hidden];
        for (int i = 0; i < w.length; i++) {
            w[i] = random.nextFloat() * 2 - 1;
        }
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextFloat() * 2 - 1;
        }
        y = new float[m * rows];
        backend = backendWrapper.apply(SimdBackend.withThreadCount(1));
        packed = backend.pack(w, 0, rows, hidden);
        float[] expected = new float[m * rows];
        Backend reference = ReferenceBackend.instance();
        reference.multiply(x, 0, hidden, m, reference.pack(w, 0, rows, hidden), expected, 0, rows, false);
        Agreement.require("SimdGemm m=" + m + " H=" + hidden + " on " + backend.describe() + " vs reference",
                expected, multiply(), Agreement.TOLERANCE);
    }

    @Benchmark
    public float[] multiply() {
        backend.multiply(x, 0, hidden, m, packed, y, 0, 4 * hidden, false);
        return y;
    }
}

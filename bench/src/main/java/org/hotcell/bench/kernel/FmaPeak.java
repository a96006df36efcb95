package org.hotcell.bench.kernel;

import java.util.concurrent.TimeUnit;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

import org.hotcell.bench.check.Agreement;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * This machine's FP32 fused multiply-add peak on one core, measured: {@link #ACCUMULATORS} independent chains
 * {@code c = a * b + c} over {@code SPECIES_PREFERRED} vectors, enough chains to cover the FMA latency times
 * the FMA ports (5 x 2 on Zen, 4 x 2 on Skylake) and few enough to stay in the 16 vector registers of AVX2.
 * One call does {@link #flopsPerCall()} floating-point operations (a multiply-add counts 2).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class FmaPeak {
    static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    static final int ACCUMULATORS = 12;
    static final int ITERATIONS = 1 << 14;

    // Fields rather than constants, so the JIT cannot fold the chains.
    float a = 0.999f;
    float b = 1e-4f;
    float sink;

    @Setup
    public void setUp() {
        float expected = 0;
        for (int i = 0; i < ITERATIONS; i++) {
            expected = Math.fma(a, b, expected);
        }
        float[] want = new float[1];
        want[0] = expected * ACCUMULATORS * SPECIES.length();
        Agreement.require("FmaPeak (" + SPECIES + ") vs scalar Math.fma", want, new float[] {fma()}, 1e-5);
    }

    /** Operations of one call: {@code 2 * ITERATIONS * ACCUMULATORS * lanes}. */
    public static double flopsPerCall() {
        return 2.0 * ITERATIONS * ACCUMULATORS * SPECIES.length();
    }

    /**
     * The peak in GFLOP/s, measured in this JVM without JMH (for the paired runs, which have no JMH fork): calls
     * {@link #fma} for {@code seconds} after a warm-up of the same length and takes the fastest tenth's median
     * call, so a call slowed by a neighbour on a shared machine does not lower the peak the kernels are held to.
     */
    public static double measureGflops(double seconds) {
        FmaPeak peak = new FmaPeak();
        peak.setUp();
        long warm = System.nanoTime() + (long) (seconds * 1e9);
        float sink = 0;
        while (System.nanoTime() < warm) {
            sink += peak.fma();
        }
        java.util.List<Long> times = new java.util.ArrayList<>();
        long end = System.nanoTime() + (long) (seconds * 1e9);
        while (System.nanoTime() < end || times.size() < 10) {
            long start = System.nanoTime();
            sink += peak.fma();
            times.add(System.nanoTime() - start);
        }
        if (Float.isNaN(sink)) {
            throw new IllegalStateException("FmaPeak chains gave NaN");
        }
        java.util.Collections.sort(times);
        long fastTenthMedian = times.get(times.size() / 20);
        return flopsPerCall() / fastTenthMedian;
    }

    /**
     * The peak as a side of a paired run: each run of the returned task makes {@code repeats} calls of
     * {@link #fma}, {@code repeats * flopsPerCall()} operations, so a probe can last about as long as the call it
     * is paired with and meet the same interruptions of a shared machine. Self-checked once, like the benchmark.
     */
    public static Runnable probe(int repeats) {
        if (repeats < 1) {
            throw new IllegalArgumentException("FMA probe repeats must be at least 1, got " + repeats);
        }
        FmaPeak peak = new FmaPeak();
        peak.setUp();
        return () -> {
            float sum = 0;
            for (int i = 0; i < repeats; i++) {
                sum += peak.fma();
            }
            // Kept in a field, so the JIT cannot drop the chains as unused.
            peak.sink = sum;
        };
    }

    /** The vector width measured, e.g. {@code 256-bit}. */
    public static String width() {
        return SPECIES.vectorBitSize() + "-bit";
    }

    @Benchmark
    public float fma() {
        FloatVector va = FloatVector.broadcast(SPECIES, a);
        FloatVector vb = FloatVector.broadcast(SPECIES, b);
        FloatVector c0 = FloatVector.zero(SPECIES);
        FloatVector c1 = c0;
        FloatVector c2 = c0;
        FloatVector c3 = c0;
        FloatVector c4 = c0;
        FloatVector c5 = c0;
        FloatVector c6 = c0;
        FloatVector c7 = c0;
        FloatVector c8 = c0;
        FloatVector c9 = c0;
        FloatVector c10 = c0;
        FloatVector c11 = c0;
        for (int i = 0; i < ITERATIONS; i++) {
            c0 = va.fma(vb, c0);
            c1 = va.fma(vb, c1);
            c2 = va.fma(vb, c2);
            c3 = va.fma(vb, c3);
            c4 = va.fma(vb, c4);
            c5 = va.fma(vb, c5);
            c6 = va.fma(vb, c6);
            c7 = va.fma(vb, c7);
            c8 = va.fma(vb, c8);
            c9 = va.fma(vb, c9);
            c10 = va.fma(vb, c10);
            c11 = va.fma(vb, c11);
        }
        FloatVector sum = c0.add(c1).add(c2).add(c3).add(c4).add(c5).add(c6).add(c7).add(c8).add(c9).add(c10).add(c11);
        return sum.reduceLanes(jdk.incubator.vector.VectorOperators.ADD);
    }
}

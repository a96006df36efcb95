package org.hotcell.runtime.cli;

import java.util.Arrays;
import java.util.OptionalDouble;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * This core's FP32 fused multiply-add peak, measured, for {@code hotcell bench}'s "share of peak": twelve
 * independent chains {@code c = a * b + c} over the widest vectors the CPU runs natively, enough chains to cover
 * FMA latency times ports (4 cycles x 2 ports on Zen 4 and Skylake) and few enough to stay in registers.
 *
 * <p>The Vector API is an incubator module, required statically: every method that touches it is reached only
 * after {@link #available()} has found the module in the boot layer, so a JVM without it loads this class but
 * never links the vector code. {@code bench/}'s JMH benchmark of the same name measures the peak the same way for
 * the suite; the product does not depend on the benchmarks, so each has its own.
 */
final class FmaPeak {
    private static final int ITERATIONS = 1 << 14;

    private FmaPeak() {
    }

    /** Whether the Vector API module is in this JVM (the launcher adds it). */
    static boolean available() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }

    /** The preferred vector width, e.g. {@code 512-bit (16 float lanes)}, or "unknown" without the Vector API. */
    static String width() {
        return available() ? Chains.width() : "unknown (no jdk.incubator.vector)";
    }

    /**
     * The peak of one core in GFLOP/s: calls for {@code seconds} after a warm-up as long, then the median of the
     * fastest tenth of the calls (a call slowed by a neighbour on a shared machine does not lower it). Empty
     * without the Vector API.
     */
    static OptionalDouble gflops(double seconds) {
        return available() ? OptionalDouble.of(Chains.gflops(seconds)) : OptionalDouble.empty();
    }

    /** The vector code, in a class of its own so that it links only when the module is there. */
    private static final class Chains {
        private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
        private static final int CHAINS = 12;

        static String width() {
            return SPECIES.vectorBitSize() + "-bit (" + SPECIES.length() + " float lanes)";
        }

        static double gflops(double seconds) {
            float[] ab = {0.999f, 1e-4f};
            float sink = 0;
            long warm = System.nanoTime() + (long) (seconds * 1e9);
            while (System.nanoTime() < warm) {
                sink += run(ab);
            }
            long[] times = new long[4096];
            int count = 0;
            long end = System.nanoTime() + (long) (seconds * 1e9);
            while ((System.nanoTime() < end || count < 10) && count < times.length) {
                long start = System.nanoTime();
                sink += run(ab);
                times[count++] = System.nanoTime() - start;
            }
            if (Float.isNaN(sink)) {
                throw new IllegalStateException("FMA chains gave NaN");
            }
            long[] sorted = Arrays.copyOf(times, count);
            Arrays.sort(sorted);
            double flops = 2.0 * ITERATIONS * CHAINS * SPECIES.length();
            return flops / sorted[count / 20];
        }

        /** The values come from an array so that the JIT cannot fold the chains. */
        private static float run(float[] ab) {
            FloatVector va = FloatVector.broadcast(SPECIES, ab[0]);
            FloatVector vb = FloatVector.broadcast(SPECIES, ab[1]);
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
            FloatVector sum = c0.add(c1).add(c2).add(c3).add(c4).add(c5).add(c6).add(c7).add(c8).add(c9).add(c10)
                    .add(c11);
            return sum.reduceLanes(VectorOperators.ADD);
        }
    }
}

package org.hotcell.bench.activation;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

import org.openjdk.jmh.annotations.Benchmark;

/**
 * The Vector API's own transcendental lane ops (lanewise TANH and EXP), measured to justify writing our own:
 * where the JDK has no vector math library intrinsic for the CPU, these fall back to per-lane scalar code.
 */
public class VectorApiOpsBenchmark extends LoopBenchmark {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;

    @Benchmark
    public float[] lanewiseTanh() {
        int i = 0;
        for (int upper = SPECIES.loopBound(size); i < upper; i += SPECIES.length()) {
            FloatVector.fromArray(SPECIES, x, i).lanewise(VectorOperators.TANH).intoArray(y, i);
        }
        for (; i < size; i++) {
            y[i] = (float) Math.tanh(x[i]);
        }
        return y;
    }

    @Benchmark
    public float[] lanewiseExpSigmoid() {
        int i = 0;
        for (int upper = SPECIES.loopBound(size); i < upper; i += SPECIES.length()) {
            FloatVector v = FloatVector.fromArray(SPECIES, x, i);
            FloatVector.broadcast(SPECIES, 1f).div(v.neg().lanewise(VectorOperators.EXP).add(1f)).intoArray(y, i);
        }
        for (; i < size; i++) {
            y[i] = (float) (1.0 / (1.0 + Math.exp(-x[i])));
        }
        return y;
    }
}

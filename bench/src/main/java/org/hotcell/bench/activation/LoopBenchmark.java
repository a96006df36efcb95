package org.hotcell.bench.activation;

import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What the loops written out in a benchmark share: {@code size} inputs x drawn as {@link Inputs#gaussian} (the same
 * on every run) and an output array y of the same size. JMH reads the annotations of this class for each subclass.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public abstract class LoopBenchmark {

    @Param("4096")
    public int size;

    float[] x;
    float[] y;

    @Setup
    public void setUp() {
        x = Inputs.gaussian(size, 3, new Random(42));
        y = new float[size];
    }
}

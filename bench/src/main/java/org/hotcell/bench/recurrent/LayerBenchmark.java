package org.hotcell.bench.recurrent;

import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import org.hotcell.core.backend.Backend;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What the benchmarks of one Hotcell layer share: the workload parameter, and a {@code @Setup} that checks the
 * backend against another engine on that workload before it builds the layer to time, so a wrong kernel cannot
 * post a time. JMH reads the annotations of this class for each subclass.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public abstract class LayerBenchmark {

    @Param("lstm/25x32x512/tanh")
    public String workload;

    /** Test hook: wraps the backend before the self-check, so a test can hand it a wrong one. */
    UnaryOperator<Backend> backendWrapper = UnaryOperator.identity();

    /** The layer timed, built by {@link #setUp()}. */
    HotcellLayer layer;

    @Setup
    public void setUp() {
        Workload w = Workload.parse(workload);
        Backend backend = backendWrapper.apply(backend());
        selfCheck(w, backend);
        layer = HotcellLayer.create(w, backend);
    }

    /** The backend measured, before the test hook wraps it. */
    abstract Backend backend();

    /** Throws unless {@code backend} computes on {@code w} what another engine computes. */
    abstract void selfCheck(Workload w, Backend backend);
}

package org.hotcell.bench.recurrent;

import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import org.hotcell.backend.simd.SimdBackend;
import org.hotcell.core.backend.Backend;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Hotcell forward inference on the SIMD backend with a given thread count. The suite
 * ({@code org.hotcell.bench.Suite}) passes the workload grid; the default is one representative shape.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SimdForward {

    @Param("lstm/25x32x512/tanh")
    public String workload;

    @Param("1")
    public int threads;

    /** Test hook: wraps the backend before the self-check, so a test can hand it a wrong one. */
    UnaryOperator<Backend> backendWrapper = UnaryOperator.identity();

    private HotcellLayer layer;

    @Setup
    public void setUp() {
        Workload w = Workload.parse(workload);
        Backend backend = backendWrapper.apply(SimdBackend.withThreadCount(threads));
        LayerChecks.forwardAgrees(w, backend, "SimdForward");
        layer = HotcellLayer.create(w, backend);
    }

    @Benchmark
    public float[] forward() {
        return layer.forward();
    }
}

package org.hotcell.bench.recurrent;

import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import org.hotcell.backend.simd.SimdBackend;
import org.hotcell.bench.check.Agreement;
import org.hotcell.core.backend.Backend;
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
 * Hotcell forward inference on the reference backend (plain loops, one thread: the reference backend has no
 * threading, so the suite runs it at 1 thread only). Its self-check compares it with the SIMD backend.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ReferenceForward {

    @Param("lstm/25x32x512/tanh")
    public String workload;

    /** Test hook: wraps the reference backend before the self-check. */
    UnaryOperator<Backend> backendWrapper = UnaryOperator.identity();

    private HotcellLayer layer;

    @Setup
    public void setUp() {
        Workload w = Workload.parse(workload);
        Backend backend = backendWrapper.apply(ReferenceBackend.instance());
        Workload checked = LayerChecks.checked(w);
        float[] simd = HotcellLayer.create(checked, SimdBackend.withThreadCount(1)).forward();
        float[] reference = HotcellLayer.create(checked, backend).forward();
        Agreement.require("ReferenceForward " + checked + ": simd vs " + backend.describe(), simd, reference,
                Agreement.TOLERANCE);
        layer = HotcellLayer.create(w, backend);
    }

    @Benchmark
    public float[] forward() {
        return layer.forward();
    }
}

package org.hotcell.bench.recurrent;

import org.hotcell.backend.simd.SimdBackend;
import org.hotcell.core.backend.Backend;
import org.openjdk.jmh.annotations.Param;

/**
 * A layer benchmark on the SIMD backend with a given thread count, checked against the reference backend. The suite
 * ({@code org.hotcell.bench.Suite}) passes the workload grid; the default is one representative shape.
 */
public abstract class SimdLayerBenchmark extends LayerBenchmark {

    /** Backend threads; 1 also outside JMH, for tests that call {@link #setUp()} directly. */
    @Param("1")
    public int threads = 1;

    @Override
    Backend backend() {
        return SimdBackend.withThreadCount(threads);
    }
}

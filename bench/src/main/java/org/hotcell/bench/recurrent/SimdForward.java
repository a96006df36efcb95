package org.hotcell.bench.recurrent;

import org.hotcell.core.backend.Backend;
import org.openjdk.jmh.annotations.Benchmark;

/** Hotcell forward inference on the SIMD backend with a given thread count. */
public class SimdForward extends SimdLayerBenchmark {

    @Override
    void selfCheck(Workload w, Backend backend) {
        LayerChecks.forwardAgrees(w, backend, "SimdForward");
    }

    @Benchmark
    public float[] forward() {
        return layer.forward();
    }
}

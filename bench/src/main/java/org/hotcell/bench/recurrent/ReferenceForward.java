package org.hotcell.bench.recurrent;

import org.hotcell.backend.simd.SimdBackend;
import org.hotcell.bench.check.Agreement;
import org.hotcell.core.backend.Backend;
import org.hotcell.core.backend.ReferenceBackend;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * Hotcell forward inference on the reference backend (plain loops, one thread: the reference backend has no
 * threading, so the suite runs it at 1 thread only). Its self-check compares it with the SIMD backend.
 */
public class ReferenceForward extends LayerBenchmark {

    @Override
    Backend backend() {
        return ReferenceBackend.instance();
    }

    @Override
    void selfCheck(Workload w, Backend backend) {
        Workload checked = LayerChecks.checked(w);
        float[] simd = HotcellLayer.create(checked, SimdBackend.withThreadCount(1)).forward();
        float[] reference = HotcellLayer.create(checked, backend).forward();
        Agreement.require("ReferenceForward " + checked + ": simd vs " + backend.describe(), simd, reference,
                Agreement.TOLERANCE);
    }

    @Benchmark
    public float[] forward() {
        return layer.forward();
    }
}

package org.hotcell.bench.recurrent;

import org.hotcell.core.backend.Backend;
import org.hotcell.core.cell.CellGradients;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * One Hotcell training step on the SIMD backend: rebuild (pack) the cell from the current weights, forward
 * with a trace, backward, SGD update (see {@link HotcellLayer}). Counted as 3x the forward FLOPs.
 */
public class SimdTraining extends SimdLayerBenchmark {

    @Override
    void selfCheck(Workload w, Backend backend) {
        LayerChecks.forwardAgrees(w, backend, "SimdTraining");
        LayerChecks.gradientsAgree(w, backend, "SimdTraining");
    }

    @Benchmark
    public CellGradients trainingStep() {
        return layer.trainingStep();
    }
}

package org.hotcell.bench.recurrent;

import org.hotcell.bench.check.Agreement;
import org.hotcell.core.backend.Backend;
import org.hotcell.core.backend.ReferenceBackend;
import org.hotcell.core.cell.CellGradients;
import org.hotcell.core.cell.CellWeights;

/**
 * The self-checks of the recurrent benchmarks: a backend's forward outputs and gradients against the reference
 * backend's on the same layer, to {@link Agreement#TOLERANCE}.
 *
 * <p>On the largest shapes the scalar reference needs many seconds per pass, so the check runs the same layer
 * (same N, H, weights, kernels) over its first {@link #CHECK_STEPS} steps when the whole pass would exceed
 * {@link #FULL_CHECK_FLOPS}.
 */
public final class LayerChecks {
    static final int CHECK_STEPS = 8;
    static final double FULL_CHECK_FLOPS = 4e9;

    private LayerChecks() {
    }

    /** The workload a check runs: the whole one, or its first steps when it is large. */
    public static Workload checked(Workload workload) {
        return workload.trainingFlops() > FULL_CHECK_FLOPS ? workload.firstSteps(CHECK_STEPS) : workload;
    }

    /** Throws unless {@code backend}'s forward outputs equal the reference backend's. */
    public static void forwardAgrees(Workload workload, Backend backend, String what) {
        Workload w = checked(workload);
        float[] expected = HotcellLayer.create(w, ReferenceBackend.instance()).forward();
        float[] actual = HotcellLayer.create(w, backend).forward();
        Agreement.require(what + " forward " + w + " on " + backend.describe() + " vs reference", expected, actual,
                Agreement.TOLERANCE);
    }

    /** Throws unless {@code backend}'s gradients (dx, dW, dR, dWb) equal the reference backend's. */
    public static void gradientsAgree(Workload workload, Backend backend, String what) {
        Workload w = checked(workload);
        CellGradients expected = HotcellLayer.create(w, ReferenceBackend.instance()).gradients();
        CellGradients actual = HotcellLayer.create(w, backend).gradients();
        String label = what + " gradients " + w + " on " + backend.describe() + " vs reference: ";
        CellWeights e = expected.dWeights();
        CellWeights a = actual.dWeights();
        Agreement.require(label + "dx", expected.dx(), actual.dx(), Agreement.TOLERANCE);
        Agreement.require(label + "dW", e.w(), a.w(), Agreement.TOLERANCE);
        Agreement.require(label + "dR", e.r(), a.r(), Agreement.TOLERANCE);
        Agreement.require(label + "dWb", e.wBias(), a.wBias(), Agreement.TOLERANCE);
    }
}

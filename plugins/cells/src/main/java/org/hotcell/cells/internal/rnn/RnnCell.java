package org.hotcell.cells.internal.rnn;

import java.util.Arrays;
import java.util.Map;

import org.hotcell.cells.internal.engine.CellFactorySupport;
import org.hotcell.cells.internal.engine.Kernels;
import org.hotcell.cells.internal.engine.RecurrentCell;
import org.hotcell.cells.internal.engine.Trace;
import org.hotcell.cells.internal.engine.Workspace;
import org.hotcell.core.activation.Activation;
import org.hotcell.core.backend.Backend;
import org.hotcell.core.backend.PackedMatrix;
import org.hotcell.core.backend.UnitTask;
import org.hotcell.core.cell.CellSpec;
import org.hotcell.core.cell.CellWeights;

/**
 * A simple recurrent cell with ONNX (opset 14) semantics: {@code Ht = f(cl(Xt.Wi^T + Ht-1.Ri^T + Wbi + Rbi))},
 * with f the {@code activation} role and {@code cl} bounding its input to [-clip, clip].
 */
final class RnnCell extends RecurrentCell {
    private final PackedMatrix packedR;
    private final Activation f;

    RnnCell(CellSpec spec, CellWeights weights, Map<String, Activation> activations, Backend backend) {
        super(spec, 1, false, weights, activations, backend,
                (s, biases) -> CellFactorySupport.summedBias(s, biases, s.hiddenSize()));
        packedR = backend.pack(weights.r(), 0, hidden, hidden);
        f = activations.get("activation");
    }

    @Override
    protected void addToRecurrent(float[] dR, float alpha, float[] masterR) {
        if (masterR == null) {
            backend.addTo(packedR, alpha, dR, 0);
        } else {
            backend.addTo(packedR, alpha, dR, 0, masterR, 0);
        }
    }

    @Override
    protected boolean tracesExtra() {
        return false;
    }

    @Override
    protected void advance(Workspace ws, float[] h, float[] c, Trace trace) {
        advanceOneProduct(packedR, ws, h, c, trace);
    }

    @Override
    protected boolean advancesInOneProduct() {
        return true;
    }

    @Override
    protected UnitTask[] unitTasks(Workspace ws) {
        return new UnitTask[] {(from, to) -> updateUnits(ws, from, to)};
    }

    /** The activation and new h of units {@code [u0, u1)}. */
    private void updateUnits(Workspace ws, int u0, int u1) {
        final int hs = hidden;
        final int len = u1 - u0;
        float[] g = ws.gates();
        int base = ws.gatesBase();
        Trace trace = ws.trace();
        for (int n = 0; n < ws.batch; n++) {
            int row = ws.rows[n];
            if (row < 0) {
                continue;
            }
            int sb = n * hs + u0;
            if (trace != null) {
                System.arraycopy(ws.h(), sb, trace.hPrev, row * hs + u0, len);
            }
            Kernels.activate(f, clip, clipped, g, base + sb, len, trace, row * hs + u0);
            System.arraycopy(g, base + sb, ws.hOut(), sb, len);
        }
    }

    @Override
    protected void backStep(Workspace ws, float[] dH, float[] dC, Trace trace, float[] dG, Gradients grads) {
        final int hs = hidden;
        float[] d = ws.d;
        for (int n = 0; n < ws.batch; n++) {
            int row = ws.rows[n];
            int sb = n * hs;
            if (row < 0) {
                Arrays.fill(d, sb, sb + hs, 0f);
                continue;
            }
            Kernels.derivative(f, clip, clipped, trace.pre, trace.act, row * hs, d, sb, hs);
            for (int j = 0; j < hs; j++) {
                d[sb + j] *= dH[sb + j];
            }
            System.arraycopy(d, sb, dG, row * hs, hs);
        }
        backend.multiplyUntransposed(d, 0, hs, ws.batch, packedR, ws.b, 0, hs, false);
        for (int n = 0; n < ws.batch; n++) {
            if (ws.rows[n] >= 0) {
                System.arraycopy(ws.b, n * hs, dH, n * hs, hs);
            }
        }
    }

    @Override
    protected void recurrentGradients(Trace trace, float[] dG, int rows, Gradients grads) {
        if (rows > 0) {
            backend.gemm(true, false, hidden, hidden, rows, 1f, dG, 0, hidden, trace.hPrev, 0, hidden, 0f, grads.dR,
                    0, hidden);
        }
        if (grads.dRb != null) {
            Kernels.addColumnSums(dG, rows, hidden, 0, hidden, grads.dRb, 0);
        }
    }
}

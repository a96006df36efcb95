package org.hotcell.cells.internal.gru;

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
 * A GRU cell with ONNX (opset 14) semantics. Per step, with {@code cl(v)} bounding v to [-clip, clip]:
 *
 * <pre>
 * z  = fz(cl(Xt.Wz^T + Ht-1.Rz^T + Wbz + Rbz))
 * r  = fr(cl(Xt.Wr^T + Ht-1.Rr^T + Wbr + Rbr))
 * h~ = g(cl(Xt.Wh^T + (r*Ht-1).Rh^T + Rbh + Wbh))          linear_before_reset off
 * h~ = g(cl(Xt.Wh^T + r*(Ht-1.Rh^T + Rbh) + Wbh))          linear_before_reset on
 * Ht = (1 - z)*h~ + z*Ht-1
 * </pre>
 *
 * where fz, fr are the {@code update_gate} and {@code reset_gate} roles (each {@code gate} unless set) and g the
 * {@code candidate} role. Gate blocks of W, R and the biases are in order z, r, h.
 */
final class GruCell extends RecurrentCell {
    private final int oz;
    private final int or;
    private final int oh;
    private final PackedMatrix packedZr;
    private final PackedMatrix packedH;
    /** Rbh, added inside the reset gate's product when linear_before_reset; else folded into the input bias. */
    private final float[] resetBias;
    private final boolean linearBeforeReset;
    private final Activation gateZ;
    private final Activation gateR;
    private final Activation candidate;
    private final boolean fusedGates;

    GruCell(CellSpec spec, CellWeights weights, Map<String, Activation> activations, Backend backend) {
        super(spec, 3, false, weights, activations, backend, GruCell::inputBias);
        oz = 0;
        or = hidden;
        oh = 2 * hidden;
        float[] r = weights.r();
        packedZr = backend.pack(r, 0, 2 * hidden, hidden);
        packedH = backend.pack(r, 2 * hidden * hidden, hidden, hidden);
        linearBeforeReset = spec.options().linearBeforeReset();
        resetBias = new float[hidden];
        copyResetBias();
        gateZ = activations.get("update_gate");
        gateR = activations.get("reset_gate");
        candidate = activations.get("candidate");
        fusedGates = gateZ == gateR;
    }

    /** Rbh from the cell's own Rb, when it acts inside the reset gate's product. */
    private void copyResetBias() {
        float[] rb = recurrentBias();
        if (linearBeforeReset && rb != null) {
            System.arraycopy(rb, 2 * hidden, resetBias, 0, hidden);
        }
    }

    @Override
    protected void biasesChanged() {
        copyResetBias();
    }

    /** R is packed in two parts (z and r together, h alone): each takes its rows of dR. */
    @Override
    protected void addToRecurrent(float[] dR, float alpha, float[] masterR) {
        int h = 2 * hidden * hidden;
        if (masterR == null) {
            backend.addTo(packedZr, alpha, dR, 0);
            backend.addTo(packedH, alpha, dR, h);
        } else {
            backend.addTo(packedZr, alpha, dR, 0, masterR, 0);
            backend.addTo(packedH, alpha, dR, h, masterR, h);
        }
    }

    private static float[] inputBias(CellSpec spec, CellWeights weights) {
        int hs = spec.hiddenSize();
        float[] bias = CellFactorySupport.summedBias(spec, weights, 3 * hs);
        if (spec.options().linearBeforeReset() && spec.options().bias() && weights.rBias() != null) {
            for (int j = 0; j < hs; j++) {
                bias[2 * hs + j] -= weights.rBias()[2 * hs + j]; // Rbh acts inside r*(...) instead
            }
        }
        return bias;
    }

    @Override
    protected boolean tracesExtra() {
        return true; // the candidate's recurrent input: r*Ht-1, or Ht-1.Rh^T + Rbh with linear_before_reset
    }

    @Override
    protected int backwardScratchWidth() {
        return linearBeforeReset ? hidden : 0;
    }

    @Override
    protected void advance(Workspace ws, float[] h, float[] c, Trace trace) {
        final int hs = hidden;
        ws.bind(h, c, trace);
        backend.multiplyThen(h, 0, hs, ws.batch, packedZr, ws.gates(), ws.gatesBase(), width, true, 2, ws.task(0));
        if (linearBeforeReset) {
            backend.multiplyThen(h, 0, hs, ws.batch, packedH, ws.a, 0, hs, false, 1, ws.task(1));
        } else {
            backend.multiplyThen(ws.a, 0, hs, ws.batch, packedH, ws.gates(), ws.gatesBase() + oh, width, true, 1,
                    ws.task(1));
        }
    }

    @Override
    protected UnitTask[] unitTasks(Workspace ws) {
        return new UnitTask[] {(from, to) -> gateUnits(ws, from, to), (from, to) -> candidateUnits(ws, from, to)};
    }

    /** z and r of units {@code [u0, u1)}, and without linear_before_reset the candidate's input r*Ht-1. */
    private void gateUnits(Workspace ws, int u0, int u1) {
        final int hs = hidden;
        final int len = u1 - u0;
        float[] g = ws.gates();
        int base = ws.gatesBase();
        float[] a = ws.a;
        float[] h = ws.h();
        Trace trace = ws.trace();
        for (int n = 0; n < ws.batch; n++) {
            int row = ws.rows[n];
            int sb = n * hs + u0;
            if (row < 0) {
                Arrays.fill(a, sb, sb + len, 0f);
                continue;
            }
            int gb = base + n * width + u0;
            int tb = row * width + u0;
            if (trace != null) {
                System.arraycopy(h, sb, trace.hPrev, row * hs + u0, len);
            }
            if (fusedGates && len == hs) {
                Kernels.activate(gateZ, clip, clipped, g, gb, 2 * hs, trace, tb);
            } else {
                Kernels.activate(gateZ, clip, clipped, g, gb + oz, len, trace, tb + oz);
                Kernels.activate(gateR, clip, clipped, g, gb + or, len, trace, tb + or);
            }
            if (!linearBeforeReset) {
                for (int j = 0; j < len; j++) {
                    a[sb + j] = g[gb + or + j] * h[sb + j];
                }
                if (trace != null) {
                    System.arraycopy(a, sb, trace.extra, row * hs + u0, len);
                }
            }
        }
    }

    /** The candidate and the new h of units {@code [u0, u1)}. */
    private void candidateUnits(Workspace ws, int u0, int u1) {
        final int hs = hidden;
        final int len = u1 - u0;
        float[] g = ws.gates();
        int base = ws.gatesBase();
        float[] a = ws.a;
        float[] h = ws.h();
        float[] hNext = ws.hOut();
        Trace trace = ws.trace();
        for (int n = 0; n < ws.batch; n++) {
            int row = ws.rows[n];
            if (row < 0) {
                continue;
            }
            int gb = base + n * width + u0;
            int sb = n * hs + u0;
            if (linearBeforeReset) {
                for (int j = 0; j < len; j++) {
                    float hr = a[sb + j] + resetBias[u0 + j];
                    a[sb + j] = hr;
                    g[gb + oh + j] += g[gb + or + j] * hr;
                }
                if (trace != null) {
                    System.arraycopy(a, sb, trace.extra, row * hs + u0, len);
                }
            }
            Kernels.activate(candidate, clip, clipped, g, gb + oh, len, trace, row * width + oh + u0);
            for (int j = 0; j < len; j++) {
                float z = g[gb + oz + j];
                hNext[sb + j] = (1f - z) * g[gb + oh + j] + z * h[sb + j];
            }
        }
    }

    @Override
    protected void backStep(Workspace ws, float[] dH, float[] dC, Trace trace, float[] dG, Gradients grads) {
        final int hs = hidden;
        final int batch = ws.batch;
        float[] d = ws.d;
        float[] a = ws.a;
        float[] b = ws.b;
        float[] act = trace.act;
        for (int n = 0; n < batch; n++) {
            int row = ws.rows[n];
            int db = n * width;
            int sb = n * hs;
            if (row < 0) {
                Arrays.fill(d, db, db + width, 0f);
                Arrays.fill(a, sb, sb + hs, 0f);
                continue;
            }
            int tb = row * width;
            int rb = row * hs;
            Kernels.derivative(gateZ, clip, clipped, trace.pre, act, tb + oz, d, db + oz, hs);
            Kernels.derivative(gateR, clip, clipped, trace.pre, act, tb + or, d, db + or, hs);
            Kernels.derivative(candidate, clip, clipped, trace.pre, act, tb + oh, d, db + oh, hs);
            for (int j = 0; j < hs; j++) {
                float dh = dH[sb + j];
                float z = act[tb + oz + j];
                float hc = act[tb + oh + j];
                float hp = trace.hPrev[rb + j];
                d[db + oz + j] *= dh * (hp - hc);
                float dph = dh * (1f - z) * d[db + oh + j];
                d[db + oh + j] = dph;
                b[sb + j] = dh * z;
                if (linearBeforeReset) {
                    float rr = act[tb + or + j];
                    d[db + or + j] *= dph * trace.extra[rb + j];
                    a[sb + j] = dph * rr; // gradient of Ht-1.Rh^T + Rbh
                }
            }
        }
        if (linearBeforeReset) {
            for (int n = 0; n < batch; n++) {
                int row = ws.rows[n];
                if (row >= 0) {
                    System.arraycopy(a, n * hs, grads.scratch, row * hs, hs);
                }
            }
            backend.multiplyUntransposed(a, 0, hs, batch, packedH, b, 0, hs, true);
        } else {
            // Gradient of r*Ht-1, the reset state the candidate's product reads.
            backend.multiplyUntransposed(d, oh, width, batch, packedH, a, 0, hs, false);
            for (int n = 0; n < batch; n++) {
                int row = ws.rows[n];
                if (row < 0) {
                    continue;
                }
                int db = n * width;
                int sb = n * hs;
                int tb = row * width;
                int rb = row * hs;
                for (int j = 0; j < hs; j++) {
                    float drh = a[sb + j];
                    d[db + or + j] *= drh * trace.hPrev[rb + j];
                    b[sb + j] += drh * act[tb + or + j];
                }
            }
        }
        backend.multiplyUntransposed(d, 0, width, batch, packedZr, b, 0, hs, true);
        for (int n = 0; n < batch; n++) {
            int row = ws.rows[n];
            if (row >= 0) {
                System.arraycopy(d, n * width, dG, row * width, width);
                System.arraycopy(b, n * hs, dH, n * hs, hs);
            }
        }
    }

    @Override
    protected void recurrentGradients(Trace trace, float[] dG, int rows, Gradients grads) {
        final int hs = hidden;
        if (rows > 0) {
            backend.gemm(true, false, 2 * hs, hs, rows, 1f, dG, 0, width, trace.hPrev, 0, hs, 0f, grads.dR, 0, hs);
            if (linearBeforeReset) {
                backend.gemm(true, false, hs, hs, rows, 1f, grads.scratch, 0, hs, trace.hPrev, 0, hs, 0f, grads.dR,
                        2 * hs * hs, hs);
            } else {
                backend.gemm(true, false, hs, hs, rows, 1f, dG, oh, width, trace.extra, 0, hs, 0f, grads.dR,
                        2 * hs * hs, hs);
            }
        }
        if (grads.dRb != null) {
            Kernels.addColumnSums(dG, rows, width, 0, 2 * hs, grads.dRb, 0);
            if (linearBeforeReset) {
                Kernels.addColumnSums(grads.scratch, rows, hs, 0, hs, grads.dRb, oh);
            } else {
                Kernels.addColumnSums(dG, rows, width, oh, hs, grads.dRb, oh);
            }
        }
    }
}

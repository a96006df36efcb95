package org.hotcell.cells.internal.lstm;

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
 * An LSTM cell with ONNX (opset 14) semantics. Per step, with {@code cl(v)} bounding v to [-clip, clip]:
 *
 * <pre>
 * i  = fi(cl(Xt.Wi^T + Ht-1.Ri^T + Pi*Ct-1 + Wbi + Rbi))
 * f  = ff(cl(Xt.Wf^T + Ht-1.Rf^T + Pf*Ct-1 + Wbf + Rbf))      (f = 1 - i with input_forget)
 * c~ = g (cl(Xt.Wc^T + Ht-1.Rc^T + Wbc + Rbc))
 * Ct = f*Ct-1 + i*c~
 * o  = fo(cl(Xt.Wo^T + Ht-1.Ro^T + Po*Ct + Wbo + Rbo))
 * Ht = o*h(cl(Ct))
 * </pre>
 *
 * where fi, ff, fo are the {@code input_gate}, {@code forget_gate} and {@code output_gate} roles (each
 * {@code gate} unless set), g the {@code candidate} and h the {@code output} role. Gate blocks of W, R and the
 * biases are in order i, o, f, c; P in order i, o, f.
 */
final class LstmCell extends RecurrentCell {
    private final int oi;
    private final int oo;
    private final int of;
    private final int oc;
    private final PackedMatrix packedR;
    private final float[] peep;
    private final boolean inputForget;
    private final Activation gateI;
    private final Activation gateO;
    private final Activation gateF;
    private final Activation candidate;
    private final Activation output;
    /** i, o, f share one function and o needs no Ct: the three blocks, adjacent, take one bulk call. */
    private final boolean fusedGates;

    LstmCell(CellSpec spec, CellWeights weights, Map<String, Activation> activations, Backend backend) {
        super(spec, 4, true, weights, activations, backend,
                (s, biases) -> CellFactorySupport.summedBias(s, biases, 4 * s.hiddenSize()));
        oi = 0;
        oo = hidden;
        of = 2 * hidden;
        oc = 3 * hidden;
        packedR = backend.pack(weights.r(), 0, width, hidden);
        peep = peepholes;
        inputForget = spec.options().inputForget();
        gateI = activations.get("input_gate");
        gateO = activations.get("output_gate");
        gateF = activations.get("forget_gate");
        candidate = activations.get("candidate");
        output = activations.get("output");
        fusedGates = peep == null && !inputForget && gateI == gateO && gateO == gateF;
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
        return true; // h(cl(Ct)), the output activation
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

    /** Gates, cell state and new h of units {@code [u0, u1)} of every running stream. */
    private void updateUnits(Workspace ws, int u0, int u1) {
        final int hs = hidden;
        final int len = u1 - u0;
        float[] g = ws.gates();
        int base = ws.gatesBase();
        float[] h = ws.h();
        float[] c = ws.c();
        Trace trace = ws.trace();
        // i, o, f are adjacent blocks: with all units at hand, one bulk call covers the three.
        boolean bulkGates = fusedGates && len == hs;
        for (int n = 0; n < ws.batch; n++) {
            int row = ws.rows[n];
            if (row < 0) {
                continue;
            }
            int gb = base + n * width + u0;
            int sb = n * hs + u0;
            int tb = row * width + u0;
            int rb = row * hs + u0;
            if (trace != null) {
                System.arraycopy(h, sb, trace.hPrev, rb, len);
                System.arraycopy(c, sb, trace.cPrev, rb, len);
            }
            if (peep != null) {
                for (int j = 0; j < len; j++) {
                    float cp = c[sb + j];
                    g[gb + oi + j] += peep[u0 + j] * cp;
                    g[gb + of + j] += peep[2 * hs + u0 + j] * cp;
                }
            }
            if (bulkGates) {
                Kernels.activate(gateI, clip, clipped, g, gb, 3 * hs, trace, tb);
            } else {
                Kernels.activate(gateI, clip, clipped, g, gb + oi, len, trace, tb + oi);
                if (!inputForget) {
                    Kernels.activate(gateF, clip, clipped, g, gb + of, len, trace, tb + of);
                }
                if (fusedGates) {
                    Kernels.activate(gateO, clip, clipped, g, gb + oo, len, trace, tb + oo);
                }
            }
            Kernels.activate(candidate, clip, clipped, g, gb + oc, len, trace, tb + oc);
            // h(cl(Ct)) goes through ws.a: the stored cell state itself is never clipped.
            float[] hc = ws.a;
            if (inputForget) {
                for (int j = 0; j < len; j++) {
                    float i = g[gb + oi + j];
                    c[sb + j] = (1f - i) * c[sb + j] + i * g[gb + oc + j];
                }
            } else {
                // Ct = f*Ct-1 + i*c~ as the backend's element-wise products and sum, with hc holding i*c~: the
                // roundings of the scalar expression, but in vectors. The JIT did not vectorise that loop (it cost
                // as much as a sigmoid over the same units); this way a 25 x 32 x 512 pass took 0.98x the time.
                backend.mul(g, gb + of, c, sb, c, sb, len);
                backend.mul(g, gb + oi, g, gb + oc, hc, sb, len);
                backend.add(c, sb, hc, sb, c, sb, len);
            }
            if (!fusedGates) {
                if (peep != null) {
                    for (int j = 0; j < len; j++) {
                        g[gb + oo + j] += peep[hs + u0 + j] * c[sb + j];
                    }
                }
                Kernels.activate(gateO, clip, clipped, g, gb + oo, len, trace, tb + oo);
            }
            System.arraycopy(c, sb, hc, sb, len);
            if (trace != null) {
                System.arraycopy(c, sb, trace.cNew, rb, len);
            }
            if (clipped) {
                Kernels.clamp(hc, sb, len, clip);
            }
            output.applyInPlace(hc, sb, len);
            if (trace != null) {
                System.arraycopy(hc, sb, trace.extra, rb, len);
            }
            backend.mul(g, gb + oo, hc, sb, ws.hOut(), sb, len);
        }
    }

    @Override
    protected void backStep(Workspace ws, float[] dH, float[] dC, Trace trace, float[] dG, Gradients grads) {
        final int hs = hidden;
        float[] d = ws.d;
        float[] dOut = ws.a;
        float[] act = trace.act;
        float[] dP = grads.dP;
        for (int n = 0; n < ws.batch; n++) {
            int row = ws.rows[n];
            int db = n * width;
            if (row < 0) {
                Arrays.fill(d, db, db + width, 0f);
                continue;
            }
            int sb = n * hs;
            int tb = row * width;
            int rb = row * hs;
            // Local derivatives f'(cl(pre)) of every block into d, and h'(cl(Ct)) into dOut.
            Kernels.derivative(gateI, clip, clipped, trace.pre, act, tb + oi, d, db + oi, hs);
            Kernels.derivative(gateO, clip, clipped, trace.pre, act, tb + oo, d, db + oo, hs);
            if (!inputForget) {
                Kernels.derivative(gateF, clip, clipped, trace.pre, act, tb + of, d, db + of, hs);
            }
            Kernels.derivative(output, clip, clipped, trace.cNew, trace.extra, rb, dOut, sb, hs);
            Kernels.derivative(candidate, clip, clipped, trace.pre, act, tb + oc, d, db + oc, hs);
            for (int j = 0; j < hs; j++) {
                float dh = dH[sb + j];
                float o = act[tb + oo + j];
                float ho = trace.extra[rb + j];
                float dpo = dh * ho * d[db + oo + j];
                float dc = dC[sb + j] + dh * o * dOut[sb + j];
                if (dP != null) {
                    dc += dpo * peep[hs + j];
                    dP[hs + j] += dpo * trace.cNew[rb + j];
                }
                float i = act[tb + oi + j];
                float cand = act[tb + oc + j];
                float cp = trace.cPrev[rb + j];
                float f = inputForget ? 1f - i : act[tb + of + j];
                float di = dc * cand;
                float df = dc * cp;
                float dpf;
                if (inputForget) {
                    di -= df;
                    dpf = 0f;
                } else {
                    dpf = df * d[db + of + j];
                }
                float dpi = di * d[db + oi + j];
                float dpc = dc * i * d[db + oc + j];
                float dcp = dc * f;
                if (dP != null) {
                    dcp += dpi * peep[j] + dpf * peep[2 * hs + j];
                    dP[j] += dpi * cp;
                    dP[2 * hs + j] += dpf * cp;
                }
                d[db + oi + j] = dpi;
                d[db + oo + j] = dpo;
                d[db + of + j] = dpf;
                d[db + oc + j] = dpc;
                dC[sb + j] = dcp;
            }
            System.arraycopy(d, db, dG, tb, width);
        }
        // dH_{t-1} = dG_t . R for the running streams; the others keep their gradient.
        backend.multiplyUntransposed(d, 0, width, ws.batch, packedR, ws.b, 0, hs, false);
        for (int n = 0; n < ws.batch; n++) {
            if (ws.rows[n] >= 0) {
                System.arraycopy(ws.b, n * hs, dH, n * hs, hs);
            }
        }
    }

    @Override
    protected void recurrentGradients(Trace trace, float[] dG, int rows, Gradients grads) {
        if (rows > 0) {
            backend.gemm(true, false, width, hidden, rows, 1f, dG, 0, width, trace.hPrev, 0, hidden, 0f, grads.dR, 0,
                    hidden);
        }
        if (grads.dRb != null) {
            Kernels.addColumnSums(dG, rows, width, 0, width, grads.dRb, 0);
        }
    }
}

package org.hotcell.model.train;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.hotcell.core.cell.CellState;
import org.hotcell.core.cell.CellType;
import org.hotcell.core.cell.CellWeights;
import org.hotcell.core.cell.ForwardPass;
import org.hotcell.layers.LayerPass;
import org.hotcell.model.net.Model;
import org.hotcell.model.net.NetworkPass;
import org.hotcell.model.param.Parameter;
import org.hotcell.model.param.ParameterNames;
import org.hotcell.model.param.Parameters;
import org.hotcell.model.spec.LayerSpec;

/**
 * Scans a forward pass and gradients for what goes wrong in training: the largest |h| and |c|, and the first
 * NaN or infinity with its layer, direction, step, item, unit and gate.
 *
 * <p>The gate is found without looking inside a cell: at the first step where a direction's output is not
 * finite, its inputs (the layer input and the previous output) are still finite, so the affine
 * pre-activations {@code a_g = W_g x_t + R_g h_prev + Wb_g + Rb_g} of each gate block g are recomputed in double
 * precision. A non-finite one names the gate; if all are finite the overflow happened in the cell update itself,
 * which for a cell with a cell state means c grew without bound (an unbounded candidate or output function).
 */
public final class Diagnostics {
    private Diagnostics() {
    }

    /** The largest |h| over every layer's merged output. */
    public static double maxAbsH(NetworkPass pass) {
        double max = 0;
        for (LayerPass layer : pass.layers()) {
            for (float v : layer.y()) {
                max = Math.max(max, Math.abs(v));
            }
        }
        return max;
    }

    /** The largest |c| over every direction's state after its last step (0 when no cell has a cell state). */
    public static double maxAbsC(NetworkPass pass) {
        double max = 0;
        for (LayerPass layer : pass.layers()) {
            for (ForwardPass direction : layer.directions()) {
                float[] c = direction.last().c();
                if (c != null) {
                    for (float v : c) {
                        max = Math.max(max, Math.abs(v));
                    }
                }
            }
        }
        return max;
    }

    /**
     * The first non-finite value of a pass, scanning layers bottom up, each direction's outputs in the order
     * it computed them, then the head's output; null when everything is finite.
     *
     * @param initial the states the pass started from (null for zeros), to recompute the first step's gates
     */
    public static NonFinite scan(NetworkPass pass, Model model, Function<String, CellType> cellTypes,
                                 List<List<CellState>> initial) {
        int steps = pass.steps();
        int batch = pass.batch();
        for (int l = 0; l < pass.layers().size(); l++) {
            LayerPass layer = pass.layers().get(l);
            LayerSpec spec = model.spec().layers().get(l);
            int h = spec.hiddenSize();
            for (int d = 0; d < layer.directions().size(); d++) {
                float[] y = layer.directions().get(d).y();
                boolean reverse = ParameterNames.directionName(spec.direction(), d).equals("reverse");
                CellState start = initial == null ? null : initial.get(l).get(d);
                for (int k = 0; k < steps; k++) {
                    int t = reverse ? steps - 1 - k : k;
                    for (int n = 0; n < batch; n++) {
                        for (int j = 0; j < h; j++) {
                            float v = y[(t * batch + n) * h + j];
                            if (!Float.isFinite(v)) {
                                return locate(model, cellTypes, l, d, pass, start, reverse, t, n, j, v);
                            }
                        }
                    }
                }
            }
        }
        for (int i = 0; i < pass.output().length; i++) {
            if (!Float.isFinite(pass.output()[i])) {
                int width = pass.output().length / pass.rows();
                return new NonFinite("head", -1, -1, i % width, "output row " + i / width, pass.output()[i], "");
            }
        }
        return null;
    }

    /**
     * The first non-finite gradient value, naming its tensor, and for a cell's tensors the gate block and unit
     * its row belongs to; null when all are finite.
     */
    public static NonFinite scanGradients(Parameters gradients, Model model, Function<String, CellType> cellTypes) {
        for (Parameter g : gradients.list()) {
            float[] data = g.data();
            for (int i = 0; i < data.length; i++) {
                if (!Float.isFinite(data[i])) {
                    return gradientAt(g, i, model, cellTypes);
                }
            }
        }
        return null;
    }

    private static NonFinite gradientAt(Parameter g, int index, Model model, Function<String, CellType> cellTypes) {
        int[] shape = g.shape();
        int columns = shape.length == 2 ? shape[1] : 1;
        int row = index / columns;
        String element = shape.length == 2 ? "element [" + row + ", " + index % columns + "]" : "element " + index;
        String[] parts = g.name().split("\\.");
        if (parts.length == 4 && parts[0].equals("layers")) {
            LayerSpec layer = model.spec().layers().get(Integer.parseInt(parts[1]));
            int h = layer.hiddenSize();
            List<String> gates = parts[3].equals(ParameterNames.PEEPHOLES) ? List.of("i", "o", "f")
                    : cellTypes.apply(layer.cellType()).gates();
            return new NonFinite("gradient of " + g.name(), -1, -1, row % h, gates.get(Math.min(row / h,
                    gates.size() - 1)), g.data()[index], element);
        }
        return new NonFinite("gradient of " + g.name(), -1, -1, -1, "weight", g.data()[index], element);
    }

    private static NonFinite locate(Model model, Function<String, CellType> cellTypes, int l, int d,
                                    NetworkPass pass, CellState start, boolean reverse, int t, int n, int j,
                                    float value) {
        LayerPass layer = pass.layers().get(l);
        float[] input = pass.layerInput(l);
        LayerSpec spec = model.spec().layers().get(l);
        String where = "layer " + l + " " + ParameterNames.directionName(spec.direction(), d) + " (" + spec.cellType()
                + ")";
        CellType type = cellTypes.apply(spec.cellType());
        List<String> gates = type.gates();
        CellWeights w = model.cellWeights(l, d);
        int h = spec.hiddenSize();
        int in = model.spec().layerInputSize(l);
        int batch = pass.batch();
        int previous = reverse ? t + 1 : t - 1;
        float[] hPrev = new float[h];
        if (previous >= 0 && previous < pass.steps()) {
            System.arraycopy(layer.directions().get(d).y(), (previous * batch + n) * h, hPrev, 0, h);
        } else if (start != null) {
            System.arraycopy(start.h(), n * h, hPrev, 0, h);
        }
        StringBuilder detail = new StringBuilder("pre-activations");
        String gate = null;
        for (int g = 0; g < gates.size(); g++) {
            int row = g * h + j;
            double a = 0;
            for (int i = 0; i < in; i++) {
                a += (double) w.w()[row * in + i] * input[(t * batch + n) * in + i];
            }
            for (int k = 0; k < h; k++) {
                a += (double) w.r()[row * h + k] * hPrev[k];
            }
            if (w.wBias() != null) {
                a += w.wBias()[row] + w.rBias()[row];
            }
            detail.append(String.format(Locale.ROOT, " %s=%.4g", gates.get(g), a));
            if (gate == null && !Double.isFinite((float) a)) {
                gate = gates.get(g);
            }
        }
        if (gate == null) {
            gate = type.hasCellState() ? "c (cell state overflowed: pre-activations finite, the update was not)"
                    : "h (the activation output overflowed: pre-activations finite)";
        }
        return new NonFinite(where, t, n, j, gate, value, detail.toString());
    }
}

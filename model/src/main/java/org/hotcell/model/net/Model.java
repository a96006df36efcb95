package org.hotcell.model.net;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

import org.hotcell.core.cell.CellSpec;
import org.hotcell.core.cell.CellType;
import org.hotcell.core.cell.CellWeights;
import org.hotcell.core.error.BadModelException;
import org.hotcell.core.error.InvalidSpecException;
import org.hotcell.model.init.Initializers;
import org.hotcell.model.param.Parameter;
import org.hotcell.model.param.ParameterNames;
import org.hotcell.model.param.Parameters;
import org.hotcell.model.spec.LayerSpec;
import org.hotcell.model.spec.ModelSize;
import org.hotcell.model.spec.ModelSpec;

/**
 * A model's spec and its parameters: what is saved, loaded and trained. Holds names and numbers only; a
 * {@link Network} built from it binds the cells and activations that compute with them.
 *
 * <p>Tensors, per layer l and direction d ({@code forward}, {@code reverse}) with G the cell type's gate
 * count: {@code layers.l.d.W [G*H, I]}, {@code R [G*H, H]}, {@code Wb}, {@code Rb [G*H]} (with bias) and
 * {@code P [3H]} (with peepholes), in ONNX's gate order; then {@code head.W [O, F]} and {@code head.b [O]}.
 */
public final class Model {
    private final ModelSpec spec;
    private final Parameters parameters;

    private Model(ModelSpec spec, Parameters parameters) {
        this.spec = spec;
        this.parameters = parameters;
    }

    /**
     * A model with fresh weights drawn from {@code seed}: Glorot-uniform input weights (per gate block, fan-in
     * I, fan-out H), orthogonal recurrent weights (per gate block), zero biases except a forget-gate bias of 1
     * (a gate named {@code f}), zero peepholes, a Glorot-uniform head and a zero head bias. The same seed
     * gives bit-identical weights.
     *
     * @param cellTypes finds a cell type by name (for its gate list), usually {@code registry::cellType}
     */
    public static Model initialize(ModelSpec spec, Function<String, CellType> cellTypes, long seed) {
        ModelSize.check(spec, cellTypes, ModelSize.INFERENCE_COPIES, 0, l -> "hidden size of layer " + l);
        SplittableRandom root = new SplittableRandom(seed);
        Parameters parameters = new Parameters();
        for (int l = 0; l < spec.layers().size(); l++) {
            LayerSpec layer = spec.layers().get(l);
            CellType type = cellTypes.apply(layer.cellType());
            List<String> gates = type.gates();
            int g = gates.size();
            int h = layer.hiddenSize();
            int in = spec.layerInputSize(l);
            for (int d = 0; d < layer.direction().count(); d++) {
                String prefix = ParameterNames.cell(l, layer.direction(), d);
                float[] w = new float[g * h * in];
                float[] r = new float[g * h * h];
                SplittableRandom wRandom = root.split();
                SplittableRandom rRandom = root.split();
                for (int block = 0; block < g; block++) {
                    Initializers.glorotUniform(w, block * h * in, h, in, in, h, wRandom);
                    Initializers.orthogonal(r, block * h * h, h, rRandom);
                }
                parameters.add(new Parameter(prefix + ParameterNames.W, new int[] {g * h, in}, w));
                parameters.add(new Parameter(prefix + ParameterNames.R, new int[] {g * h, h}, r));
                if (layer.options().bias()) {
                    float[] wb = new float[g * h];
                    int forget = gates.indexOf("f");
                    if (forget >= 0) {
                        // A forget bias of 1 keeps the cell state by default early on, so gradients reach far back.
                        Initializers.constant(wb, forget * h, h, 1f);
                    }
                    parameters.add(new Parameter(prefix + ParameterNames.W_BIAS, new int[] {g * h}, wb));
                    parameters.add(new Parameter(prefix + ParameterNames.R_BIAS, new int[] {g * h}, new float[g * h]));
                }
                if (layer.options().peepholes()) {
                    parameters.add(new Parameter(prefix + ParameterNames.PEEPHOLES, new int[] {3 * h}, new float[3 * h]));
                }
            }
        }
        int outputs = spec.head().outputs();
        int top = spec.topSize();
        float[] headW = new float[outputs * top];
        Initializers.glorotUniform(headW, 0, outputs, top, top, outputs, root.split());
        parameters.add(new Parameter(ParameterNames.HEAD + "W", new int[] {outputs, top}, headW));
        parameters.add(new Parameter(ParameterNames.HEAD + "b", new int[] {outputs}, new float[outputs]));
        return new Model(spec, parameters);
    }

    /**
     * A model over given parameters, checked against the spec: every tensor the spec needs is present with
     * its shape, and there is no other.
     *
     * @throws BadModelException naming the missing, extra or misshapen tensor
     */
    public static Model of(ModelSpec spec, Parameters parameters, Function<String, CellType> cellTypes) {
        Model expected = initialize(spec, cellTypes, 0);
        for (Parameter needed : expected.parameters.list()) {
            Parameter actual = parameters.find(needed.name()).orElseThrow(() -> new BadModelException(
                    "model weights lack tensor " + needed.name() + " of shape "
                            + Arrays.toString(needed.shape()) + " that the spec needs"));
            if (!Arrays.equals(actual.shape(), needed.shape())) {
                throw new BadModelException("tensor " + needed.name() + " has shape "
                        + Arrays.toString(actual.shape()) + ", the spec needs "
                        + Arrays.toString(needed.shape()));
            }
        }
        for (Parameter actual : parameters.list()) {
            if (expected.parameters.find(actual.name()).isEmpty()) {
                throw new BadModelException("model weights hold tensor " + actual.name()
                        + " that the spec does not use; expected only " + expected.parameters.list().stream()
                        .map(Parameter::name).toList());
            }
        }
        Parameters ordered = new Parameters();
        expected.parameters.list().forEach(p -> ordered.add(parameters.get(p.name())));
        return new Model(spec, ordered);
    }

    /** What the model is. */
    public ModelSpec spec() {
        return spec;
    }

    /** The live parameters; training updates them in place. */
    public Parameters parameters() {
        return parameters;
    }

    /** A deep copy (same spec, copied tensors). */
    public Model copy() {
        return new Model(spec, parameters.copy());
    }

    /** The cell spec of layer {@code layer} (the same for both directions). */
    public CellSpec cellSpec(int layer) {
        return spec.layers().get(layer).cellSpec(spec.layerInputSize(layer));
    }

    /** The weights of one direction of one layer, as a view on {@link #parameters()} (no copy). */
    public CellWeights cellWeights(int layer, int directionIndex) {
        return weightsOf(parameters, spec, layer, directionIndex);
    }

    /** The tensors of one direction of one layer in {@code set} (parameters or gradients), as cell weights. */
    static CellWeights weightsOf(Parameters set, ModelSpec spec, int layer, int directionIndex) {
        LayerSpec layerSpec = spec.layers().get(layer);
        if (directionIndex < 0 || directionIndex >= layerSpec.direction().count()) {
            throw new InvalidSpecException("layer " + layer + " has " + layerSpec.direction().count()
                    + " direction(s), asked for index " + directionIndex);
        }
        String prefix = ParameterNames.cell(layer, layerSpec.direction(), directionIndex);
        return new CellWeights(set.get(prefix + ParameterNames.W).data(), set.get(prefix + ParameterNames.R).data(),
                set.dataOrNull(prefix + ParameterNames.W_BIAS), set.dataOrNull(prefix + ParameterNames.R_BIAS),
                set.dataOrNull(prefix + ParameterNames.PEEPHOLES));
    }

    @Override
    public String toString() {
        return "Model[" + spec + ", " + parameters.scalarCount() + " parameters]";
    }
}

package org.hotcell.model.onnx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.hotcell.layers.MergeMode;
import org.hotcell.core.activation.ActivationSpec;
import org.hotcell.core.cell.CellSpec;
import org.hotcell.core.cell.CellType;
import org.hotcell.core.cell.CellWeights;
import org.hotcell.core.cell.Direction;
import org.hotcell.core.error.BadModelException;
import org.hotcell.core.registry.Registry;
import org.hotcell.model.net.Model;
import org.hotcell.model.param.ParameterNames;
import org.hotcell.model.spec.LayerSpec;
import org.hotcell.model.spec.ModelSpec;
import org.hotcell.model.spec.Readout;
import org.hotcell.onnx.ElementType;
import org.hotcell.onnx.Tensor;
import org.hotcell.onnx.mapping.ActivationFunction;
import org.hotcell.onnx.mapping.RecurrentAttribute;
import org.hotcell.onnx.mapping.RecurrentInput;
import org.hotcell.onnx.mapping.RecurrentOperator;
import org.hotcell.onnx.proto.Attribute;
import org.hotcell.onnx.proto.ModelBuilder;

/**
 * Writes a model as an ONNX graph (opset 22): one LSTM, GRU or RNN node per layer with its weights as
 * initializers, the ops that merge directions and feed the next layer, and the dense head as MatMul and Add.
 * Input {@code X [T, N, I]} (time-major, every sequence of full length), output {@code Y}: {@code [T, N, O]} per
 * step, or {@code [N, O]} from the last step.
 *
 * <p>Only what ONNX's recurrent operators can say is exported: the cell types lstm, gru and rnn; activations
 * among ONNX's functions (Sigmoid, Tanh, Relu, LeakyRelu, ...); and, because ONNX has one gate function per
 * node, the same activation for every gate of a cell. Anything else is refused with a message naming the layer,
 * the role and the activation. Names, gate orders and parameters come from {@link RecurrentOperator},
 * {@link RecurrentAttribute} and {@link ActivationFunction}, the table import reads too.
 */
public final class OnnxExport {
    private static final int OPSET = 22;

    private OnnxExport() {
    }

    /**
     * The model's .onnx bytes.
     *
     * @param registry resolves activation specs to their canonical form (parameters named, defaults filled)
     * @throws BadModelException naming the layer and role of what ONNX cannot express
     */
    public static byte[] export(Model model, Registry registry) {
        ModelSpec spec = model.spec();
        ModelBuilder graph = new ModelBuilder("hotcell").opset(OPSET);
        graph.input("X", ElementType.FLOAT, -1, -1, spec.inputSize());
        String current = "X";
        for (int l = 0; l < spec.layers().size(); l++) {
            current = layer(graph, model, registry, l, current);
        }
        int top = spec.topSize();
        int outputs = spec.head().outputs();
        if (spec.head().readout() == Readout.LAST_STEP) {
            graph.initializer("last_step", Tensor.ofLongs(ElementType.INT64, new int[0], new long[] {-1}));
            graph.node("head_read", "Gather", List.of(current, "last_step"), List.of("head_in"),
                    Attribute.ofInt("axis", 0));
            current = "head_in";
        }
        float[] w = model.parameters().get(ParameterNames.HEAD + "W").data();
        float[] wt = new float[w.length];
        for (int o = 0; o < outputs; o++) {
            for (int f = 0; f < top; f++) {
                wt[f * outputs + o] = w[o * top + f];
            }
        }
        graph.initializer("head_WT", Tensor.ofFloats(new int[] {top, outputs}, wt));
        graph.initializer("head_b", Tensor.ofFloats(new int[] {outputs},
                model.parameters().get(ParameterNames.HEAD + "b").data().clone()));
        graph.node("head_matmul", "MatMul", List.of(current, "head_WT"), List.of("head_product"));
        graph.node("head_add", "Add", List.of("head_product", "head_b"), List.of("Y"));
        graph.output("Y", ElementType.FLOAT);
        return graph.bytes();
    }

    /** Adds layer l reading {@code input}; returns the name of its merged {@code [T, N, F]} output. */
    private static String layer(ModelBuilder graph, Model model, Registry registry, int l, String input) {
        LayerSpec layer = model.spec().layers().get(l);
        CellType type = registry.cellType(layer.cellType());
        CellSpec cellSpec = model.cellSpec(l);
        RecurrentOperator op = RecurrentOperator.ofCellType(layer.cellType()).orElseThrow(() -> new BadModelException(
                "cannot export layer " + l + " to ONNX: cell type '" + layer.cellType() + "' has no ONNX operator"
                        + " (ONNX has " + opTypes() + ")"));
        op.requireGateOrder(type, "cannot export layer " + l + " to ONNX");
        List<OnnxFunction> functions = new ArrayList<>();
        for (RecurrentOperator.ActivationSlot slot : op.slots()) {
            functions.add(function(type, cellSpec, registry, l, slot.roles()));
        }
        int directions = layer.direction().count();
        List<String> names = new ArrayList<>();
        List<Float> alphas = new ArrayList<>();
        List<Float> betas = new ArrayList<>();
        for (int d = 0; d < directions; d++) {
            for (OnnxFunction f : functions) {
                names.add(f.function().onnxName());
                Float alpha = f.function().alpha(f.canonical());
                if (alpha != null) {
                    alphas.add(alpha);
                }
                Float beta = f.function().beta(f.canonical());
                if (beta != null) {
                    betas.add(beta);
                }
            }
        }
        String prefix = "layer" + l + "_";
        int h = layer.hiddenSize();
        int gh = op.gates().size() * h;
        int in = cellSpec.inputSize();
        boolean bias = layer.options().bias();
        boolean peepholes = layer.options().peepholes();
        float[] w = new float[directions * gh * in];
        float[] r = new float[directions * gh * h];
        float[] b = new float[directions * 2 * gh];
        float[] p = new float[directions * 3 * h];
        for (int d = 0; d < directions; d++) {
            CellWeights weights = model.cellWeights(l, d);
            System.arraycopy(weights.w(), 0, w, d * gh * in, gh * in);
            System.arraycopy(weights.r(), 0, r, d * gh * h, gh * h);
            if (bias) {
                System.arraycopy(weights.wBias(), 0, b, d * 2 * gh, gh);
                System.arraycopy(weights.rBias(), 0, b, d * 2 * gh + gh, gh);
            }
            if (peepholes) {
                System.arraycopy(weights.peepholes(), 0, p, d * 3 * h, 3 * h);
            }
        }
        // Inputs up to B (empty when there is no bias), and up to P when there are peepholes.
        String[] inputs = new String[(peepholes ? RecurrentInput.P : RecurrentInput.B).slot() + 1];
        Arrays.fill(inputs, "");
        inputs[RecurrentInput.X.slot()] = input;
        inputs[RecurrentInput.W.slot()] = initializer(graph, prefix, RecurrentInput.W, w, directions, gh, in);
        inputs[RecurrentInput.R.slot()] = initializer(graph, prefix, RecurrentInput.R, r, directions, gh, h);
        if (bias) {
            inputs[RecurrentInput.B.slot()] = initializer(graph, prefix, RecurrentInput.B, b, directions, 2 * gh);
        }
        if (peepholes) {
            inputs[RecurrentInput.P.slot()] = initializer(graph, prefix, RecurrentInput.P, p, directions, 3 * h);
        }
        List<Attribute> attributes = new ArrayList<>(List.of(
                Attribute.ofInt(RecurrentAttribute.HIDDEN_SIZE.onnxName(), h),
                Attribute.ofString(RecurrentAttribute.DIRECTION.onnxName(),
                        RecurrentAttribute.directionValue(layer.direction())),
                Attribute.ofStrings(RecurrentAttribute.ACTIVATIONS.onnxName(), names)));
        if (!alphas.isEmpty()) {
            attributes.add(Attribute.ofFloats(RecurrentAttribute.ACTIVATION_ALPHA.onnxName(), toArray(alphas)));
        }
        if (!betas.isEmpty()) {
            attributes.add(Attribute.ofFloats(RecurrentAttribute.ACTIVATION_BETA.onnxName(), toArray(betas)));
        }
        if (layer.options().clipped()) {
            attributes.add(Attribute.ofFloat(RecurrentAttribute.CLIP.onnxName(), layer.options().clip()));
        }
        if (layer.options().inputForget()) {
            attributes.add(Attribute.ofInt(RecurrentAttribute.INPUT_FORGET.onnxName(), 1));
        }
        if (layer.options().linearBeforeReset()) {
            attributes.add(Attribute.ofInt(RecurrentAttribute.LINEAR_BEFORE_RESET.onnxName(), 1));
        }
        graph.node(prefix + op.opType(), op.opType(), List.of(inputs), List.of(prefix + "Y"),
                attributes.toArray(Attribute[]::new));
        return merge(graph, layer, prefix);
    }

    /** Adds the ops that turn {@code Y [T, D, N, H]} into {@code [T, N, F]}; returns the output's name. */
    private static String merge(ModelBuilder graph, LayerSpec layer, String prefix) {
        String y = prefix + "Y";
        String out = prefix + "out";
        graph.initializer(prefix + "axis1", Tensor.int64Vector(1));
        if (layer.direction() != Direction.BIDIRECTIONAL) {
            graph.node(prefix + "squeeze", "Squeeze", List.of(y, prefix + "axis1"), List.of(out));
            return out;
        }
        MergeMode merge = layer.merge();
        switch (merge) {
            case CONCAT -> {
                graph.node(prefix + "transpose", "Transpose", List.of(y), List.of(prefix + "TNDH"),
                        Attribute.ofInts("perm", 0, 2, 1, 3));
                graph.initializer(prefix + "shape", Tensor.int64Vector(0, 0, -1));
                graph.node(prefix + "reshape", "Reshape", List.of(prefix + "TNDH", prefix + "shape"), List.of(out));
            }
            case SUM -> graph.node(prefix + "sum", "ReduceSum", List.of(y, prefix + "axis1"), List.of(out),
                    Attribute.ofInt("keepdims", 0));
            case MEAN -> graph.node(prefix + "mean", "ReduceMean", List.of(y, prefix + "axis1"), List.of(out),
                    Attribute.ofInt("keepdims", 0));
            case MUL -> {
                graph.node(prefix + "split", "Split", List.of(y), List.of(prefix + "yf", prefix + "yr"),
                        Attribute.ofInt("axis", 1), Attribute.ofInt("num_outputs", 2));
                graph.node(prefix + "mul", "Mul", List.of(prefix + "yf", prefix + "yr"), List.of(prefix + "prod"));
                graph.node(prefix + "squeeze", "Squeeze", List.of(prefix + "prod", prefix + "axis1"), List.of(out));
            }
            default -> throw new BadModelException("cannot export merge mode " + merge + " of layer " + prefix);
        }
        return out;
    }

    /** Adds a layer's weight tensor as the initializer {@code <prefix><input name>}; returns that name. */
    private static String initializer(ModelBuilder graph, String prefix, RecurrentInput input, float[] data,
                                      int... shape) {
        String name = prefix + input.onnxName();
        graph.initializer(name, Tensor.ofFloats(shape, data));
        return name;
    }

    /** ONNX's recurrent op types, for messages. */
    private static String opTypes() {
        List<String> opTypes = Arrays.stream(RecurrentOperator.values()).map(RecurrentOperator::opType).toList();
        return String.join(", ", opTypes.subList(0, opTypes.size() - 1)) + " and " + opTypes.getLast();
    }

    /** An ONNX function and the canonical Hotcell activation it stands for. */
    private record OnnxFunction(ActivationFunction function, ActivationSpec canonical) {
    }

    /** The ONNX function shared by {@code roles}, which must all resolve to the same activation. */
    private static OnnxFunction function(CellType type, CellSpec cellSpec, Registry registry, int layer,
                                           List<String> roles) {
        ActivationSpec first = null;
        String firstRole = null;
        for (String role : roles) {
            ActivationSpec canonical = registry.canonical(type.activationFor(cellSpec, role));
            if (first == null) {
                first = canonical;
                firstRole = role;
            } else if (!first.equals(canonical)) {
                throw new BadModelException("cannot export layer " + layer + " (" + type.name() + ") to ONNX: role '"
                        + firstRole + "' uses " + first + " but role '" + role + "' uses " + canonical
                        + "; an ONNX " + type.name().toUpperCase(Locale.ROOT) + " node has one function for all of "
                        + roles);
            }
        }
        ActivationSpec chosen = first;
        String chosenRole = firstRole;
        ActivationFunction function = ActivationFunction.of(chosen).orElseThrow(() -> new BadModelException(
                "cannot export layer " + layer + " (" + type.name() + ") to ONNX: role '" + chosenRole
                        + "' uses activation '" + chosen + "', which ONNX recurrent operators cannot express; they"
                        + " accept " + String.join(", ", ActivationFunction.onnxNames())));
        return new OnnxFunction(function, chosen);
    }

    private static float[] toArray(List<Float> values) {
        float[] array = new float[values.size()];
        for (int i = 0; i < array.length; i++) {
            array[i] = values.get(i);
        }
        return array;
    }
}

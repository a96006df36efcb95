package org.hotcell.onnx.internal.recurrent;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.hotcell.core.activation.ActivationSpec;
import org.hotcell.core.cell.Cell;
import org.hotcell.core.cell.CellSpec;
import org.hotcell.core.cell.CellState;
import org.hotcell.core.cell.CellType;
import org.hotcell.core.cell.CellWeights;
import org.hotcell.core.cell.Direction;
import org.hotcell.core.cell.ForwardPass;
import org.hotcell.core.cell.Layout;
import org.hotcell.core.cell.SequenceBatch;
import org.hotcell.core.error.BadModelException;
import org.hotcell.core.error.HotcellException;
import org.hotcell.onnx.Tensor;
import org.hotcell.onnx.internal.graph.NodeArgs;
import org.hotcell.onnx.internal.graph.Op;
import org.hotcell.onnx.internal.graph.RunContext;
import org.hotcell.onnx.mapping.RecurrentAttribute;
import org.hotcell.onnx.mapping.RecurrentInput;
import org.hotcell.onnx.mapping.RecurrentOperator;
import org.hotcell.onnx.proto.Attribute;
import org.hotcell.onnx.proto.AttributeType;
import org.hotcell.onnx.proto.Node;

/**
 * The ONNX LSTM, GRU and RNN operators (every attribute up to opset 22), computed by the cell types of the same
 * names found in the registry: one {@link Cell} per direction, built from slices of W, R, B and P.
 *
 * <p>Inputs, by slot: X {@code [T,N,I]} (layout 1: {@code [N,T,I]}), W {@code [D,G*H,I]}, R {@code [D,G*H,H]},
 * B {@code [D,2*G*H]} (the input bias Wb then the recurrent bias Rb), sequence_lens {@code [N]}, initial_h
 * {@code [D,N,H]} (layout 1: {@code [N,D,H]}), and for LSTM initial_c like initial_h and P {@code [D,3*H]}.
 * Outputs: Y {@code [T,D,N,H]} (layout 1: {@code [N,T,D,H]}), zero past each sequence's length; Y_h and, for LSTM,
 * Y_c {@code [D,N,H]} (layout 1: {@code [N,D,H]}), the state after each sequence's last valid step. D is 2 for
 * bidirectional (forward, then reverse), else 1.
 */
public final class RecurrentOp implements Op {
    private final RecurrentOperator operator;

    private RecurrentOp(RecurrentOperator operator) {
        this.operator = operator;
    }

    /** The op that computes a recurrent operator. */
    public static Op of(RecurrentOperator operator) {
        return new RecurrentOp(operator);
    }

    @Override
    public List<Tensor> run(Node node, List<Tensor> inputs, RunContext run) {
        NodeArgs args = new NodeArgs(node, inputs);
        checkAttributes(args);
        int maxInputs = operator.inputs().size();
        if (node.inputs().size() > maxInputs) {
            throw args.fail("has " + node.inputs().size() + " inputs; " + operator + " takes at most " + maxInputs);
        }
        long layoutValue = args.intAttr(RecurrentAttribute.LAYOUT.onnxName(), 0);
        if (layoutValue != 0 && layoutValue != 1) {
            throw args.fail("attribute 'layout' is " + layoutValue + "; valid: 0 (time-major) or 1 (batch-major)");
        }
        boolean batchMajor = layoutValue == 1;
        Direction direction = direction(args);
        int dirs = direction.count();

        Tensor x = args.floats(RecurrentInput.X.slot(), RecurrentInput.X.onnxName(), 3);
        int steps = x.dim(batchMajor ? 1 : 0);
        int batch = x.dim(batchMajor ? 0 : 1);
        int inputSize = x.dim(2);
        Tensor w = args.floats(RecurrentInput.W.slot(), RecurrentInput.W.onnxName(), 3);
        Tensor r = args.floats(RecurrentInput.R.slot(), RecurrentInput.R.onnxName(), 3);
        int hidden = hiddenSize(args, r);
        int gh = operator.gates().size() * hidden;
        expectShape(args, RecurrentInput.W, w, dirs, gh, inputSize);
        expectShape(args, RecurrentInput.R, r, dirs, gh, hidden);
        if (x.dim(2) != w.dim(2)) {
            throw args.fail("input X has input size " + inputSize + " (dimension 2 of " + x + ") but W expects "
                    + w.dim(2));
        }
        Tensor b = optionalFloat(args, RecurrentInput.B);
        if (b != null) {
            expectShape(args, RecurrentInput.B, b, dirs, 2 * gh);
        }
        int[] lengths = sequenceLengths(args, steps, batch);
        int[] stateShape = batchMajor ? new int[] {batch, dirs, hidden} : new int[] {dirs, batch, hidden};
        Tensor initialH = optionalFloat(args, RecurrentInput.INITIAL_H);
        if (initialH != null) {
            expectShape(args, RecurrentInput.INITIAL_H, initialH, stateShape);
        }
        Tensor initialC = operator.hasCellState() ? optionalFloat(args, RecurrentInput.INITIAL_C) : null;
        if (initialC != null) {
            expectShape(args, RecurrentInput.INITIAL_C, initialC, stateShape);
        }
        Tensor p = operator.inputs().contains(RecurrentInput.P) ? optionalFloat(args, RecurrentInput.P) : null;
        if (p != null) {
            expectShape(args, RecurrentInput.P, p, dirs, 3 * hidden);
        }
        float clip = clip(args);
        boolean inputForget = flag(args, RecurrentAttribute.INPUT_FORGET);
        boolean linearBeforeReset = flag(args, RecurrentAttribute.LINEAR_BEFORE_RESET);
        List<ActivationSpec> activations = ActivationList.resolve(args, operator, dirs);

        int[] yShape = batchMajor ? new int[] {batch, steps, dirs, hidden} : new int[] {steps, dirs, batch, hidden};
        boolean wantY = node.output(0).isPresent();
        float[] y = wantY ? new float[Tensor.elementCount(node.label() + " output Y",
                Arrays.stream(yShape).asLongStream().toArray())] : null;
        float[] yh = new float[dirs * batch * hidden];
        float[] yc = operator.hasCellState() ? new float[dirs * batch * hidden] : null;
        SequenceBatch xs = new SequenceBatch(x.floats(), 0, steps, batch, inputSize,
                batchMajor ? Layout.BATCH_MAJOR : Layout.TIME_MAJOR, lengths);
        CellType cellType = cellType(args, run);
        for (int d = 0; d < dirs; d++) {
            CellSpec.Builder spec = CellSpec.builder(operator.cellType()).inputSize(inputSize).hiddenSize(hidden)
                    .bias(b != null).peepholes(p != null).clip(clip).inputForget(inputForget)
                    .linearBeforeReset(linearBeforeReset);
            int functions = operator.slots().size();
            for (int f = 0; f < functions; f++) {
                for (String role : operator.slots().get(f).roles()) {
                    spec.activation(role, activations.get(d * functions + f));
                }
            }
            CellWeights weights = new CellWeights(
                    slice(w, d, 0, gh * inputSize), slice(r, d, 0, gh * hidden),
                    b == null ? null : slice(b, d, 0, gh), b == null ? null : slice(b, d, gh, gh),
                    p == null ? null : slice(p, d, 0, 3 * hidden));
            CellState initial = initialH == null && initialC == null ? null : CellState.of(batch, hidden,
                    initialH == null ? new float[batch * hidden] : stateOf(initialH, d, dirs, batch, hidden, batchMajor),
                    !operator.hasCellState() ? null : initialC == null ? new float[batch * hidden]
                            : stateOf(initialC, d, dirs, batch, hidden, batchMajor));
            boolean reverse = direction == Direction.REVERSE || d == 1;
            ForwardPass pass;
            try {
                Cell cell = cellType.create(spec.build(), weights, run.registry(), run.backend());
                pass = cell.forward(xs, initial, reverse, false);
            } catch (HotcellException e) {
                throw new BadModelException(node.label() + ", direction " + (reverse ? "reverse" : "forward") + ": "
                        + e.getMessage(), e);
            }
            if (wantY) {
                scatterY(pass.y(), y, d, dirs, steps, batch, hidden, batchMajor);
            }
            scatterState(pass.last().h(), yh, d, dirs, batch, hidden, batchMajor);
            if (yc != null) {
                scatterState(pass.last().c(), yc, d, dirs, batch, hidden, batchMajor);
            }
        }
        List<Tensor> outputs = new ArrayList<>();
        outputs.add(wantY ? Tensor.ofFloats(yShape, y) : null);
        outputs.add(Tensor.ofFloats(stateShape, yh));
        outputs.add(yc == null ? null : Tensor.ofFloats(stateShape, yc));
        return outputs;
    }

    private void checkAttributes(NodeArgs args) {
        List<String> known = operator.attributes().stream().map(RecurrentAttribute::onnxName).sorted().toList();
        for (Attribute attribute : args.node().attributes()) {
            if (!known.contains(attribute.name())) {
                throw args.fail("unknown attribute '" + attribute.name() + "'; " + operator + " has " + known);
            }
        }
    }

    private static Direction direction(NodeArgs args) {
        Attribute attribute = args.attribute(RecurrentAttribute.DIRECTION.onnxName(), AttributeType.STRING);
        if (attribute == null) {
            return Direction.FORWARD;
        }
        return RecurrentAttribute.direction(attribute.s()).orElseThrow(() -> args.fail("attribute 'direction' is '"
                + attribute.s() + "'; valid: " + String.join(", ", RecurrentAttribute.DIRECTION_VALUES)));
    }

    private int hiddenSize(NodeArgs args, Tensor r) {
        Attribute attribute = args.attribute(RecurrentAttribute.HIDDEN_SIZE.onnxName(), AttributeType.INT);
        if (attribute == null) {
            return r.dim(2);
        }
        long hidden = attribute.i();
        if (hidden < 1 || hidden > Tensor.MAX_ELEMENTS / operator.gates().size()) {
            throw args.fail("attribute 'hidden_size' is " + hidden + "; it must be a positive size");
        }
        if (hidden != r.dim(2)) {
            throw args.fail("attribute 'hidden_size' is " + hidden + " but R " + r + " has hidden size " + r.dim(2));
        }
        return (int) hidden;
    }

    private static void expectShape(NodeArgs args, RecurrentInput input, Tensor tensor, int... expected) {
        if (!Arrays.equals(tensor.shape(), expected)) {
            throw args.fail("input " + input.onnxName() + " ('" + args.node().input(input.slot()).orElse("")
                    + "') has shape " + Arrays.toString(tensor.shape()) + ", expected " + Arrays.toString(expected));
        }
    }

    private static Tensor optionalFloat(NodeArgs args, RecurrentInput input) {
        Tensor value = args.optional(input.slot());
        return value == null ? null : args.checkFloat(value, input.slot(), input.onnxName(), -1);
    }

    private static int[] sequenceLengths(NodeArgs args, int steps, int batch) {
        Tensor value = args.optional(RecurrentInput.SEQUENCE_LENS.slot());
        if (value == null) {
            return null;
        }
        if (value.type().isFloat() || value.rank() != 1 || value.dim(0) != batch) {
            throw args.fail("input " + RecurrentInput.SEQUENCE_LENS.onnxName() + " is " + value
                    + ", expected an INT32 vector of the batch size [" + batch + "]");
        }
        int[] lengths = new int[batch];
        for (int n = 0; n < batch; n++) {
            long length = value.longs()[n];
            if (length < 0 || length > steps) {
                throw args.fail("sequence_lens[" + n + "] is " + length + "; it must be in [0, " + steps
                        + "] (T, the sequence length of X)");
            }
            lengths[n] = (int) length;
        }
        return lengths;
    }

    private static float clip(NodeArgs args) {
        Attribute attribute = args.attribute(RecurrentAttribute.CLIP.onnxName(), AttributeType.FLOAT);
        if (attribute == null) {
            return Float.POSITIVE_INFINITY;
        }
        if (!(attribute.f() > 0)) {
            throw args.fail("attribute 'clip' is " + attribute.f() + "; it must be a positive number");
        }
        return attribute.f();
    }

    private static boolean flag(NodeArgs args, RecurrentAttribute attribute) {
        String name = attribute.onnxName();
        long value = args.intAttr(name, 0);
        if (value != 0 && value != 1) {
            throw args.fail("attribute '" + name + "' is " + value + "; valid: 0 or 1");
        }
        return value == 1;
    }

    private CellType cellType(NodeArgs args, RunContext run) {
        CellType type;
        try {
            type = run.registry().cellType(operator.cellType());
        } catch (HotcellException e) {
            throw new BadModelException(args.node().label() + " needs cell type '" + operator.cellType() + "': "
                    + e.getMessage(), e);
        }
        operator.requireGateOrder(type, args.node().label());
        return type;
    }

    /** The floats of direction d's block {@code [from, from+length)} of a tensor whose first axis is D. */
    private static float[] slice(Tensor tensor, int d, int from, int length) {
        int block = tensor.size() / tensor.dim(0);
        return Arrays.copyOfRange(tensor.floats(), d * block + from, d * block + from + length);
    }

    /** Direction d's [N, H] state out of [D, N, H] (or [N, D, H] for batch-major). */
    private static float[] stateOf(Tensor state, int d, int dirs, int batch, int hidden, boolean batchMajor) {
        float[] out = new float[batch * hidden];
        for (int n = 0; n < batch; n++) {
            int from = batchMajor ? (n * dirs + d) * hidden : (d * batch + n) * hidden;
            System.arraycopy(state.floats(), from, out, n * hidden, hidden);
        }
        return out;
    }

    private static void scatterState(float[] state, float[] out, int d, int dirs, int batch, int hidden,
                                     boolean batchMajor) {
        for (int n = 0; n < batch; n++) {
            int to = batchMajor ? (n * dirs + d) * hidden : (d * batch + n) * hidden;
            System.arraycopy(state, n * hidden, out, to, hidden);
        }
    }

    /** Copies a direction's time-major {@code [T, N, H]} outputs into Y. */
    private static void scatterY(float[] y, float[] out, int d, int dirs, int steps, int batch, int hidden,
                                 boolean batchMajor) {
        for (int t = 0; t < steps; t++) {
            for (int n = 0; n < batch; n++) {
                int to = batchMajor ? ((n * steps + t) * dirs + d) * hidden : ((t * dirs + d) * batch + n) * hidden;
                System.arraycopy(y, (t * batch + n) * hidden, out, to, hidden);
            }
        }
    }
}

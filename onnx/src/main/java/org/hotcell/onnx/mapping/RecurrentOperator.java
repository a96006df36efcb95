package org.hotcell.onnx.mapping;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.hotcell.core.cell.CellType;
import org.hotcell.core.error.BadModelException;

/**
 * ONNX's recurrent operators and the Hotcell cell types that compute them, with what differs between them: gate
 * order, activation slots and the cell roles each slot fills, inputs, attributes.
 *
 * <p>Gate order: ONNX stacks W, R and B in blocks {@code i, o, f, c} (LSTM), {@code z, r, h} (GRU) and {@code i}
 * (RNN). Hotcell's standard cell types ({@link CellType#gates()}) use the same orders, so import and export copy
 * weights block for block; {@link #requireGateOrder} fails, naming both orders, for a cell type that does not.
 */
public enum RecurrentOperator {
    /** Gates i, o, f, c; functions f (the three gates), g (candidate), h (output); the cell state c. */
    LSTM("LSTM", "lstm", List.of("i", "o", "f", "c"), List.of(
            new ActivationSlot("f", ActivationFunction.SIGMOID, List.of("input_gate", "output_gate", "forget_gate")),
            new ActivationSlot("g", ActivationFunction.TANH, List.of("candidate")),
            new ActivationSlot("h", ActivationFunction.TANH, List.of("output"))),
            RecurrentInput.P),
    /** Gates z, r, h; functions f (update and reset gates), g (candidate). */
    GRU("GRU", "gru", List.of("z", "r", "h"), List.of(
            new ActivationSlot("f", ActivationFunction.SIGMOID, List.of("update_gate", "reset_gate")),
            new ActivationSlot("g", ActivationFunction.TANH, List.of("candidate"))),
            RecurrentInput.INITIAL_H),
    /** One block i; function f. */
    RNN("RNN", "rnn", List.of("i"), List.of(
            new ActivationSlot("f", ActivationFunction.TANH, List.of("activation"))),
            RecurrentInput.INITIAL_H);

    /**
     * One entry of the operator's list of activation functions (per direction), and the Hotcell cell roles it
     * sets.
     *
     * @param symbol          the function's letter in ONNX's equations: f, g or h
     * @param defaultFunction what ONNX uses when the node lists no functions
     * @param roles           the Hotcell roles it fills, gates in the operator's gate order
     */
    public record ActivationSlot(String symbol, ActivationFunction defaultFunction, List<String> roles) {
        /** Copies the roles. */
        public ActivationSlot {
            roles = List.copyOf(roles);
        }
    }

    private final String opType;
    private final String cellType;
    private final List<String> gates;
    private final List<ActivationSlot> slots;
    private final List<RecurrentInput> inputs;

    RecurrentOperator(String opType, String cellType, List<String> gates, List<ActivationSlot> slots,
                      RecurrentInput lastInput) {
        this.opType = opType;
        this.cellType = cellType;
        this.gates = gates;
        this.slots = slots;
        this.inputs = List.of(Arrays.copyOf(RecurrentInput.values(), lastInput.slot() + 1));
    }

    /** The ONNX op type, e.g. {@code LSTM}. */
    public String opType() {
        return opType;
    }

    /** The name of the Hotcell cell type that computes it, e.g. {@code lstm}. */
    public String cellType() {
        return cellType;
    }

    /** ONNX's gate blocks of W, R and B, in order; their count G sizes the weights ({@code G*H} rows). */
    public List<String> gates() {
        return gates;
    }

    /** The activation functions one direction takes, in the order the {@code activations} attribute lists them. */
    public List<ActivationSlot> slots() {
        return slots;
    }

    /** The inputs the operator takes, in slot order. */
    public List<RecurrentInput> inputs() {
        return inputs;
    }

    /** The attributes the operator takes. */
    public List<RecurrentAttribute> attributes() {
        List<RecurrentAttribute> attributes = new ArrayList<>();
        for (RecurrentAttribute attribute : RecurrentAttribute.values()) {
            if (attribute.appliesTo(this)) {
                attributes.add(attribute);
            }
        }
        return attributes;
    }

    /** Whether the operator has a cell state ({@code initial_c}, {@code Y_c}). */
    public boolean hasCellState() {
        return inputs.contains(RecurrentInput.INITIAL_C);
    }

    /** The operator of an ONNX op type ({@code LSTM}, {@code GRU}, {@code RNN}), or empty. */
    public static Optional<RecurrentOperator> ofOpType(String opType) {
        return Arrays.stream(values()).filter(op -> op.opType.equals(opType)).findFirst();
    }

    /** The operator that a Hotcell cell type's name ({@code lstm}, {@code GRU}, ...; any case) exports to, or empty. */
    public static Optional<RecurrentOperator> ofCellType(String cellTypeName) {
        return Arrays.stream(values()).filter(op -> op.cellType.equalsIgnoreCase(cellTypeName)).findFirst();
    }

    /**
     * Checks that a cell type stacks its gates in ONNX's order, which copying weights block for block needs.
     *
     * @param context what is being imported or exported, to start the message with
     * @throws BadModelException naming the cell type and both orders when they differ
     */
    public void requireGateOrder(CellType type, String context) {
        if (!type.gates().equals(gates)) {
            throw new BadModelException(context + ": cell type '" + type.name() + "' stacks its gates "
                    + type.gates() + " but ONNX's " + opType + " stacks them " + gates);
        }
    }
}

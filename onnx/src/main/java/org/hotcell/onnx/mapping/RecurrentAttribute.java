package org.hotcell.onnx.mapping;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.hotcell.core.cell.Direction;

/** The attributes of ONNX's recurrent operators (up to opset 22), and the values of {@code direction}. */
public enum RecurrentAttribute {
    /** FLOATS: the alpha values of the listed functions that take one, consumed in list order. */
    ACTIVATION_ALPHA("activation_alpha", EnumSet.allOf(RecurrentOperator.class)),
    /** FLOATS: the beta values, likewise. */
    ACTIVATION_BETA("activation_beta", EnumSet.allOf(RecurrentOperator.class)),
    /** STRINGS: the activation functions, those of the forward direction first (see {@link ActivationFunction}). */
    ACTIVATIONS("activations", EnumSet.allOf(RecurrentOperator.class)),
    /** FLOAT: the bound every activation input is clipped to, {@code [-clip, clip]}; none when absent. */
    CLIP("clip", EnumSet.allOf(RecurrentOperator.class)),
    /** STRING: {@code forward} (the default), {@code reverse} or {@code bidirectional}. */
    DIRECTION("direction", EnumSet.allOf(RecurrentOperator.class)),
    /** INT: the hidden size H. */
    HIDDEN_SIZE("hidden_size", EnumSet.allOf(RecurrentOperator.class)),
    /** INT: 0 for time-major X, Y and states (the default), 1 for batch-major (opset 14 on). */
    LAYOUT("layout", EnumSet.allOf(RecurrentOperator.class)),
    /**
     * INT, up to opset 6: whether Y is wanted, which the node's outputs say anyway; accepted and ignored.
     */
    OUTPUT_SEQUENCE("output_sequence", EnumSet.allOf(RecurrentOperator.class)),
    /** INT, LSTM: 1 couples the input and forget gates. */
    INPUT_FORGET("input_forget", EnumSet.of(RecurrentOperator.LSTM)),
    /** INT, GRU: 1 applies the reset gate after the recurrent product for the candidate. */
    LINEAR_BEFORE_RESET("linear_before_reset", EnumSet.of(RecurrentOperator.GRU));

    /** ONNX's values of {@code direction}, in the order error messages list them. */
    public static final List<String> DIRECTION_VALUES = List.of("forward", "reverse", "bidirectional");

    private final String onnxName;
    private final Set<RecurrentOperator> operators;

    RecurrentAttribute(String onnxName, Set<RecurrentOperator> operators) {
        this.onnxName = onnxName;
        this.operators = operators;
    }

    /** The attribute's name in a node. */
    public String onnxName() {
        return onnxName;
    }

    /** Whether the operator takes this attribute. */
    public boolean appliesTo(RecurrentOperator operator) {
        return operators.contains(operator);
    }

    /** The value of {@code direction} for a direction. */
    public static String directionValue(Direction direction) {
        return switch (direction) {
            case FORWARD -> DIRECTION_VALUES.get(0);
            case REVERSE -> DIRECTION_VALUES.get(1);
            case BIDIRECTIONAL -> DIRECTION_VALUES.get(2);
        };
    }

    /** The direction a value of {@code direction} names (exact spelling, as ONNX requires), or empty. */
    public static Optional<Direction> direction(String value) {
        for (Direction direction : Direction.values()) {
            if (directionValue(direction).equals(value)) {
                return Optional.of(direction);
            }
        }
        return Optional.empty();
    }
}

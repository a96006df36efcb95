package org.hotcell.model.param;

import org.hotcell.core.cell.Direction;

/**
 * The names of a model's tensors, as they appear in files and diagnostics: {@code layers.<l>.<direction>.<T>}
 * with T one of W, R, Wb, Rb, P (ONNX's tensors of a recurrent node, one direction), and {@code head.W},
 * {@code head.b}.
 */
public final class ParameterNames {
    /** Input weights {@code [G*H, I]}. */
    public static final String W = "W";
    /** Recurrent weights {@code [G*H, H]}. */
    public static final String R = "R";
    /** Input bias {@code [G*H]}. */
    public static final String W_BIAS = "Wb";
    /** Recurrent bias {@code [G*H]}. */
    public static final String R_BIAS = "Rb";
    /** LSTM peepholes {@code [3*H]}. */
    public static final String PEEPHOLES = "P";
    /** The prefix of the dense head's tensors. */
    public static final String HEAD = "head.";

    private ParameterNames() {
    }

    /** {@code layers.<layer>.} */
    public static String layer(int layer) {
        return "layers." + layer + ".";
    }

    /** {@code layers.<layer>.<forward|reverse>.} for direction index 0 (forward or the only one) or 1 (reverse). */
    public static String cell(int layer, Direction direction, int directionIndex) {
        return layer(layer) + directionName(direction, directionIndex) + ".";
    }

    /** {@code forward} or {@code reverse}: what direction index {@code index} of a layer reads. */
    public static String directionName(Direction direction, int index) {
        return switch (direction) {
            case FORWARD -> "forward";
            case REVERSE -> "reverse";
            case BIDIRECTIONAL -> index == 0 ? "forward" : "reverse";
        };
    }
}

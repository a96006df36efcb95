package org.hotcell.onnx.internal.recurrent;

import java.util.List;
import java.util.Set;

/**
 * The three ONNX recurrent operators, with what differs between them: the Hotcell cell type that computes them,
 * their gate count, their activation functions and the cell roles each function fills.
 */
enum RecurrentKind {
    /** Gates i, o, f, c; functions f (the three gates), g (candidate), h (output). */
    LSTM("lstm", 4, List.of("Sigmoid", "Tanh", "Tanh"),
            List.of(List.of("input_gate", "output_gate", "forget_gate"), List.of("candidate"), List.of("output")),
            8, Set.of("input_forget")),
    /** Gates z, r, h; functions f (update and reset gates), g (candidate). */
    GRU("gru", 3, List.of("Sigmoid", "Tanh"),
            List.of(List.of("update_gate", "reset_gate"), List.of("candidate")),
            6, Set.of("linear_before_reset")),
    /** One block; function f. */
    RNN("rnn", 1, List.of("Tanh"), List.of(List.of("activation")), 6, Set.of());

    /**
     * Attributes every recurrent operator has. {@code output_sequence} existed up to opset 6 and only said whether
     * Y is wanted, which the node's outputs say anyway; it is accepted and ignored.
     */
    static final Set<String> COMMON_ATTRIBUTES = Set.of("activation_alpha", "activation_beta", "activations", "clip",
            "direction", "hidden_size", "layout", "output_sequence");

    final String cellType;
    final int gates;
    final List<String> defaultActivations;
    final List<List<String>> rolesPerFunction;
    final int maxInputs;
    final Set<String> ownAttributes;

    RecurrentKind(String cellType, int gates, List<String> defaultActivations, List<List<String>> rolesPerFunction,
                  int maxInputs, Set<String> ownAttributes) {
        this.cellType = cellType;
        this.gates = gates;
        this.defaultActivations = defaultActivations;
        this.rolesPerFunction = rolesPerFunction;
        this.maxInputs = maxInputs;
        this.ownAttributes = ownAttributes;
    }

    /** How many activation functions one direction takes. */
    int functions() {
        return defaultActivations.size();
    }

    /** Whether the cell has a cell state (initial_c, Y_c). */
    boolean hasCellState() {
        return this == LSTM;
    }
}

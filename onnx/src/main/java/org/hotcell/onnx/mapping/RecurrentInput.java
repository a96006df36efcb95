package org.hotcell.onnx.mapping;

/**
 * The inputs of ONNX's recurrent operators, in slot order: an optional input left out before a later one is an
 * empty name in its slot. LSTM has all eight; GRU and RNN end at {@code initial_h}.
 */
public enum RecurrentInput {
    /** The input sequences, {@code [T, N, I]} (layout 1: {@code [N, T, I]}). */
    X("X"),
    /** The input weights, {@code [D, G*H, I]}, gate blocks in the operator's gate order. */
    W("W"),
    /** The recurrent weights, {@code [D, G*H, H]}. */
    R("R"),
    /** The biases, {@code [D, 2*G*H]}: the input biases Wb, then the recurrent biases Rb. */
    B("B"),
    /** Each batch item's sequence length, {@code [N]}, integers. */
    SEQUENCE_LENS("sequence_lens"),
    /** The initial hidden state, {@code [D, N, H]} (layout 1: {@code [N, D, H]}). */
    INITIAL_H("initial_h"),
    /** The initial cell state (LSTM), shaped like {@code initial_h}. */
    INITIAL_C("initial_c"),
    /** The peephole weights (LSTM), {@code [D, 3*H]}, for the input, output and forget gates. */
    P("P");

    private final String onnxName;

    RecurrentInput(String onnxName) {
        this.onnxName = onnxName;
    }

    /** The name ONNX's operator documentation gives the input. */
    public String onnxName() {
        return onnxName;
    }

    /** The input's position among a node's inputs. */
    public int slot() {
        return ordinal();
    }
}

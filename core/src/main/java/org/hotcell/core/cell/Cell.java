package org.hotcell.core.cell;

import org.hotcell.core.activation.Activation;

/**
 * One recurrent layer in one direction, with its weights and activations bound and packed for a backend.
 *
 * <p>A cell is immutable after creation and thread-safe: concurrent calls with distinct states are allowed.
 * It holds the activation instances resolved when it was made; a host that must follow plugin changes
 * rebuilds the cell from its {@link CellSpec} (which holds names only).
 *
 * <p>Shapes: input X has {@code I = spec().inputSize()} features, the state and outputs {@code H =
 * spec().hiddenSize()} units; see {@link SequenceBatch}, {@link CellState}.
 */
public interface Cell {

    /** What this cell is. */
    CellSpec spec();

    /** The activation bound to a role of this cell's type (after fallbacks and defaults). */
    Activation activation(String role);

    /** A zero state for N streams, with a cell state c when this cell type has one. */
    CellState zeroState(int batch);

    /**
     * Runs the cell over a batch of sequences.
     *
     * @param x         the inputs, with optional per-item lengths
     * @param initial   the state before the first step read, or null for zeros; not modified
     * @param reverse   read each sequence from its last valid step down to step 0
     * @param keepTrace keep what {@link #backward} needs in the result
     * @throws org.hotcell.core.error.ShapeMismatchException when x or initial do not fit the cell
     */
    ForwardPass forward(SequenceBatch x, CellState initial, boolean reverse, boolean keepTrace);

    /**
     * Advances N independent streams by one step, in place: {@code state} holds the new h (and c) on return.
     * Feeding a sequence step by step gives the same outputs as {@link #forward} over it.
     *
     * @param x     N rows of I features, row-major, from xOff
     * @param state the streams' state; its batch is N
     */
    void step(float[] x, int xOff, CellState state);

    /**
     * Backpropagation through time over a forward pass made with {@code keepTrace}.
     *
     * @param pass  the forward pass, with its trace
     * @param dy    the loss gradient with respect to {@code pass.y()}, {@code [T, N, H]}; may be null for none
     * @param dLast the loss gradient with respect to {@code pass.last()}, or null for none
     * @throws IllegalArgumentException when the pass has no trace or was made by another cell
     */
    CellGradients backward(ForwardPass pass, float[] dy, CellState dLast);
}

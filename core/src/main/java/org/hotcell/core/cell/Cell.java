package org.hotcell.core.cell;

import org.hotcell.core.activation.Activation;

/**
 * One recurrent layer in one direction, with its weights and activations bound and packed for a backend.
 *
 * <p>Threads: {@link #forward}, {@link #step} and {@link #backward} may run at once on any number of threads
 * with distinct states. The weights change only through {@link #addToWeights} (a training step), which must not
 * overlap any of those calls, and the caller orders it between them (same thread, or a hand-off that gives a
 * happens-before edge). A forward pass traced before an update must not be used for {@link #backward} after it:
 * its gradients would mix the old weights with the new; the cell refuses it.
 *
 * <p>A cell holds the activation instances resolved when it was made; a host that must follow plugin changes
 * rebuilds the cell from its {@link CellSpec} (which holds names only) and the current weights.
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

    /**
     * {@link #backward(ForwardPass, float[], CellState)}, leaving out the gradient with respect to the input
     * when {@code inputGradient} is false: a first layer's input is data, and its gradient is a product by W
     * over every step (and, on a backend that keeps W^T for it, W^T to keep up to date at every update) that
     * nobody reads. As in PyTorch or Keras, where no gradient flows into inputs that do not require one. The
     * result's {@code dx} is then null; every other gradient is the same, bit for bit. This default computes
     * everything, dx included.
     */
    default CellGradients backward(ForwardPass pass, float[] dy, CellState dLast, boolean inputGradient) {
        return backward(pass, dy, dLast);
    }

    /**
     * Whether {@link #addToWeights} works on this cell (its type implements it and its backend updates packed
     * weights in place). When false, apply the update to the weights the cell was made from and create the cell
     * again. This default says false: cell types written before this method existed are rebuilt.
     */
    default boolean updatesInPlace() {
        return false;
    }

    /**
     * Adds {@code alpha * delta} to every weight in place: W, R, both biases and the peepholes, each element
     * becoming {@code w + alpha * d} in float arithmetic (product rounded, then the sum; see
     * {@link org.hotcell.core.backend.Backend#addTo}). So a caller that applies the same expression to the
     * {@link CellWeights} the cell was made from gets a cell bitwise equal to one made from them again, biases
     * included (a cell that sums Wb and Rb into one bias sums the updated tensors again, in the same order).
     *
     * <p>{@code delta} has the layout of {@link CellWeights} (a gradient has it); W and R are required; a null
     * bias or peephole entry leaves that tensor as it is. Not thread-safe with the cell's other calls; see the
     * class comment. All checks run before anything changes.
     *
     * @throws UnsupportedOperationException when {@link #updatesInPlace} is false
     * @throws org.hotcell.core.error.ShapeMismatchException when a tensor of {@code delta} has the wrong length,
     *         or is given for a tensor the cell does not have
     */
    default void addToWeights(CellWeights delta, float alpha) {
        throw new UnsupportedOperationException(spec().cellType() + " cell cannot update its weights in place;"
                + " update its weights and create it again");
    }

    /**
     * {@link #addToWeights(CellWeights, float)}, and the same update ({@code m + alpha * d}) of {@code master},
     * the weights the caller keeps (and the cell was made from), so that the two stay bitwise equal: a training
     * step's update of its master copy and of the cell, the gradient read once where the backend can
     * ({@link org.hotcell.core.backend.Backend#addTo(org.hotcell.core.backend.PackedMatrix, float, float[], int,
     * float[], int)}). A null tensor of {@code delta} leaves that tensor of both as it is. This default updates
     * the master, then the cell.
     *
     * @throws UnsupportedOperationException when {@link #updatesInPlace} is false (the master is left as it is)
     * @throws org.hotcell.core.error.ShapeMismatchException when a tensor of {@code delta} or {@code master} has
     *         the wrong length
     */
    default void addToWeights(CellWeights delta, float alpha, CellWeights master) {
        if (!updatesInPlace()) {
            throw new UnsupportedOperationException(spec().cellType() + " cell cannot update its weights in place;"
                    + " update its weights and create it again");
        }
        CellWeights.addScaled(master, alpha, delta);
        addToWeights(delta, alpha);
    }
}

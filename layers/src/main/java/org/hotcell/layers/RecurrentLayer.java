package org.hotcell.layers;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.hotcell.core.cell.Cell;
import org.hotcell.core.cell.CellGradients;
import org.hotcell.core.cell.CellState;
import org.hotcell.core.cell.Direction;
import org.hotcell.core.cell.ForwardPass;
import org.hotcell.core.cell.SequenceBatch;
import org.hotcell.core.error.InvalidSpecException;
import org.hotcell.core.error.ShapeMismatchException;

/**
 * One recurrent layer: a cell read forward, a cell read in reverse, or two cells (separate weights) reading
 * both ways with their outputs merged step by step ({@link MergeMode}). Thread-safe like its cells: passes
 * may run at once, a weight update of a cell ({@link Cell#addToWeights}) must not overlap them. Outputs are
 * time-major {@code [T, N, width]} whatever the input layout, zero past each sequence's length; in reverse,
 * step t of the output is the state after reading the sequence from its end down to t.
 */
public final class RecurrentLayer {
    private final Direction direction;
    private final List<Cell> cells;
    private final MergeMode merge;
    private final int hidden;

    private RecurrentLayer(Direction direction, List<Cell> cells, MergeMode merge) {
        this.direction = direction;
        this.cells = List.copyOf(cells);
        this.merge = merge;
        this.hidden = cells.get(0).spec().hiddenSize();
    }

    /** A layer reading its sequence from first to last step. */
    public static RecurrentLayer forward(Cell cell) {
        return new RecurrentLayer(Direction.FORWARD, List.of(Objects.requireNonNull(cell, "cell")), null);
    }

    /** A layer reading each sequence from its last valid step down to step 0. */
    public static RecurrentLayer reverse(Cell cell) {
        return new RecurrentLayer(Direction.REVERSE, List.of(Objects.requireNonNull(cell, "cell")), null);
    }

    /**
     * A layer reading both ways with two cells of the same input and hidden sizes.
     *
     * @throws ShapeMismatchException when the cells' sizes differ
     */
    public static RecurrentLayer bidirectional(Cell forwardCell, Cell reverseCell, MergeMode merge) {
        Objects.requireNonNull(forwardCell, "forwardCell");
        Objects.requireNonNull(reverseCell, "reverseCell");
        Objects.requireNonNull(merge, "merge");
        ShapeMismatchException.check("input size of the reverse cell of a bidirectional layer",
                reverseCell.spec().inputSize(), forwardCell.spec().inputSize());
        ShapeMismatchException.check("hidden size of the reverse cell of a bidirectional layer",
                reverseCell.spec().hiddenSize(), forwardCell.spec().hiddenSize());
        return new RecurrentLayer(Direction.BIDIRECTIONAL, List.of(forwardCell, reverseCell), merge);
    }

    /** Which way the layer reads. */
    public Direction direction() {
        return direction;
    }

    /** The cells, forward direction first (one, or two when bidirectional). */
    public List<Cell> cells() {
        return cells;
    }

    /** The merge mode of a bidirectional layer, or null for one direction. */
    public MergeMode merge() {
        return merge;
    }

    /** Features per step of the input. */
    public int inputSize() {
        return cells.get(0).spec().inputSize();
    }

    /** Features per step of the output: H, or 2H for a concatenating bidirectional layer. */
    public int outputSize() {
        return merge == null ? hidden : merge.width(hidden);
    }

    /**
     * Runs every direction over the batch and merges the outputs.
     *
     * @param initial per direction the initial state (forward first), or null for zeros everywhere; an entry
     *                may be null
     * @throws ShapeMismatchException when the input or a state does not fit
     */
    public LayerPass forward(SequenceBatch x, List<CellState> initial, boolean keepTrace) {
        Objects.requireNonNull(x, "x");
        if (initial != null) {
            ShapeMismatchException.check("number of initial states of a " + direction.name().toLowerCase()
                    + " layer", initial.size(), cells.size());
        }
        List<ForwardPass> passes = new ArrayList<>(cells.size());
        for (int k = 0; k < cells.size(); k++) {
            boolean reverse = direction == Direction.REVERSE || k == 1;
            passes.add(cells.get(k).forward(x, initial == null ? null : initial.get(k), reverse, keepTrace));
        }
        int steps = x.steps();
        int batch = x.batch();
        int[] lengths = new int[batch];
        for (int n = 0; n < batch; n++) {
            lengths[n] = x.length(n);
        }
        float[] y = passes.size() == 1 ? passes.get(0).y() : merge(passes.get(0).y(), passes.get(1).y(), steps * batch);
        return new LayerPass(y, steps, batch, outputSize(), lengths, List.copyOf(passes));
    }

    private float[] merge(float[] yf, float[] yr, int rows) {
        int hs = hidden;
        float[] y = new float[rows * merge.width(hs)];
        for (int row = 0; row < rows; row++) {
            int in = row * hs;
            switch (merge) {
                case CONCAT -> {
                    System.arraycopy(yf, in, y, 2 * in, hs);
                    System.arraycopy(yr, in, y, 2 * in + hs, hs);
                }
                case SUM -> {
                    for (int j = 0; j < hs; j++) {
                        y[in + j] = yf[in + j] + yr[in + j];
                    }
                }
                case MEAN -> {
                    for (int j = 0; j < hs; j++) {
                        y[in + j] = 0.5f * (yf[in + j] + yr[in + j]);
                    }
                }
                case MUL -> {
                    for (int j = 0; j < hs; j++) {
                        y[in + j] = yf[in + j] * yr[in + j];
                    }
                }
            }
        }
        return y;
    }

    /**
     * Backpropagation through time through every direction and the merge.
     *
     * @param dy    the loss gradient with respect to {@code pass.y()}, or null for none
     * @param dLast per direction the loss gradient with respect to its last state, or null; an entry may be null
     * @throws IllegalArgumentException when the pass was made without a trace or by another layer
     */
    public LayerGradients backward(LayerPass pass, float[] dy, List<CellState> dLast) {
        return backward(pass, dy, dLast, true);
    }

    /**
     * {@link #backward(LayerPass, float[], List)}, without the gradient with respect to the input when
     * {@code inputGradient} is false (its {@code dx} is then null; see {@link
     * org.hotcell.core.cell.Cell#backward(org.hotcell.core.cell.ForwardPass, float[], CellState, boolean)}).
     */
    public LayerGradients backward(LayerPass pass, float[] dy, List<CellState> dLast, boolean inputGradient) {
        Objects.requireNonNull(pass, "pass");
        if (pass.directions().size() != cells.size()) {
            throw new IllegalArgumentException("the pass has " + pass.directions().size()
                    + " directions, this layer " + cells.size());
        }
        int rows = pass.steps() * pass.batch();
        if (dy != null) {
            ShapeMismatchException.check("length of dy of a layer of " + pass.steps() + " steps x " + pass.batch()
                    + " items x " + pass.width() + " features", dy.length, (long) rows * pass.width());
        }
        if (dLast != null) {
            ShapeMismatchException.check("number of last-state gradients", dLast.size(), cells.size());
        }
        List<float[]> dys = splitGradient(pass, dy, rows);
        List<CellGradients> grads = new ArrayList<>(cells.size());
        float[] dx = null;
        for (int k = 0; k < cells.size(); k++) {
            CellGradients g = cells.get(k).backward(pass.directions().get(k), dys.get(k),
                    dLast == null ? null : dLast.get(k), inputGradient);
            grads.add(g);
            if (!inputGradient) {
                continue;
            }
            if (dx == null) {
                dx = g.dx().clone();
            } else {
                float[] other = g.dx();
                for (int i = 0; i < dx.length; i++) {
                    dx[i] += other[i];
                }
            }
        }
        return new LayerGradients(dx, List.copyOf(grads));
    }

    private List<float[]> splitGradient(LayerPass pass, float[] dy, int rows) {
        if (cells.size() == 1 || dy == null) {
            List<float[]> same = new ArrayList<>();
            for (int k = 0; k < cells.size(); k++) {
                same.add(dy);
            }
            return same;
        }
        int hs = hidden;
        float[] yf = pass.directions().get(0).y();
        float[] yr = pass.directions().get(1).y();
        float[] df = new float[rows * hs];
        float[] dr = new float[rows * hs];
        for (int row = 0; row < rows; row++) {
            int at = row * hs;
            for (int j = 0; j < hs; j++) {
                switch (merge) {
                    case CONCAT -> {
                        df[at + j] = dy[2 * at + j];
                        dr[at + j] = dy[2 * at + hs + j];
                    }
                    case SUM -> {
                        df[at + j] = dy[at + j];
                        dr[at + j] = dy[at + j];
                    }
                    case MEAN -> {
                        df[at + j] = 0.5f * dy[at + j];
                        dr[at + j] = 0.5f * dy[at + j];
                    }
                    case MUL -> {
                        df[at + j] = dy[at + j] * yr[at + j];
                        dr[at + j] = dy[at + j] * yf[at + j];
                    }
                    default -> throw new InvalidSpecException("merge mode " + merge + " has no gradient");
                }
            }
        }
        return List.of(df, dr);
    }
}

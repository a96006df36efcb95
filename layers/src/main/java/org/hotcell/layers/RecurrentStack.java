package org.hotcell.layers;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.hotcell.core.cell.CellState;
import org.hotcell.core.cell.Layout;
import org.hotcell.core.cell.SequenceBatch;
import org.hotcell.core.error.ShapeMismatchException;

/**
 * Recurrent layers stacked so that each reads the output of the one below, step by step; the bottom layer reads
 * the input. Sequence lengths carry up the stack. Thread-safe like its layers: passes may run at once,
 * a weight update of a cell must not overlap them.
 */
public final class RecurrentStack {
    private final List<RecurrentLayer> layers;

    private RecurrentStack(List<RecurrentLayer> layers) {
        this.layers = List.copyOf(layers);
    }

    /**
     * Stacks layers, bottom first.
     *
     * @throws ShapeMismatchException when a layer's input size is not the output size of the one below
     */
    public static RecurrentStack of(List<RecurrentLayer> layers) {
        if (layers.isEmpty()) {
            throw new ShapeMismatchException("a recurrent stack needs at least one layer");
        }
        for (int k = 1; k < layers.size(); k++) {
            ShapeMismatchException.check("input size of layer " + k + " of the stack (output size of layer "
                    + (k - 1) + ")", layers.get(k).inputSize(), layers.get(k - 1).outputSize());
        }
        return new RecurrentStack(layers);
    }

    /** The layers, bottom first. */
    public List<RecurrentLayer> layers() {
        return layers;
    }

    /** Features per step of the top layer's output. */
    public int outputSize() {
        return layers.get(layers.size() - 1).outputSize();
    }

    /**
     * Runs the stack.
     *
     * @param initial per layer its initial states (see {@link RecurrentLayer#forward}), or null for zeros
     */
    public StackPass forward(SequenceBatch x, List<List<CellState>> initial, boolean keepTrace) {
        Objects.requireNonNull(x, "x");
        if (initial != null) {
            ShapeMismatchException.check("number of layers' initial states", initial.size(), layers.size());
        }
        List<LayerPass> passes = new ArrayList<>(layers.size());
        SequenceBatch input = x;
        for (int k = 0; k < layers.size(); k++) {
            LayerPass pass = layers.get(k).forward(input, initial == null ? null : initial.get(k), keepTrace);
            passes.add(pass);
            input = new SequenceBatch(pass.y(), 0, pass.steps(), pass.batch(), pass.width(),
                    Layout.TIME_MAJOR, pass.lengths());
        }
        return new StackPass(List.copyOf(passes));
    }

    /**
     * Backpropagation through time down the stack.
     *
     * @param dy    the loss gradient with respect to {@code pass.y()}, or null
     * @param dLast per layer the gradients with respect to its last states, or null
     */
    public StackGradients backward(StackPass pass, float[] dy, List<List<CellState>> dLast) {
        return backward(pass, dy, dLast, true);
    }

    /**
     * {@link #backward(StackPass, float[], List)}, without the gradient with respect to the stack's input when
     * {@code inputGradient} is false (its {@code dx} is then null): the bottom layer then skips its input
     * gradient, which a network whose input is data never reads.
     */
    public StackGradients backward(StackPass pass, float[] dy, List<List<CellState>> dLast, boolean inputGradient) {
        Objects.requireNonNull(pass, "pass");
        ShapeMismatchException.check("number of layer passes", pass.layers().size(), layers.size());
        if (dLast != null) {
            ShapeMismatchException.check("number of layers' last-state gradients", dLast.size(), layers.size());
        }
        LayerGradients[] grads = new LayerGradients[layers.size()];
        float[] upstream = dy;
        for (int k = layers.size() - 1; k >= 0; k--) {
            grads[k] = layers.get(k).backward(pass.layers().get(k), upstream, dLast == null ? null : dLast.get(k),
                    k > 0 || inputGradient);
            upstream = grads[k].dx();
        }
        return new StackGradients(upstream, List.of(grads));
    }
}

package org.hotcell.bench.recurrent;

import org.hotcell.core.activation.ActivationSource;
import org.hotcell.core.backend.Backend;
import org.hotcell.core.backend.Matrices;
import org.hotcell.core.cell.Cell;
import org.hotcell.core.cell.CellGradients;
import org.hotcell.core.cell.CellSpec;
import org.hotcell.core.cell.CellType;
import org.hotcell.core.cell.CellWeights;
import org.hotcell.core.cell.ForwardPass;
import org.hotcell.core.cell.SequenceBatch;
import org.hotcell.core.registry.PluginRegistry;

/**
 * A Hotcell layer of a {@link Workload} bound to one backend, with its input and a fixed output gradient:
 * what the Hotcell benchmarks time, and what their self-checks compare across backends.
 *
 * <p>A training step is what {@code org.hotcell.model}'s trainer does with a cell that is built once: forward
 * with a trace, backward against the fixed gradient (without the gradient with respect to the input, which is
 * data: the trainer leaves it out for a network's input too), then a plain SGD update {@code p = p + (-lr) * dp} of W,
 * R, both biases and the peepholes, applied with the same float expression to the master {@link #weights()} and
 * to the cell's packed weights in place ({@link Cell#addToWeights}), so the cell keeps computing with exactly
 * the master weights. A backend that cannot update in place rebuilds the cell from the master after each step.
 * {@link #forward} and {@link #gradients} use the same cell, so after training steps they see the new weights.
 */
public final class HotcellLayer {
    /** Small enough that the weights barely move over a whole benchmark run, so later steps cost the same. */
    static final float LEARNING_RATE = 1e-4f;

    private static ActivationSource activations;

    private final Workload workload;
    private final Backend backend;
    private final CellType type;
    private final CellSpec spec;
    private final CellWeights weights;
    private final SequenceBatch input;
    private final float[] outputGradient;
    /** Built once; training steps update it in place (or replace it when its backend cannot). */
    private Cell cell;

    private HotcellLayer(Workload workload, Backend backend) {
        this.workload = workload;
        this.backend = backend;
        this.type = workload.cellType();
        this.spec = workload.spec();
        this.weights = workload.weights();
        this.input = SequenceBatch.timeMajor(workload.inputs(), workload.steps(), workload.batch(), workload.input());
        this.outputGradient = workload.outputGradient();
        this.cell = build();
    }

    /** The layer of {@code workload} on {@code backend}, its weights packed. */
    public static HotcellLayer create(Workload workload, Backend backend) {
        return new HotcellLayer(workload, backend);
    }

    /** The activation plugins, found once per JVM through {@link PluginRegistry#discover()}. */
    static synchronized ActivationSource activations() {
        if (activations == null) {
            activations = PluginRegistry.discover();
        }
        return activations;
    }

    /** One forward pass over the whole input from a zero state, no trace: the outputs {@code [T, N, H]}. */
    public float[] forward() {
        return cell.forward(input, null, false, false).y();
    }

    /** Forward with a trace and backward against the fixed output gradient, with the weights unchanged. */
    public CellGradients gradients() {
        return gradients(cell);
    }

    /** One training step (see the class comment); returns the gradients it applied. */
    public CellGradients trainingStep() {
        // The layer's input is data: like a trainer, the step leaves out the input gradient nobody reads.
        ForwardPass pass = cell.forward(input, null, false, true);
        CellGradients gradients = cell.backward(pass, outputGradient, null, false);
        CellWeights d = gradients.dWeights();
        float alpha = -LEARNING_RATE;
        if (cell.updatesInPlace()) {
            // The master copy and the cell's packed weights in one pass over the gradient, on the backend's threads.
            cell.addToWeights(d, alpha, weights);
        } else {
            update(weights.w(), alpha, d.w());
            update(weights.r(), alpha, d.r());
            update(weights.wBias(), alpha, d.wBias());
            update(weights.rBias(), alpha, d.rBias());
            update(weights.peepholes(), alpha, d.peepholes());
            cell = build();
        }
        return gradients;
    }

    /** The workload. */
    public Workload workload() {
        return workload;
    }

    /** The backend the layer runs on. */
    public Backend backend() {
        return backend;
    }

    /** The weights (shared: a training step changes them in place). */
    public CellWeights weights() {
        return weights;
    }

    /** The input, time-major. */
    public float[] input() {
        return input.data();
    }

    private CellGradients gradients(Cell cell) {
        ForwardPass pass = cell.forward(input, null, false, true);
        return cell.backward(pass, outputGradient, null);
    }

    private Cell build() {
        return type.create(spec, weights, activations(), backend);
    }

    /** {@code p = p + alpha * g}: the float expression {@link Cell#addToWeights} applies to the packed copy. */
    private static void update(float[] parameter, float alpha, float[] gradient) {
        if (parameter == null || gradient == null) {
            return;
        }
        Matrices.addScaled(alpha, gradient, 0, parameter, 0, parameter.length);
    }
}

package org.hotcell.model.net;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.hotcell.layers.LayerGradients;
import org.hotcell.layers.RecurrentLayer;
import org.hotcell.layers.RecurrentStack;
import org.hotcell.layers.StackGradients;
import org.hotcell.layers.StackPass;
import org.hotcell.core.activation.ActivationSource;
import org.hotcell.core.backend.Backend;
import org.hotcell.core.cell.Cell;
import org.hotcell.core.cell.CellGradients;
import org.hotcell.core.cell.CellState;
import org.hotcell.core.cell.CellType;
import org.hotcell.core.cell.CellWeights;
import org.hotcell.core.cell.Layout;
import org.hotcell.core.cell.SequenceBatch;
import org.hotcell.core.error.ShapeMismatchException;
import org.hotcell.model.param.ParameterNames;
import org.hotcell.model.param.Parameters;
import org.hotcell.model.spec.LayerSpec;
import org.hotcell.model.spec.ModelSpec;
import org.hotcell.model.spec.Readout;

/**
 * A model bound for computing: a {@link RecurrentStack} of the cells plugin's layers, one {@link Cell} per layer
 * and direction made through the cell types and activations installed now, and the dense head. Cells pack their weights
 * when made; a training step updates them in place with {@link #addToWeights} (the model's parameters and the
 * cells together, so that they stay bitwise equal), or, where a cell cannot ({@link #updatesInPlace}), updates
 * the parameters and builds the network again. Build again too when plugins change: the cells keep the
 * activations resolved when they were made.
 *
 * <p>Threads: forward and backward may run at once; {@link #addToWeights} must not overlap either, and a pass
 * traced before an update cannot be used for backward after it.
 *
 * <p>Forward: the stack (each layer reading the merged output of the one below, time-major), then the head over
 * every step's row or over each sequence's last valid row. Backward: the head, then the stack's BPTT; the cell
 * gradients are gathered under the model's tensor names.
 */
public final class Network {
    private final Model model;
    private final RecurrentStack stack;
    private final DenseHead head;

    private Network(Model model, RecurrentStack stack, DenseHead head) {
        this.model = model;
        this.stack = stack;
        this.head = head;
    }

    /**
     * Builds the cells of every layer and direction of {@code model}.
     *
     * @param cellTypes   finds a cell type by name, usually {@code registry::cellType}
     * @param activations resolves each role's activation, usually the registry (or a {@link CachedActivations})
     * @throws org.hotcell.core.error.UnknownCellTypeException   when a layer's cell type is not installed
     * @throws org.hotcell.core.error.UnknownActivationException when an activation is not installed
     */
    public static Network build(Model model, Function<String, CellType> cellTypes, ActivationSource activations,
                                Backend backend) {
        ModelSpec spec = model.spec();
        List<RecurrentLayer> layers = new ArrayList<>();
        for (int l = 0; l < spec.layers().size(); l++) {
            LayerSpec layer = spec.layers().get(l);
            CellType type = cellTypes.apply(layer.cellType());
            Cell first = type.create(model.cellSpec(l), model.cellWeights(l, 0), activations, backend);
            layers.add(switch (layer.direction()) {
                case FORWARD -> RecurrentLayer.forward(first);
                case REVERSE -> RecurrentLayer.reverse(first);
                case BIDIRECTIONAL -> RecurrentLayer.bidirectional(first,
                        type.create(model.cellSpec(l), model.cellWeights(l, 1), activations, backend), layer.merge());
            });
        }
        return new Network(model, RecurrentStack.of(layers), new DenseHead(backend, spec.topSize(),
                spec.head().outputs()));
    }

    /** The model this network computes with. */
    public Model model() {
        return model;
    }

    /** The recurrent layers. */
    public RecurrentStack stack() {
        return stack;
    }

    /**
     * Runs the model over a batch.
     *
     * @param x         {@code [T, N, inputSize]} in either layout, with optional lengths
     * @param initial   per layer the state of each direction (as {@link NetworkPass#lastStates()} gives), or null
     *                  for zeros
     * @param keepTrace keep what {@link #backward} needs
     */
    public NetworkPass forward(SequenceBatch x, List<List<CellState>> initial, boolean keepTrace) {
        ModelSpec spec = model.spec();
        ShapeMismatchException.check("features per step of the model input", x.features(), spec.inputSize());
        float[] input = x.inLayout(Layout.TIME_MAJOR).data();
        SequenceBatch batch = new SequenceBatch(input, 0, x.steps(), x.batch(), x.features(), Layout.TIME_MAJOR,
                x.lengths());
        StackPass pass = stack.forward(batch, initial, keepTrace);
        int steps = x.steps();
        int n = x.batch();
        int top = spec.topSize();
        float[] y = pass.y();
        int[] readRows = null;
        float[] headInput;
        int rows;
        if (spec.head().readout() == Readout.PER_STEP) {
            headInput = y;
            rows = steps * n;
        } else {
            readRows = new int[n];
            headInput = new float[n * top];
            for (int item = 0; item < n; item++) {
                int length = x.length(item);
                if (length < 1) {
                    throw new ShapeMismatchException("sequence " + item + " has length " + length
                            + "; a last-step readout needs at least one step");
                }
                readRows[item] = length - 1;
                System.arraycopy(y, ((length - 1) * n + item) * top, headInput, item * top, top);
            }
            rows = n;
        }
        Parameters p = model.parameters();
        float[] output = head.forward(headInput, rows, p.get(ParameterNames.HEAD + "W").data(),
                p.get(ParameterNames.HEAD + "b").data());
        return new NetworkPass(input, pass, headInput, readRows, output, rows);
    }

    /**
     * Backpropagation through the whole model.
     *
     * @param pass    a forward pass made with {@code keepTrace}
     * @param dOutput the loss gradient with respect to {@code pass.output()}
     * @return the loss gradient with respect to every parameter, named as in {@link Model#parameters()}
     */
    public Parameters backward(NetworkPass pass, float[] dOutput) {
        ModelSpec spec = model.spec();
        Parameters grads = model.parameters().zerosLike();
        StackGradients stackGradients = stackBackward(pass, dOutput, grads);
        for (int l = 0; l < spec.layers().size(); l++) {
            LayerGradients layer = stackGradients.layers().get(l);
            for (int d = 0; d < layer.directions().size(); d++) {
                CellGradients g = layer.directions().get(d);
                copyInto(Model.weightsOf(grads, spec, l, d), g.dWeights());
            }
        }
        return grads;
    }

    /**
     * The loss gradient with respect to the states a pass started from: per layer, each direction's
     * {@code dL/dh} and (for a cell with one) {@code dL/dc}. Run on the part of a sequence after step t, started
     * from the state the first t steps left, it gives the gradient with respect to the state at step t: how much
     * of the loss still reaches back that far (the study's gradient-flow probe).
     *
     * @param pass    a forward pass made with {@code keepTrace}
     * @param dOutput the loss gradient with respect to {@code pass.output()}
     */
    public List<List<CellState>> initialStateGradients(NetworkPass pass, float[] dOutput) {
        StackGradients stackGradients = stackBackward(pass, dOutput, model.parameters().zerosLike());
        List<List<CellState>> states = new ArrayList<>();
        for (LayerGradients layer : stackGradients.layers()) {
            states.add(layer.directions().stream().map(CellGradients::dInitial).toList());
        }
        return states;
    }

    /** The head's backward (into {@code grads}), then the stack's BPTT. */
    private StackGradients stackBackward(NetworkPass pass, float[] dOutput, Parameters grads) {
        ModelSpec spec = model.spec();
        Parameters p = model.parameters();
        float[] dHeadInput = head.backward(pass.headInput(), pass.rows(), p.get(ParameterNames.HEAD + "W").data(),
                dOutput, grads.get(ParameterNames.HEAD + "W").data(), grads.get(ParameterNames.HEAD + "b").data());
        int steps = pass.steps();
        int n = pass.batch();
        int top = spec.topSize();
        float[] dTop;
        if (spec.head().readout() == Readout.PER_STEP) {
            dTop = dHeadInput;
        } else {
            dTop = new float[steps * n * top];
            for (int item = 0; item < n; item++) {
                System.arraycopy(dHeadInput, item * top, dTop, (pass.readRows()[item] * n + item) * top, top);
            }
        }
        // The network's input is data: nothing reads its gradient, so the bottom layer skips it.
        return stack.backward(pass.stack(), dTop, null, false);
    }

    /** Whether every cell can take {@link #addToWeights} (cell types and backend support it). */
    public boolean updatesInPlace() {
        for (RecurrentLayer layer : stack.layers()) {
            for (Cell cell : layer.cells()) {
                if (!cell.updatesInPlace()) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Adds {@code alpha * increments} to the model's parameters ({@link Parameters#addScaled}) and the same to
     * every cell's weights in place ({@link Cell#addToWeights}), so the network computes with exactly the
     * updated parameters, as one built from them again would. The head reads the parameters directly.
     *
     * @param increments named and shaped like {@link Model#parameters()}, e.g. an optimizer's
     *                   {@link org.hotcell.model.optim.Optimizer#increments}
     * @throws UnsupportedOperationException when {@link #updatesInPlace} is false; nothing is changed then
     */
    public void addToWeights(Parameters increments, float alpha) {
        if (!updatesInPlace()) {
            throw new UnsupportedOperationException("a cell of this network cannot update its weights in place;"
                    + " add the increments to the model's parameters and build the network again");
        }
        ModelSpec spec = model.spec();
        Parameters parameters = model.parameters();
        List<CellWeights> deltas = new ArrayList<>();
        List<CellWeights> masters = new ArrayList<>();
        for (int l = 0; l < spec.layers().size(); l++) {
            for (int d = 0; d < spec.layers().get(l).direction().count(); d++) {
                deltas.add(Model.weightsOf(increments, spec, l, d)); // names checked before anything changes
                masters.add(Model.weightsOf(parameters, spec, l, d));
            }
        }
        Set<float[]> cellTensors = Collections.newSetFromMap(new IdentityHashMap<>());
        for (CellWeights master : masters) {
            for (float[] tensor : new float[][] {master.w(), master.r(), master.wBias(), master.rBias(),
                    master.peepholes()}) {
                if (tensor != null) {
                    cellTensors.add(tensor);
                }
            }
        }
        // The head (and any tensor no cell holds) here; each cell's tensors with the cell, in one pass over the
        // increments on the backend's threads, the same float expression as Parameters.addScaled.
        parameters.addScaled(increments, alpha, parameter -> !cellTensors.contains(parameter.data()));
        int next = 0;
        for (RecurrentLayer layer : stack.layers()) {
            for (Cell cell : layer.cells()) {
                cell.addToWeights(deltas.get(next), alpha, masters.get(next));
                next++;
            }
        }
    }

    /** Runs forward without a trace and returns the head's output. */
    public float[] predict(SequenceBatch x) {
        return forward(x, null, false).output();
    }

    private static void copyInto(CellWeights into, CellWeights from) {
        copy(into.w(), from.w());
        copy(into.r(), from.r());
        copy(into.wBias(), from.wBias());
        copy(into.rBias(), from.rBias());
        copy(into.peepholes(), from.peepholes());
    }

    private static void copy(float[] into, float[] from) {
        if (into != null && from != null) {
            System.arraycopy(from, 0, into, 0, into.length);
        }
    }
}

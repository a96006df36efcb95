package org.hotcell.model.net;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.hotcell.core.activation.ActivationSource;
import org.hotcell.core.backend.Backend;
import org.hotcell.core.cell.Cell;
import org.hotcell.core.cell.CellGradients;
import org.hotcell.core.cell.CellState;
import org.hotcell.core.cell.CellType;
import org.hotcell.core.cell.CellWeights;
import org.hotcell.core.cell.Direction;
import org.hotcell.core.cell.ForwardPass;
import org.hotcell.core.cell.Layout;
import org.hotcell.core.cell.SequenceBatch;
import org.hotcell.core.error.ShapeMismatchException;
import org.hotcell.model.param.ParameterNames;
import org.hotcell.model.param.Parameters;
import org.hotcell.model.spec.LayerSpec;
import org.hotcell.model.spec.Merge;
import org.hotcell.model.spec.ModelSpec;
import org.hotcell.model.spec.Readout;

/**
 * A model bound for computing: one {@link Cell} per layer and direction, made through the cell types and
 * activations that are installed now, and the dense head. Built for one set of weight values: cells pack
 * their weights when made, so after an update build again (cheap next to a training step).
 *
 * <p>Forward: layer l reads the merged output of layer l-1 ({@code [T, N, F]}, time-major); a bidirectional
 * layer runs a forward and a reverse cell over the same input and concatenates or sums their outputs; the head
 * maps every step's row, or each sequence's last valid row. Backward runs the same in reverse: head, then
 * each layer from the top, splitting the merged gradient between directions and summing their input gradients.
 */
public final class Network {
    private final Model model;
    private final List<List<Cell>> cells;
    private final DenseHead head;
    private final Backend backend;

    private Network(Model model, List<List<Cell>> cells, DenseHead head, Backend backend) {
        this.model = model;
        this.cells = cells;
        this.head = head;
        this.backend = backend;
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
        List<List<Cell>> cells = new ArrayList<>();
        for (int l = 0; l < spec.layers().size(); l++) {
            LayerSpec layer = spec.layers().get(l);
            CellType type = cellTypes.apply(layer.cellType());
            List<Cell> directions = new ArrayList<>();
            for (int d = 0; d < layer.direction().count(); d++) {
                directions.add(type.create(model.cellSpec(l), model.cellWeights(l, d), activations, backend));
            }
            cells.add(List.copyOf(directions));
        }
        return new Network(model, List.copyOf(cells), new DenseHead(backend, spec.topSize(), spec.head().outputs()),
                backend);
    }

    /** The model this network computes with. */
    public Model model() {
        return model;
    }

    /** The cell of layer {@code layer}, direction index {@code direction}. */
    public Cell cell(int layer, int direction) {
        return cells.get(layer).get(direction);
    }

    /** A zero state for every layer and direction, bottom first, for N streams. */
    public List<CellState> zeroStates(int batch) {
        List<CellState> states = new ArrayList<>();
        for (List<Cell> layer : cells) {
            for (Cell cell : layer) {
                states.add(cell.zeroState(batch));
            }
        }
        return states;
    }

    /**
     * Runs the model over a batch.
     *
     * @param x         {@code [T, N, inputSize]} in either layout, with optional lengths
     * @param initial   a state per layer and direction (as {@link NetworkPass#lastStates()} gives), or null
     *                  for zeros
     * @param keepTrace keep what {@link #backward} needs
     */
    public NetworkPass forward(SequenceBatch x, List<CellState> initial, boolean keepTrace) {
        ModelSpec spec = model.spec();
        ShapeMismatchException.check("features per step of the model input", x.features(), spec.inputSize());
        int steps = x.steps();
        int batch = x.batch();
        int[] lengths = x.lengths();
        if (initial != null) {
            ShapeMismatchException.check("number of initial states (one per layer and direction)", initial.size(),
                    zeroStatesCount());
        }
        float[] input = timeMajor(x);
        List<LayerPass> layers = new ArrayList<>();
        int stateIndex = 0;
        for (int l = 0; l < spec.layers().size(); l++) {
            LayerSpec layer = spec.layers().get(l);
            int inputSize = spec.layerInputSize(l);
            SequenceBatch layerInput = new SequenceBatch(input, 0, steps, batch, inputSize, Layout.TIME_MAJOR, lengths);
            List<ForwardPass> passes = new ArrayList<>();
            for (int d = 0; d < layer.direction().count(); d++) {
                CellState start = initial == null ? null : initial.get(stateIndex);
                stateIndex++;
                passes.add(cell(l, d).forward(layerInput, start, reverse(layer.direction(), d), keepTrace));
            }
            float[] output = merge(layer, passes, steps * batch);
            layers.add(new LayerPass(List.copyOf(passes), input, output, layer.outputSize()));
            input = output;
        }
        int top = spec.topSize();
        int[] readRows = null;
        float[] headInput;
        int rows;
        if (spec.head().readout() == Readout.PER_STEP) {
            headInput = input;
            rows = steps * batch;
        } else {
            readRows = new int[batch];
            headInput = new float[batch * top];
            for (int n = 0; n < batch; n++) {
                int length = lengths == null ? steps : lengths[n];
                if (length < 1) {
                    throw new ShapeMismatchException("sequence " + n + " has length " + length
                            + "; a last-step readout needs at least one step");
                }
                readRows[n] = length - 1;
                System.arraycopy(input, ((length - 1) * batch + n) * top, headInput, n * top, top);
            }
            rows = batch;
        }
        Parameters p = model.parameters();
        float[] output = head.forward(headInput, rows, p.get(ParameterNames.HEAD + "W").data(),
                p.get(ParameterNames.HEAD + "b").data());
        return new NetworkPass(steps, batch, lengths, List.copyOf(layers), headInput, readRows, output, rows);
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
        Parameters p = model.parameters();
        float[] dHeadInput = head.backward(pass.headInput(), pass.rows(), p.get(ParameterNames.HEAD + "W").data(),
                dOutput, grads.get(ParameterNames.HEAD + "W").data(), grads.get(ParameterNames.HEAD + "b").data());
        int steps = pass.steps();
        int batch = pass.batch();
        int top = spec.topSize();
        float[] dLayerOutput;
        if (spec.head().readout() == Readout.PER_STEP) {
            dLayerOutput = dHeadInput;
        } else {
            dLayerOutput = new float[steps * batch * top];
            for (int n = 0; n < batch; n++) {
                System.arraycopy(dHeadInput, n * top, dLayerOutput, (pass.readRows()[n] * batch + n) * top, top);
            }
        }
        for (int l = spec.layers().size() - 1; l >= 0; l--) {
            LayerSpec layer = spec.layers().get(l);
            LayerPass layerPass = pass.layers().get(l);
            int hidden = layer.hiddenSize();
            float[] dInput = null;
            for (int d = 0; d < layer.direction().count(); d++) {
                float[] dy = split(layer, dLayerOutput, d, steps * batch, hidden);
                CellGradients g = cell(l, d).backward(layerPass.directions().get(d), dy, null);
                addInto(Model.weightsOf(grads, spec, l, d), g.dWeights());
                if (dInput == null) {
                    dInput = g.dx();
                } else {
                    backend.add(dInput, 0, g.dx(), 0, dInput, 0, dInput.length);
                }
            }
            dLayerOutput = dInput;
        }
        return grads;
    }

    /** Runs forward without a trace and returns the head's output. */
    public float[] predict(SequenceBatch x) {
        return forward(x, null, false).output();
    }

    private int zeroStatesCount() {
        int count = 0;
        for (List<Cell> layer : cells) {
            count += layer.size();
        }
        return count;
    }

    private static boolean reverse(Direction direction, int index) {
        return direction == Direction.REVERSE || (direction == Direction.BIDIRECTIONAL && index == 1);
    }

    /** The merged output of a layer's directions, {@code [rows, F]}. */
    private float[] merge(LayerSpec layer, List<ForwardPass> passes, int rows) {
        if (passes.size() == 1) {
            return passes.get(0).y();
        }
        int h = layer.hiddenSize();
        float[] forward = passes.get(0).y();
        float[] reverse = passes.get(1).y();
        if (layer.merge() == Merge.SUM) {
            float[] sum = new float[rows * h];
            backend.add(forward, 0, reverse, 0, sum, 0, sum.length);
            return sum;
        }
        float[] both = new float[rows * 2 * h];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(forward, r * h, both, r * 2 * h, h);
            System.arraycopy(reverse, r * h, both, r * 2 * h + h, h);
        }
        return both;
    }

    /** The part of a merged output gradient that belongs to direction d, {@code [rows, H]}. */
    private static float[] split(LayerSpec layer, float[] dMerged, int d, int rows, int h) {
        if (layer.direction().count() == 1 || layer.merge() == Merge.SUM) {
            // Each direction's output enters a sum (or is the output) with weight 1: it sees the whole gradient.
            return dMerged;
        }
        float[] part = new float[rows * h];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(dMerged, r * 2 * h + d * h, part, r * h, h);
        }
        return part;
    }

    private void addInto(CellWeights into, CellWeights delta) {
        addArray(into.w(), delta.w());
        addArray(into.r(), delta.r());
        addArray(into.wBias(), delta.wBias());
        addArray(into.rBias(), delta.rBias());
        addArray(into.peepholes(), delta.peepholes());
    }

    private void addArray(float[] into, float[] delta) {
        if (into != null && delta != null) {
            backend.add(into, 0, delta, 0, into, 0, into.length);
        }
    }

    /** The input as a contiguous time-major array (a copy only when it is not one already). */
    private static float[] timeMajor(SequenceBatch x) {
        int size = x.steps() * x.batch() * x.features();
        if (x.layout() == Layout.TIME_MAJOR && x.offset() == 0 && x.data().length == size) {
            return x.data();
        }
        float[] data = new float[size];
        for (int t = 0; t < x.steps(); t++) {
            for (int n = 0; n < x.batch(); n++) {
                System.arraycopy(x.data(), x.rowOffset(t, n), data, (t * x.batch() + n) * x.features(),
                        x.features());
            }
        }
        return data;
    }
}

package org.hotcell.model.spec;

import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.IntFunction;

import org.hotcell.core.cell.CellType;
import org.hotcell.core.error.TooLargeException;

/**
 * What a model spec costs before anything is allocated: its parameter count (in {@code long}, so that sizes no
 * {@code int} holds are caught, not wrapped) and whether its weights fit Java arrays and the heap.
 *
 * <p>Hosts call {@link #check} with the name the user gave the hidden size ({@code --hidden}, or
 * {@code layers[1].hidden_size in model.json}), so that the error names what to change.
 */
public final class ModelSize {
    /** The most elements a Java array may hold on HotSpot. */
    public static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

    /** Copies of the parameters an inference host keeps: the weights and their packed form. */
    public static final int INFERENCE_COPIES = 2;

    /** Copies a training run keeps: weights, packed weights, gradients and Adam's two moments, plus a spare. */
    public static final int TRAINING_COPIES = 6;

    private ModelSize() {
    }

    /** The number of float parameters of the model: every layer's W, R, biases and peepholes, and the head. */
    public static long parameters(ModelSpec spec, Function<String, CellType> cellTypes) {
        long total = 0;
        for (int l = 0; l < spec.layers().size(); l++) {
            LayerSpec layer = spec.layers().get(l);
            long g = cellTypes.apply(layer.cellType()).gates().size();
            long h = layer.hiddenSize();
            long in = spec.layerInputSize(l);
            long perDirection = plus(times(g, times(h, in + h)), (layer.options().bias() ? 2 * g * h : 0)
                    + (layer.options().peepholes() ? 3 * h : 0));
            total = plus(total, times(perDirection, layer.direction().count()));
        }
        long outputs = spec.head().outputs();
        return plus(total, times(outputs, spec.topSize()) + outputs);
    }

    /**
     * Checks that every weight matrix fits one Java array and that {@code copies} copies of all parameters,
     * plus {@code extraBytes} (a training run's kept activations, say), fit the JVM's maximum heap.
     *
     * @param hiddenName how the user set layer {@code i}'s hidden size, for the message
     * @throws TooLargeException naming the setting, its value, the limit and how to raise it
     */
    public static void check(ModelSpec spec, Function<String, CellType> cellTypes, int copies, long extraBytes,
                             IntFunction<String> hiddenName) {
        Objects.requireNonNull(hiddenName, "hiddenName");
        for (int l = 0; l < spec.layers().size(); l++) {
            LayerSpec layer = spec.layers().get(l);
            CellType type = cellTypes.apply(layer.cellType());
            long g = type.gates().size();
            long h = layer.hiddenSize();
            long in = spec.layerInputSize(l);
            long largest = times(g, times(h, Math.max(in, h)));
            if (largest > MAX_ARRAY) {
                long limit = largestHidden(g, in);
                throw new TooLargeException(String.format(Locale.ROOT, "%s = %d makes a weight matrix of layer %d "
                        + "(%s, %d gates x %d units x %d columns) %,d floats, more than one Java array holds "
                        + "(%,d); with input %d the largest hidden size for this cell is %d", hiddenName.apply(l), h,
                        l, type.name(), g, h, Math.max(in, h), largest, MAX_ARRAY, in, limit));
            }
        }
        long parameters = parameters(spec, cellTypes);
        long needed = plus(times(parameters, (long) Float.BYTES * copies), extraBytes);
        long heap = Runtime.getRuntime().maxMemory();
        if (needed > heap) {
            throw new TooLargeException(String.format(Locale.ROOT, "%s = %d gives %,d parameters; with %d copies of "
                    + "them (weights, packed weights%s)%s that needs about %s, more than the JVM's maximum heap of %s; "
                    + "use a smaller size, or give the JVM more heap (-Xmx, e.g. HOTCELL_JAVA_OPTS=-Xmx16g)",
                    hiddenName.apply(0), spec.layers().get(0).hiddenSize(), parameters, copies,
                    copies > INFERENCE_COPIES ? ", gradients, optimizer moments" : "",
                    extraBytes > 0 ? " and " + bytes(extraBytes) + " of kept activations" : "", bytes(needed),
                    bytes(heap)));
        }
    }

    /** Bytes a training step keeps for backward: every layer's gate values and states, for each step and item. */
    public static long trainingActivations(ModelSpec spec, Function<String, CellType> cellTypes, long steps,
                                           long batch) {
        long total = 0;
        for (LayerSpec layer : spec.layers()) {
            long g = cellTypes.apply(layer.cellType()).gates().size();
            // Gate values, h and c per step and item, in each direction.
            total = plus(total, times((g + 2) * layer.direction().count(), layer.hiddenSize()));
        }
        return times(times(total, steps), times(batch, Float.BYTES));
    }

    /** a * b for non-negative counts, or Long.MAX_VALUE where the product does not fit: sizes never wrap. */
    private static long times(long a, long b) {
        return Math.multiplyHigh(a, b) != 0 || a * b < 0 ? Long.MAX_VALUE : a * b;
    }

    /** a + b for non-negative counts, saturating like {@link #times}. */
    private static long plus(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }

    /** The largest H with {@code g * H * max(in, H)} within one array. */
    private static long largestHidden(long g, long in) {
        long byInput = MAX_ARRAY / (g * in);
        long bySquare = (long) Math.floor(Math.sqrt((double) MAX_ARRAY / g));
        return bySquare <= in ? Math.min(byInput, in) : Math.min(byInput, bySquare);
    }

    private static String bytes(long count) {
        if (count >= 1L << 30) {
            return String.format(Locale.ROOT, "%.1f GiB", count / (double) (1L << 30));
        }
        return String.format(Locale.ROOT, "%.1f MiB", count / (double) (1L << 20));
    }
}

package org.hotcell.model.spec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.hotcell.layers.MergeMode;
import org.hotcell.core.activation.ActivationSpec;
import org.hotcell.core.cell.CellOptions;
import org.hotcell.core.cell.CellSpec;
import org.hotcell.core.cell.Direction;
import org.hotcell.core.error.InvalidSpecException;

/**
 * One recurrent layer of a model: a cell type with its sizes, activations and options, run in one or both
 * directions. Its input size is not part of it: the model derives it from the layer below.
 *
 * @param cellType    the cell type's name, e.g. {@code lstm}
 * @param hiddenSize  H, units per direction
 * @param activations role name to activation spec, for the roles set explicitly (others take the type's defaults)
 * @param options     the switches of the cell's equations
 * @param direction   forward, reverse or bidirectional
 * @param merge       how a bidirectional layer combines its directions (concat, sum, mean, mul; ignored for one
 *                    direction)
 */
public record LayerSpec(String cellType, int hiddenSize, Map<String, ActivationSpec> activations,
                        CellOptions options, Direction direction, MergeMode merge) {

    /** @throws InvalidSpecException when the hidden size is below 1 */
    public LayerSpec {
        Objects.requireNonNull(cellType, "cellType");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(merge, "merge");
        if (hiddenSize < 1) {
            throw new InvalidSpecException("hidden size of " + cellType + " layer must be at least 1, got "
                    + hiddenSize);
        }
        activations = Collections.unmodifiableMap(new LinkedHashMap<>(activations));
    }

    /** A forward layer with default options. */
    public static LayerSpec of(String cellType, int hiddenSize, Map<String, ActivationSpec> activations) {
        return new LayerSpec(cellType, hiddenSize, activations, CellOptions.DEFAULT, Direction.FORWARD, MergeMode.CONCAT);
    }

    /** The width of this layer's output at each step: {@code 2H} for concatenated directions, else {@code H}. */
    public int outputSize() {
        return direction == Direction.BIDIRECTIONAL ? merge.width(hiddenSize) : hiddenSize;
    }

    /** The cell spec of each direction of this layer, given its input size. */
    public CellSpec cellSpec(int inputSize) {
        return new CellSpec(cellType, inputSize, hiddenSize, activations, options);
    }
}

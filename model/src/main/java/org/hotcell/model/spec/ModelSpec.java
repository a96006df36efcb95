package org.hotcell.model.spec;

import java.util.List;
import java.util.Objects;

import org.hotcell.core.error.InvalidSpecException;

/**
 * What a model is: stacked recurrent layers over inputs of {@code inputSize} features, then a dense head. Holds
 * names and sizes only, never plugin instances, so a spec outlives plugins and is checked again on load.
 *
 * @param inputSize features per step of the model's input
 * @param layers    the recurrent layers, bottom first; at least one
 * @param head      the dense head on the top layer
 */
public record ModelSpec(int inputSize, List<LayerSpec> layers, HeadSpec head) {

    /** @throws InvalidSpecException when the input size is below 1 or there is no layer */
    public ModelSpec {
        Objects.requireNonNull(head, "head");
        layers = List.copyOf(layers);
        if (inputSize < 1) {
            throw new InvalidSpecException("model input size must be at least 1, got " + inputSize);
        }
        if (layers.isEmpty()) {
            throw new InvalidSpecException("a model needs at least one recurrent layer, got none");
        }
    }

    /** The input size of layer {@code index}: the model input for layer 0, else the output of the layer below. */
    public int layerInputSize(int index) {
        return index == 0 ? inputSize : layers.get(index - 1).outputSize();
    }

    /** The width the head reads: the top layer's output size. */
    public int topSize() {
        return layers.get(layers.size() - 1).outputSize();
    }
}

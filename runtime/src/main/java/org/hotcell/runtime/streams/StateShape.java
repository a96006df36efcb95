package org.hotcell.runtime.streams;

import java.util.List;

import org.hotcell.core.cell.CellState;

/**
 * The layer sizes a model's stream state has: per layer, per direction (forward first), the units H and whether
 * there is a cell state c. Two models whose shapes are equal can carry each other's streams.
 *
 * @param layers per layer the parts of its state
 */
public record StateShape(List<List<Part>> layers) {

    /**
     * One direction's state.
     *
     * @param hidden H
     * @param cell   whether a cell state c is kept (LSTM)
     */
    public record Part(int hidden, boolean cell) {
        @Override
        public String toString() {
            return hidden + (cell ? "+c" : "");
        }
    }

    public StateShape {
        layers = layers.stream().map(List::copyOf).toList();
    }

    /** The shape of the given states (as {@code NetworkPass.lastStates()} gives them). */
    public static StateShape of(List<List<CellState>> states) {
        return new StateShape(states.stream()
                .map(layer -> layer.stream().map(s -> new Part(s.hidden(), s.hasCell())).toList()).toList());
    }

    /** A compact text, e.g. {@code [3+c, 3+c] [4]}: H per direction, {@code +c} with a cell state. */
    public String text() {
        StringBuilder text = new StringBuilder();
        for (List<Part> layer : layers) {
            text.append(text.isEmpty() ? "" : " ").append(layer);
        }
        return text.toString();
    }

    /** What differs from {@code other}, naming the first layer that does; null when equal. */
    public String difference(StateShape other) {
        if (layers.size() != other.layers.size()) {
            return "the model has " + other.layers.size() + " layers, the state " + layers.size();
        }
        for (int l = 0; l < layers.size(); l++) {
            if (!layers.get(l).equals(other.layers.get(l))) {
                return "layer " + l + " of the model has units " + other.layers.get(l) + ", the state "
                        + layers.get(l);
            }
        }
        return null;
    }
}

package org.hotcell.cells.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hotcell.core.activation.Activation;
import org.hotcell.core.activation.ActivationSource;
import org.hotcell.core.activation.ActivationSpec;
import org.hotcell.core.error.UnknownActivationException;

/**
 * The activations the cell tests use, written here so that the cells are tested without the activations
 * plugin: the usual families plus {@code test_swish}, a custom one whose derivative needs x, not only y.
 */
public final class TestActivations implements ActivationSource {
    private final Map<String, TestActivation> byName = new LinkedHashMap<>();

    /** The standard test set. */
    public TestActivations() {
        add(new TestActivation("sigmoid", x -> 1 / (1 + Math.exp(-x)), (x, y) -> y * (1 - y), List.of()));
        add(new TestActivation("tanh", Math::tanh, (x, y) -> 1 - y * y, List.of()));
        add(new TestActivation("hard_tanh", x -> Math.max(-1, Math.min(1, x)),
                (x, y) -> x > -1 && x < 1 ? 1 : 0, List.of(-1.0, 1.0)));
        add(new TestActivation("relu", x -> Math.max(0, x), (x, y) -> x > 0 ? 1 : 0, List.of(0.0)));
        add(new TestActivation("leaky_relu", x -> x > 0 ? x : 0.1 * x, (x, y) -> x > 0 ? 1 : 0.1, List.of(0.0)));
        add(new TestActivation("softplus", x -> x > 30 ? x : Math.log1p(Math.exp(x)),
                (x, y) -> 1 / (1 + Math.exp(-x)), List.of()));
        add(new TestActivation("test_swish", x -> x / (1 + Math.exp(-x)), (x, y) -> {
            double s = 1 / (1 + Math.exp(-x));
            return s + x * s * (1 - s);
        }, List.of()));
        add(new TestActivation("identity", x -> x, (x, y) -> 1, List.of()));
        // The activation plugin's name for x * sigmoid(x), so that the reference can mirror cells built on it.
        add(new TestActivation("silu", get("test_swish")::value, (x, y) -> get("test_swish").slope(x), List.of()));
    }

    /** Adds (or replaces) an activation under its spec's name. */
    public TestActivations add(TestActivation activation) {
        byName.put(activation.spec().name(), activation);
        return this;
    }

    /** The activation called {@code name}. */
    public TestActivation get(String name) {
        TestActivation activation = byName.get(name);
        if (activation == null) {
            throw new UnknownActivationException(name, byName.keySet());
        }
        return activation;
    }

    @Override
    public Activation activation(ActivationSpec spec) {
        return get(spec.name());
    }
}

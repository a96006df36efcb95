package org.hotcell.activations;

import java.util.List;

import org.hotcell.activations.function.StandardActivation;
import org.hotcell.core.registry.PluginRegistry;

/** Every standard activation with its defaults, plus the parameter settings worth checking on their own. */
final class Variants {
    private static final PluginRegistry REGISTRY = PluginRegistry.discover();

    /** Spec texts: each served name with defaults, then non-default settings. */
    static final List<String> SPECS = List.of(
            "sigmoid", "tanh", "hard_tanh", "relu", "leaky_relu", "hard_sigmoid", "softsign", "softplus", "elu",
            "selu", "affine", "scaled_tanh", "thresholded_relu", "identity", "silu", "gelu", "mish",
            "penalized_tanh", "scaled_sigmoid",
            "hard_tanh(min_val=-2, max_val=0.5)", "leaky_relu(alpha=0.3)", "leaky_relu(alpha=0)",
            "hard_sigmoid(0.5, 0.25)", "elu(alpha=0.5)", "elu(alpha=2)", "affine(2.5, -1)", "affine(-0.5, 0)",
            "scaled_tanh(1.7159, 0.6667)", "scaled_tanh(-2, 3)", "thresholded_relu(alpha=0.5)",
            "thresholded_relu(alpha=0)", "thresholded_relu(alpha=-0.5)", "silu(beta=2)", "silu(beta=0.5)", "gelu(approximate=tanh)",
            "penalized_tanh(a=0.5)", "penalized_tanh(a=0)", "scaled_sigmoid(2, 2, -1)",
            "scaled_sigmoid(-1.5, 0.5, 0.75)", "scaled_sigmoid(3, -2, 0.5)", "scaled_sigmoid(0, 1, 0.25)");

    private Variants() {
    }

    static PluginRegistry registry() {
        return REGISTRY;
    }

    static StandardActivation create(String spec) {
        return (StandardActivation) REGISTRY.activation(spec);
    }
}

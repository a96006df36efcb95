package org.hotcell.model.onnx;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hotcell.core.activation.ActivationSpec;

/**
 * A Hotcell activation as ONNX's recurrent operators name it: one of the functions their {@code activations}
 * attribute accepts, with the values for {@code activation_alpha} and {@code activation_beta}.
 *
 * @param name  the ONNX function name, e.g. {@code LeakyRelu}
 * @param alpha the alpha value, or null when the function takes none
 * @param beta  the beta value, or null when the function takes none
 */
record OnnxActivation(String name, Float alpha, Float beta) {

    /** Hotcell's canonical name to ONNX's, for functions whose parameters mean the same in both. */
    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("sigmoid", "Sigmoid"), Map.entry("tanh", "Tanh"), Map.entry("relu", "Relu"),
            Map.entry("softsign", "Softsign"), Map.entry("softplus", "Softplus"),
            Map.entry("leaky_relu", "LeakyRelu"), Map.entry("elu", "Elu"),
            Map.entry("thresholded_relu", "ThresholdedRelu"), Map.entry("hard_sigmoid", "HardSigmoid"),
            Map.entry("scaled_tanh", "ScaledTanh"), Map.entry("affine", "Affine"));

    /** The ONNX functions, for error messages. */
    static final List<String> ONNX_NAMES = List.of("Sigmoid", "Tanh", "Relu", "LeakyRelu", "ThresholdedRelu",
            "ScaledTanh", "HardSigmoid", "Elu", "Softsign", "Softplus", "Affine");

    /**
     * The ONNX form of a canonical spec (every parameter named), or empty when ONNX has no such function.
     * Parameters: LeakyRelu, Elu, ThresholdedRelu take alpha; HardSigmoid, ScaledTanh, Affine alpha and beta.
     */
    static Optional<OnnxActivation> of(ActivationSpec canonical) {
        String name = NAMES.get(canonical.name());
        if (name == null) {
            return Optional.empty();
        }
        Float alpha = canonical.param("alpha").isPresent() ? (float) canonical.number("alpha") : null;
        Float beta = canonical.param("beta").isPresent() ? (float) canonical.number("beta") : null;
        return Optional.of(new OnnxActivation(name, alpha, beta));
    }
}

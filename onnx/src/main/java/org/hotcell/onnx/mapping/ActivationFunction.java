package org.hotcell.onnx.mapping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hotcell.core.activation.ActivationSpec;
import org.hotcell.core.activation.ParamValue;
import org.hotcell.core.error.Names;

/**
 * The activation functions ONNX's recurrent operators accept in their {@code activations} attribute, each with
 * the Hotcell activation that computes it and the parameters it takes from {@code activation_alpha} and
 * {@code activation_beta}. Hotcell's activations name those parameters {@code alpha} and {@code beta} and take
 * them in that order, so {@code HardSigmoid} with alpha 0.2 and beta 0.5 is {@code hard_sigmoid(0.2, 0.5)}.
 *
 * <p>Declared in the order export lists them in its messages.
 */
public enum ActivationFunction {
    /** {@code 1 / (1 + e^-x)}. */
    SIGMOID("Sigmoid", "sigmoid", false, false),
    /** {@code (1 - e^-2x) / (1 + e^-2x)}. */
    TANH("Tanh", "tanh", false, false),
    /** {@code max(0, x)}. */
    RELU("Relu", "relu", false, false),
    /** {@code x} if {@code x >= 0}, else {@code alpha * x}. */
    LEAKY_RELU("LeakyRelu", "leaky_relu", true, false),
    /** {@code x} if {@code x >= alpha}, else 0. */
    THRESHOLDED_RELU("ThresholdedRelu", "thresholded_relu", true, false),
    /** {@code alpha * tanh(beta * x)}. */
    SCALED_TANH("ScaledTanh", "scaled_tanh", true, true),
    /** {@code min(max(alpha * x + beta, 0), 1)}. */
    HARD_SIGMOID("HardSigmoid", "hard_sigmoid", true, true),
    /** {@code x} if {@code x >= 0}, else {@code alpha * (e^x - 1)}. */
    ELU("Elu", "elu", true, false),
    /** {@code x / (1 + |x|)}. */
    SOFTSIGN("Softsign", "softsign", false, false),
    /** {@code log(1 + e^x)}. */
    SOFTPLUS("Softplus", "softplus", false, false),
    /** {@code alpha * x + beta}. */
    AFFINE("Affine", "affine", true, true);

    /** Hotcell's names of the parameters ONNX calls alpha and beta. */
    private static final String ALPHA = "alpha";
    private static final String BETA = "beta";

    private final String onnxName;
    private final String hotcellName;
    private final boolean takesAlpha;
    private final boolean takesBeta;

    ActivationFunction(String onnxName, String hotcellName, boolean takesAlpha, boolean takesBeta) {
        this.onnxName = onnxName;
        this.hotcellName = hotcellName;
        this.takesAlpha = takesAlpha;
        this.takesBeta = takesBeta;
    }

    /** ONNX's name, as written in the {@code activations} attribute, e.g. {@code LeakyRelu}. */
    public String onnxName() {
        return onnxName;
    }

    /** The canonical name of the Hotcell activation that computes it, e.g. {@code leaky_relu}. */
    public String hotcellName() {
        return hotcellName;
    }

    /** Whether the function takes a value from {@code activation_alpha}. */
    public boolean takesAlpha() {
        return takesAlpha;
    }

    /** Whether the function takes a value from {@code activation_beta}. */
    public boolean takesBeta() {
        return takesBeta;
    }

    /**
     * The function a name in an ONNX file means, in any spelling that ignores case and underscores
     * ({@code LeakyRelu}, {@code leaky_relu}), or empty when ONNX has no such function.
     */
    public static Optional<ActivationFunction> named(String name) {
        String key = Names.key(name);
        for (ActivationFunction function : values()) {
            if (Names.key(function.onnxName).equals(key)) {
                return Optional.of(function);
            }
        }
        return Optional.empty();
    }

    /** The function a canonical Hotcell activation is, or empty when ONNX has none like it. */
    public static Optional<ActivationFunction> of(ActivationSpec canonical) {
        for (ActivationFunction function : values()) {
            if (function.hotcellName.equals(canonical.name())) {
                return Optional.of(function);
            }
        }
        return Optional.empty();
    }

    /** ONNX's names of all the functions, in declaration order. */
    public static List<String> onnxNames() {
        List<String> names = new ArrayList<>();
        for (ActivationFunction function : values()) {
            names.add(function.onnxName);
        }
        return names;
    }

    /**
     * The value a canonical spec of this function (every parameter named) puts in {@code activation_alpha}, or
     * null when the function takes none.
     */
    public Float alpha(ActivationSpec canonical) {
        return takesAlpha ? (float) canonical.number(ALPHA) : null;
    }

    /** Like {@link #alpha}, for {@code activation_beta}. */
    public Float beta(ActivationSpec canonical) {
        return takesBeta ? (float) canonical.number(BETA) : null;
    }

    /**
     * The Hotcell spec of a function named in an ONNX file with the values it took from {@code activation_alpha}
     * and {@code activation_beta} (null where the list had none left, so the default holds). The name stays as
     * written (the registry resolves ONNX's names); alpha and beta become positional parameters, except a beta
     * without an alpha, which is named.
     */
    public static ActivationSpec spec(String name, Float alpha, Float beta) {
        List<ParamValue> positional = new ArrayList<>();
        Map<String, ParamValue> named = new LinkedHashMap<>();
        if (alpha != null) {
            positional.add(new ParamValue.Number(alpha));
        }
        if (beta != null) {
            if (alpha != null) {
                positional.add(new ParamValue.Number(beta));
            } else {
                named.put(BETA, new ParamValue.Number(beta));
            }
        }
        return new ActivationSpec(name, positional, named);
    }
}

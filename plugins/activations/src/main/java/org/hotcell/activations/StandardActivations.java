package org.hotcell.activations;

import static org.hotcell.core.activation.ActivationParameter.number;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.hotcell.activations.function.Affine;
import org.hotcell.activations.function.Elu;
import org.hotcell.activations.function.GeluExact;
import org.hotcell.activations.function.GeluTanh;
import org.hotcell.activations.function.HardSigmoid;
import org.hotcell.activations.function.HardTanh;
import org.hotcell.activations.function.Identity;
import org.hotcell.activations.function.LeakyRelu;
import org.hotcell.activations.function.Mish;
import org.hotcell.activations.function.PenalizedTanh;
import org.hotcell.activations.function.Relu;
import org.hotcell.activations.function.ScaledSigmoid;
import org.hotcell.activations.function.ScaledTanh;
import org.hotcell.activations.function.Selu;
import org.hotcell.activations.function.Sigmoid;
import org.hotcell.activations.function.Silu;
import org.hotcell.activations.function.Softplus;
import org.hotcell.activations.function.Softsign;
import org.hotcell.activations.function.Tanh;
import org.hotcell.activations.function.ThresholdedRelu;
import org.hotcell.core.activation.Activation;
import org.hotcell.core.activation.ActivationFactory;
import org.hotcell.core.activation.ActivationParameter;
import org.hotcell.core.activation.ActivationSpec;
import org.hotcell.core.activation.ParamValue;
import org.hotcell.core.error.InvalidSpecException;

/**
 * The factory of the standard activation set. Parameters follow ONNX's order where ONNX has the function
 * ({@code activation_alpha} first, then {@code activation_beta}), so {@code hard_sigmoid(0.2, 0.5)} means
 * alpha = 0.2, beta = 0.5. ONNX's operator names (Sigmoid, LeakyRelu, ScaledTanh, ...) resolve here too, and
 * {@code swish} means {@code silu}.
 *
 * <p>Every numeric parameter must be finite, besides lying in its declared range.
 */
public final class StandardActivations implements ActivationFactory {

    private record Definition(String formula, List<ActivationParameter> parameters,
                              Function<ActivationSpec, Activation> maker) {
    }

    private static final Map<String, Definition> DEFINITIONS = definitions();

    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("Sigmoid", "sigmoid"),
            Map.entry("Tanh", "tanh"),
            Map.entry("Relu", "relu"),
            Map.entry("LeakyRelu", "leaky_relu"),
            Map.entry("ThresholdedRelu", "thresholded_relu"),
            Map.entry("ScaledTanh", "scaled_tanh"),
            Map.entry("HardSigmoid", "hard_sigmoid"),
            Map.entry("Elu", "elu"),
            Map.entry("Softsign", "softsign"),
            Map.entry("Softplus", "softplus"),
            Map.entry("Affine", "affine"),
            Map.entry("swish", "silu"));

    /** The public no-argument constructor ServiceLoader needs. */
    public StandardActivations() {
    }

    private static Map<String, Definition> definitions() {
        Map<String, Definition> d = new LinkedHashMap<>();
        d.put("sigmoid", new Definition("1 / (1 + e^-x)", List.of(), Sigmoid::new));
        d.put("tanh", new Definition("(e^x - e^-x) / (e^x + e^-x)", List.of(), Tanh::new));
        d.put("hard_tanh", new Definition("clamp(x, min_val, max_val)", List.of(
                number("min_val", -1, "the lower clamp; must be below max_val"),
                number("max_val", 1, "the upper clamp; must be above min_val")), StandardActivations::hardTanh));
        d.put("relu", new Definition("max(0, x)", List.of(), Relu::new));
        d.put("leaky_relu", new Definition("x if x >= 0 else alpha * x", List.of(
                number("alpha", 0.01, 0, Double.POSITIVE_INFINITY, "the slope for x < 0")), LeakyRelu::new));
        d.put("hard_sigmoid", new Definition("clamp(alpha * x + beta, 0, 1)", List.of(
                number("alpha", 0.2, 0, Double.POSITIVE_INFINITY, "the slope; must be > 0"),
                number("beta", 0.5, "the offset")), StandardActivations::hardSigmoid));
        d.put("softsign", new Definition("x / (1 + |x|)", List.of(), Softsign::new));
        d.put("softplus", new Definition("log(1 + e^x)", List.of(), Softplus::new));
        d.put("elu", new Definition("x if x >= 0 else alpha * (e^x - 1)", List.of(
                number("alpha", 1, 0, Double.POSITIVE_INFINITY, "the scale of the negative part")), Elu::new));
        d.put("selu", new Definition("1.0507 * (x if x > 0 else 1.67326 * (e^x - 1))", List.of(), Selu::new));
        d.put("affine", new Definition("alpha * x + beta", List.of(
                number("alpha", 1, "the slope"), number("beta", 0, "the offset")), Affine::new));
        d.put("scaled_tanh", new Definition("alpha * tanh(beta * x)", List.of(
                number("alpha", 1, "the output scale"), number("beta", 1, "the input scale")), ScaledTanh::new));
        d.put("scaled_sigmoid", new Definition("alpha * sigmoid(beta * x) + gamma", List.of(
                number("alpha", 1, "the output scale"),
                number("beta", 1, "the input scale; must be non-zero"),
                number("gamma", 0, "the output offset")), StandardActivations::scaledSigmoid));
        d.put("thresholded_relu", new Definition("x if x > alpha else 0", List.of(
                number("alpha", 1, "the threshold (ONNX allows any value)")), ThresholdedRelu::new));
        d.put("identity", new Definition("x", List.of(), Identity::new));
        d.put("silu", new Definition("x * sigmoid(beta * x)", List.of(
                number("beta", 1, 0, Double.POSITIVE_INFINITY, "the sigmoid's input scale; must be > 0")),
                StandardActivations::silu));
        d.put("gelu", new Definition("x * Phi(x), Phi the standard normal CDF (approximate=tanh: "
                + "x/2 * (1 + tanh(sqrt(2/pi) * (x + 0.044715 x^3))))", List.of(
                ActivationParameter.word("approximate", "none", List.of("none", "tanh"),
                        "none for the exact form, tanh for the tanh approximation")),
                spec -> spec.word("approximate").equals("tanh") ? new GeluTanh(spec) : new GeluExact(spec)));
        d.put("mish", new Definition("x * tanh(softplus(x))", List.of(), Mish::new));
        d.put("penalized_tanh", new Definition("tanh(x) if x > 0 else a * tanh(x)", List.of(
                number("a", 0.25, 0, 1, "the scale of the negative part")), PenalizedTanh::new));
        return d;
    }

    @Override
    public Set<String> names() {
        return DEFINITIONS.keySet();
    }

    @Override
    public Map<String, String> aliases() {
        return ALIASES;
    }

    @Override
    public List<ActivationParameter> parameters(String name) {
        return definition(name).parameters();
    }

    @Override
    public String describe(String name) {
        return definition(name).formula();
    }

    @Override
    public Activation create(ActivationSpec canonicalSpec) {
        Definition definition = definition(canonicalSpec.name());
        for (ActivationParameter parameter : definition.parameters()) {
            if (parameter.isNumeric()) {
                double value = canonicalSpec.number(parameter.name());
                if (!Double.isFinite(value)) {
                    throw new InvalidSpecException("activation '" + canonicalSpec + "': parameter '"
                            + parameter.name() + "' is " + ParamValue.of(value).text() + ", but must be finite, "
                            + parameter.validValues());
                }
            }
        }
        return definition.maker().apply(canonicalSpec);
    }

    private static Definition definition(String name) {
        Definition definition = DEFINITIONS.get(name);
        if (definition == null) {
            throw new InvalidSpecException("the standard activations do not include '" + name
                    + "'; they are " + String.join(", ", DEFINITIONS.keySet()));
        }
        return definition;
    }

    private static Activation hardTanh(ActivationSpec spec) {
        double lo = spec.number("min_val");
        double hi = spec.number("max_val");
        if (!(lo < hi)) {
            throw new InvalidSpecException("activation '" + spec + "': min_val (" + lo
                    + ") must be less than max_val (" + hi + ")");
        }
        return new HardTanh(spec);
    }

    private static Activation hardSigmoid(ActivationSpec spec) {
        requirePositive(spec, "alpha");
        return new HardSigmoid(spec);
    }

    private static Activation scaledSigmoid(ActivationSpec spec) {
        double beta = spec.number("beta");
        if (beta == 0) {
            throw new InvalidSpecException("activation '" + spec + "': parameter 'beta' is " + beta
                    + ", but must be non-zero (with beta = 0 the function is the constant alpha/2 + gamma)");
        }
        return new ScaledSigmoid(spec);
    }

    private static Activation silu(ActivationSpec spec) {
        requirePositive(spec, "beta");
        return new Silu(spec);
    }

    private static void requirePositive(ActivationSpec spec, String parameter) {
        double value = spec.number(parameter);
        if (!(value > 0)) {
            throw new InvalidSpecException("activation '" + spec + "': parameter '" + parameter + "' is "
                    + value + ", but must be a number in (0, inf)");
        }
    }
}

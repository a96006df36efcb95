package org.hotcell.model.testing;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;

import org.hotcell.core.activation.Activation;
import org.hotcell.core.activation.ActivationFactory;
import org.hotcell.core.activation.ActivationParameter;
import org.hotcell.core.activation.ActivationProperties;
import org.hotcell.core.activation.ActivationSource;
import org.hotcell.core.activation.ActivationSpec;
import org.hotcell.core.error.UnknownActivationException;

/** tanh, sigmoid, relu and identity for tests, without depending on the activations plugin. */
public final class TestActivations implements ActivationFactory {
    private static final Map<String, DoubleUnaryOperator> FUNCTIONS = Map.of(
            "tanh", Math::tanh,
            "sigmoid", x -> 1 / (1 + Math.exp(-x)),
            "relu", x -> Math.max(0, x),
            "identity", x -> x);

    /** A source serving the four test activations. */
    public static ActivationSource source() {
        TestActivations factory = new TestActivations();
        return spec -> {
            if (factory.canonicalName(spec.name()) == null) {
                throw new UnknownActivationException(spec.name(), FUNCTIONS.keySet());
            }
            return factory.create(factory.canonical(spec));
        };
    }

    @Override
    public Set<String> names() {
        return FUNCTIONS.keySet();
    }

    @Override
    public List<ActivationParameter> parameters(String name) {
        return List.of();
    }

    @Override
    public String describe(String name) {
        return "test " + name;
    }

    @Override
    public Activation create(ActivationSpec spec) {
        return new TestActivation(spec, FUNCTIONS.get(spec.name()));
    }

    /**
     * One of the four: f from the table, f' from x or, where that is cheaper, from y = f(x). All four declare the
     * same properties (unbounded, monotonic), which is all the tests ask of them.
     */
    private record TestActivation(ActivationSpec spec, DoubleUnaryOperator f) implements Activation {
        private static final ActivationProperties PROPERTIES = new ActivationProperties(Double.NEGATIVE_INFINITY,
                Double.POSITIVE_INFINITY, true, false, false, List.of());

        @Override
        public ActivationProperties properties() {
            return PROPERTIES;
        }

        @Override
        public float apply(float x) {
            return (float) f.applyAsDouble(x);
        }

        @Override
        public float derivative(float x, float y) {
            return switch (spec.name()) {
                case "tanh" -> 1 - y * y;
                case "sigmoid" -> y * (1 - y);
                case "relu" -> x > 0 ? 1 : 0;
                default -> 1;
            };
        }
    }
}

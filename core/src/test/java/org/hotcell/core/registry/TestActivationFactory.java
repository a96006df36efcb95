package org.hotcell.core.registry;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hotcell.core.activation.Activation;
import org.hotcell.core.activation.ActivationFactory;
import org.hotcell.core.activation.ActivationParameter;
import org.hotcell.core.activation.ActivationProperties;
import org.hotcell.core.activation.ActivationSpec;

/** A provider found through META-INF/services in the test class path: scaled identity {@code k*x}. */
public final class TestActivationFactory implements ActivationFactory {

    /** ServiceLoader makes it. */
    public TestActivationFactory() {
    }

    @Override
    public Set<String> names() {
        return Set.of("test_scale");
    }

    @Override
    public Map<String, String> aliases() {
        return Map.of("TestScale", "test_scale");
    }

    @Override
    public List<ActivationParameter> parameters(String name) {
        return List.of(ActivationParameter.number("k", 2, 0, 10, "slope"));
    }

    @Override
    public String describe(String name) {
        return "k*x";
    }

    @Override
    public Activation create(ActivationSpec canonicalSpec) {
        float k = (float) canonicalSpec.number("k");
        return new Activation() {
            @Override
            public ActivationSpec spec() {
                return canonicalSpec;
            }

            @Override
            public ActivationProperties properties() {
                return new ActivationProperties(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, true, true,
                        false, List.of());
            }

            @Override
            public float apply(float x) {
                return k * x;
            }

            @Override
            public float derivative(float x, float y) {
                return k;
            }
        };
    }
}

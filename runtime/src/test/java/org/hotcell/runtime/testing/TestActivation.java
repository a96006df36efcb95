package org.hotcell.runtime.testing;

import java.util.List;

import org.hotcell.core.activation.Activation;
import org.hotcell.core.activation.ActivationProperties;
import org.hotcell.core.activation.ActivationSpec;

/**
 * An activation a test writes as a lambda, with a constant derivative: what a plugin could serve, without the
 * activations plugin.
 *
 * @param spec       what {@link #spec()} answers
 * @param properties what {@link #properties()} answers
 * @param function   f(x)
 * @param slope      what {@link #derivative(float, float)} answers at every x
 */
public record TestActivation(ActivationSpec spec, ActivationProperties properties, Function function, float slope)
        implements Activation {

    /** f(x), e.g. {@code x -> 2 * x}. */
    @FunctionalInterface
    public interface Function {
        float apply(float x);
    }

    /** {@code k * x} (k > 0): unbounded, monotonic and zero-centred. */
    public static TestActivation scaled(ActivationSpec spec, float k) {
        return new TestActivation(spec, unbounded(true, true), x -> k * x, k);
    }

    /** Properties of a function over the whole real line, neither saturating nor with kinks. */
    public static ActivationProperties unbounded(boolean monotonic, boolean zeroCentred) {
        return new ActivationProperties(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, monotonic, zeroCentred,
                false, List.of());
    }

    @Override
    public float apply(float x) {
        return function.apply(x);
    }

    @Override
    public float derivative(float x, float y) {
        return slope;
    }
}

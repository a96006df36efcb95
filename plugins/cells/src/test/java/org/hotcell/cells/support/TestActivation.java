package org.hotcell.cells.support;

import java.util.List;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

import org.hotcell.core.activation.Activation;
import org.hotcell.core.activation.ActivationProperties;
import org.hotcell.core.activation.ActivationSpec;

/**
 * An activation defined in test code with a double-precision form, so that the reference recurrence can run in
 * double. The float forms (which the cells call) round the double ones.
 */
public final class TestActivation implements Activation {
    private final ActivationSpec spec;
    private final DoubleUnaryOperator f;
    private final DoubleBinaryOperator df;
    private final List<Double> kinks;

    /**
     * @param df the derivative given x and y = f(x)
     */
    public TestActivation(String name, DoubleUnaryOperator f, DoubleBinaryOperator df, List<Double> kinks) {
        this.spec = ActivationSpec.of(name);
        this.f = f;
        this.df = df;
        this.kinks = List.copyOf(kinks);
    }

    /** f(x) in double. */
    public double value(double x) {
        return f.applyAsDouble(x);
    }

    /** f'(x) in double. */
    public double slope(double x) {
        return df.applyAsDouble(x, f.applyAsDouble(x));
    }

    /** Where f or f' is not continuous. */
    public List<Double> kinks() {
        return kinks;
    }

    /** A copy whose derivative is off by a factor: to show that the gradient check catches a wrong derivative. */
    public TestActivation withWrongDerivative(double factor) {
        return new TestActivation(spec.name() + "_wrong", f, (x, y) -> factor * df.applyAsDouble(x, y), kinks);
    }

    @Override
    public ActivationSpec spec() {
        return spec;
    }

    @Override
    public ActivationProperties properties() {
        return new ActivationProperties(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, false, false, false,
                kinks);
    }

    @Override
    public float apply(float x) {
        return (float) f.applyAsDouble(x);
    }

    @Override
    public float derivative(float x, float y) {
        return (float) df.applyAsDouble(x, y);
    }

    @Override
    public String toString() {
        return spec.name();
    }
}

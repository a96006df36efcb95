package org.hotcell.model.optim;

import java.util.HashMap;
import java.util.Map;

import org.hotcell.core.error.InvalidSpecException;
import org.hotcell.model.param.Parameter;
import org.hotcell.model.param.Parameters;

/**
 * Stochastic gradient descent with (heavy-ball) momentum: {@code v <- mu v - lr g; p <- p + v}. With mu = 0
 * this is plain SGD. Velocities are kept in double precision so that tiny steps are not lost to rounding; each step is rounded to
 * float and added to p in float ({@link #increments}), the expression packed copies of the weights use too.
 */
public final class SgdMomentum implements Optimizer {
    private final double learningRate;
    private final double momentum;
    private final Map<String, double[]> velocity = new HashMap<>();

    /**
     * @param learningRate lr, positive
     * @param momentum     mu in [0, 1)
     */
    public SgdMomentum(double learningRate, double momentum) {
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new InvalidSpecException("SGD learning rate must be a positive number, got " + learningRate);
        }
        if (!(momentum >= 0 && momentum < 1)) {
            throw new InvalidSpecException("SGD momentum must be in [0, 1), got " + momentum);
        }
        this.learningRate = learningRate;
        this.momentum = momentum;
    }

    /** {@link #increments}, applied: each parameter becomes {@code p + v} in float. */
    @Override
    public void step(Parameters parameters, Parameters gradients) {
        parameters.addScaled(increments(parameters, gradients), 1f);
    }

    /** The new velocities, rounded to float: each parameter's step. */
    @Override
    public Parameters increments(Parameters parameters, Parameters gradients) {
        Parameters increments = new Parameters();
        for (Parameter parameter : parameters.list()) {
            int length = parameter.data().length;
            float[] g = gradients.get(parameter.name()).data();
            double[] v = velocity.computeIfAbsent(parameter.name(), name -> new double[length]);
            float[] d = new float[length];
            for (int i = 0; i < length; i++) {
                v[i] = momentum * v[i] - learningRate * g[i];
                d[i] = (float) v[i];
            }
            increments.add(new Parameter(parameter.name(), parameter.shape(), d));
        }
        return increments;
    }

    @Override
    public String describe() {
        return "sgd(lr=" + learningRate + ", momentum=" + momentum + ")";
    }
}

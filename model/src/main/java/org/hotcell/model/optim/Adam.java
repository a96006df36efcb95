package org.hotcell.model.optim;

import java.util.HashMap;
import java.util.Map;

import org.hotcell.core.error.InvalidSpecException;
import org.hotcell.model.param.Parameter;
import org.hotcell.model.param.Parameters;

/**
 * Adam (Kingma and Ba, 2015): at step k, {@code m <- b1 m + (1-b1) g}, {@code v <- b2 v + (1-b2) g^2},
 * {@code p <- p - lr * (m / (1-b1^k)) / (sqrt(v / (1-b2^k)) + eps)}. Moments and the step in double precision;
 * the step is rounded to float and added to p in float ({@link #increments}), the expression packed copies of
 * the weights are updated with too.
 */
public final class Adam implements Optimizer {
    private final double learningRate;
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final Map<String, double[][]> moments = new HashMap<>();
    private long steps;

    /** Adam with the usual {@code beta1 = 0.9, beta2 = 0.999, eps = 1e-8}. */
    public Adam(double learningRate) {
        this(learningRate, 0.9, 0.999, 1e-8);
    }

    /** @throws InvalidSpecException naming a setting out of range */
    public Adam(double learningRate, double beta1, double beta2, double epsilon) {
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new InvalidSpecException("Adam learning rate must be a positive number, got " + learningRate);
        }
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
            throw new InvalidSpecException("Adam betas must be in [0, 1), got beta1=" + beta1 + ", beta2=" + beta2);
        }
        if (!(epsilon > 0)) {
            throw new InvalidSpecException("Adam epsilon must be positive, got " + epsilon);
        }
        this.learningRate = learningRate;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
    }

    /** {@link #increments}, applied: each parameter becomes {@code p + d} in float. */
    @Override
    public void step(Parameters parameters, Parameters gradients) {
        parameters.addScaled(increments(parameters, gradients), 1f);
    }

    /** The step {@code -lr * m^ / (sqrt(v^) + eps)} of each parameter, computed in double, rounded to float. */
    @Override
    public Parameters increments(Parameters parameters, Parameters gradients) {
        steps++;
        double correction1 = 1 - Math.pow(beta1, steps);
        double correction2 = 1 - Math.pow(beta2, steps);
        Parameters increments = new Parameters();
        for (Parameter parameter : parameters.list()) {
            int length = parameter.data().length;
            float[] g = gradients.get(parameter.name()).data();
            double[][] mv = moments.computeIfAbsent(parameter.name(), name -> new double[][] {
                    new double[length], new double[length]});
            double[] m = mv[0];
            double[] v = mv[1];
            float[] d = new float[length];
            for (int i = 0; i < length; i++) {
                m[i] = beta1 * m[i] + (1 - beta1) * g[i];
                v[i] = beta2 * v[i] + (1 - beta2) * (double) g[i] * g[i];
                d[i] = (float) (-learningRate * (m[i] / correction1) / (Math.sqrt(v[i] / correction2) + epsilon));
            }
            increments.add(new Parameter(parameter.name(), parameter.shape(), d));
        }
        return increments;
    }

    @Override
    public String describe() {
        return "adam(lr=" + learningRate + ", beta1=" + beta1 + ", beta2=" + beta2 + ", eps=" + epsilon + ")";
    }
}

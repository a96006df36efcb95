package org.hotcell.model.loss;

/**
 * Softmax cross-entropy over O classes: {@code l(y, t) = -sum_j t_j log softmax(y)_j} with t a distribution
 * (one-hot for class labels), computed as {@code logsumexp(y) - sum_j t_j y_j} with the maximum subtracted
 * inside logsumexp so that no exponential overflows (for targets summing to m the first term is
 * {@code m logsumexp(y)}); {@code dL/dy_rj = w_r (m_r softmax(y_r)_j - t_rj) / sum w}.
 */
public final class SoftmaxCrossEntropy implements Loss {

    /** A loss holds no state: tasks and {@link Loss#named} make one each. */
    public SoftmaxCrossEntropy() {
    }

    @Override
    public String name() {
        return "cross_entropy";
    }

    @Override
    public double evaluate(float[] output, float[] target, float[] weights, int rows, int width, float[] grad) {
        MeanSquaredError.check(output, target, weights, rows, width, grad);
        double weightSum = Loss.weightSum(weights, rows);
        if (weightSum == 0) {
            java.util.Arrays.fill(grad, 0, rows * width, 0f);
            return 0;
        }
        double total = 0;
        for (int r = 0; r < rows; r++) {
            double w = weights == null ? 1 : weights[r];
            int base = r * width;
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < width; j++) {
                max = Math.max(max, output[base + j]);
            }
            double sumExp = 0;
            for (int j = 0; j < width; j++) {
                sumExp += Math.exp(output[base + j] - max);
            }
            double logSumExp = max + Math.log(sumExp);
            double targetMass = 0;
            double targetDot = 0;
            for (int j = 0; j < width; j++) {
                targetMass += target[base + j];
                targetDot += (double) target[base + j] * output[base + j];
            }
            total += w * (targetMass * logSumExp - targetDot);
            for (int j = 0; j < width; j++) {
                double softmax = Math.exp(output[base + j] - logSumExp);
                grad[base + j] = (float) (w * (softmax * targetMass - target[base + j]) / weightSum);
            }
        }
        return total / weightSum;
    }

    /** The index of the largest value in row r, the predicted class. */
    public static int argmax(float[] values, int row, int width) {
        int best = 0;
        for (int j = 1; j < width; j++) {
            if (values[row * width + j] > values[row * width + best]) {
                best = j;
            }
        }
        return best;
    }
}

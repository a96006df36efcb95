package org.hotcell.model.loss;

import org.hotcell.core.error.ShapeMismatchException;

/**
 * Mean squared error: {@code l(y, t) = (1/O) sum_j (y_j - t_j)^2}, so that L is the mean over scored rows and
 * outputs; {@code dL/dy_rj = 2 w_r (y_rj - t_rj) / (O sum w)}.
 */
public final class MeanSquaredError implements Loss {

    /** A loss holds no state: tasks and {@link Loss#named} make one each. */
    public MeanSquaredError() {
    }

    @Override
    public String name() {
        return "mse";
    }

    @Override
    public double evaluate(float[] output, float[] target, float[] weights, int rows, int width, float[] grad) {
        check(output, target, weights, rows, width, grad);
        double weightSum = Loss.weightSum(weights, rows);
        if (weightSum == 0) {
            java.util.Arrays.fill(grad, 0, rows * width, 0f);
            return 0;
        }
        double scale = 1.0 / (weightSum * width);
        double total = 0;
        for (int r = 0; r < rows; r++) {
            double w = weights == null ? 1 : weights[r];
            for (int j = 0; j < width; j++) {
                int at = r * width + j;
                double diff = (double) output[at] - target[at];
                total += w * diff * diff;
                grad[at] = (float) (2 * w * diff * scale);
            }
        }
        return total * scale;
    }

    static void check(float[] output, float[] target, float[] weights, int rows, int width, float[] grad) {
        long size = (long) rows * width;
        ShapeMismatchException.check("length of predictions [" + rows + ", " + width + "]", output.length, size);
        ShapeMismatchException.check("length of targets [" + rows + ", " + width + "]", target.length, size);
        ShapeMismatchException.check("length of the gradient buffer [" + rows + ", " + width + "]", grad.length, size);
        if (weights != null) {
            ShapeMismatchException.check("number of row weights", weights.length, rows);
        }
    }
}

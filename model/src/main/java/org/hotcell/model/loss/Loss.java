package org.hotcell.model.loss;

import java.util.Locale;

import org.hotcell.core.error.InvalidSpecException;

/**
 * A training objective over R rows of predictions of width O, each row weighted (a weight of 0 leaves a row
 * out, e.g. padding or steps that are not scored). The value is the weighted mean over rows:
 * {@code L = sum_r w_r l(y_r, t_r) / sum_r w_r}.
 */
public interface Loss {

    /** The loss's name: {@code mse} or {@code cross_entropy}. */
    String name();

    /**
     * Computes the loss and its gradient.
     *
     * @param output  predictions {@code [rows, width]}
     * @param target  targets {@code [rows, width]}
     * @param weights a weight per row, or null for all 1
     * @param grad    receives {@code dL/doutput [rows, width]} (overwritten)
     * @return L, computed in double precision; 0 when every weight is 0
     */
    double evaluate(float[] output, float[] target, float[] weights, int rows, int width, float[] grad);

    /** The loss of this name: {@code mse} or {@code cross_entropy} (also {@code softmax_cross_entropy}). */
    static Loss named(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "mse" -> new MeanSquaredError();
            case "cross_entropy", "softmax_cross_entropy" -> new SoftmaxCrossEntropy();
            default -> throw new InvalidSpecException("loss '" + name + "' is not one of mse, cross_entropy");
        };
    }

    /** The sum of the weights, or rows when there are none. */
    static double weightSum(float[] weights, int rows) {
        if (weights == null) {
            return rows;
        }
        double sum = 0;
        for (int r = 0; r < rows; r++) {
            sum += weights[r];
        }
        return sum;
    }
}

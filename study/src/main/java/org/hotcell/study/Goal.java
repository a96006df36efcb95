package org.hotcell.study;

import java.io.Serializable;

/**
 * When a task counts as solved: the test metric crosses a threshold.
 *
 * @param metric        the metric's name as reported ({@code test_mse} or {@code test_accuracy})
 * @param threshold     the value to cross
 * @param higherIsBetter true when solved means {@code metric >= threshold} (accuracy), false when it means
 *                      {@code metric < threshold} (an error)
 */
public record Goal(String metric, double threshold, boolean higherIsBetter) implements Serializable {

    /** Whether {@code value} meets the goal; NaN never does. */
    public boolean met(double value) {
        if (Double.isNaN(value)) {
            return false;
        }
        return higherIsBetter ? value >= threshold : value < threshold;
    }

    /** Whether {@code a} is better than {@code b}; a NaN is worse than any number. */
    public boolean better(double a, double b) {
        if (Double.isNaN(a)) {
            return false;
        }
        if (Double.isNaN(b)) {
            return true;
        }
        return higherIsBetter ? a > b : a < b;
    }

    /** E.g. {@code test_mse < 0.01}. */
    public String describe() {
        return metric + (higherIsBetter ? " >= " : " < ") + threshold;
    }
}

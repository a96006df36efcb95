package org.hotcell.onnx.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.hotcell.onnx.Tensor;

/** The project's comparison of computed outputs with references: |got - expected| / (1 + |expected|). */
public final class Close {
    private Close() {
    }

    /** The largest relative error over all elements; shapes must agree. */
    public static double worst(String what, Tensor got, Tensor expected) {
        assertThat(got.shape()).as("shape of " + what).isEqualTo(expected.shape());
        double worst = 0;
        for (int i = 0; i < expected.size(); i++) {
            double e = expected.get(i);
            double error = Math.abs(got.get(i) - e) / (1 + Math.abs(e));
            if (!(error <= worst)) {
                worst = Double.isNaN(error) ? Double.POSITIVE_INFINITY : error;
            }
        }
        return worst;
    }

    /** Asserts every element within the tolerance, naming the worst element when not. */
    public static void assertClose(String what, Tensor got, Tensor expected, double tolerance) {
        double worst = worst(what, got, expected);
        if (worst > tolerance) {
            int at = 0;
            double max = -1;
            for (int i = 0; i < expected.size(); i++) {
                double error = Math.abs(got.get(i) - expected.get(i)) / (1 + Math.abs(expected.get(i)));
                if (Double.isNaN(error) || error > max) {
                    max = Double.isNaN(error) ? Double.POSITIVE_INFINITY : error;
                    at = i;
                }
            }
            throw new AssertionError(what + ": relative error " + worst + " > " + tolerance + " at element " + at
                    + " (got " + got.get(at) + ", expected " + expected.get(at) + ")");
        }
    }
}

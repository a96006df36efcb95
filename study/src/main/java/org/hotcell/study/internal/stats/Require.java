package org.hotcell.study.internal.stats;

import java.util.Objects;

/** Argument checks shared by the tests, with messages that name the argument and its bad value. */
final class Require {
    private Require() {
    }

    /** {@code values} is non-null, has at least {@code min} elements and holds only finite numbers. */
    static void sample(String name, double[] values, int min) {
        Objects.requireNonNull(values, name);
        if (values.length < min) {
            throw new IllegalArgumentException(name + " must have at least " + min + " value"
                    + (min == 1 ? "" : "s") + ", got " + values.length);
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] must be finite, got " + values[i]);
            }
        }
    }

    /** A confidence level strictly between 0 and 1. */
    static double confidence(double confidence) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1), got " + confidence);
        }
        return confidence;
    }

    /** {@code k} successes of {@code n} trials, named {@code kName} and {@code nName} in messages. */
    static void counts(String kName, int k, String nName, int n) {
        if (n < 0) {
            throw new IllegalArgumentException(nName + " must be >= 0, got " + n);
        }
        if (k < 0 || k > n) {
            throw new IllegalArgumentException(kName + " must be in [0, " + nName + "] = [0, " + n + "], got " + k);
        }
    }
}

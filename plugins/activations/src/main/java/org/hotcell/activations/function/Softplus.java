package org.hotcell.activations.function;

import static org.hotcell.activations.math.VectorMath.SPECIES;

import java.util.List;

import jdk.incubator.vector.FloatVector;

import org.hotcell.activations.math.ScalarMath;
import org.hotcell.activations.math.VectorMath;
import org.hotcell.activations.math.VectorSupport;
import org.hotcell.core.activation.ActivationProperties;
import org.hotcell.core.activation.ActivationSpec;

/**
 * Softplus: {@code softplus(x) = log(1 + e^x)}, computed as {@code max(x, 0) + log1p(e^-|x|)} so that it never
 * overflows ({@code softplus(100) = 100}, not inf); {@code softplus'(x) = sigmoid(x)}.
 *
 * <p>Range (0, inf), monotonic, not zero-centred, not saturating (its derivative tends to 1), smooth. Bulk
 * forms within 4 ulp of the scalar ones (subnormal outputs within {@code Float.MIN_NORMAL}).
 */
public final class Softplus extends StandardActivation {
    public Softplus(ActivationSpec spec) {
        super(spec, new ActivationProperties(0, Double.POSITIVE_INFINITY, true, false, false, List.of()));
    }

    @Override
    public BulkAccuracy bulkAccuracy() {
        return new BulkAccuracy(4, Float.MIN_NORMAL);
    }

    @Override
    public float apply(float x) {
        return (float) ScalarMath.softplus(x);
    }

    @Override
    public float derivative(float x, float y) {
        return (float) ScalarMath.sigmoid(x);
    }

    @Override
    public void apply(float[] src, int srcOff, float[] dst, int dstOff, int length) {
        checkRanges(src, srcOff, dst, dstOff, length);
        int i = VectorSupport.AVAILABLE ? Lanes.apply(src, srcOff, dst, dstOff, length) : 0;
        for (; i < length; i++) {
            dst[dstOff + i] = apply(src[srcOff + i]);
        }
    }

    @Override
    public void derivative(float[] x, int xOff, float[] y, int yOff, float[] dst, int dstOff, int length) {
        checkRanges(x, xOff, y, yOff, dst, dstOff, length);
        int i = VectorSupport.AVAILABLE ? Lanes.derivative(x, xOff, y, yOff, dst, dstOff, length) : 0;
        for (; i < length; i++) {
            dst[dstOff + i] = derivative(x[xOff + i], y[yOff + i]);
        }
    }

    /**
     * The Vector API kernels, loaded only when {@link VectorSupport#AVAILABLE}: each covers the whole vectors
     * of a range and returns where the scalar tail begins.
     */
    private static final class Lanes {
        static int apply(float[] src, int srcOff, float[] dst, int dstOff, int length) {
            int i = 0;
            for (int upper = SPECIES.loopBound(length); i < upper; i += SPECIES.length()) {
                lanes(FloatVector.fromArray(SPECIES, src, srcOff + i)).intoArray(dst, dstOff + i);
            }
            return i;
        }

        static int derivative(float[] x, int xOff, float[] y, int yOff, float[] dst, int dstOff, int length) {
            int i = 0;
            for (int upper = SPECIES.loopBound(length); i < upper; i += SPECIES.length()) {
                derivativeLanes(FloatVector.fromArray(SPECIES, x, xOff + i),
                        FloatVector.fromArray(SPECIES, y, yOff + i)).intoArray(dst, dstOff + i);
            }
            return i;
        }

        private static FloatVector lanes(FloatVector x) {
            return VectorMath.softplus(x);
        }

        private static FloatVector derivativeLanes(FloatVector x, FloatVector y) {
            return VectorMath.sigmoid(x);
        }
    }
}

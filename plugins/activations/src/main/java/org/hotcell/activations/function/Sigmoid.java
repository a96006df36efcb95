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
 * The logistic sigmoid: {@code sigmoid(x) = 1 / (1 + e^-x)}, {@code sigmoid'(x) = y (1 - y)}.
 *
 * <p>Range (0, 1), monotonic, not zero-centred ({@code sigmoid(0) = 1/2}), saturating, smooth. Finite for every
 * input: {@code sigmoid(-100)} is the subnormal 3.6e-44, {@code sigmoid(-200) = 0}, never NaN.
 * Bulk apply within 3 ulp of the scalar form (subnormal outputs within {@code Float.MIN_NORMAL}); bulk
 * derivative is bit-identical.
 */
public final class Sigmoid extends StandardActivation {
    public Sigmoid(ActivationSpec spec) {
        super(spec, new ActivationProperties(0, 1, true, false, true, List.of()));
    }

    @Override
    public BulkAccuracy bulkAccuracy() {
        return new BulkAccuracy(3, Float.MIN_NORMAL);
    }

    @Override
    public float apply(float x) {
        return (float) ScalarMath.sigmoid(x);
    }

    @Override
    public float derivative(float x, float y) {
        return y * (1f - y);
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
            // VectorMath.sigmoid written out here: one call level less keeps C2 from leaving it out of line (which
            // would box every vector) in some compilations of the loop.
            FloatVector e = VectorMath.exp(x.abs().neg());
            FloatVector s = FloatVector.broadcast(SPECIES, 1f).div(e.add(1f));
            return s.blend(e.mul(s), x.lt(0f));
        }

        private static FloatVector derivativeLanes(FloatVector x, FloatVector y) {
            return y.mul(y.neg().add(1f));
        }
    }
}

package org.hotcell.activations.function;

import static org.hotcell.activations.math.VectorMath.SPECIES;

import java.util.List;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;

import org.hotcell.activations.math.VectorMath;
import org.hotcell.activations.math.VectorSupport;
import org.hotcell.core.activation.ActivationProperties;
import org.hotcell.core.activation.ActivationSpec;

/**
 * The thresholded ReLU, as ONNX defines it: {@code thresholded_relu(x) = x} for x &gt; alpha, 0 otherwise
 * (so the value at x = alpha is 0); its derivative is 1 for x &gt;= alpha (the right-hand piece at the jump)
 * and 0 below. Comparisons are against alpha rounded to float.
 *
 * <p>For alpha &gt;= 0: range [0, inf), monotonic, not zero-centred, not saturating, a jump (kink) at alpha.
 * For alpha &lt; 0: range [alpha, inf), not monotonic, zero-centred. Bulk and scalar forms are bit-identical.
 */
public final class ThresholdedRelu extends StandardActivation {
    private final float alpha;

    public ThresholdedRelu(ActivationSpec spec) {
        super(spec, properties(spec.number("alpha")));
        this.alpha = (float) spec.number("alpha");
    }

    /**
     * For alpha &gt;= 0 the output is 0 or above alpha: [0, inf), monotonic, one-signed. For alpha &lt; 0 (which
     * ONNX allows) it takes values just above alpha too, so its infimum is alpha, it drops at the jump from 0 to
     * about alpha (not monotonic), and with f(0) = 0 it takes both signs (zero-centred).
     */
    private static ActivationProperties properties(double alpha) {
        boolean negative = alpha < 0;
        return new ActivationProperties(negative ? alpha : 0, Double.POSITIVE_INFINITY, !negative, negative, false,
                List.of(alpha));
    }

    @Override
    public BulkAccuracy bulkAccuracy() {
        return BulkAccuracy.EXACT;
    }

    @Override
    public float apply(float x) {
        return x <= alpha ? 0f : x;
    }

    @Override
    public float derivative(float x, float y) {
        if (Float.isNaN(x)) {
            return x;
        }
        return x >= alpha ? 1f : 0f;
    }

    @Override
    public void apply(float[] src, int srcOff, float[] dst, int dstOff, int length) {
        checkRanges(src, srcOff, dst, dstOff, length);
        int i = VectorSupport.AVAILABLE ? Lanes.apply(src, srcOff, dst, dstOff, length, alpha) : 0;
        for (; i < length; i++) {
            dst[dstOff + i] = apply(src[srcOff + i]);
        }
    }

    @Override
    public void derivative(float[] x, int xOff, float[] y, int yOff, float[] dst, int dstOff, int length) {
        checkRanges(x, xOff, y, yOff, dst, dstOff, length);
        int i = VectorSupport.AVAILABLE ? Lanes.derivative(x, xOff, y, yOff, dst, dstOff, length, alpha) : 0;
        for (; i < length; i++) {
            dst[dstOff + i] = derivative(x[xOff + i], y[yOff + i]);
        }
    }

    /**
     * The Vector API kernels, loaded only when {@link VectorSupport#AVAILABLE}: each covers the whole vectors
     * of a range and returns where the scalar tail begins.
     */
    private static final class Lanes {
        static int apply(float[] src, int srcOff, float[] dst, int dstOff, int length, float alpha) {
            int i = 0;
            for (int upper = SPECIES.loopBound(length); i < upper; i += SPECIES.length()) {
                lanes(FloatVector.fromArray(SPECIES, src, srcOff + i), alpha).intoArray(dst, dstOff + i);
            }
            return i;
        }

        static int derivative(float[] x, int xOff, float[] y, int yOff, float[] dst, int dstOff, int length,
                float alpha) {
            int i = 0;
            for (int upper = SPECIES.loopBound(length); i < upper; i += SPECIES.length()) {
                derivativeLanes(FloatVector.fromArray(SPECIES, x, xOff + i),
                        FloatVector.fromArray(SPECIES, y, yOff + i), alpha).intoArray(dst, dstOff + i);
            }
            return i;
        }

        private static FloatVector lanes(FloatVector x, float alpha) {
            return x.blend(0f, x.compare(VectorOperators.LE, alpha));
        }

        private static FloatVector derivativeLanes(FloatVector x, FloatVector y, float alpha) {
            return FloatVector.broadcast(SPECIES, 1f).blend(0f, x.lt(alpha)).blend(x, VectorMath.isNaN(x));
        }
    }
}

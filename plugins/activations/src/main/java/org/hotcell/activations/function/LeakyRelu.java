package org.hotcell.activations.function;

import static org.hotcell.activations.math.VectorMath.SPECIES;

import java.util.List;

import jdk.incubator.vector.FloatVector;

import org.hotcell.activations.math.VectorMath;
import org.hotcell.activations.math.VectorSupport;
import org.hotcell.core.activation.ActivationProperties;
import org.hotcell.core.activation.ActivationSpec;

/**
 * The leaky ReLU: {@code leaky_relu(x) = x} for x &gt;= 0, {@code alpha x} below; its derivative is 1 for
 * x &gt;= 0 (the right-hand piece at the kink) and alpha below.
 *
 * <p>For alpha &gt; 0: range (-inf, inf), monotonic, zero-centred, not saturating, kink at 0 (none when
 * alpha = 1). For alpha = 0 it is ReLU. Bulk and scalar forms are bit-identical.
 */
public final class LeakyRelu extends StandardActivation {
    private final float alpha;

    public LeakyRelu(ActivationSpec spec) {
        super(spec, properties(spec.number("alpha")));
        this.alpha = (float) spec.number("alpha");
    }

    private static ActivationProperties properties(double alpha) {
        List<Double> kinks = alpha == 1 ? List.of() : List.of(0.0);
        return new ActivationProperties(alpha == 0 ? 0 : Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, true,
                alpha > 0, false, kinks);
    }

    @Override
    public BulkAccuracy bulkAccuracy() {
        return BulkAccuracy.EXACT;
    }

    @Override
    public float apply(float x) {
        // With alpha = 0, alpha * -inf would be NaN; the limit is 0.
        return x < 0f ? (alpha == 0f ? 0f : alpha * x) : x;
    }

    @Override
    public float derivative(float x, float y) {
        if (Float.isNaN(x)) {
            return x;
        }
        return x < 0f ? alpha : 1f;
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
            if (alpha == 0f) {
                return x.max(0f);
            }
            return x.blend(x.mul(alpha), x.lt(0f));
        }

        private static FloatVector derivativeLanes(FloatVector x, FloatVector y, float alpha) {
            return FloatVector.broadcast(SPECIES, 1f).blend(alpha, x.lt(0f)).blend(x, VectorMath.isNaN(x));
        }
    }
}

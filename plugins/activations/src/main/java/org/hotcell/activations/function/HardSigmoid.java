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
 * The hard sigmoid, as ONNX defines it: {@code hard_sigmoid(x) = clamp(alpha x + beta, 0, 1)} with alpha &gt; 0;
 * its derivative is alpha where {@code 0 <= alpha x + beta < 1} (the right-hand piece at both kinks) and 0
 * elsewhere. {@code alpha x + beta} is one float FMA in both forms.
 *
 * <p>Range [0, 1], monotonic, not zero-centred, saturating, kinks at -beta/alpha and (1-beta)/alpha. Bulk
 * and scalar forms are bit-identical.
 */
public final class HardSigmoid extends StandardActivation {
    private final float alpha;
    private final float beta;

    /** @param spec canonical, with alpha &gt; 0 (the factory checks) */
    public HardSigmoid(ActivationSpec spec) {
        super(spec, properties(spec.number("alpha"), spec.number("beta")));
        this.alpha = (float) spec.number("alpha");
        this.beta = (float) spec.number("beta");
    }

    private static ActivationProperties properties(double alpha, double beta) {
        double low = -beta / alpha;
        double high = (1 - beta) / alpha;
        // Where 1 is lost beside beta (|beta| >= 2^53) the two kinks are one point, and the clamp a step there.
        return new ActivationProperties(0, 1, true, false, true, low < high ? List.of(low, high) : List.of(low));
    }

    @Override
    public BulkAccuracy bulkAccuracy() {
        return BulkAccuracy.EXACT;
    }

    @Override
    public float apply(float x) {
        return Math.min(Math.max(Math.fma(alpha, x, beta), 0f), 1f);
    }

    @Override
    public float derivative(float x, float y) {
        float v = Math.fma(alpha, x, beta);
        if (Float.isNaN(v)) {
            return v;
        }
        return v >= 0f && v < 1f ? alpha : 0f;
    }

    @Override
    public void apply(float[] src, int srcOff, float[] dst, int dstOff, int length) {
        checkRanges(src, srcOff, dst, dstOff, length);
        int i = VectorSupport.AVAILABLE ? Lanes.apply(src, srcOff, dst, dstOff, length, alpha, beta) : 0;
        for (; i < length; i++) {
            dst[dstOff + i] = apply(src[srcOff + i]);
        }
    }

    @Override
    public void derivative(float[] x, int xOff, float[] y, int yOff, float[] dst, int dstOff, int length) {
        checkRanges(x, xOff, y, yOff, dst, dstOff, length);
        int i = VectorSupport.AVAILABLE ? Lanes.derivative(x, xOff, y, yOff, dst, dstOff, length, alpha, beta) : 0;
        for (; i < length; i++) {
            dst[dstOff + i] = derivative(x[xOff + i], y[yOff + i]);
        }
    }

    /**
     * The Vector API kernels, loaded only when {@link VectorSupport#AVAILABLE}: each covers the whole vectors
     * of a range and returns where the scalar tail begins.
     */
    private static final class Lanes {
        static int apply(float[] src, int srcOff, float[] dst, int dstOff, int length, float alpha, float beta) {
            int i = 0;
            for (int upper = SPECIES.loopBound(length); i < upper; i += SPECIES.length()) {
                lanes(FloatVector.fromArray(SPECIES, src, srcOff + i), alpha, beta).intoArray(dst, dstOff + i);
            }
            return i;
        }

        static int derivative(float[] x, int xOff, float[] y, int yOff, float[] dst, int dstOff, int length,
                float alpha, float beta) {
            int i = 0;
            for (int upper = SPECIES.loopBound(length); i < upper; i += SPECIES.length()) {
                derivativeLanes(FloatVector.fromArray(SPECIES, x, xOff + i),
                        FloatVector.fromArray(SPECIES, y, yOff + i), alpha, beta).intoArray(dst, dstOff + i);
            }
            return i;
        }

        private static FloatVector lanes(FloatVector x, float alpha, float beta) {
            return x.fma(alpha, beta).max(0f).min(1f);
        }

        private static FloatVector derivativeLanes(FloatVector x, FloatVector y, float alpha, float beta) {
            FloatVector v = x.fma(alpha, beta);
            return FloatVector.zero(SPECIES).blend(alpha, v.compare(VectorOperators.GE, 0f).and(v.lt(1f)))
                    .blend(v, VectorMath.isNaN(v));
        }
    }
}

package org.hotcell.activations.function;

import static org.hotcell.activations.math.VectorMath.SPECIES;

import java.util.List;

import jdk.incubator.vector.FloatVector;

import org.hotcell.activations.math.VectorMath;
import org.hotcell.activations.math.VectorSupport;
import org.hotcell.core.activation.ActivationProperties;
import org.hotcell.core.activation.ActivationSpec;

/**
 * The affine map: {@code affine(x) = alpha x + beta} (one float FMA in both forms); derivative alpha.
 *
 * <p>For alpha &ne; 0: range (-inf, inf), monotonic when alpha &gt; 0, zero-centred when beta = 0, not
 * saturating. For alpha = 0 it is the constant beta (bounded and, trivially, saturating). Smooth. Bulk and
 * scalar forms are bit-identical.
 */
public final class Affine extends StandardActivation {
    private final float alpha;
    private final float beta;

    public Affine(ActivationSpec spec) {
        super(spec, properties(spec.number("alpha"), spec.number("beta")));
        this.alpha = (float) spec.number("alpha");
        this.beta = (float) spec.number("beta");
    }

    private static ActivationProperties properties(double alpha, double beta) {
        if (alpha == 0) {
            return new ActivationProperties(beta, beta, true, false, true, List.of());
        }
        return new ActivationProperties(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, alpha > 0, beta == 0,
                false, List.of());
    }

    @Override
    public BulkAccuracy bulkAccuracy() {
        return BulkAccuracy.EXACT;
    }

    @Override
    public float apply(float x) {
        return Math.fma(alpha, x, beta);
    }

    @Override
    public float derivative(float x, float y) {
        return Float.isNaN(x) ? x : alpha;
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
        static int apply(float[] src, int srcOff, float[] dst, int dstOff, int length, float alpha, float beta) {
            int i = 0;
            for (int upper = SPECIES.loopBound(length); i < upper; i += SPECIES.length()) {
                lanes(FloatVector.fromArray(SPECIES, src, srcOff + i), alpha, beta).intoArray(dst, dstOff + i);
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

        private static FloatVector lanes(FloatVector x, float alpha, float beta) {
            return x.fma(alpha, beta);
        }

        private static FloatVector derivativeLanes(FloatVector x, FloatVector y, float alpha) {
            return FloatVector.broadcast(SPECIES, alpha).blend(x, VectorMath.isNaN(x));
        }
    }
}

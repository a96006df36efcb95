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
 * The Gaussian error linear unit, tanh approximation: {@code gelu(x) = x/2 (1 + tanh(u))} with
 * {@code u = sqrt(2/pi) (x + 0.044715 x^3)}, computed as {@code x sigmoid(2u)} (the same function, without
 * cancellation for negative x); derivative
 * {@code s + x s (1 - s) 2 sqrt(2/pi) (1 + 3 * 0.044715 x^2)} with {@code s = sigmoid(2u)}.
 * Spec {@code gelu(approximate=tanh)}.
 *
 * <p>Range [-0.170041, inf), not monotonic, zero-centred, not saturating, smooth; {@code gelu(-inf) = 0}.
 * Bulk forms within 4 ulp of the scalar ones plus 2e-7 absolute: the bulk form evaluates the cubic in float,
 * whose rounding shows as a relative error growing with |x| for negative x, where the output is already
 * below 1e-2 in size.
 */
public final class GeluTanh extends StandardActivation {
    static final double MINIMUM = -0.17004075057125406;
    private static final double SQRT_2_OVER_PI = 0.7978845608028654;
    private static final float C = 0.7978845608028654f;
    private static final float K = 0.044715f;

    public GeluTanh(ActivationSpec spec) {
        super(spec, new ActivationProperties(MINIMUM, Double.POSITIVE_INFINITY, false, true, false, List.of()));
    }

    @Override
    public BulkAccuracy bulkAccuracy() {
        return new BulkAccuracy(4, 2e-7);
    }

    @Override
    public float apply(float x) {
        double s = ScalarMath.sigmoid(2 * SQRT_2_OVER_PI * (x + 0.044715 * x * x * x));
        return s == 0 ? 0f : (float) (x * s);
    }

    @Override
    public float derivative(float x, float y) {
        double c = ScalarMath.clamp(x, -20, 20);
        double s = ScalarMath.sigmoid(2 * SQRT_2_OVER_PI * (c + 0.044715 * c * c * c));
        return (float) (s + c * s * (1 - s) * 2 * SQRT_2_OVER_PI * (1 + 3 * 0.044715 * c * c));
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
            FloatVector cube = x.mul(x).mul(x);
            FloatVector s = VectorMath.sigmoid(cube.fma(FloatVector.broadcast(SPECIES, K * C), x.mul(C)).mul(2f));
            return x.mul(s).blend(0f, s.eq(0f));
        }

        private static FloatVector derivativeLanes(FloatVector x, FloatVector y) {
            FloatVector c = x.max(-20f).min(20f);
            FloatVector c2 = c.mul(c);
            FloatVector twiceU = c2.fma(K, 1f).mul(c).mul(2f * C);
            // s = sigmoid(2u) and 1 - s from one exponential, as in Silu: no cancellation, and small enough to inline.
            FloatVector e = VectorMath.exp(twiceU.abs().neg());
            FloatVector near = FloatVector.broadcast(SPECIES, 1f).div(e.add(1f));
            FloatVector far = e.mul(near);
            var negative = twiceU.lt(0f);
            FloatVector s = near.blend(far, negative);
            FloatVector complement = far.blend(near, negative);
            FloatVector slope = c2.fma(6f * K * C, 2f * C);
            return c.mul(s).mul(complement).fma(slope, s);
        }
    }
}

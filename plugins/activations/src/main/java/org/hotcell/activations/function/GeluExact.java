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
 * The Gaussian error linear unit, exact form: {@code gelu(x) = x Phi(x)} where Phi is the standard normal
 * distribution function; {@code gelu'(x) = Phi(x) + x phi(x)} with phi the normal density. Spec
 * {@code gelu(approximate=none)}.
 *
 * <p>Range [-0.169971, inf) (the minimum is at x = -0.751792), not monotonic, zero-centred, not saturating,
 * smooth; {@code gelu(-inf) = 0}. Phi comes from an erfc fit with relative error below 1.2e-7, in double for
 * the scalar form. Bulk forms within 6 ulp of the scalar ones, plus 2e-7 absolute for derivatives near
 * their zero and {@code Float.MIN_NORMAL} for subnormal outputs.
 */
public final class GeluExact extends StandardActivation {
    static final double MINIMUM = -0.16997120747990369;

    public GeluExact(ActivationSpec spec) {
        super(spec, new ActivationProperties(MINIMUM, Double.POSITIVE_INFINITY, false, true, false, List.of()));
    }

    @Override
    public BulkAccuracy bulkAccuracy() {
        return new BulkAccuracy(6, 2e-7);
    }

    @Override
    public float apply(float x) {
        double phi = ScalarMath.normalCdf(x);
        return phi == 0 ? 0f : (float) (x * phi);
    }

    @Override
    public float derivative(float x, float y) {
        double c = ScalarMath.clamp(x, -40, 40);
        return (float) (ScalarMath.normalCdf(c) + c * ScalarMath.normalDensity(c));
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
            FloatVector phi = VectorMath.normalCdf(x);
            return x.mul(phi).blend(0f, phi.eq(0f));
        }

        private static FloatVector derivativeLanes(FloatVector x, FloatVector y) {
            // Beyond +-20 the derivative is 0 or 1 in float; the clamp keeps x phi(x) from becoming inf * 0.
            // Known cost: this kernel (two exponentials) is beyond what C2 inlines in one compilation, so it boxes
            // vectors; splitting it into two passes in this method did not help, as both passes inline into it.
            FloatVector c = x.max(-20f).min(20f);
            FloatVector density = VectorMath.exp(c.mul(c).mul(-0.5f)).mul(0.3989422804014327f);
            return c.fma(density, VectorMath.normalCdf(c));
        }
    }
}

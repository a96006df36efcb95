package org.hotcell.activations.function;

import static org.hotcell.activations.math.VectorMath.SPECIES;

import java.util.List;

import jdk.incubator.vector.FloatVector;

import org.hotcell.activations.math.ScalarMath;
import org.hotcell.activations.math.VectorMath;
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

    private static FloatVector lanes(FloatVector x) {
        FloatVector phi = VectorMath.normalCdf(x);
        return x.mul(phi).blend(0f, phi.eq(0f));
    }

    // Beyond +-20 the derivative is 0 or 1 in float; clamping there keeps x phi(x) from becoming inf * 0.
    private static FloatVector clamp(FloatVector x) {
        return x.max(-20f).min(20f);
    }

    /** x phi(x), the second term of the derivative. */
    private static FloatVector densityTerm(FloatVector x) {
        FloatVector c = clamp(x);
        return c.mul(VectorMath.exp(c.mul(c).mul(-0.5f))).mul(0.3989422804014327f);
    }

    private static FloatVector derivativeLanes(FloatVector x) {
        FloatVector c = clamp(x);
        return densityTerm(c).add(VectorMath.normalCdf(c));
    }

    /**
     * In two passes when dst does not overlap x: x phi(x) into dst, then Phi(x) added. Each pass is a kernel C2
     * inlines whole; one pass doing both is too large, is left out of line, and boxes every vector (measured:
     * 64 KB allocated per 4096 floats). When dst overlaps x the first pass would destroy x, so that case takes
     * the one pass.
     */
    @Override
    public void derivative(float[] x, int xOff, float[] y, int yOff, float[] dst, int dstOff, int length) {
        checkRanges(x, xOff, y, yOff, dst, dstOff, length);
        int upper = SPECIES.loopBound(length);
        if (x == dst && xOff < dstOff + length && dstOff < xOff + length) {
            for (int i = 0; i < upper; i += SPECIES.length()) {
                derivativeLanes(FloatVector.fromArray(SPECIES, x, xOff + i)).intoArray(dst, dstOff + i);
            }
        } else {
            for (int i = 0; i < upper; i += SPECIES.length()) {
                densityTerm(FloatVector.fromArray(SPECIES, x, xOff + i)).intoArray(dst, dstOff + i);
            }
            for (int i = 0; i < upper; i += SPECIES.length()) {
                VectorMath.normalCdf(clamp(FloatVector.fromArray(SPECIES, x, xOff + i)))
                        .add(FloatVector.fromArray(SPECIES, dst, dstOff + i)).intoArray(dst, dstOff + i);
            }
        }
        for (int i = upper; i < length; i++) {
            dst[dstOff + i] = derivative(x[xOff + i], y[yOff + i]);
        }
    }

    @Override
    public void apply(float[] src, int srcOff, float[] dst, int dstOff, int length) {
        checkRanges(src, srcOff, dst, dstOff, length);
        int i = 0;
        for (int upper = SPECIES.loopBound(length); i < upper; i += SPECIES.length()) {
            lanes(FloatVector.fromArray(SPECIES, src, srcOff + i)).intoArray(dst, dstOff + i);
        }
        for (; i < length; i++) {
            dst[dstOff + i] = apply(src[srcOff + i]);
        }
    }
}

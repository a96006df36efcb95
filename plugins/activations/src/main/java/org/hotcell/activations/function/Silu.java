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
 * The sigmoid-weighted linear unit (swish): {@code silu(x) = x sigmoid(beta x)}, with {@code beta x} rounded to
 * float in both forms; {@code silu'(x) = s (1 + u (1 - s))} with {@code u = beta x}, {@code s = sigmoid(u)}.
 *
 * <p>For beta &gt; 0: range [-W(1/e)/beta, inf) = [-0.27846/beta, inf) (W is Lambert's function; the minimum
 * is at u = -1.27846), not monotonic, zero-centred, not saturating (the derivative tends to 1), smooth;
 * {@code silu(-inf) = 0}. Bulk forms within 4 ulp of the scalar ones, plus 2e-7 absolute for derivatives
 * near their zero at u = -1.27846 and {@code Float.MIN_NORMAL} for subnormal outputs.
 */
public final class Silu extends StandardActivation {
    /** -W(1/e), the minimum of x sigmoid(x). */
    private static final double MINIMUM = -0.2784645427610738;

    private final float beta;

    /** @param spec canonical, with beta &gt; 0 (the factory checks) */
    public Silu(ActivationSpec spec) {
        super(spec, new ActivationProperties(MINIMUM / spec.number("beta"), Double.POSITIVE_INFINITY, false, true,
                false, List.of()));
        this.beta = (float) spec.number("beta");
    }

    @Override
    public BulkAccuracy bulkAccuracy() {
        return new BulkAccuracy(4, 2e-7);
    }

    @Override
    public float apply(float x) {
        double s = ScalarMath.sigmoid(beta * x);
        return s == 0 ? 0f : (float) (x * s);
    }

    @Override
    public float derivative(float x, float y) {
        double u = ScalarMath.clamp(beta * x, -100, 100);
        double s = ScalarMath.sigmoid(u);
        return (float) (s * (1 + u * (1 - s)));
    }

    @Override
    public void apply(float[] src, int srcOff, float[] dst, int dstOff, int length) {
        checkRanges(src, srcOff, dst, dstOff, length);
        int i = VectorSupport.AVAILABLE ? Lanes.apply(src, srcOff, dst, dstOff, length, beta) : 0;
        for (; i < length; i++) {
            dst[dstOff + i] = apply(src[srcOff + i]);
        }
    }

    @Override
    public void derivative(float[] x, int xOff, float[] y, int yOff, float[] dst, int dstOff, int length) {
        checkRanges(x, xOff, y, yOff, dst, dstOff, length);
        int i = VectorSupport.AVAILABLE ? Lanes.derivative(x, xOff, y, yOff, dst, dstOff, length, beta) : 0;
        for (; i < length; i++) {
            dst[dstOff + i] = derivative(x[xOff + i], y[yOff + i]);
        }
    }

    /**
     * The Vector API kernels, loaded only when {@link VectorSupport#AVAILABLE}: each covers the whole vectors
     * of a range and returns where the scalar tail begins.
     */
    private static final class Lanes {
        static int apply(float[] src, int srcOff, float[] dst, int dstOff, int length, float beta) {
            int i = 0;
            for (int upper = SPECIES.loopBound(length); i < upper; i += SPECIES.length()) {
                lanes(FloatVector.fromArray(SPECIES, src, srcOff + i), beta).intoArray(dst, dstOff + i);
            }
            return i;
        }

        static int derivative(float[] x, int xOff, float[] y, int yOff, float[] dst, int dstOff, int length,
                float beta) {
            int i = 0;
            for (int upper = SPECIES.loopBound(length); i < upper; i += SPECIES.length()) {
                derivativeLanes(FloatVector.fromArray(SPECIES, x, xOff + i),
                        FloatVector.fromArray(SPECIES, y, yOff + i), beta).intoArray(dst, dstOff + i);
            }
            return i;
        }

        private static FloatVector lanes(FloatVector x, float beta) {
            FloatVector s = VectorMath.sigmoid(x.mul(beta));
            return x.mul(s).blend(0f, s.eq(0f));
        }

        private static FloatVector derivativeLanes(FloatVector x, FloatVector y, float beta) {
            // The clamp keeps u (1 - s) from becoming inf * 0 at the ends; beyond it the result no longer changes.
            FloatVector u = x.mul(beta).max(-100f).min(100f);
            // s and 1 - s from one exponential e = e^-|u|: 1/(1+e) and e/(1+e), each on its side of 0. Taking
            // 1 - s by subtraction would lose its digits where s is near 1; a second sigmoid would make the kernel
            // too large for C2 to inline, boxing every vector.
            FloatVector e = VectorMath.exp(u.abs().neg());
            FloatVector near = FloatVector.broadcast(SPECIES, 1f).div(e.add(1f));
            FloatVector far = e.mul(near);
            var negative = u.lt(0f);
            FloatVector s = near.blend(far, negative);
            FloatVector complement = far.blend(near, negative);
            return u.mul(complement).add(1f).mul(s);
        }
    }
}

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
 * The sigmoid rescaled and shifted: {@code scaled_sigmoid(x) = alpha sigmoid(beta x) + gamma}, with
 * {@code beta x} rounded to float in both forms; derivative {@code alpha beta s (1 - s)} with
 * {@code s = sigmoid(beta x)}.
 *
 * <p>It exists to test "tanh is a rescaled sigmoid": {@code tanh(x) = 2 sigmoid(2x) - 1}, so
 * {@code scaled_sigmoid(2, 2, -1)} is tanh computed through the sigmoid. Both forms therefore take the float
 * result of the {@code sigmoid} activation's own form ({@link ScalarMath#sigmoid} rounded to float, and
 * {@link VectorMath#sigmoid}), never tanh, and apply {@code alpha s + gamma} as one float FMA; with the defaults
 * they are the sigmoid bit for bit. They differ from tanh by the sigmoid's rounding, near 0 by about
 * {@code |alpha|} ulp of 1/2 where tanh keeps full relative accuracy, and {@code scaled_sigmoid(2, 2, -1)} of -0
 * is +0. The scalar form rounds s to float first, as the bulk form does, rather than computing
 * {@code alpha s + gamma} in double: there the double rounding of s (1e-16) would show where the result cancels
 * towards 0, and break monotonicity at that scale.
 *
 * <p>The derivative recomputes s from x rather than recovering it from y as {@code (y - gamma) / alpha}: y
 * holds alpha s + gamma rounded to float, so where s or 1 - s is small next to |gamma| or |alpha| (saturation)
 * the recovered s loses its digits: for tanh's parameters 4 of 7 digits at |x| = 4, and the derivative is 0
 * beyond |x| = 8.7, as tanh's own {@code 1 - y^2} is; and it cannot work at all for alpha = 0. Recomputed, s and
 * 1 - s come from one exponential e = e^-|beta x| as 1/(1 + e) and e/(1 + e), so the derivative keeps full
 * relative accuracy out to where it underflows. The price is one exponential per element in the backward pass.
 *
 * <p>beta must be non-zero (the factory checks): with beta = 0 the function is the constant alpha/2 + gamma and
 * {@code 0 * inf} would make it NaN at the infinities. Range [min(gamma, alpha + gamma), max(gamma, alpha +
 * gamma)], monotonic when alpha beta &gt;= 0, zero-centred when alpha/2 + gamma = 0 (and alpha is non-zero),
 * saturating, smooth. Bulk forms within 5 ulp of the scalar ones (the derivative's exponential, division and
 * three products), plus {@code 3 |alpha| 2^-23} absolute (the sigmoid's own 3 ulp carried through alpha, which
 * matters where alpha s + gamma cancels, around 0 for {@code scaled_sigmoid(2, 2, -1)}) and
 * {@code |alpha beta| Float.MIN_NORMAL} for subnormal derivatives.
 */
public final class ScaledSigmoid extends StandardActivation {
    private final float alpha;
    private final float beta;
    private final float gamma;
    private final float alphaBeta;

    /** @param spec canonical, with beta non-zero (the factory checks) */
    public ScaledSigmoid(ActivationSpec spec) {
        super(spec, properties((float) spec.number("alpha"), (float) spec.number("beta"),
                (float) spec.number("gamma")));
        this.alpha = (float) spec.number("alpha");
        this.beta = (float) spec.number("beta");
        this.gamma = (float) spec.number("gamma");
        this.alphaBeta = alpha * beta;
    }

    // From the float values the forms compute with, so that zero-centring is declared exactly when f(0) is 0.
    private static ActivationProperties properties(float alpha, float beta, float gamma) {
        double low = Math.min(gamma, (double) alpha + gamma);
        double high = Math.max(gamma, (double) alpha + gamma);
        boolean zeroCentred = alpha != 0f && beta != 0f && alpha / 2 + gamma == 0f;
        return new ActivationProperties(low, high, (double) alpha * beta >= 0, zeroCentred, true, List.of());
    }

    @Override
    public BulkAccuracy bulkAccuracy() {
        return new BulkAccuracy(5, 3 * Math.abs((double) alpha) * 0x1p-23
                + Math.abs((double) alphaBeta) * Float.MIN_NORMAL);
    }

    @Override
    public float apply(float x) {
        return Math.fma(alpha, (float) ScalarMath.sigmoid(beta * x), gamma);
    }

    @Override
    public float derivative(float x, float y) {
        double u = beta * x;
        return (float) (alphaBeta * ScalarMath.sigmoid(u) * ScalarMath.sigmoid(-u));
    }

    @Override
    public void apply(float[] src, int srcOff, float[] dst, int dstOff, int length) {
        checkRanges(src, srcOff, dst, dstOff, length);
        int i = VectorSupport.AVAILABLE ? Lanes.apply(src, srcOff, dst, dstOff, length, alpha, beta, gamma) : 0;
        for (; i < length; i++) {
            dst[dstOff + i] = apply(src[srcOff + i]);
        }
    }

    @Override
    public void derivative(float[] x, int xOff, float[] y, int yOff, float[] dst, int dstOff, int length) {
        checkRanges(x, xOff, y, yOff, dst, dstOff, length);
        int i = VectorSupport.AVAILABLE
                ? Lanes.derivative(x, xOff, y, yOff, dst, dstOff, length, beta, alphaBeta) : 0;
        for (; i < length; i++) {
            dst[dstOff + i] = derivative(x[xOff + i], y[yOff + i]);
        }
    }

    /**
     * The Vector API kernels, loaded only when {@link VectorSupport#AVAILABLE}: each covers the whole vectors
     * of a range and returns where the scalar tail begins.
     */
    private static final class Lanes {
        static int apply(float[] src, int srcOff, float[] dst, int dstOff, int length, float alpha, float beta,
                float gamma) {
            int i = 0;
            for (int upper = SPECIES.loopBound(length); i < upper; i += SPECIES.length()) {
                lanes(FloatVector.fromArray(SPECIES, src, srcOff + i), alpha, beta, gamma)
                        .intoArray(dst, dstOff + i);
            }
            return i;
        }

        static int derivative(float[] x, int xOff, float[] y, int yOff, float[] dst, int dstOff, int length,
                float beta, float alphaBeta) {
            int i = 0;
            for (int upper = SPECIES.loopBound(length); i < upper; i += SPECIES.length()) {
                derivativeLanes(FloatVector.fromArray(SPECIES, x, xOff + i), beta, alphaBeta)
                        .intoArray(dst, dstOff + i);
            }
            return i;
        }

        private static FloatVector lanes(FloatVector x, float alpha, float beta, float gamma) {
            return VectorMath.sigmoid(x.mul(beta)).fma(alpha, gamma);
        }

        private static FloatVector derivativeLanes(FloatVector x, float beta, float alphaBeta) {
            // sigmoid(u) sigmoid(-u) from one exponential: 1/(1+e) and e/(1+e), whichever the sign of u; a second
            // sigmoid call would double the work and make the kernel too large for C2 to inline.
            FloatVector e = VectorMath.exp(x.mul(beta).abs().neg());
            FloatVector near = FloatVector.broadcast(SPECIES, 1f).div(e.add(1f));
            return near.mul(e.mul(near)).mul(alphaBeta);
        }
    }
}

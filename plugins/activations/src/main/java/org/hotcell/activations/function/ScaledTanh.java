package org.hotcell.activations.function;

import static org.hotcell.activations.math.VectorMath.SPECIES;

import java.util.List;

import jdk.incubator.vector.FloatVector;

import org.hotcell.activations.math.VectorMath;
import org.hotcell.activations.math.VectorSupport;
import org.hotcell.core.activation.ActivationProperties;
import org.hotcell.core.activation.ActivationSpec;

/**
 * The scaled tanh, as ONNX defines it: {@code scaled_tanh(x) = alpha tanh(beta x)}, with {@code beta x}
 * rounded to float in both forms; derivative {@code alpha beta (1 - t^2)} with {@code t = y / alpha}.
 *
 * <p>Range [-|alpha|, |alpha|] (open at both ends), monotonic when alpha beta &gt;= 0, zero-centred when
 * alpha and beta are non-zero, saturating, smooth. Bulk apply within 4 ulp of the scalar form; bulk
 * derivative bit-identical.
 */
public final class ScaledTanh extends StandardActivation {
    private final float alpha;
    private final float beta;
    private final float alphaBeta;
    private final float inverseAlpha;

    public ScaledTanh(ActivationSpec spec) {
        super(spec, properties(spec.number("alpha"), spec.number("beta")));
        this.alpha = (float) spec.number("alpha");
        this.beta = (float) spec.number("beta");
        this.alphaBeta = alpha * beta;
        this.inverseAlpha = alpha == 0f ? 0f : 1f / alpha;
    }

    private static ActivationProperties properties(double alpha, double beta) {
        double bound = beta == 0 ? 0 : Math.abs(alpha);
        return new ActivationProperties(-bound, bound, alpha * beta >= 0, alpha != 0 && beta != 0, true, List.of());
    }

    @Override
    public BulkAccuracy bulkAccuracy() {
        return new BulkAccuracy(4, 0);
    }

    @Override
    public float apply(float x) {
        return (float) (alpha * Math.tanh(beta * x));
    }

    @Override
    public float derivative(float x, float y) {
        float t = y * inverseAlpha;
        return alphaBeta * Math.fma(-t, t, 1f);
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
        int i = VectorSupport.AVAILABLE
                ? Lanes.derivative(x, xOff, y, yOff, dst, dstOff, length, alphaBeta, inverseAlpha) : 0;
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
                float alphaBeta, float inverseAlpha) {
            int i = 0;
            for (int upper = SPECIES.loopBound(length); i < upper; i += SPECIES.length()) {
                derivativeLanes(FloatVector.fromArray(SPECIES, x, xOff + i),
                        FloatVector.fromArray(SPECIES, y, yOff + i), alphaBeta, inverseAlpha)
                        .intoArray(dst, dstOff + i);
            }
            return i;
        }

        private static FloatVector lanes(FloatVector x, float alpha, float beta) {
            return VectorMath.tanh(x.mul(beta)).mul(alpha);
        }

        private static FloatVector derivativeLanes(FloatVector x, FloatVector y, float alphaBeta, float inverseAlpha) {
            FloatVector t = y.mul(inverseAlpha);
            return t.neg().fma(t, FloatVector.broadcast(SPECIES, 1f)).mul(alphaBeta);
        }
    }
}

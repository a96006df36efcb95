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
 * Mish: {@code mish(x) = x tanh(softplus(x))}, computed as {@code x n / (n + 2)} with {@code n = e^x (e^x + 2)}
 * (the same function, free of cancellation); {@code mish'(x) = T + x (1 - T^2) sigmoid(x)} with
 * {@code T = tanh(softplus(x))}.
 *
 * <p>Range [-0.308843, inf) (the minimum is at x = -1.192431), not monotonic, zero-centred, not saturating,
 * smooth; {@code mish(-inf) = 0}. Bulk forms within 6 ulp of the scalar ones, plus 2e-7 absolute for
 * derivatives near their zero and {@code Float.MIN_NORMAL} for subnormal outputs.
 */
public final class Mish extends StandardActivation {
    static final double MINIMUM = -0.30884341301725043;

    public Mish(ActivationSpec spec) {
        super(spec, new ActivationProperties(MINIMUM, Double.POSITIVE_INFINITY, false, true, false, List.of()));
    }

    @Override
    public BulkAccuracy bulkAccuracy() {
        return new BulkAccuracy(6, 2e-7);
    }

    @Override
    public float apply(float x) {
        // Above 20, n / (n + 2) is 1 even in double; the clamp keeps n finite.
        double e = Math.exp(Math.min(x, 20.0));
        double n = e * (e + 2);
        double t = n / (n + 2);
        return t == 0 ? 0f : (float) (x * t);
    }

    @Override
    public float derivative(float x, float y) {
        double c = ScalarMath.clamp(x, -100, 20);
        double e = Math.exp(c);
        double n = e * (e + 2);
        double t = n / (n + 2);
        return (float) (t + c * (2 / (n + 2)) * (1 + t) * (e / (1 + e)));
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
            FloatVector e = VectorMath.exp(x.min(20f));
            FloatVector n = e.add(2f).mul(e);
            FloatVector t = n.div(n.add(2f));
            return x.mul(t).blend(0f, t.eq(0f));
        }

        private static FloatVector derivativeLanes(FloatVector x, FloatVector y) {
            FloatVector c = x.max(-100f).min(20f);
            FloatVector e = VectorMath.exp(c);
            FloatVector n = e.add(2f).mul(e);
            FloatVector t = n.div(n.add(2f));
            FloatVector sigmoid = e.div(e.add(1f));
            // 1 - T^2 = (1 - T)(1 + T) with 1 - T = 2 / (n + 2) exactly: no cancellation where T is near 1.
            FloatVector oneMinusT2 = FloatVector.broadcast(SPECIES, 2f).div(n.add(2f)).mul(t.add(1f));
            return c.mul(oneMinusT2).fma(sigmoid, t);
        }
    }
}

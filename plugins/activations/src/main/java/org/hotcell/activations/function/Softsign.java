package org.hotcell.activations.function;

import static org.hotcell.activations.math.VectorMath.SPECIES;

import java.util.List;

import jdk.incubator.vector.FloatVector;

import org.hotcell.activations.math.ScalarMath;
import org.hotcell.activations.math.VectorSupport;
import org.hotcell.core.activation.ActivationProperties;
import org.hotcell.core.activation.ActivationSpec;

/**
 * Softsign: {@code softsign(x) = x / (1 + |x|)}, {@code softsign'(x) = 1 / (1 + |x|)^2}.
 *
 * <p>Range (-1, 1), monotonic, zero-centred, saturating (only polynomially, unlike tanh), smooth.
 * {@code softsign(+-inf) = +-1}. Bulk forms within 3 ulp of the scalar ones (subnormal derivatives within
 * {@code Float.MIN_NORMAL}).
 */
public final class Softsign extends StandardActivation {
    // Beyond 2^30, x / (1 + |x|) is +-1 in float; clamping there turns inf/inf into 1.
    private static final float CLAMP = 0x1p30f;

    public Softsign(ActivationSpec spec) {
        super(spec, new ActivationProperties(-1, 1, true, true, true, List.of()));
    }

    @Override
    public BulkAccuracy bulkAccuracy() {
        return new BulkAccuracy(3, Float.MIN_NORMAL);
    }

    @Override
    public float apply(float x) {
        double c = ScalarMath.clamp(x, -CLAMP, CLAMP);
        return (float) (c / (1.0 + Math.abs(c)));
    }

    @Override
    public float derivative(float x, float y) {
        double d = 1.0 + Math.abs((double) x);
        return (float) (1.0 / (d * d));
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
            FloatVector c = x.max(-CLAMP).min(CLAMP);
            return c.div(c.abs().add(1f));
        }

        private static FloatVector derivativeLanes(FloatVector x, FloatVector y) {
            FloatVector d = x.abs().add(1f);
            return FloatVector.broadcast(SPECIES, 1f).div(d.mul(d));
        }
    }
}

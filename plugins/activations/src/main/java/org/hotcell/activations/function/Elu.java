package org.hotcell.activations.function;

import static org.hotcell.activations.math.VectorMath.SPECIES;

import java.util.List;

import jdk.incubator.vector.FloatVector;

import org.hotcell.activations.math.VectorMath;
import org.hotcell.activations.math.VectorSupport;
import org.hotcell.core.activation.ActivationProperties;
import org.hotcell.core.activation.ActivationSpec;

/**
 * The exponential linear unit: {@code elu(x) = x} for x &gt;= 0, {@code alpha (e^x - 1)} below; its
 * derivative is 1 for x &gt;= 0 (the right-hand piece at the kink) and {@code alpha e^x = y + alpha} below.
 *
 * <p>For alpha &gt; 0: range (-alpha, inf), monotonic, zero-centred, not saturating, kink at 0 (none when
 * alpha = 1, where the derivative is continuous). For alpha = 0 it is ReLU. Bulk apply within 4 ulp of the
 * scalar form; bulk derivative bit-identical.
 */
public final class Elu extends StandardActivation {
    private final float alpha;

    public Elu(ActivationSpec spec) {
        super(spec, properties(spec.number("alpha")));
        this.alpha = (float) spec.number("alpha");
    }

    private static ActivationProperties properties(double alpha) {
        return new ActivationProperties(-alpha, Double.POSITIVE_INFINITY, true, alpha > 0, false,
                alpha == 1 ? List.of() : List.of(0.0));
    }

    @Override
    public BulkAccuracy bulkAccuracy() {
        return new BulkAccuracy(4, 0);
    }

    @Override
    public float apply(float x) {
        return x >= 0f ? x : (float) (alpha * Math.expm1(x));
    }

    @Override
    public float derivative(float x, float y) {
        return x >= 0f ? 1f : y + alpha;
    }

    @Override
    public void apply(float[] src, int srcOff, float[] dst, int dstOff, int length) {
        checkRanges(src, srcOff, dst, dstOff, length);
        int i = VectorSupport.AVAILABLE ? Lanes.apply(src, srcOff, dst, dstOff, length, alpha) : 0;
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
        static int apply(float[] src, int srcOff, float[] dst, int dstOff, int length, float alpha) {
            int i = 0;
            for (int upper = SPECIES.loopBound(length); i < upper; i += SPECIES.length()) {
                lanes(FloatVector.fromArray(SPECIES, src, srcOff + i), alpha).intoArray(dst, dstOff + i);
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

        private static FloatVector lanes(FloatVector x, float alpha) {
            return x.blend(VectorMath.expm1(x.min(0f)).mul(alpha), x.lt(0f));
        }

        private static FloatVector derivativeLanes(FloatVector x, FloatVector y, float alpha) {
            return FloatVector.broadcast(SPECIES, 1f).blend(y.add(alpha), x.lt(0f)).blend(x, VectorMath.isNaN(x));
        }
    }
}

package org.hotcell.activations.function;

import static org.hotcell.activations.math.VectorMath.SPECIES;

import java.util.List;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;

import org.hotcell.activations.math.VectorMath;
import org.hotcell.activations.math.VectorSupport;
import org.hotcell.core.activation.ActivationProperties;
import org.hotcell.core.activation.ActivationSpec;

/**
 * The scaled ELU of Klambauer et al.: {@code selu(x) = lambda x} for x &gt; 0 and
 * {@code lambda alpha (e^x - 1)} for x &lt;= 0, with lambda = 1.0507009873554804934 and
 * alpha = 1.6732632423543772848; its derivative is lambda for x &gt;= 0 (the right-hand piece at the kink)
 * and {@code lambda alpha e^x = y + lambda alpha} below.
 *
 * <p>Range (-lambda alpha, inf) = (-1.7581, inf), monotonic, zero-centred, not saturating, kink at 0. Bulk
 * apply within 4 ulp of the scalar form; bulk derivative bit-identical.
 */
public final class Selu extends StandardActivation {
    private static final double LAMBDA = 1.0507009873554804934193349852946;
    private static final double ALPHA = 1.6732632423543772848170429916717;
    private static final float LAMBDA_F = (float) LAMBDA;
    private static final float LAMBDA_ALPHA_F = (float) (LAMBDA * ALPHA);

    public Selu(ActivationSpec spec) {
        super(spec, new ActivationProperties(-LAMBDA * ALPHA, Double.POSITIVE_INFINITY, true, true, false,
                List.of(0.0)));
    }

    @Override
    public BulkAccuracy bulkAccuracy() {
        return new BulkAccuracy(4, 0);
    }

    @Override
    public float apply(float x) {
        return (float) (x > 0f ? LAMBDA * x : LAMBDA * ALPHA * Math.expm1(x));
    }

    @Override
    public float derivative(float x, float y) {
        return x >= 0f ? LAMBDA_F : y + LAMBDA_ALPHA_F;
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
            return x.mul(LAMBDA_F).blend(VectorMath.expm1(x.min(0f)).mul(LAMBDA_ALPHA_F),
                    x.compare(VectorOperators.LE, 0f));
        }

        private static FloatVector derivativeLanes(FloatVector x, FloatVector y) {
            return FloatVector.broadcast(SPECIES, LAMBDA_F).blend(y.add(LAMBDA_ALPHA_F), x.lt(0f))
                    .blend(x, VectorMath.isNaN(x));
        }
    }
}

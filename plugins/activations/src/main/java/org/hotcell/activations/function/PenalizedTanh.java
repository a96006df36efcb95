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
 * The penalized tanh of Xu et al.: {@code penalized_tanh(x) = tanh x} for x &gt; 0 and {@code a tanh x} for
 * x &lt;= 0; its derivative is {@code 1 - t^2} for x &gt;= 0 (the right-hand piece at the kink) and
 * {@code a (1 - t^2)} below, with {@code t = tanh x} recovered from y.
 *
 * <p>Range (-a, 1), monotonic, zero-centred when a &gt; 0, saturating, kink at 0 (none when a = 1). Bulk
 * apply within 4 ulp of the scalar form; bulk derivative bit-identical.
 */
public final class PenalizedTanh extends StandardActivation {
    private final float a;
    private final float inverseA;

    public PenalizedTanh(ActivationSpec spec) {
        super(spec, properties(spec.number("a")));
        this.a = (float) spec.number("a");
        this.inverseA = a == 0f ? 0f : 1f / a;
    }

    private static ActivationProperties properties(double a) {
        return new ActivationProperties(-a, 1, true, a > 0, true, a == 1 ? List.of() : List.of(0.0));
    }

    @Override
    public BulkAccuracy bulkAccuracy() {
        return new BulkAccuracy(4, 0);
    }

    @Override
    public float apply(float x) {
        double t = Math.tanh(x);
        return (float) (x > 0f ? t : a * t);
    }

    @Override
    public float derivative(float x, float y) {
        boolean right = x >= 0f;
        float t = right ? y : y * inverseA;
        float slope = Math.fma(-t, t, 1f);
        return right ? slope : a * slope;
    }

    @Override
    public void apply(float[] src, int srcOff, float[] dst, int dstOff, int length) {
        checkRanges(src, srcOff, dst, dstOff, length);
        int i = VectorSupport.AVAILABLE ? Lanes.apply(src, srcOff, dst, dstOff, length, a) : 0;
        for (; i < length; i++) {
            dst[dstOff + i] = apply(src[srcOff + i]);
        }
    }

    @Override
    public void derivative(float[] x, int xOff, float[] y, int yOff, float[] dst, int dstOff, int length) {
        checkRanges(x, xOff, y, yOff, dst, dstOff, length);
        int i = VectorSupport.AVAILABLE ? Lanes.derivative(x, xOff, y, yOff, dst, dstOff, length, a, inverseA) : 0;
        for (; i < length; i++) {
            dst[dstOff + i] = derivative(x[xOff + i], y[yOff + i]);
        }
    }

    /**
     * The Vector API kernels, loaded only when {@link VectorSupport#AVAILABLE}: each covers the whole vectors
     * of a range and returns where the scalar tail begins.
     */
    private static final class Lanes {
        static int apply(float[] src, int srcOff, float[] dst, int dstOff, int length, float a) {
            int i = 0;
            for (int upper = SPECIES.loopBound(length); i < upper; i += SPECIES.length()) {
                lanes(FloatVector.fromArray(SPECIES, src, srcOff + i), a).intoArray(dst, dstOff + i);
            }
            return i;
        }

        static int derivative(float[] x, int xOff, float[] y, int yOff, float[] dst, int dstOff, int length,
                float a, float inverseA) {
            int i = 0;
            for (int upper = SPECIES.loopBound(length); i < upper; i += SPECIES.length()) {
                derivativeLanes(FloatVector.fromArray(SPECIES, x, xOff + i),
                        FloatVector.fromArray(SPECIES, y, yOff + i), a, inverseA).intoArray(dst, dstOff + i);
            }
            return i;
        }

        private static FloatVector lanes(FloatVector x, float a) {
            FloatVector t = VectorMath.tanh(x);
            return t.blend(t.mul(a), x.compare(VectorOperators.LE, 0f));
        }

        private static FloatVector derivativeLanes(FloatVector x, FloatVector y, float a, float inverseA) {
            var left = x.compare(VectorOperators.GE, 0f).not();
            FloatVector t = y.blend(y.mul(inverseA), left);
            FloatVector slope = t.neg().fma(t, FloatVector.broadcast(SPECIES, 1f));
            return slope.blend(slope.mul(a), left);
        }
    }
}

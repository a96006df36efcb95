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
 * The hard tanh: {@code hard_tanh(x) = clamp(x, min_val, max_val)}; its derivative is 1 on
 * {@code [min_val, max_val)} and 0 elsewhere (the right-hand piece at both kinks).
 *
 * <p>Range [min_val, max_val], monotonic, zero-centred when min_val &lt; 0 &lt; max_val, saturating, kinks at
 * min_val and max_val. Bulk and scalar forms are bit-identical.
 */
public final class HardTanh extends StandardActivation {
    private final float lo;
    private final float hi;

    /** @param spec canonical, with {@code min_val < max_val} (the factory checks) */
    public HardTanh(ActivationSpec spec) {
        super(spec, properties(spec.number("min_val"), spec.number("max_val")));
        this.lo = (float) spec.number("min_val");
        this.hi = (float) spec.number("max_val");
    }

    private static ActivationProperties properties(double lo, double hi) {
        return new ActivationProperties(lo, hi, true, lo < 0 && hi > 0, true, List.of(lo, hi));
    }

    @Override
    public BulkAccuracy bulkAccuracy() {
        return BulkAccuracy.EXACT;
    }

    @Override
    public float apply(float x) {
        return Math.min(Math.max(x, lo), hi);
    }

    @Override
    public float derivative(float x, float y) {
        if (Float.isNaN(x)) {
            return x;
        }
        return x >= lo && x < hi ? 1f : 0f;
    }

    @Override
    public void apply(float[] src, int srcOff, float[] dst, int dstOff, int length) {
        checkRanges(src, srcOff, dst, dstOff, length);
        int i = VectorSupport.AVAILABLE ? Lanes.apply(src, srcOff, dst, dstOff, length, lo, hi) : 0;
        for (; i < length; i++) {
            dst[dstOff + i] = apply(src[srcOff + i]);
        }
    }

    @Override
    public void derivative(float[] x, int xOff, float[] y, int yOff, float[] dst, int dstOff, int length) {
        checkRanges(x, xOff, y, yOff, dst, dstOff, length);
        int i = VectorSupport.AVAILABLE ? Lanes.derivative(x, xOff, y, yOff, dst, dstOff, length, lo, hi) : 0;
        for (; i < length; i++) {
            dst[dstOff + i] = derivative(x[xOff + i], y[yOff + i]);
        }
    }

    /**
     * The Vector API kernels, loaded only when {@link VectorSupport#AVAILABLE}: each covers the whole vectors
     * of a range and returns where the scalar tail begins.
     */
    private static final class Lanes {
        static int apply(float[] src, int srcOff, float[] dst, int dstOff, int length, float lo, float hi) {
            int i = 0;
            for (int upper = SPECIES.loopBound(length); i < upper; i += SPECIES.length()) {
                lanes(FloatVector.fromArray(SPECIES, src, srcOff + i), lo, hi).intoArray(dst, dstOff + i);
            }
            return i;
        }

        static int derivative(float[] x, int xOff, float[] y, int yOff, float[] dst, int dstOff, int length,
                float lo, float hi) {
            int i = 0;
            for (int upper = SPECIES.loopBound(length); i < upper; i += SPECIES.length()) {
                derivativeLanes(FloatVector.fromArray(SPECIES, x, xOff + i),
                        FloatVector.fromArray(SPECIES, y, yOff + i), lo, hi).intoArray(dst, dstOff + i);
            }
            return i;
        }

        private static FloatVector lanes(FloatVector x, float lo, float hi) {
            return x.max(lo).min(hi);
        }

        private static FloatVector derivativeLanes(FloatVector x, FloatVector y, float lo, float hi) {
            return FloatVector.zero(SPECIES).blend(1f, x.compare(VectorOperators.GE, lo).and(x.lt(hi)))
                    .blend(x, VectorMath.isNaN(x));
        }
    }
}

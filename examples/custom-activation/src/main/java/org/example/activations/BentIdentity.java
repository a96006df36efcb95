package org.example.activations;

import static org.example.activations.Lanes.SPECIES;

import java.util.List;

import jdk.incubator.vector.FloatVector;

import org.hotcell.core.activation.Activation;
import org.hotcell.core.activation.ActivationProperties;
import org.hotcell.core.activation.ActivationSpec;

/**
 * The bent identity: {@code bent(x) = (sqrt(x^2 + 1) - 1) / 2 + x},
 * {@code bent'(x) = x / (2 sqrt(x^2 + 1)) + 1}.
 *
 * <p>Range (-inf, inf); monotonic (the slope stays in (1/2, 3/2)), zero-centred, not saturating, smooth: a
 * ReLU-like bend without a kink and without a dead side. {@code bent(+-inf) = +-inf}.
 *
 * <p>The bend is computed as {@code x^2 / (2 (sqrt(x^2 + 1) + 1))}, which has no cancellation near 0, and
 * rewritten over {@code m = max(|x|, 1)}, {@code t = x/m}, {@code u = 1/m} (see {@link Scaling}) as
 * {@code m t^2 / (2 (sqrt(t^2 + u^2) + u))}, which never overflows. The bulk forms do the same operations in
 * the same order with the Vector API, so they are bit-identical to the scalar forms; without the Vector API
 * (see {@link VectorSupport}) they run the scalar forms.
 */
final class BentIdentity implements Activation {
    private static final ActivationProperties PROPERTIES = new ActivationProperties(
            Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, true, true, false, List.of());

    private final ActivationSpec spec;

    BentIdentity(ActivationSpec spec) {
        this.spec = spec;
    }

    @Override
    public ActivationSpec spec() {
        return spec;
    }

    @Override
    public ActivationProperties properties() {
        return PROPERTIES;
    }

    @Override
    public float apply(float x) {
        float c = Scaling.clamp(x);
        float m = Math.max(Math.abs(c), 1f);
        float t = c / m;
        float u = 1f / m;
        float r = (float) Math.sqrt(Math.fma(t, t, u * u));
        // x itself, not the clamped c: bent(+-inf) must stay +-inf.
        return x + m * t * t / ((r + u) * 2f);
    }

    /** {@code 1 + x / (2 sqrt(x^2 + 1)) = 1 + t / (2 sqrt(t^2 + u^2))}, from x (y is not needed). */
    @Override
    public float derivative(float x, float y) {
        float c = Scaling.clamp(x);
        float m = Math.max(Math.abs(c), 1f);
        float t = c / m;
        float u = 1f / m;
        float r = (float) Math.sqrt(Math.fma(t, t, u * u));
        return t / (r * 2f) + 1f;
    }

    @Override
    public void apply(float[] src, int srcOff, float[] dst, int dstOff, int length) {
        Scaling.checkRange(src, srcOff, length, "src");
        Scaling.checkRange(dst, dstOff, length, "dst");
        int i = VectorSupport.AVAILABLE ? Kernels.apply(src, srcOff, dst, dstOff, length) : 0;
        for (; i < length; i++) {
            dst[dstOff + i] = apply(src[srcOff + i]);
        }
    }

    @Override
    public void derivative(float[] x, int xOff, float[] y, int yOff, float[] dst, int dstOff, int length) {
        Scaling.checkRange(x, xOff, length, "x");
        Scaling.checkRange(y, yOff, length, "y");
        Scaling.checkRange(dst, dstOff, length, "dst");
        int i = VectorSupport.AVAILABLE ? Kernels.derivative(x, xOff, dst, dstOff, length) : 0;
        for (; i < length; i++) {
            dst[dstOff + i] = derivative(x[xOff + i], y[yOff + i]);
        }
    }

    /**
     * The Vector API loops, in a class of their own so that BentIdentity itself links without
     * jdk.incubator.vector: each covers the whole vectors of a range and returns where the scalar tail begins.
     */
    private static final class Kernels {
        static int apply(float[] src, int srcOff, float[] dst, int dstOff, int length) {
            int i = 0;
            for (int upper = SPECIES.loopBound(length); i < upper; i += SPECIES.length()) {
                FloatVector x = FloatVector.fromArray(SPECIES, src, srcOff + i);
                FloatVector c = Lanes.clamp(x);
                FloatVector m = c.abs().max(1f);
                FloatVector t = c.div(m);
                FloatVector u = m.broadcast(1f).div(m);
                FloatVector r = t.fma(t, u.mul(u)).sqrt();
                x.add(m.mul(t).mul(t).div(r.add(u).mul(2f))).intoArray(dst, dstOff + i);
            }
            return i;
        }

        static int derivative(float[] x, int xOff, float[] dst, int dstOff, int length) {
            int i = 0;
            for (int upper = SPECIES.loopBound(length); i < upper; i += SPECIES.length()) {
                FloatVector c = Lanes.clamp(FloatVector.fromArray(SPECIES, x, xOff + i));
                FloatVector m = c.abs().max(1f);
                FloatVector t = c.div(m);
                FloatVector u = m.broadcast(1f).div(m);
                FloatVector r = t.fma(t, u.mul(u)).sqrt();
                t.div(r.mul(2f)).add(1f).intoArray(dst, dstOff + i);
            }
            return i;
        }
    }
}

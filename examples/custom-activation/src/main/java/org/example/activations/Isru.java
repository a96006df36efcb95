package org.example.activations;

import static org.example.activations.Lanes.SPECIES;

import java.util.List;

import jdk.incubator.vector.FloatVector;

import org.hotcell.core.activation.Activation;
import org.hotcell.core.activation.ActivationProperties;
import org.hotcell.core.activation.ActivationSpec;

/**
 * The inverse square root unit (Carlile et al., 2017):
 * {@code isru(x) = x / sqrt(1 + alpha x^2)}, {@code isru'(x) = (1 + alpha x^2)^(-3/2)}, alpha &gt; 0.
 *
 * <p>Range {@code (-1/sqrt(alpha), 1/sqrt(alpha))}; monotonic, zero-centred, saturating (polynomially, like
 * softsign), smooth. With alpha = 1 it is a tanh look-alike whose tails decay as {@code |x|^-3} instead of
 * {@code e^-2|x|}. {@code isru(+-inf) = +-1/sqrt(alpha)}.
 *
 * <p>Computed as {@code t / sqrt(u^2 + alpha t^2)} with {@code t = x/m}, {@code u = 1/m}, {@code m = max(|x|, 1)}
 * (the same value, see {@link Scaling}), which never overflows. The bulk forms do the same operations in the
 * same order with the Vector API, so they are bit-identical to the scalar forms; without the Vector API (see
 * {@link VectorSupport}) they run the scalar forms.
 */
final class Isru implements Activation {
    private final ActivationSpec spec;
    private final float alpha;
    private final ActivationProperties properties;

    /** @param spec a canonical spec with a numeric {@code alpha} in the factory's declared range */
    Isru(ActivationSpec spec) {
        this.spec = spec;
        this.alpha = (float) spec.number("alpha");
        double bound = 1 / Math.sqrt(alpha);
        this.properties = new ActivationProperties(-bound, bound, true, true, true, List.of());
    }

    @Override
    public ActivationSpec spec() {
        return spec;
    }

    @Override
    public ActivationProperties properties() {
        return properties;
    }

    @Override
    public float apply(float x) {
        float c = Scaling.clamp(x);
        float m = Math.max(Math.abs(c), 1f);
        float t = c / m;
        float u = 1f / m;
        return t / (float) Math.sqrt(Math.fma(alpha * t, t, u * u));
    }

    /**
     * {@code (1 + alpha x^2)^(-3/2) = (u / sqrt(u^2 + alpha t^2))^3}, from x. The form from y,
     * {@code (1 - alpha y^2)^(3/2)}, is cheaper but loses every digit where y is near its bound.
     */
    @Override
    public float derivative(float x, float y) {
        float c = Scaling.clamp(x);
        float m = Math.max(Math.abs(c), 1f);
        float t = c / m;
        float u = 1f / m;
        float q = u / (float) Math.sqrt(Math.fma(alpha * t, t, u * u));
        return q * q * q;
    }

    @Override
    public void apply(float[] src, int srcOff, float[] dst, int dstOff, int length) {
        Scaling.checkRange(src, srcOff, length, "src");
        Scaling.checkRange(dst, dstOff, length, "dst");
        int i = VectorSupport.AVAILABLE ? Kernels.apply(src, srcOff, dst, dstOff, length, alpha) : 0;
        for (; i < length; i++) {
            dst[dstOff + i] = apply(src[srcOff + i]);
        }
    }

    @Override
    public void derivative(float[] x, int xOff, float[] y, int yOff, float[] dst, int dstOff, int length) {
        Scaling.checkRange(x, xOff, length, "x");
        Scaling.checkRange(y, yOff, length, "y");
        Scaling.checkRange(dst, dstOff, length, "dst");
        int i = VectorSupport.AVAILABLE ? Kernels.derivative(x, xOff, dst, dstOff, length, alpha) : 0;
        for (; i < length; i++) {
            dst[dstOff + i] = derivative(x[xOff + i], y[yOff + i]);
        }
    }

    /**
     * The Vector API loops, in a class of their own so that Isru itself links without jdk.incubator.vector: each
     * covers the whole vectors of a range and returns where the scalar tail begins.
     */
    private static final class Kernels {
        static int apply(float[] src, int srcOff, float[] dst, int dstOff, int length, float alpha) {
            int i = 0;
            for (int upper = SPECIES.loopBound(length); i < upper; i += SPECIES.length()) {
                FloatVector c = Lanes.clamp(FloatVector.fromArray(SPECIES, src, srcOff + i));
                FloatVector m = c.abs().max(1f);
                FloatVector t = c.div(m);
                FloatVector u = m.broadcast(1f).div(m);
                t.div(t.mul(alpha).fma(t, u.mul(u)).sqrt()).intoArray(dst, dstOff + i);
            }
            return i;
        }

        static int derivative(float[] x, int xOff, float[] dst, int dstOff, int length, float alpha) {
            int i = 0;
            for (int upper = SPECIES.loopBound(length); i < upper; i += SPECIES.length()) {
                FloatVector c = Lanes.clamp(FloatVector.fromArray(SPECIES, x, xOff + i));
                FloatVector m = c.abs().max(1f);
                FloatVector t = c.div(m);
                FloatVector u = m.broadcast(1f).div(m);
                FloatVector q = u.div(t.mul(alpha).fma(t, u.mul(u)).sqrt());
                q.mul(q).mul(q).intoArray(dst, dstOff + i);
            }
            return i;
        }
    }
}

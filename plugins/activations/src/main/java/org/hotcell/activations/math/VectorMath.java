package org.hotcell.activations.math;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Lane-wise transcendental functions for the bulk kernels, built from FMA and exponent-bit arithmetic.
 *
 * <p>Why not {@code lanewise(VectorOperators.EXP)}: on CPUs without a vector math library intrinsic those ops
 * fall back to a scalar loop and are slower than plain {@code Math.exp}; these stay in registers.
 *
 * <p>Each function documents its accuracy against the true value: the error bounds each activation states
 * for bulk versus scalar are built on these. All functions propagate NaN, and give the right limits at
 * +-infinity (0, 1 or infinity as the function tends to).
 */
public final class VectorMath {
    /** The one vector shape every bulk kernel uses: the widest the CPU runs natively. */
    public static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;

    private static final float LOG2_E = 1.44269504088896341f;
    // ln 2 split so that k * LN2_HI is exact for |k| < 2^11 (Cody and Waite's reduction).
    private static final float LN2_HI = 0.693145751953125f;
    private static final float LN2_LO = 1.42860682030941723212e-6f;
    // 1.5 * 2^23: adding and subtracting it rounds a float of magnitude < 2^22 to the nearest integer.
    private static final float ROUNDER = 12582912f;
    private static final int ROUNDER_BITS = Float.floatToIntBits(ROUNDER);
    // Reinterpreting into these constant species (rather than convert() or reinterpretAsInts(), which look
    // the species up) lets C2 intrinsify the casts in every compilation; a miss would box each vector.
    private static final VectorSpecies<Integer> INT_SPECIES = VectorSpecies.of(int.class, SPECIES.vectorShape());

    private VectorMath() {
    }

    /**
     * e^x within 2 ulp for every float, with correct overflow to +inf (x &gt; 88.72), gradual underflow to
     * subnormals and 0 (x &lt; -87.3), e^-inf = 0 and NaN for NaN.
     *
     * <p>x = k ln2 + r with |r| &lt;= ln2/2; e^r by its Taylor polynomial to degree 7 (truncation 6e-9
     * relative); 2^k applied as two exact power-of-two factors so that the last product rounds once, also
     * into the subnormal range.
     */
    public static FloatVector exp(FloatVector x) {
        // Beyond these bounds e^x is already inf or 0 in float; the clamp keeps k in [-151, 129].
        FloatVector xc = x.max(-104f).min(89f);
        // t's low mantissa bits hold k = round(x log2 e) as an integer; k itself as a float is t - ROUNDER.
        FloatVector t = xc.fma(LOG2_E, ROUNDER);
        FloatVector k = t.sub(ROUNDER);
        FloatVector r = k.fma(FloatVector.broadcast(SPECIES, -LN2_HI), xc);
        r = k.fma(FloatVector.broadcast(SPECIES, -LN2_LO), r);
        // e^r by its Taylor polynomial to degree 7, written out: helper calls here would deepen the inlining
        // tree past what C2 inlines, and a vector that crosses a call that is not inlined gets boxed.
        FloatVector p = r.fma(FloatVector.broadcast(SPECIES, 1f / 5040f), FloatVector.broadcast(SPECIES, 1f / 720f));
        p = p.fma(r, FloatVector.broadcast(SPECIES, 1f / 120f));
        p = p.fma(r, FloatVector.broadcast(SPECIES, 1f / 24f));
        p = p.fma(r, FloatVector.broadcast(SPECIES, 1f / 6f));
        p = p.fma(r, FloatVector.broadcast(SPECIES, 0.5f));
        p = p.fma(r, FloatVector.broadcast(SPECIES, 1f));
        p = p.fma(r, FloatVector.broadcast(SPECIES, 1f));
        IntVector ki = ((IntVector) t.reinterpretShape(INT_SPECIES, 0)).sub(ROUNDER_BITS);
        IntVector k1 = ki.lanewise(VectorOperators.ASHR, 1);
        IntVector k2 = ki.sub(k1);
        FloatVector scale1 = (FloatVector) k1.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretShape(SPECIES, 0);
        FloatVector scale2 = (FloatVector) k2.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretShape(SPECIES, 0);
        return p.mul(scale1).mul(scale2);
    }

    /**
     * e^x - 1 within 3 ulp for x &lt;= 88 (use {@link #exp} above that), without the cancellation of
     * {@code exp(x) - 1} near 0; -1 for x &lt; -30 and at -inf; NaN for NaN.
     *
     * <p>With x = k ln2 + r as in {@link #exp}: e^x - 1 = 2^k (e^r - 1) + (2^k - 1), where e^r - 1 comes from
     * its own Taylor polynomial (to degree 8) and 2^k - 1 is exact for the k that occur.
     */
    public static FloatVector expm1(FloatVector x) {
        FloatVector xc = x.max(-30f).min(88f);
        FloatVector t = xc.fma(LOG2_E, ROUNDER);
        FloatVector k = t.sub(ROUNDER);
        FloatVector r = k.fma(FloatVector.broadcast(SPECIES, -LN2_HI), xc);
        r = k.fma(FloatVector.broadcast(SPECIES, -LN2_LO), r);
        // e^r - 1 = r + r^2/2! + ... + r^8/8!
        FloatVector q = r.fma(1f / 40320f, 1f / 5040f);
        q = q.fma(r, FloatVector.broadcast(SPECIES, 1f / 720f));
        q = q.fma(r, FloatVector.broadcast(SPECIES, 1f / 120f));
        q = q.fma(r, FloatVector.broadcast(SPECIES, 1f / 24f));
        q = q.fma(r, FloatVector.broadcast(SPECIES, 1f / 6f));
        q = q.fma(r, FloatVector.broadcast(SPECIES, 0.5f));
        q = q.mul(r).fma(r, r);
        IntVector ki = ((IntVector) t.reinterpretShape(INT_SPECIES, 0)).sub(ROUNDER_BITS);
        FloatVector scale = (FloatVector) ki.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretShape(SPECIES, 0);
        return q.fma(scale, scale.sub(1f));
    }

    /**
     * The logistic sigmoid 1/(1+e^-x) within 3 ulp: 0 at -inf (and already for x &lt; -103.9 in float,
     * without NaN), 1 at +inf, NaN for NaN.
     *
     * <p>With e = e^-|x| (never overflows): 1/(1+e) for x &gt;= 0 and e/(1+e) for x &lt; 0, so that the
     * subnormal outputs below x = -87 come out right instead of as 1/inf = 0.
     */
    public static FloatVector sigmoid(FloatVector x) {
        FloatVector e = exp(x.abs().neg());
        FloatVector s = FloatVector.broadcast(SPECIES, 1f).div(e.add(1f));
        return s.blend(e.mul(s), x.lt(0f));
    }

    /**
     * tanh x within 3 ulp: +-1 at +-inf, NaN for NaN, -0 for -0.
     *
     * <p>For |x| &lt; 0.55 the odd Taylor polynomial to x^15 (truncation below 5e-8 relative), which keeps
     * full relative accuracy near 0; above, 1 - 2/(e^(2|x|) + 1) with the sign of x, which has no
     * cancellation there because the result is at least 0.5.
     */
    public static FloatVector tanh(FloatVector x) {
        FloatVector a = x.abs();
        FloatVector x2 = x.mul(x);
        // tanh x = x + x^3 P(x^2), P from the series x - x^3/3 + 2x^5/15 - 17x^7/315 + ...
        FloatVector p = x2.fma(-929569f / 638512875f, 21844f / 6081075f);
        p = p.fma(x2, FloatVector.broadcast(SPECIES, -1382f / 155925f));
        p = p.fma(x2, FloatVector.broadcast(SPECIES, 62f / 2835f));
        p = p.fma(x2, FloatVector.broadcast(SPECIES, -17f / 315f));
        p = p.fma(x2, FloatVector.broadcast(SPECIES, 2f / 15f));
        p = p.fma(x2, FloatVector.broadcast(SPECIES, -1f / 3f));
        FloatVector small = p.mul(x2).fma(x, x);
        FloatVector large = FloatVector.broadcast(SPECIES, 1f).sub(
                FloatVector.broadcast(SPECIES, 2f).div(exp(a.add(a)).add(1f)));
        large = large.blend(large.neg(), x.lt(0f));
        return large.blend(small, a.lt(0.55f));
    }

    /**
     * log(1 + t) for t in [0, 1] within 2 ulp, with full relative accuracy for tiny t: log(1+t) = 2 atanh(s)
     * with s = t/(2+t) in [0, 1/3], by the odd series of atanh to s^13 (truncation below 2e-8 relative).
     */
    public static FloatVector log1pUnit(FloatVector t) {
        FloatVector s = t.div(t.add(2f));
        FloatVector s2 = s.mul(s);
        FloatVector p = s2.fma(2f / 13f, 2f / 11f);
        p = p.fma(s2, FloatVector.broadcast(SPECIES, 2f / 9f));
        p = p.fma(s2, FloatVector.broadcast(SPECIES, 2f / 7f));
        p = p.fma(s2, FloatVector.broadcast(SPECIES, 2f / 5f));
        p = p.fma(s2, FloatVector.broadcast(SPECIES, 2f / 3f));
        return p.mul(s2).fma(s, s.add(s));
    }

    /**
     * softplus log(1 + e^x) = max(x, 0) + log1p(e^-|x|), within 3 ulp; finite for every finite x (100 at
     * 100), 0 at -inf, +inf at +inf.
     */
    public static FloatVector softplus(FloatVector x) {
        return x.max(0f).add(log1pUnit(exp(x.abs().neg())));
    }

    /**
     * The standard normal distribution function Phi(x) = erfc(-x/sqrt 2)/2 within 4 ulp relative where
     * Phi(x) &lt; 1/2 and 2 ulp of 1 above; 0 at -inf, 1 at +inf.
     *
     * <p>erfc(z) for z &gt;= 0 is the Chebyshev fit of Press, Teukolsky, Vetterling and Flannery (Numerical
     * Recipes, erfcc): t e^(-z^2 + P(t)) with t = 1/(1 + z/2), fractional error below 1.2e-7. The exponent
     * -z^2 + P(t) is carried as a head and a tail so that its rounding does not grow with z^2.
     */
    public static FloatVector normalCdf(FloatVector x) {
        // Beyond z = 14, erfc(z)/2 is below the smallest subnormal float; the clamp keeps z^2 finite.
        FloatVector z = x.abs().mul(0.70710678118654752f).min(14f);
        FloatVector t = FloatVector.broadcast(SPECIES, 1f).div(z.fma(0.5f, 1f));
        FloatVector p = t.fma(0.17087277f, -0.82215223f);
        p = p.fma(t, FloatVector.broadcast(SPECIES, 1.48851587f));
        p = p.fma(t, FloatVector.broadcast(SPECIES, -1.13520398f));
        p = p.fma(t, FloatVector.broadcast(SPECIES, 0.27886807f));
        p = p.fma(t, FloatVector.broadcast(SPECIES, -0.18628806f));
        p = p.fma(t, FloatVector.broadcast(SPECIES, 0.09678418f));
        p = p.fma(t, FloatVector.broadcast(SPECIES, 0.37409196f));
        p = p.fma(t, FloatVector.broadcast(SPECIES, 1.00002368f));
        p = p.fma(t, FloatVector.broadcast(SPECIES, -1.26551223f));
        // -z^2 = -(zz + zzTail) exactly; then head + tail = p - zz by a two-sum.
        FloatVector zz = z.mul(z);
        FloatVector zzTail = z.fma(z, zz.neg());
        FloatVector head = p.sub(zz);
        FloatVector back = head.sub(p);
        FloatVector tail = p.sub(head.sub(back)).add(zz.neg().sub(back)).sub(zzTail);
        FloatVector half = t.mul(exp(head)).mul(tail.add(1f)).mul(0.5f);
        half = half.blend(0f, z.eq(14f));
        return FloatVector.broadcast(SPECIES, 1f).sub(half).blend(half, x.lt(0f));
    }

    /** A lane mask of the NaN lanes of x. */
    public static VectorMask<Float> isNaN(FloatVector x) {
        return x.test(VectorOperators.IS_NAN);
    }
}

package org.hotcell.backend.simd.internal.lowp;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.hotcell.backend.simd.internal.Lanes;

/**
 * The float32 micro-kernels of {@code TileKernels} over {@link Bf16PanelMatrix}'s panels: each k step loads one
 * int vector (a whole panel step, 2 x LENGTH bfloat16) and widens it in registers, {@code bits & 0xFFFF0000}
 * for the panel's first float vector and {@code bits << 16} for its second, both reinterpreted as floats (no
 * lane moves). Accumulation is float32 with the same order and accumulators as the float32 kernels. The bodies
 * are written out, not shared through a helper: a helper taking vectors that the JIT declined to inline would
 * box them (see {@code TileKernels}).
 */
final class Bf16Kernels {
    private static final VectorSpecies<Float> S = Lanes.SPECIES;
    /** Int lanes of the float species' width: one int holds a panel's two bfloat16 at one lane position. */
    private static final VectorSpecies<Integer> I = VectorSpecies.of(int.class, Lanes.SPECIES.vectorShape());
    private static final int L = Lanes.LENGTH;
    private static final int P = Lanes.PANEL;
    private static final int HIGH = 0xFFFF0000;

    private Bf16Kernels() {
    }

    /** {@code TileKernels.gemv4} over bfloat16 panels starting at {@code b0 .. b3} (int offsets). */
    static void gemv4(int kLen, float[] a, int a0, int aStep, int[] b, int b0, int b1, int b2, int b3, float[] out) {
        FloatVector s00 = FloatVector.zero(S);
        FloatVector s01 = FloatVector.zero(S);
        FloatVector s10 = FloatVector.zero(S);
        FloatVector s11 = FloatVector.zero(S);
        FloatVector s20 = FloatVector.zero(S);
        FloatVector s21 = FloatVector.zero(S);
        FloatVector s30 = FloatVector.zero(S);
        FloatVector s31 = FloatVector.zero(S);
        for (int p = 0; p < kLen; p++) {
            FloatVector x = FloatVector.broadcast(S, a[a0 + p * aStep]);
            int d = p * L;
            IntVector v0 = IntVector.fromArray(I, b, b0 + d);
            IntVector v1 = IntVector.fromArray(I, b, b1 + d);
            IntVector v2 = IntVector.fromArray(I, b, b2 + d);
            IntVector v3 = IntVector.fromArray(I, b, b3 + d);
            s00 = v0.and(HIGH).reinterpretAsFloats().fma(x, s00);
            s01 = v0.lanewise(VectorOperators.LSHL, 16).reinterpretAsFloats().fma(x, s01);
            s10 = v1.and(HIGH).reinterpretAsFloats().fma(x, s10);
            s11 = v1.lanewise(VectorOperators.LSHL, 16).reinterpretAsFloats().fma(x, s11);
            s20 = v2.and(HIGH).reinterpretAsFloats().fma(x, s20);
            s21 = v2.lanewise(VectorOperators.LSHL, 16).reinterpretAsFloats().fma(x, s21);
            s30 = v3.and(HIGH).reinterpretAsFloats().fma(x, s30);
            s31 = v3.lanewise(VectorOperators.LSHL, 16).reinterpretAsFloats().fma(x, s31);
        }
        s00.intoArray(out, 0);
        s01.intoArray(out, L);
        s10.intoArray(out, P);
        s11.intoArray(out, P + L);
        s20.intoArray(out, 2 * P);
        s21.intoArray(out, 2 * P + L);
        s30.intoArray(out, 3 * P);
        s31.intoArray(out, 3 * P + L);
    }

    /** {@code TileKernels.rows4} over a bfloat16 panel's k steps from int offset {@code bOff}. */
    static void rows4(int kLen, float[] a, int a0, int lda, int[] b, int bOff, float[] out, int at, int ld,
                      boolean accumulate) {
        int a1 = a0 + lda;
        int a2 = a0 + 2 * lda;
        int a3 = a0 + 3 * lda;
        FloatVector r00 = FloatVector.zero(S);
        FloatVector r01 = FloatVector.zero(S);
        FloatVector r10 = FloatVector.zero(S);
        FloatVector r11 = FloatVector.zero(S);
        FloatVector r20 = FloatVector.zero(S);
        FloatVector r21 = FloatVector.zero(S);
        FloatVector r30 = FloatVector.zero(S);
        FloatVector r31 = FloatVector.zero(S);
        for (int p = 0; p < kLen; p++) {
            IntVector v = IntVector.fromArray(I, b, bOff + p * L);
            FloatVector w0 = v.and(HIGH).reinterpretAsFloats();
            FloatVector w1 = v.lanewise(VectorOperators.LSHL, 16).reinterpretAsFloats();
            FloatVector x = FloatVector.broadcast(S, a[a0 + p]);
            r00 = w0.fma(x, r00);
            r01 = w1.fma(x, r01);
            x = FloatVector.broadcast(S, a[a1 + p]);
            r10 = w0.fma(x, r10);
            r11 = w1.fma(x, r11);
            x = FloatVector.broadcast(S, a[a2 + p]);
            r20 = w0.fma(x, r20);
            r21 = w1.fma(x, r21);
            x = FloatVector.broadcast(S, a[a3 + p]);
            r30 = w0.fma(x, r30);
            r31 = w1.fma(x, r31);
        }
        if (accumulate) {
            r00.add(FloatVector.fromArray(S, out, at)).intoArray(out, at);
            r01.add(FloatVector.fromArray(S, out, at + L)).intoArray(out, at + L);
            r10.add(FloatVector.fromArray(S, out, at + ld)).intoArray(out, at + ld);
            r11.add(FloatVector.fromArray(S, out, at + ld + L)).intoArray(out, at + ld + L);
            r20.add(FloatVector.fromArray(S, out, at + 2 * ld)).intoArray(out, at + 2 * ld);
            r21.add(FloatVector.fromArray(S, out, at + 2 * ld + L)).intoArray(out, at + 2 * ld + L);
            r30.add(FloatVector.fromArray(S, out, at + 3 * ld)).intoArray(out, at + 3 * ld);
            r31.add(FloatVector.fromArray(S, out, at + 3 * ld + L)).intoArray(out, at + 3 * ld + L);
        } else {
            r00.intoArray(out, at);
            r01.intoArray(out, at + L);
            r10.intoArray(out, at + ld);
            r11.intoArray(out, at + ld + L);
            r20.intoArray(out, at + 2 * ld);
            r21.intoArray(out, at + 2 * ld + L);
            r30.intoArray(out, at + 3 * ld);
            r31.intoArray(out, at + 3 * ld + L);
        }
    }

    /** One row against a bfloat16 panel's k steps from int offset {@code bOff}, into {@code out[at ..]}. */
    static void rows1(int kLen, float[] a, int a0, int aStep, int[] b, int bOff, float[] out, int at) {
        FloatVector r0 = FloatVector.zero(S);
        FloatVector r1 = FloatVector.zero(S);
        for (int p = 0; p < kLen; p++) {
            IntVector v = IntVector.fromArray(I, b, bOff + p * L);
            FloatVector x = FloatVector.broadcast(S, a[a0 + p * aStep]);
            r0 = v.and(HIGH).reinterpretAsFloats().fma(x, r0);
            r1 = v.lanewise(VectorOperators.LSHL, 16).reinterpretAsFloats().fma(x, r1);
        }
        r0.intoArray(out, at);
        r1.intoArray(out, at + L);
    }
}

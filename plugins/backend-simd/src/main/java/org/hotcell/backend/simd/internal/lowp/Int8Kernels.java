package org.hotcell.backend.simd.internal.lowp;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;
import org.hotcell.backend.simd.internal.Lanes;

/**
 * The float32 micro-kernels over {@link Int8PanelMatrix}'s panels: each k step loads the panel's two runs of
 * LENGTH bytes and widens each to a float vector (byte to float, {@code convertShape(B2F)}, part 0), then
 * accumulates in float32 as the float32 kernels do; the sums are multiplied by their rows' scales once, at the
 * end. The byte species is LENGTH bytes wide (64 bits at least, the narrowest shape: at 128-bit floats it holds
 * more bytes than are used, which is why the packed array has {@link #SLACK} bytes past its end).
 *
 * <p>The widening is written out at every use rather than in a helper: in a kernel this size C2 may stop inlining
 * small helpers (NodeCountInliningCutoff) and then boxes their vectors (5-10x slower, seen in a variant of these
 * kernels). That variant, four int8 per int (two k steps) widened by shifts, masks and a same-shape int-to-float
 * conversion instead of this byte-to-float one, ran no faster (products 1.19-1.78x fp32's speed against 1.23-1.90x
 * here): either way every float vector costs a conversion beside its FMA, which bf16 does not.
 */
final class Int8Kernels {
    private static final VectorSpecies<Float> S = Lanes.SPECIES;
    private static final VectorSpecies<Byte> B = VectorSpecies.of(byte.class,
            VectorShape.forBitSize(Math.max(64, Lanes.LENGTH * 8)));
    private static final int L = Lanes.LENGTH;
    private static final int P = Lanes.PANEL;
    /** Bytes a load may read past the last panel. */
    static final int SLACK = B.length();

    private Int8Kernels() {
    }

    /** {@code TileKernels.gemv4} over int8 panels starting at {@code b0 .. b3}; scales from {@code s[s0]}. */
    static void gemv4(int kLen, float[] a, int a0, int aStep, byte[] b, int b0, int b1, int b2, int b3, float[] s,
                      int s0, float[] out) {
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
            int d = p * P;
            s00 = ((FloatVector) ByteVector.fromArray(B, b, b0 + d).convertShape(VectorOperators.B2F, S, 0)).fma(x, s00);
            s01 = ((FloatVector) ByteVector.fromArray(B, b, b0 + d + L).convertShape(VectorOperators.B2F, S, 0)).fma(x, s01);
            s10 = ((FloatVector) ByteVector.fromArray(B, b, b1 + d).convertShape(VectorOperators.B2F, S, 0)).fma(x, s10);
            s11 = ((FloatVector) ByteVector.fromArray(B, b, b1 + d + L).convertShape(VectorOperators.B2F, S, 0)).fma(x, s11);
            s20 = ((FloatVector) ByteVector.fromArray(B, b, b2 + d).convertShape(VectorOperators.B2F, S, 0)).fma(x, s20);
            s21 = ((FloatVector) ByteVector.fromArray(B, b, b2 + d + L).convertShape(VectorOperators.B2F, S, 0)).fma(x, s21);
            s30 = ((FloatVector) ByteVector.fromArray(B, b, b3 + d).convertShape(VectorOperators.B2F, S, 0)).fma(x, s30);
            s31 = ((FloatVector) ByteVector.fromArray(B, b, b3 + d + L).convertShape(VectorOperators.B2F, S, 0)).fma(x, s31);
        }
        s00.mul(FloatVector.fromArray(S, s, s0)).intoArray(out, 0);
        s01.mul(FloatVector.fromArray(S, s, s0 + L)).intoArray(out, L);
        s10.mul(FloatVector.fromArray(S, s, s0 + P)).intoArray(out, P);
        s11.mul(FloatVector.fromArray(S, s, s0 + P + L)).intoArray(out, P + L);
        s20.mul(FloatVector.fromArray(S, s, s0 + 2 * P)).intoArray(out, 2 * P);
        s21.mul(FloatVector.fromArray(S, s, s0 + 2 * P + L)).intoArray(out, 2 * P + L);
        s30.mul(FloatVector.fromArray(S, s, s0 + 3 * P)).intoArray(out, 3 * P);
        s31.mul(FloatVector.fromArray(S, s, s0 + 3 * P + L)).intoArray(out, 3 * P + L);
    }

    /** {@code TileKernels.rows4} over an int8 panel's k steps from byte offset {@code bOff}. */
    static void rows4(int kLen, float[] a, int a0, int lda, byte[] b, int bOff, float[] s, int s0, float[] out, int at,
                      int ld, boolean accumulate) {
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
            int bp = bOff + p * P;
            FloatVector w0 = ((FloatVector) ByteVector.fromArray(B, b, bp).convertShape(VectorOperators.B2F, S, 0));
            FloatVector w1 = ((FloatVector) ByteVector.fromArray(B, b, bp + L).convertShape(VectorOperators.B2F, S, 0));
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
        FloatVector c0 = FloatVector.fromArray(S, s, s0);
        FloatVector c1 = FloatVector.fromArray(S, s, s0 + L);
        r00 = r00.mul(c0);
        r01 = r01.mul(c1);
        r10 = r10.mul(c0);
        r11 = r11.mul(c1);
        r20 = r20.mul(c0);
        r21 = r21.mul(c1);
        r30 = r30.mul(c0);
        r31 = r31.mul(c1);
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

    /** One row against an int8 panel's k steps from byte offset {@code bOff}, into {@code out[at ..]}. */
    static void rows1(int kLen, float[] a, int a0, int aStep, byte[] b, int bOff, float[] s, int s0, float[] out,
                      int at) {
        FloatVector r0 = FloatVector.zero(S);
        FloatVector r1 = FloatVector.zero(S);
        for (int p = 0; p < kLen; p++) {
            int bp = bOff + p * P;
            FloatVector x = FloatVector.broadcast(S, a[a0 + p * aStep]);
            r0 = ((FloatVector) ByteVector.fromArray(B, b, bp).convertShape(VectorOperators.B2F, S, 0)).fma(x, r0);
            r1 = ((FloatVector) ByteVector.fromArray(B, b, bp + L).convertShape(VectorOperators.B2F, S, 0)).fma(x, r1);
        }
        r0.mul(FloatVector.fromArray(S, s, s0)).intoArray(out, at);
        r1.mul(FloatVector.fromArray(S, s, s0 + L)).intoArray(out, at + L);
    }
}

package org.hotcell.tck;

import java.util.List;
import java.util.function.IntSupplier;

import org.hotcell.core.activation.Activation;
import org.hotcell.core.activation.ActivationProperties;
import org.hotcell.core.activation.ActivationSpec;

/**
 * A small activation for testing the kit: softsign scaled by 2, {@code 2x / (1 + |x|)}, correct in every
 * respect unless a test overrides a part of it to make it wrong.
 */
class ToyActivation implements Activation {

    @Override
    public ActivationSpec spec() {
        return ActivationSpec.of("toy_softsign", "scale", 2.0);
    }

    @Override
    public ActivationProperties properties() {
        return new ActivationProperties(-2, 2, true, true, true, List.of());
    }

    @Override
    public float apply(float x) {
        if (Float.isInfinite(x)) {
            return Math.copySign(2f, x);
        }
        return (float) (2.0 * x / (1.0 + Math.abs((double) x)));
    }

    @Override
    public float derivative(float x, float y) {
        double d = 1.0 + Math.abs((double) x);
        return (float) (2.0 / (d * d));
    }

    /** The toy with declared properties replaced. */
    static ToyActivation claiming(ActivationProperties properties) {
        return new ToyActivation() {
            @Override
            public ActivationProperties properties() {
                return properties;
            }
        };
    }

    /** A function whose bulk apply loops over the scalar form and adds what {@code drift} says per call. */
    static ToyActivation withBulkDrift(IntSupplier drift) {
        return new ToyActivation() {
            @Override
            public void apply(float[] src, int srcOff, float[] dst, int dstOff, int length) {
                float add = drift.getAsInt() * 1e-3f;
                for (int i = 0; i < length; i++) {
                    dst[dstOff + i] = apply(src[srcOff + i]) + add;
                }
            }
        };
    }
}

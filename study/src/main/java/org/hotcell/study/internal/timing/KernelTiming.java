package org.hotcell.study.internal.timing;

import java.util.Objects;

/**
 * The bulk kernels of one activation, timed: nanoseconds per element of the forward kernel and of the derivative
 * kernel, one sample of each per round of {@link ActivationTimings#measure}.
 *
 * @param activation      the activation's spec text, as it was asked for
 * @param elements        the length of each kernel call
 * @param applyCalls      forward calls per sample, chosen in the warm-up so that samples last about as long for
 *                        every activation
 * @param derivativeCalls derivative calls per sample, chosen likewise
 * @param apply           ns/element of {@code apply(float[], int, float[], int, int)}
 * @param derivative      ns/element of {@code derivative(float[], int, float[], int, float[], int, int)}
 */
public record KernelTiming(String activation, int elements, int applyCalls, int derivativeCalls, Samples apply,
                           Samples derivative) {

    public KernelTiming {
        Objects.requireNonNull(activation, "activation");
        Objects.requireNonNull(apply, "apply");
        Objects.requireNonNull(derivative, "derivative");
    }

    /** The median ns/element of the forward kernel. */
    public double applyNanosPerElement() {
        return apply.median();
    }

    /** The median ns/element of the derivative kernel. */
    public double derivativeNanosPerElement() {
        return derivative.median();
    }
}

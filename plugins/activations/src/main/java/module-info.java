/**
 * The standard activation set: sigmoid, tanh, the ReLU family, ELU/SELU, softsign, softplus, GELU, SiLU, Mish
 * and more, each with a Vector API bulk kernel. It exports nothing: the registry finds it as an
 * {@link org.hotcell.core.activation.ActivationFactory} provider.
 *
 * <p>The Vector API is optional: without {@code jdk.incubator.vector} in the boot layer the bulk forms run the
 * scalar forms (see {@code org.hotcell.activations.math.VectorSupport}).
 */
module org.hotcell.activations {
    requires org.hotcell.core;
    // Static: the module resolves without the incubator module, and VectorSupport picks the scalar loops.
    requires static jdk.incubator.vector;
    // VectorSupport says once why it fell back; core logs through SLF4J too, so every host has it.
    requires org.slf4j;

    provides org.hotcell.core.activation.ActivationFactory
            with org.hotcell.activations.StandardActivations;
}

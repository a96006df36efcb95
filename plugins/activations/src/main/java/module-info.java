/**
 * The standard activation set: sigmoid, tanh, the ReLU family, ELU/SELU, softsign, softplus, GELU, SiLU, Mish
 * and more, each with a Vector API bulk kernel. It exports nothing: the registry finds it as an
 * {@link org.hotcell.core.activation.ActivationFactory} provider.
 */
module org.hotcell.activations {
    requires org.hotcell.core;
    requires jdk.incubator.vector;

    provides org.hotcell.core.activation.ActivationFactory
            with org.hotcell.activations.StandardActivations;
}

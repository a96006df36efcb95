package org.hotcell.core.activation;

/**
 * Where cells get their activations from: usually the {@code Registry}, which resolves a spec through the
 * installed plugins. Tests may pass a lambda.
 */
@FunctionalInterface
public interface ActivationSource {

    /**
     * The activation a spec asks for.
     *
     * @throws org.hotcell.core.error.UnknownActivationException when no plugin serves the name
     * @throws org.hotcell.core.error.InvalidSpecException       when a parameter is unusable
     */
    Activation activation(ActivationSpec spec);
}
